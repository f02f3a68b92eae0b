"""The one long-lived google-genai client, and the only code that calls the SDK."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AbstractContextManager

from google import genai
from google.genai import types

from core.gemini.errors import protect_logs, translated
from core.limits import Budget, unlimited
from core.metrics import GEMINI_CALLS
from core.settings import Settings

RETRY_STATUS_CODES = [408, 429, 500, 502, 503, 504]
MAX_RETRY_DELAY_S = 8.0


def retry_delay(settings: Settings) -> float:
    """First backoff delay: 1 s, shorter when calls get very short timeouts (local stand-ins)."""
    return min(1.0, settings.gemini_timeout_s / 20)


def http_options(settings: Settings) -> types.HttpOptions:
    """Base URL, per-call timeout and bounded retries with exponential backoff."""
    delay = retry_delay(settings)
    retry = types.HttpRetryOptions(
        attempts=max(1, settings.gemini_retries + 1),
        initial_delay=delay,
        max_delay=max(delay, MAX_RETRY_DELAY_S),
        exp_base=2.0,
        jitter=delay / 2,
        http_status_codes=RETRY_STATUS_CODES,
    )
    return types.HttpOptions(
        base_url=settings.gemini_base_url or None,
        timeout=int(settings.gemini_timeout_s * 1000),
        retry_options=retry,
    )


class GeminiClient:
    """Sends requests to Gemini; SDK and network failures leave it as DesignerError."""

    def __init__(self, settings: Settings, budget: Budget = unlimited) -> None:
        if not settings.gemini_api_key:
            raise ValueError("GEMINI_API_KEY is not set; the Gemini designer needs it.")
        self.settings = settings
        self.budget = budget
        protect_logs(settings.gemini_api_key)
        self._sdk = genai.Client(
            api_key=settings.gemini_api_key, vertexai=False, http_options=http_options(settings)
        )

    def _translated(self, what: str, model: str) -> AbstractContextManager[None]:
        GEMINI_CALLS.labels(kind=what).inc()
        settings = self.settings
        return translated(
            api_key=settings.gemini_api_key,
            retries=settings.gemini_retries,
            timeout_s=settings.gemini_timeout_s,
            what=what,
            model=model,
        )

    async def stream(
        self, model: str, contents: list[types.Content], config: types.GenerateContentConfig
    ) -> AsyncIterator[types.GenerateContentResponse]:
        """Stream one chat answer chunk by chunk."""
        self.budget()
        with self._translated("chat", model):
            chunks = await self._sdk.aio.models.generate_content_stream(
                model=model, contents=contents, config=config
            )
            async for chunk in chunks:
                yield chunk

    async def generate(
        self, model: str, contents: list[types.Content], config: types.GenerateContentConfig
    ) -> types.GenerateContentResponse:
        """Ask for one whole answer (used for images)."""
        self.budget()
        with self._translated("image", model):
            return await self._sdk.aio.models.generate_content(
                model=model, contents=contents, config=config
            )

    async def aclose(self) -> None:
        """Close the HTTP connections."""
        await self._sdk.aio.aclose()
        self._sdk.close()
