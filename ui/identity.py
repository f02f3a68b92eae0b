"""Who is acting: the one place that turns a request into the owner of the studio."""

from __future__ import annotations

import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Mapping
from typing import Any

import gradio as gr

from core.accounts import Accounts
from core.errors import Refusal, StudioError
from core.settings import AuthMode, Settings
from core.signed_ids import SignedIds, load_or_create_secret
from ui.i18n import DEFAULT, t

MAX_BROWSER_SESSIONS = 100_000  # page sessions remembered per process (oldest forgotten first)


class Identity:
    """Resolves the owner of every request from the request itself, never from an argument.

    none: the one local studio. password: the signed-in account. browser: the studio whose
    signed id the browser keeps (API clients: one studio per client session). hf: the
    Hugging Face account signed in with OAuth.
    """

    def __init__(self, settings: Settings, accounts: Accounts, ids: SignedIds | None) -> None:
        self.settings = settings
        self.mode = settings.studio_auth
        self.accounts = accounts
        self.ids = ids
        self._browsers: OrderedDict[str, str] = OrderedDict()
        self._lock = threading.Lock()

    def owner(self, request: gr.Request | None) -> str:
        """The user a request acts for; StudioError when it acts for nobody."""
        if self.mode is AuthMode.NONE:
            return self.settings.user_id
        if request is None:
            raise StudioError(Refusal.SIGN_IN_FIRST)
        if self.mode is AuthMode.PASSWORD:
            return self._account(request)
        if self.mode is AuthMode.HF:
            return hf_owner(oauth_profile(request))
        return self._browser_studio(request)

    def claim(self, request: gr.Request, token: object) -> str | None:
        """Browser mode, on page load: bind the page to the studio its token names.

        A missing or forged token gets a new studio. Returns the token the browser keeps.
        """
        if self.mode is not AuthMode.BROWSER or self.ids is None:
            return None
        studio_id = self.ids.verify(token)
        if studio_id is None:
            token = self.ids.issue()
            studio_id = self.ids.verify(token)
        session = _session(request)
        with self._lock:
            self._browsers[session] = f"browser:{studio_id}"
            self._browsers.move_to_end(session)
            while len(self._browsers) > MAX_BROWSER_SESSIONS:
                self._browsers.popitem(last=False)
        return str(token)

    def signed_in_as(self, request: gr.Request | None, lang: str = DEFAULT) -> str:
        """A short line saying whose studio this is ('' for the one local studio)."""
        if self.mode is AuthMode.NONE:
            return ""
        try:
            owner = self.owner(request)
        except StudioError as exc:
            return exc.text(lang)
        if self.mode is AuthMode.BROWSER:
            return t(lang, "account.browser")
        return t(lang, "account.signed_in", name=owner.removeprefix("hf:"))

    def _account(self, request: gr.Request) -> str:
        name = getattr(request, "username", None)
        # The account may have been removed (`users remove`) since this sign-in.
        if not name or not self.accounts.exists(name):
            raise StudioError(Refusal.SIGN_IN_FIRST)
        return name

    def _browser_studio(self, request: gr.Request) -> str:
        session = _session(request)
        with self._lock:
            bound = self._browsers.get(session)
        # Pages bind their browser's studio on load; API clients get one studio per session.
        return bound or f"session:{session}"


def _session(request: gr.Request) -> str:
    """A fixed-size key for the request's page or client session."""
    raw = getattr(request, "session_hash", None)
    if not raw:
        raise StudioError(Refusal.SIGN_IN_FIRST)
    return hashlib.sha256(str(raw).encode()).hexdigest()[:32]


def oauth_profile(request: gr.Request) -> gr.OAuthProfile | None:
    """The Hugging Face profile signed in on this request's session, if any (and not expired)."""
    underlying = getattr(request, "request", None) or request
    scope = getattr(underlying, "scope", None)
    session: Mapping[str, Any] = (
        scope.get("session", {}) if isinstance(scope, dict) else getattr(underlying, "session", {})
    ) or {}
    info = session.get("oauth_info")
    if not info or (info.get("expires_at") or float("inf")) < time.time():
        return None
    return gr.OAuthProfile(info["userinfo"])


def hf_owner(profile: gr.OAuthProfile | None) -> str:
    """The studio of a Hugging Face account, or StudioError when nobody is signed in."""
    username = getattr(profile, "username", None) if profile is not None else None
    if not username:
        raise StudioError(Refusal.HF_SIGN_IN_FIRST)
    return f"hf:{username}"


def browser_keys(settings: Settings) -> tuple[SignedIds, str]:
    """Browser mode's signer of studio ids, and the key gr.BrowserState encrypts with.

    Both come from STUDIO_SECRET (or a secret kept in storage), so a restart keeps every studio.
    Gradio hands the BrowserState key to the page, so it protects nothing by itself: what counts
    is the signature on the studio id inside, made with a key that never leaves the server.
    """
    secret = settings.studio_secret.encode() or load_or_create_secret(settings.secret_file)
    signer = hashlib.sha256(b"studio-ids\0" + secret).digest()
    return SignedIds(signer), hashlib.sha256(b"browser-state\0" + secret).hexdigest()
