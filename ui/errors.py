"""Turn the studio's refusals into messages the person sees."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any

import gradio as gr

from core.errors import StudioError


def shows_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a handler (plain, async or async generator) so StudioError becomes gr.Error."""
    if inspect.isasyncgenfunction(fn):

        @functools.wraps(fn)
        async def agen(*args: Any, **kwargs: Any) -> Any:
            try:
                async for item in fn(*args, **kwargs):
                    yield item
            except StudioError as exc:
                raise gr.Error(str(exc)) from None

        return agen
    if inspect.iscoroutinefunction(fn):

        @functools.wraps(fn)
        async def coro(*args: Any, **kwargs: Any) -> Any:
            try:
                return await fn(*args, **kwargs)
            except StudioError as exc:
                raise gr.Error(str(exc)) from None

        return coro

    @functools.wraps(fn)
    def plain(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except StudioError as exc:
            raise gr.Error(str(exc)) from None

    return plain
