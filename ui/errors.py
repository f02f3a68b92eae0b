"""Turn the studio's refusals into messages the person sees, in their language."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from typing import Any

import gradio as gr

from core.errors import StudioError
from ui.i18n import DEFAULT, supported, t
from ui.wrapping import around


@contextmanager
def _as_gradio_errors(lang: str) -> Iterator[None]:
    try:
        yield
    except StudioError as exc:
        raise gr.Error(exc.text(lang), title=t(lang, "error.title")) from None


def shows_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a handler (plain, async or async generator) so StudioError becomes gr.Error.

    The message is in the handler's `lang` argument when it has one (UI events), else in
    English (the public API).
    """
    signature = inspect.signature(fn)

    def scope(args: tuple[Any, ...], kwargs: dict[str, Any]) -> Callable[[], Any]:
        try:
            lang = signature.bind_partial(*args, **kwargs).arguments.get("lang")
        except TypeError:
            lang = DEFAULT
        return partial(_as_gradio_errors, supported(lang))

    return around(fn, scope)
