"""The Gemini designer: our own function-calling loop over a streamed chat, within a deadline."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Sequence
from typing import Any, ClassVar

from google.genai import types

from core.designers.base import (
    Designer,
    DesignerError,
    Status,
    TextDelta,
    Transcript,
    Turn,
    TurnEvent,
)
from core.designers.status_lines import drawing_line, status_line
from core.drawing import DrawingPool
from core.gemini.client import GeminiClient
from core.gemini.history import dump_contents
from core.gemini.images import GeminiArtist
from core.gemini.requests import chat_config, function_responses, turn_contents
from core.gemini.responses import (
    MALFORMED_REASONS,
    SAFETY_REASONS,
    append_part,
    block_reason,
    finish_reason,
    function_calls,
    parts,
    visible_text,
)
from core.limits import Budget
from core.messages import ToolName
from core.parser import detect_language
from core.properties import MAX_COUNT
from core.settings import Settings

MAX_ROUNDS = 6
_DONE = object()

Emit = Callable[[TurnEvent], None]


def status_text(calls: Sequence[types.FunctionCall], lang: str = "en") -> str:
    """What the user sees while the tools run: 'Drawing 2 designs…', 'Editing design #4…'."""
    drawing = [c.args or {} for c in calls if c.name == ToolName.GENERATE]
    edits = [str((c.args or {}).get("image_id", "?")) for c in calls if c.name == ToolName.EDIT]
    if drawing:
        view = "3d" if all(args.get("image_type") == "3d" for args in drawing) else "2d"
        return drawing_line(view, sum(_count(args) for args in drawing), lang)
    if edits:
        return status_line("edit", lang, ids=", ".join(f"#{i}" for i in edits))
    return status_line("working", lang)


def status_language(turn: Turn) -> str:
    """The person's screen language, else the language of their message."""
    return turn.language or detect_language(turn.message) or "en"


def _count(args: dict[str, Any]) -> int:
    try:
        return min(max(int(args.get("count") or 1), 1), MAX_COUNT)
    except (TypeError, ValueError):
        return 1


class GeminiDesigner(Designer):
    """Talks with the designer through Gemini, drawing through the turn's tools."""

    name: ClassVar[str] = "gemini"

    def __init__(
        self, client: GeminiClient, settings: Settings, *, max_rounds: int = MAX_ROUNDS
    ) -> None:
        self.client = client
        self.model = settings.chat_model
        self.deadline_s = settings.turn_deadline_s
        self.max_rounds = max(2, max_rounds)

    async def respond(self, turn: Turn) -> AsyncIterator[TurnEvent]:
        """Stream the answer; the whole turn ends within the deadline, whatever Gemini does."""
        queue: asyncio.Queue[Any] = asyncio.Queue()
        worker = asyncio.ensure_future(self._converse(turn, queue.put_nowait))
        worker.add_done_callback(lambda task: _finished(task, queue))
        loop = asyncio.get_running_loop()
        end = loop.time() + self.deadline_s
        try:
            while (event := await self._next(queue, end - loop.time())) is not _DONE:
                yield event
            worker.result()
        finally:
            worker.cancel()

    async def _next(self, queue: asyncio.Queue[Any], remaining: float) -> Any:
        try:
            return await asyncio.wait_for(queue.get(), timeout=max(remaining, 0.0))
        except TimeoutError:
            raise DesignerError(
                f"Gemini did not finish this answer within {self.deadline_s:g} s. "
                "Your message is saved; please try again."
            ) from None

    async def _converse(self, turn: Turn, emit: Emit) -> None:
        """The function-calling loop: ask, run the called tools, answer their results."""
        contents = turn_contents(turn.history, turn.message, turn.tools.references)
        first_new = len(contents)
        spoke = acted = False
        malformed = 0
        for round_index in range(self.max_rounds):
            allow_tools = round_index < self.max_rounds - 1
            say = _separated(emit) if spoke else emit
            collected, finish = await self._round(contents, turn, say, allow_tools=allow_tools)
            spoke = spoke or any(visible_text(p) for p in collected)
            if finish in MALFORMED_REASONS and not function_calls(collected):
                malformed += 1
                if malformed > 1:
                    raise DesignerError(
                        f"Gemini sent a malformed tool call ({finish}) twice. Please rephrase."
                    )
                continue
            calls = function_calls(collected) if allow_tools else []
            kept = [p for p in collected if allow_tools or p.function_call is None]
            if kept:
                contents.append(types.Content(role="model", parts=kept))
            if not calls:
                _check_answered(spoke or acted, finish)
                break
            acted = True
            emit(Status(status_text(calls, status_language(turn))))
            results = [await turn.tools.call(c.name or "", dict(c.args or {})) for c in calls]
            contents.append(function_responses(calls, results))
        emit(Transcript(dump_contents(contents[first_new:])))

    async def _round(
        self, contents: list[types.Content], turn: Turn, emit: Emit, *, allow_tools: bool
    ) -> tuple[list[types.Part], str | None]:
        """One streamed model answer: text goes out as it arrives, parts are collected."""
        config = chat_config(turn.tools.properties, allow_tools=allow_tools)
        collected: list[types.Part] = []
        finish = None
        async for chunk in self.client.stream(self.model, contents, config):
            reason = block_reason(chunk)
            if reason:
                raise DesignerError(f"Gemini declined this message ({reason}). Please rephrase it.")
            for part in parts(chunk):
                if visible_text(part):
                    emit(TextDelta(part.text or ""))
                append_part(collected, part)
            finish = finish_reason(chunk) or finish
        return collected, finish

    async def aclose(self) -> None:
        """Close the shared Gemini client."""
        await self.client.aclose()


def _separated(emit: Emit) -> Emit:
    """Emit that starts a new paragraph before a later round's first text."""
    started = False

    def separated(event: TurnEvent) -> None:
        nonlocal started
        if isinstance(event, TextDelta) and not started:
            started = True
            event = TextDelta("\n\n" + event.text)
        emit(event)

    return separated


def _finished(task: asyncio.Future[None], queue: asyncio.Queue[Any]) -> None:
    if not task.cancelled():
        task.exception()  # retrieved here so an abandoned turn never logs it as unhandled
    queue.put_nowait(_DONE)


def _check_answered(answered: bool, finish: str | None) -> None:
    """A turn must say or do something; say why when Gemini gave nothing."""
    if answered:
        return
    if finish in SAFETY_REASONS:
        raise DesignerError(f"Gemini stopped its answer for safety reasons ({finish}).")
    reason = finish or "no reason"
    raise DesignerError(f"Gemini returned an empty answer ({reason}). Please try again.")


def build(settings: Settings, budget: Budget) -> tuple[GeminiDesigner, GeminiArtist]:
    """The Gemini designer and artist, sharing one long-lived client and its call budget."""
    client = GeminiClient(settings, budget)
    pool = DrawingPool(settings.cpu_concurrency)
    artist = GeminiArtist(client, settings.image_model, pool, settings.vn_sizes())
    return GeminiDesigner(client, settings), artist
