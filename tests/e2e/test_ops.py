"""Probes, metrics and paging on the real app, as a load balancer and a client see them."""

from __future__ import annotations

import httpx
import pytest
from gradio_client import Client
from gradio_client.exceptions import AppError
from prometheus_client.parser import text_string_to_metric_families

from tests.conftest import RunningApp


def samples(url: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of /metrics by name and labels."""
    text = httpx.get(url + "metrics").text
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def test_health_and_readiness_answer(running_app: RunningApp) -> None:
    health = httpx.get(running_app.url + "healthz")
    ready = httpx.get(running_app.url + "readyz")
    assert (health.status_code, health.json()) == (200, {"status": "ok"})
    assert (ready.status_code, ready.json()) == (200, {"status": "ready"})


def test_requests_carry_an_id(running_app: RunningApp) -> None:
    given = httpx.get(running_app.url + "healthz", headers={"X-Request-ID": "probe-17"})
    fresh = httpx.get(running_app.url + "healthz")
    assert given.headers["x-request-id"] == "probe-17"
    assert len(fresh.headers["x-request-id"]) == 32


def test_metrics_move_after_a_turn_and_a_form_design(
    client: Client, running_app: RunningApp
) -> None:
    before = samples(running_app.url)
    conv = client.predict("metrics", "", api_name="/create_conversation")
    client.predict(conv["id"], "a platinum ring with a 1 ct oval ruby", api_name="/chat")
    client.predict("", {"jewelry_type": "pendant"}, conv["id"], 2, api_name="/generate_2d")
    after = samples(running_app.url)

    def moved(name: str, **labels: str) -> float:
        key = (name, tuple(sorted(labels.items())))
        return after.get(key, 0.0) - before.get(key, 0.0)

    assert moved("studio_turns_total", designer="offline", outcome="ok") == 1
    assert moved("studio_designs_total", designer="offline", outcome="ok") == 1
    assert moved("studio_designs_total", designer="form", outcome="ok") == 2
    assert moved("studio_turn_seconds_count", designer="offline") == 1
    assert moved("studio_drawing_seconds_count", artist="engine") == 3


def test_get_conversation_pages_newest_first(client: Client) -> None:
    conv = client.predict("paging", "", api_name="/create_conversation")
    for text in ["a gold ring", "make it platinum", "hello", "nhẫn bạc"]:
        client.predict(conv["id"], text, api_name="/chat")
    whole = client.predict(conv["id"], api_name="/get_conversation")
    assert "next_before_id" not in whole and len(whole["messages"]) == 8
    pages, before_id = [], None
    while True:
        page = client.predict(conv["id"], 3, before_id, api_name="/get_conversation")
        pages.append(page)
        before_id = page["next_before_id"]
        if before_id is None:
            break
    assert [len(p["messages"]) for p in pages] == [3, 3, 2]
    paged = [m["id"] for p in pages for m in p["messages"]]
    assert paged == [m["id"] for m in reversed(whole["messages"])]
    shown = {i for p in pages for m in p["messages"] for i in m["images"]}
    assert {i["id"] for p in pages for i in p["images"]} == shown
    assert all(i["image_url"].startswith("/gradio_api/file=") for p in pages for i in p["images"])


def test_a_bad_page_size_is_refused(client: Client) -> None:
    conv = client.predict("bad page", "", api_name="/create_conversation")
    for limit in (0, 501):
        with pytest.raises(AppError, match=f"limit must be between 1 and 500, not {limit}"):
            client.predict(conv["id"], limit, api_name="/get_conversation")


def test_readiness_names_missing_storage(running_app: RunningApp) -> None:
    root = running_app.studio.files.served_root
    moved = root.with_name("files-away")
    root.rename(moved)
    try:
        ready = httpx.get(running_app.url + "readyz")
        health = httpx.get(running_app.url + "healthz")
    finally:
        moved.rename(root)
    assert ready.status_code == 503 and health.status_code == 200
    assert ready.json()["status"] == "not ready"
    assert [p.split(":")[0] for p in ready.json()["problems"]] == ["storage"]
    assert httpx.get(running_app.url + "readyz").status_code == 200
