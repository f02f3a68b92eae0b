"""Calling the page's own (private) events over HTTP, as a browser or a hand-made client could."""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx


class PageSession:
    """One page session on the app: its config, a session hash, and the queue protocol."""

    def __init__(self, url: str, auth: tuple[str, str] | None = None) -> None:
        self.http = httpx.Client(base_url=url, timeout=60)
        if auth is not None:
            signed_in = self.http.post("login", data={"username": auth[0], "password": auth[1]})
            signed_in.raise_for_status()
        self.config = self.http.get("config").json()
        self.session_hash = uuid.uuid4().hex[:11]

    def event(self, api_name: str) -> dict[str, Any]:
        """The dependency (event) the page wires under this name."""
        (found,) = [d for d in self.config["dependencies"] if d.get("api_name") == api_name]
        return found

    def call(self, api_name: str, *data: Any) -> dict[str, Any]:
        """Run the event with these inputs; the final message ('output', 'success')."""
        event = self.event(api_name)
        joined = self.http.post(
            "gradio_api/queue/join",
            json={
                "data": list(data), "fn_index": event["id"], "session_hash": self.session_hash,
                "trigger_id": event["targets"][0][0], "event_data": None,
            },
        )  # fmt: skip
        joined.raise_for_status()
        event_id = joined.json()["event_id"]
        params = {"session_hash": self.session_hash}
        with self.http.stream("GET", "gradio_api/queue/data", params=params) as stream:
            for line in stream.iter_lines():
                if not line.startswith("data:"):
                    continue
                message = json.loads(line.removeprefix("data:"))
                if message.get("event_id") == event_id and message["msg"] == "process_completed":
                    return message
        raise AssertionError(f"{api_name} never completed")

    def close(self) -> None:
        self.http.close()
