"""STUDIO_AUTH=password through gradio_client: two designers, each alone in their own studio."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from gradio_client import Client

from core.settings import Settings
from tests.conftest import PASSWORDS, RunningApp, launch_with_accounts, signed_in
from tests.e2e.ui_events import PageSession

RING = {"jewelry_type": "ring", "metal": "platinum", "gemstone": "ruby", "carat": 1.0}
MISSING = 987_654

# Every public endpoint and the id it takes; a new endpoint fails the test below until listed.
CONVERSATION_ENDPOINTS: dict[str, tuple[Any, ...]] = {
    "/get_conversation": (),
    "/update_conversation": ("Taken over", ""),
    "/delete_conversation": (),
    "/chat": ("make it gold",),
}
GENERATE_ENDPOINTS = ("/generate_2d", "/generate_3d")  # (prompt, properties, conversation_id)
DESIGN_ENDPOINTS = (
    "/get_spec", "/get_image", "/get_model", "/get_stl", "/get_sheet_pdf", "/get_package",
)  # fmt: skip
COMPARE_ENDPOINT = "/compare_designs"  # takes design ids: one of the caller's, one of another's
UNSCOPED_BY_ID = {  # act on the caller's own studio
    "/create_conversation", "/list_conversations", "/list_designs", "/export_designs",
}  # fmt: skip


@pytest.fixture(scope="module")
def password_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    app = launch_with_accounts(Settings(storage_dir=tmp_path_factory.mktemp("acc") / "storage"))
    yield app
    app.close()


@pytest.fixture(scope="module")
def lan(password_app: RunningApp) -> Client:
    return signed_in(password_app, "lan")


@pytest.fixture(scope="module")
def hoa(password_app: RunningApp) -> Client:
    return signed_in(password_app, "hoa")


@pytest.fixture(scope="module")
def lans_work(lan: Client) -> dict[str, Any]:
    """Lan's studio: a conversation with a chat design and a 3D design, and a loose design."""
    conversation = lan.predict("Lan's rings", "", api_name="/create_conversation")
    chat = lan.predict(conversation["id"], "a platinum ring with a ruby", api_name="/chat")
    three_d = lan.predict("", RING, conversation["id"], 1, api_name="/generate_3d")["images"][0]
    loose = lan.predict("", RING, None, 1, api_name="/generate_3d")["images"][0]
    assert loose["conversation_id"] is None
    return {
        "conversation": conversation,
        "designs": [chat["generated_images"][0], three_d, loose],
        "snapshot": lan.predict(conversation["id"], api_name="/get_conversation"),
    }


def refusal(client: Client, *args: Any, api_name: str) -> str:
    with pytest.raises(Exception) as info:
        client.predict(*args, api_name=api_name)
    return str(info.value)


def same_as_missing(
    client: Client, api_name: str, before: tuple, other_id: int, after: tuple
) -> str:
    """Another designer's id must be refused exactly like an id that does not exist."""
    theirs = refusal(client, *before, other_id, *after, api_name=api_name)
    missing = refusal(client, *before, MISSING, *after, api_name=api_name)
    assert str(other_id) in theirs, theirs
    assert theirs.replace(str(other_id), "<id>") == missing.replace(str(MISSING), "<id>")
    return theirs


def test_every_endpoint_is_listed_for_ownership(hoa: Client) -> None:
    public = set(hoa.view_api(return_format="dict", print_info=False)["named_endpoints"])
    listed = {*CONVERSATION_ENDPOINTS, *GENERATE_ENDPOINTS, *DESIGN_ENDPOINTS, *UNSCOPED_BY_ID,
              COMPARE_ENDPOINT}  # fmt: skip
    assert public == listed


def test_another_designers_conversation_answers_like_a_missing_one(
    hoa: Client, lan: Client, lans_work: dict[str, Any]
) -> None:
    their = lans_work["conversation"]["id"]
    for api_name, after in CONVERSATION_ENDPOINTS.items():
        message = same_as_missing(hoa, api_name, (), their, after)
        assert f"no conversation with id {their}" in message
    for api_name in GENERATE_ENDPOINTS:
        message = same_as_missing(hoa, api_name, ("", RING), their, (1,))
        assert f"no conversation with id {their}" in message
    assert hoa.predict(api_name="/list_conversations") == []
    # Lan's work is untouched: same title, messages and designs.
    assert lan.predict(their, api_name="/get_conversation") == lans_work["snapshot"]


def test_another_designers_designs_and_files_answer_like_missing_ones(
    hoa: Client, lan: Client, lans_work: dict[str, Any]
) -> None:
    for design in lans_work["designs"]:  # from a chat, from the form, and a loose one
        for api_name in DESIGN_ENDPOINTS:
            message = same_as_missing(hoa, api_name, (), design["id"], ())
            assert f"no design with id {design['id']}" in message
            assert "only 3D designs" not in message  # not even what kind of design it is
    for design in lans_work["designs"]:
        assert Path(lan.predict(design["id"], api_name="/get_image")).is_file()


