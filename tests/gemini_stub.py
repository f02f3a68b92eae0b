"""A stand-in Gemini REST server on loopback, for pointing the real google-genai SDK at.

It answers `POST /{version}/models/{model}:generateContent` and
`:streamGenerateContent?alt=sse` with the JSON shapes the API uses, records every
request it receives, and is scripted per test: a queue of replies per model, or a
handler function. Replies can be delayed, hang, fail with a status code or send a
raw non-JSON body. Given `known_models`, it answers 404 NOT_FOUND for any other model, as
Gemini does for a model id it does not know.
"""

from __future__ import annotations

import base64
import io
import json
import re
import threading
from collections import defaultdict, deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from PIL import Image

ROUTE = re.compile(r"^/(?P<version>[^/]+)/models/(?P<model>[^/:]+):(?P<method>[A-Za-z]+)$")


@dataclass(frozen=True)
class Recorded:
    """One request the stub received."""

    version: str
    model: str
    method: str
    query: str
    headers: dict[str, str]
    body: dict[str, Any]
    raw: bytes

    @property
    def streamed(self) -> bool:
        return self.method == "streamGenerateContent"

    def texts(self) -> list[str]:
        """Every text part of every content, in order."""
        return [p["text"] for c in self.body.get("contents", []) for p in c["parts"] if "text" in p]

    def inline_images(self) -> list[bytes]:
        """Decoded bytes of every inline image sent in the contents."""
        return [data for _, data in self.inline_parts()]

    def inline_parts(self, content_index: int | None = None) -> list[tuple[str, bytes]]:
        """(MIME type, bytes) of every inline part, of all contents or of one content.

        The API takes `mimeType` or `mime_type` (the SDK sends the latter inside inlineData).
        """
        contents = self.body.get("contents", [])
        if content_index is not None:
            contents = [contents[content_index]]
        return [
            (blob.get("mimeType") or blob.get("mime_type") or "", decode_b64(blob["data"]))
            for c in contents
            for p in c["parts"]
            if (blob := p.get("inlineData") or p.get("inline_data"))
        ]

    def function_names(self) -> list[str]:
        """Names of the declared tools."""
        tools = self.body.get("tools") or []
        return [d["name"] for t in tools for d in t.get("functionDeclarations", [])]


@dataclass
class Reply:
    """What the stub answers: JSON bodies (one per SSE event when streamed), or a raw body."""

    bodies: list[dict[str, Any]] = field(default_factory=list)
    status: int = 200
    raw: bytes | None = None
    delay: float = 0.0
    chunk_delay: float = 0.0


Handler = Callable[[Recorded], Reply]


# ----- reply builders -------------------------------------------------------------


def decode_b64(data: str) -> bytes:
    """Bytes from base64 as the SDK sends it (URL-safe alphabet) or the API does (standard)."""
    standard = data.replace("-", "+").replace("_", "/")
    return base64.b64decode(standard + "=" * (-len(standard) % 4))


def text(value: str, *, signature: bytes | None = None, thought: bool = False) -> dict[str, Any]:
    """A text part."""
    part: dict[str, Any] = {"text": value}
    if thought:
        part["thought"] = True
    return _signed(part, signature)


def function_call(
    name: str, args: dict[str, Any], *, signature: bytes | None = None, call_id: str | None = None
) -> dict[str, Any]:
    """A functionCall part, optionally with a thought signature."""
    call: dict[str, Any] = {"name": name, "args": args}
    if call_id:
        call["id"] = call_id
    return _signed({"functionCall": call}, signature)


def image(png: bytes, mime_type: str = "image/png") -> dict[str, Any]:
    """An inlineData image part."""
    return {"inlineData": {"mimeType": mime_type, "data": base64.b64encode(png).decode()}}


def _signed(part: dict[str, Any], signature: bytes | None) -> dict[str, Any]:
    if signature is not None:
        part["thoughtSignature"] = base64.b64encode(signature).decode()
    return part


def candidate(*parts: dict[str, Any], finish_reason: str = "STOP") -> dict[str, Any]:
    """A response body with one candidate."""
    content = {"role": "model", "parts": list(parts)}
    return {"candidates": [{"content": content, "finishReason": finish_reason, "index": 0}]}


def reply(*parts: dict[str, Any], finish_reason: str = "STOP", **options: Any) -> Reply:
    """A one-event reply with these parts."""
    return Reply([candidate(*parts, finish_reason=finish_reason)], **options)


def streamed(*chunks: Iterable[dict[str, Any]] | dict[str, Any], **options: Any) -> Reply:
    """A streamed reply: each chunk is a part (or a list of parts) sent as its own event."""
    bodies = []
    for index, chunk in enumerate(chunks):
        parts = [chunk] if isinstance(chunk, dict) else list(chunk)
        body = {"candidates": [{"content": {"role": "model", "parts": parts}, "index": 0}]}
        if index == len(chunks) - 1:
            body["candidates"][0]["finishReason"] = "STOP"
        bodies.append(body)
    return Reply(bodies, **options)


