"""Run a handler of any kind (plain, async, async generator) inside a context manager."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

# Given a call's arguments, once per call: a factory of the context every step runs in.
Scope = Callable[[tuple[Any, ...], dict[str, Any]], Callable[[], AbstractContextManager[Any]]]


def around(fn: Callable[..., Any], scope: Scope) -> Callable[..., Any]:
    """Wrap fn so every call (every step, for a stream) runs inside the scope made for it.

    The wrapper keeps fn's signature, so Gradio still sees its inputs and `gr.Request`.
    """
    if inspect.isasyncgenfunction(fn):

        @functools.wraps(fn)
        async def agen(*args: Any, **kwargs: Any) -> Any:
            enter, items = scope(args, kwargs), fn(*args, **kwargs)
            try:
                while True:  # each step may run in another task: enter the scope for each
                    with enter():
                        try:
                            item = await anext(items)
                        except StopAsyncIteration:
                            return
                    yield item
            finally:
                await items.aclose()

        return agen
    if inspect.iscoroutinefunction(fn):

        @functools.wraps(fn)
        async def coro(*args: Any, **kwargs: Any) -> Any:
            with scope(args, kwargs)():
                return await fn(*args, **kwargs)

        return coro

    @functools.wraps(fn)
    def plain(*args: Any, **kwargs: Any) -> Any:
        with scope(args, kwargs)():
            return fn(*args, **kwargs)

    return plain
