"""Operations endpoints beside the UI: /healthz, /readyz, /metrics, and request ids.

They are plain HTTP routes on Gradio's FastAPI app, answered without the queue, so a
load balancer's probes never wait behind designers' turns.
"""

from __future__ import annotations

import asyncio
from typing import Any

from fastapi import Response
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from starlette.middleware import Middleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from core.health import readiness_problems
from core.logs import new_request_id, request_id
from core.metrics import exposition
from core.storage import FileStore
from data.db import Database

READY_TIMEOUT_S = 5.0
REQUEST_ID_HEADER = b"x-request-id"


def ops_app_kwargs(db: Database, files: FileStore) -> dict[str, Any]:
    """Keyword arguments for Gradio's FastAPI app (`launch(app_kwargs=...)`)."""
    return {
        "routes": ops_routes(db, files),
        "middleware": [Middleware(RequestIdMiddleware)],
    }


def ops_routes(db: Database, files: FileStore) -> list[APIRoute]:
    """The probe and metrics routes."""

    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    async def readyz() -> JSONResponse:
        try:
            problems = await asyncio.wait_for(
                asyncio.to_thread(readiness_problems, db, files), READY_TIMEOUT_S
            )
        except TimeoutError:
            problems = [f"checks did not finish within {READY_TIMEOUT_S:g} s"]
        if problems:
            return JSONResponse({"status": "not ready", "problems": problems}, status_code=503)
        return JSONResponse({"status": "ready"})

    async def metrics() -> Response:
        body, content_type = exposition()
        return Response(body, media_type=content_type)

    return [
        APIRoute("/healthz", healthz, methods=["GET"], include_in_schema=False),
        APIRoute("/readyz", readyz, methods=["GET"], include_in_schema=False),
        APIRoute("/metrics", metrics, methods=["GET"], include_in_schema=False),
    ]


class RequestIdMiddleware:
    """Give every HTTP request an id (the caller's X-Request-ID or a new one) for its logs."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = dict(scope["headers"]).get(REQUEST_ID_HEADER, b"").decode("latin-1")
        rid = new_request_id(given)
        token = request_id.set(rid)

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                message["headers"] = [*headers, (REQUEST_ID_HEADER, rid.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            request_id.reset(token)
