"""Every UI event and API call runs under its own request id, for its log lines.

Gradio runs queued events apart from the HTTP request that queued them, so the id
is set around the handler itself: the caller's X-Request-ID header, or a new id.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from typing import Any

import gradio as gr

from core.logs import new_request_id, request_id
from ui.wrapping import around


def _id_for(args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
    for value in (*args, *kwargs.values()):
        if isinstance(value, gr.Request):
            headers = getattr(value, "headers", None) or {}
            return new_request_id(headers.get("x-request-id"))
    return new_request_id()


@contextmanager
def _with_id(rid: str) -> Iterator[None]:
    token = request_id.set(rid)
    try:
        yield
    finally:
        request_id.reset(token)


def _call_scope(args: tuple[Any, ...], kwargs: dict[str, Any]) -> Callable[[], Any]:
    return partial(_with_id, _id_for(args, kwargs))  # one id for all steps of a stream


def traced(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a handler (plain, async or async generator) to run under a request id."""
    return around(fn, _call_scope)
