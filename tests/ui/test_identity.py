"""Who is acting, per STUDIO_AUTH mode, from requests built here (no network); the start-up log."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

import gradio as gr
import pytest
from starlette.requests import Request

from app import open_database
from core.accounts import Accounts, ScryptCost
from core.errors import StudioError
from core.settings import AuthMode, Settings
from core.signed_ids import SignedIds
from ui.identity import Identity, browser_keys, hf_owner, oauth_profile
from ui.theme import warn_if_exposed


def profile(username: str) -> dict[str, Any]:
    return {
        "name": username.title(), "preferred_username": username,
        "profile": f"https://huggingface.co/{username}", "picture": "",
    }  # fmt: skip


def request(
    *, session: dict[str, Any] | None = None, username: str | None = None, session_hash: str = "s1"
) -> gr.Request:
    """A gr.Request as Gradio builds it, around a Starlette request with this session."""
    scope: dict[str, Any] = {"type": "http", "headers": [], "method": "POST", "path": "/"}
    if session is not None:
        scope["session"] = session  # what Starlette's SessionMiddleware puts there
    return gr.Request(request=Request(scope), username=username, session_hash=session_hash)


def identity(tmp_path: Path, mode: AuthMode, ids: SignedIds | None = None) -> Identity:
    settings = Settings(storage_dir=tmp_path / "storage", studio_auth=mode)
    return Identity(settings, Accounts(open_database(settings), ScryptCost(n=2**10)), ids)


def test_hf_owner_from_constructed_profiles() -> None:
    assert hf_owner(gr.OAuthProfile(profile("lan-nguyen"))) == "hf:lan-nguyen"
    assert hf_owner(gr.OAuthProfile(profile("Hoa"))) != hf_owner(gr.OAuthProfile(profile("lan")))
    with pytest.raises(StudioError, match="Sign in with Hugging Face"):
        hf_owner(None)


def test_hf_mode_reads_the_signed_in_session(tmp_path: Path) -> None:
    hf = identity(tmp_path, AuthMode.HF)
    later = time.time() + 3600
    signed_in = {"oauth_info": {"userinfo": profile("lan"), "expires_at": later}}
    assert hf.owner(request(session=signed_in)) == "hf:lan"
    assert oauth_profile(request(session=signed_in)).name == "Lan"
    expired = {"oauth_info": {"userinfo": profile("lan"), "expires_at": time.time() - 1}}
    for anonymous in (request(session={}), request(session=expired), request(), None):
        with pytest.raises(StudioError):
            hf.owner(anonymous)
    # A username given by password sign-in means nothing in hf mode.
    with pytest.raises(StudioError, match="Sign in with Hugging Face"):
        hf.owner(request(username="lan"))


def test_the_account_line_speaks_the_screen_language(tmp_path: Path) -> None:
    hf = identity(tmp_path, AuthMode.HF)
    signed_in = {"oauth_info": {"userinfo": profile("lan"), "expires_at": time.time() + 3600}}
    assert hf.signed_in_as(request(session=signed_in), "en").startswith("Signed in as **lan**")
    assert hf.signed_in_as(request(session=signed_in), "vi").startswith("Đã đăng nhập: **lan**")
    assert hf.signed_in_as(request(session={}), "vi") == (
        "Hãy đăng nhập bằng Hugging Face để mở studio của bạn."
    )
    assert identity(tmp_path, AuthMode.NONE).signed_in_as(request(), "vi") == ""


def test_password_mode_takes_the_signed_in_account(tmp_path: Path) -> None:
    password = identity(tmp_path, AuthMode.PASSWORD)
    password.accounts.add("lan", "lotus pendant 18k")
    assert password.owner(request(username="lan")) == "lan"
    for anonymous in (request(), request(username="hoa"), None):  # hoa has no account
        with pytest.raises(StudioError, match="Sign in first"):
            password.owner(anonymous)


def test_none_mode_is_the_one_local_studio(tmp_path: Path) -> None:
    local = identity(tmp_path, AuthMode.NONE)
    assert {local.owner(r) for r in (None, request(), request(username="lan"))} == {"designer"}


def test_browser_mode_binds_pages_to_their_signed_studio(tmp_path: Path) -> None:
    ids, _key = browser_keys(Settings(storage_dir=tmp_path / "storage"))
    browser = identity(tmp_path, AuthMode.BROWSER, ids)
    api_client = request(session_hash="client-1")
    assert browser.owner(api_client) == browser.owner(request(session_hash="client-1"))
    assert browser.owner(api_client) != browser.owner(request(session_hash="client-2"))

    first_tab = request(session_hash="tab-1")
    token = browser.claim(first_tab, None)  # a new browser: a new studio
    studio = browser.owner(first_tab)
    assert studio.startswith("browser:") and studio != browser.owner(api_client)
    second_tab = request(session_hash="tab-2")
    assert browser.claim(second_tab, token) == token  # the same browser keeps its studio
    assert browser.owner(second_tab) == studio
    forged = request(session_hash="tab-3")
    kept = browser.claim(forged, token[:-2] + "xx")
    assert kept != token and browser.owner(forged) not in {studio, browser.owner(api_client)}


def test_browser_keys_survive_a_restart_and_follow_the_secret(tmp_path: Path) -> None:
    settings = Settings(storage_dir=tmp_path / "storage")
    ids, key = browser_keys(settings)
    again_ids, again_key = browser_keys(settings)
    token = ids.issue()
    assert again_ids.verify(token) is not None and again_key == key
    other_ids, other_key = browser_keys(
        Settings(storage_dir=tmp_path / "s", studio_secret="x" * 32)
    )
    assert other_ids.verify(token) is None and other_key != key
    assert "x" * 32 not in other_key


@pytest.mark.parametrize(
    ("env", "warned"),
    [
        ({"GRADIO_SERVER_NAME": "0.0.0.0"}, True),
        ({"GRADIO_SERVER_NAME": "192.168.1.20", "STUDIO_AUTH": "none"}, True),
        ({}, False),
        ({"GRADIO_SERVER_NAME": "127.0.0.1"}, False),
        ({"GRADIO_SERVER_NAME": "0.0.0.0", "STUDIO_AUTH": "password"}, False),
        ({"GRADIO_SERVER_NAME": "0.0.0.0", "STUDIO_AUTH": "browser"}, False),
    ],
)
def test_start_up_log_says_plainly_when_one_shared_studio_is_exposed(
    env: dict[str, str], warned: bool, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        warn_if_exposed(Settings.from_env(env))
    text = caplog.text
    assert ("shares ONE studio" in text) is warned
    if warned:
        assert env["GRADIO_SERVER_NAME"] in text and "STUDIO_AUTH=password, browser or hf" in text
