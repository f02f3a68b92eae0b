"""Turn the studio's refusals into messages the person sees."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import gradio as gr

from core.errors import StudioError
from ui.wrapping import around


@contextmanager
def _as_gradio_errors() -> Iterator[None]:
    try:
        yield
    except StudioError as exc:
        raise gr.Error(str(exc)) from None


def shows_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a handler (plain, async or async generator) so StudioError becomes gr.Error."""
    return around(fn, _any_call)


def _any_call(_args: tuple[Any, ...], _kwargs: dict[str, Any]) -> Callable[[], Any]:
    return _as_gradio_errors