def test_another_designers_designs_stay_out_of_compare_catalogue_and_export(
    hoa: Client, lan: Client, lans_work: dict[str, Any]
) -> None:
    conversation = hoa.predict("Hoa's pair", "", api_name="/create_conversation")
    own = hoa.predict("", RING, conversation["id"], 2, api_name="/generate_2d")["images"]
    own_ids = [design["id"] for design in own]
    assert len(hoa.predict(own_ids, api_name=COMPARE_ENDPOINT)["designs"]) == 2
    for design in lans_work["designs"]:
        theirs = refusal(hoa, [own_ids[0], design["id"]], api_name=COMPARE_ENDPOINT)
        missing = refusal(hoa, [own_ids[0], MISSING], api_name=COMPARE_ENDPOINT)
        assert f"no design with id {design['id']}" in theirs
        assert theirs.replace(str(design["id"]), "<id>") == missing.replace(str(MISSING), "<id>")
    assert [d["id"] for d in hoa.predict(api_name="/list_designs")] == own_ids[::-1]
    exported = json.loads(Path(hoa.predict("json", api_name="/export_designs")).read_text("utf-8"))
    assert [row["id"] for row in exported] == own_ids
    lans = {d["id"] for d in lan.predict(api_name="/list_designs")}
    assert lans == {d["id"] for d in lans_work["designs"]}  # the loose design included
    hoa.predict(conversation["id"], api_name="/delete_conversation")  # Hoa's studio as it was


def test_each_designer_lists_and_changes_only_their_own(
    hoa: Client, lan: Client, lans_work: dict[str, Any]
) -> None:
    mine = hoa.predict("Hoa's bangles", "", api_name="/create_conversation")
    hoa.predict(mine["id"], "a white gold bangle", api_name="/chat")
    assert [c["id"] for c in hoa.predict(api_name="/list_conversations")] == [mine["id"]]
    assert mine["id"] not in [c["id"] for c in lan.predict(api_name="/list_conversations")]
    assert f"no conversation with id {mine['id']}" in refusal(
        lan, mine["id"], api_name="/delete_conversation"
    )
    assert hoa.predict(mine["id"], api_name="/delete_conversation") == {"deleted": mine["id"]}
    assert lan.predict(lans_work["conversation"]["id"], api_name="/get_conversation")


def test_file_urls_are_unguessable(lans_work: dict[str, Any]) -> None:
    for design in lans_work["designs"]:
        name = design["image_url"].rsplit("/", 1)[-1]
        assert len(name.removesuffix(".png")) == 32  # a random uuid4, not a sequence


def test_wrong_password_unknown_account_and_no_sign_in_are_refused(
    password_app: RunningApp,
) -> None:
    for auth in [("lan", "wrong password"), ("nobody", "lotus pendant 18k"), ("lan", "")]:
        with pytest.raises(ValueError, match="Could not login"):
            Client(password_app.url, auth=auth, verbose=False)
    with pytest.raises(Exception):  # noqa: B017  (gradio_client's own error for a 401 config)
        Client(password_app.url, verbose=False)
    for path in ("config", "gradio_api/info", "gradio_api/upload"):
        response = httpx.get(password_app.url + path)
        assert response.status_code in {401, 405}, path
    call = httpx.post(password_app.url + "gradio_api/call/list_conversations", json={"data": []})
    assert call.status_code == 401


def test_a_removed_account_is_refused_at_once(password_app: RunningApp) -> None:
    password_app.studio.accounts.add("minh", "temporary password")
    minh = Client(password_app.url, auth=("minh", "temporary password"), verbose=False)
    assert minh.predict(api_name="/list_conversations") == []
    password_app.studio.accounts.remove("minh")
    assert "Sign in first" in refusal(minh, api_name="/list_conversations")


def test_the_sign_in_page_is_served(password_app: RunningApp) -> None:
    with urllib.request.urlopen(password_app.url) as response:
        assert response.status == 200


def test_the_page_events_act_for_the_signed_in_designer(
    password_app: RunningApp, lans_work: dict[str, Any]
) -> None:
    """The sidebar's `select` takes a conversation id from the page: Hoa cannot open Lan's.

    (Gradio already refuses a value that is not among this page's choices; the studio would
    refuse it too. Either way the answer is the same as for an id that does not exist.)
    """
    their = lans_work["conversation"]["id"]
    page = PageSession(password_app.url, auth=("hoa", PASSWORDS["hoa"]))
    try:
        loaded = page.call("open_page", "en", "en", None)  # language choice, browser's, no key
        assert loaded["success"], loaded
        refused = [page.call("select", conversation, "en") for conversation in (their, MISSING)]
        assert not refused[0]["success"] and not refused[1]["success"]
        texts = [str(r["output"].get("error")) for r in refused]
        assert str(their) in texts[0]
        assert texts[0].replace(str(their), "<id>") == texts[1].replace(str(MISSING), "<id>")
        assert "Lan's rings" not in json.dumps(loaded) + json.dumps(refused)
        # The gallery's compare picks come from the page too.
        theirs = [design["id"] for design in lans_work["designs"][:2]]
        compared = page.call("compare", theirs, "en")
        assert not compared["success"], compared
        assert "Lan's rings" not in json.dumps(compared)
    finally:
        page.close()