def finished(reason: str, *parts: dict[str, Any]) -> Reply:
    """A candidate stopped for `reason`: IMAGE_SAFETY, NO_IMAGE, MALFORMED_FUNCTION_CALL..."""
    body = {"candidates": [{"finishReason": reason, "index": 0}]}
    if parts:
        body["candidates"][0]["content"] = {"role": "model", "parts": list(parts)}
    return Reply([body])


def blocked(reason: str = "SAFETY") -> Reply:
    """A prompt blocked before any candidate: promptFeedback.blockReason."""
    return Reply([{"promptFeedback": {"blockReason": reason}}])


def error(code: int, status: str, message: str = "stub error", **options: Any) -> Reply:
    """An API error in Google's JSON shape."""
    body = {"error": {"code": code, "message": message, "status": status}}
    return Reply([body], status=code, **options)


def unknown_model(request: Recorded) -> Reply:
    """Gemini's answer for a model id it does not know (its real wording)."""
    message = (
        f"models/{request.model} is not found for API version {request.version}, or is not "
        f"supported for {request.method}. Call ListModels to see the list of available models "
        "and their supported methods."
    )
    return error(404, "NOT_FOUND", message)


def raw(body: bytes | str, *, status: int = 200, **options: Any) -> Reply:
    """A raw body, e.g. an HTML page from a proxy instead of JSON."""
    data = body.encode() if isinstance(body, str) else body
    return Reply(status=status, raw=data, **options)


def png(width: int = 64, height: int = 64, color: str = "gold") -> bytes:
    """A small real PNG."""
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, format="PNG")
    return buffer.getvalue()


# ----- the server --------------------------------------------------------------------


class GeminiStub:
    """A threaded loopback HTTP server speaking the Gemini generateContent REST API."""

    def __init__(self, *, delay: float = 0.0, known_models: Iterable[str] | None = None) -> None:
        self.delay = delay
        self.known_models = None if known_models is None else frozenset(known_models)
        self.requests: list[Recorded] = []
        self.handlers: dict[str, Handler] = {}
        self.default: Handler | None = None
        self._queues: dict[str, deque[Reply]] = defaultdict(deque)
        self._lock = threading.Lock()
        self._closing = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _make_handler(self))
        self._server.daemon_threads = True
        self._server.block_on_close = False
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> GeminiStub:
        """Start serving in a background thread."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Release hanging replies and stop serving."""
        self._closing.set()
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> GeminiStub:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def script(self, model: str, *replies: Reply) -> None:
        """Queue replies for a model, answered in order."""
        with self._lock:
            self._queues[model].extend(replies)

    def on(self, model: str, handler: Handler) -> None:
        """Answer a model's requests with a function (used when its queue is empty)."""
        self.handlers[model] = handler

    def calls(self, model: str | None = None) -> list[Recorded]:
        """Recorded requests, optionally for one model."""
        with self._lock:
            return [r for r in self.requests if model is None or r.model == model]

    def answer(self, request: Recorded) -> Reply:
        """Record a request and pick its reply."""
        with self._lock:
            self.requests.append(request)
            if self.known_models is not None and request.model not in self.known_models:
                return unknown_model(request)
            queue = self._queues[request.model]
            if queue:
                return queue.popleft()
        handler = self.handlers.get(request.model) or self.default
        if handler is None:
            return error(500, "INTERNAL", f"stub: nothing scripted for {request.model}")
        return handler(request)

    def wait(self, seconds: float) -> None:
        """Sleep, but wake up when the stub stops (so hangs end with the test)."""
        self._closing.wait(seconds)


def _make_handler(stub: GeminiStub) -> type[BaseHTTPRequestHandler]:
    class _Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            """Keep test output quiet."""

        def do_POST(self) -> None:
            path, _, query = self.path.partition("?")
            match = ROUTE.match(path)
            length = int(self.headers.get("Content-Length") or 0)
            raw_body = self.rfile.read(length)
            if match is None:
                self._send_json(404, {"error": {"code": 404, "message": "no such route"}})
                return
            request = Recorded(
                version=match["version"],
                model=match["model"],
                method=match["method"],
                query=query,
                headers={k.lower(): v for k, v in self.headers.items()},
                body=json.loads(raw_body or b"{}"),
                raw=raw_body,
            )
            answer = stub.answer(request)
            stub.wait(stub.delay + answer.delay)
            if stub._closing.is_set():
                return
            self._send(answer, streamed=request.streamed and answer.status == 200)

        def _send(self, answer: Reply, *, streamed: bool) -> None:
            if answer.raw is not None:
                self._send_bytes(answer.status, answer.raw, "text/html")
            elif streamed:
                self._send_events(answer)
            else:
                self._send_json(answer.status, answer.bodies[0] if answer.bodies else {})

        def _send_json(self, status: int, body: dict[str, Any]) -> None:
            self._send_bytes(status, json.dumps(body).encode(), "application/json")

        def _send_bytes(self, status: int, data: bytes, content_type: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _send_events(self, answer: Reply) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for index, body in enumerate(answer.bodies):
                if index and answer.chunk_delay:
                    stub.wait(answer.chunk_delay)
                self._chunk(f"data: {json.dumps(body)}\r\n\r\n".encode())
            self._chunk(b"")

        def _chunk(self, data: bytes) -> None:
            self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
            self.wfile.flush()

    return _Handler
