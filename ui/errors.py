"""Turn the studio's refusals into messages the person sees, in their language."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any

import gradio as gr

from core.errors import StudioError
from ui.i18n import DEFAULT, supported, t


def shows_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a handler (plain, async or async generator) so StudioError becomes gr.Error.

    The message is in the handler's `lang` argument when it has one (UI events), else in
    English (the public API).
    """
    signature = inspect.signature(fn)

    def shown(exc: StudioError, args: tuple, kwargs: dict) -> gr.Error:
        try:
            lang = supported(signature.bind_partial(*args, **kwargs).arguments.get("lang"))
        except TypeError:
            lang = DEFAULT
        return gr.Error(exc.text(lang), title=t(lang, "error.title"), print_exception=False)

    if inspect.isasyncgenfunction(fn):

        @functools.wraps(fn)
        async def agen(*args: Any, **kwargs: Any) -> Any:
            try:
                async for item in fn(*args, **kwargs):
                    yield item
            except StudioError as exc:
                raise shown(exc, args, kwargs) from None

        return agen
    if inspect.iscoroutinefunction(fn):

        @functools.wraps(fn)
        async def coro(*args: Any, **kwargs: Any) -> Any:
            try:
                return await fn(*args, **kwargs)
            except StudioError as exc:
                raise shown(exc, args, kwargs) from None

        return coro

    @functools.wraps(fn)
    def plain(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except StudioError as exc:
            raise shown(exc, args, kwargs) from None

    return plain
