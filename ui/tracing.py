"""Every UI event and API call runs under its own request id, for its log lines.

Gradio runs queued events apart from the HTTP request that queued them, so the id
is set around the handler itself: the caller's X-Request-ID header, or a new id.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any

import gradio as gr

from core.logs import new_request_id, request_id


def _id_for(args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
    for value in (*args, *kwargs.values()):
        if isinstance(value, gr.Request):
            headers = getattr(value, "headers", None) or {}
            return new_request_id(headers.get("x-request-id"))
    return new_request_id()


def traced(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a handler (plain, async or async generator) to run under a request id."""
    if inspect.isasyncgenfunction(fn):

        @functools.wraps(fn)
        async def agen(*args: Any, **kwargs: Any) -> Any:
            rid = _id_for(args, kwargs)
            items = fn(*args, **kwargs)
            try:
                while True:  # each step may run in another task: set the id around every one
                    token = request_id.set(rid)
                    try:
                        item = await anext(items)
                    except StopAsyncIteration:
                        return
                    finally:
                        request_id.reset(token)
                    yield item
            finally:
                await items.aclose()

        return agen
    if inspect.iscoroutinefunction(fn):

        @functools.wraps(fn)
        async def coro(*args: Any, **kwargs: Any) -> Any:
            token = request_id.set(_id_for(args, kwargs))
            try:
                return await fn(*args, **kwargs)
            finally:
                request_id.reset(token)

        return coro

    @functools.wraps(fn)
    def plain(*args: Any, **kwargs: Any) -> Any:
        token = request_id.set(_id_for(args, kwargs))
        try:
            return fn(*args, **kwargs)
        finally:
            request_id.reset(token)

    return plain
