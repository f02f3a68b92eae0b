"""Gemini SDK and transport failures turned into messages a designer can act on.

Every text that leaves this module is redacted: the API key never reaches an
error message or the log, whatever the server or the SDK put in theirs.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
from google.genai import errors as genai_errors

from core.designers.base import DesignerError
from core.metrics import GEMINI_ERRORS

try:  # the SDK prefers httpx2 when it is installed; its errors are separate classes
    import httpx2
except ImportError:  # pragma: no cover - depends on the environment
    httpx2 = None

logger = logging.getLogger(__name__)

_TIMEOUTS: tuple[type[Exception], ...] = (httpx.TimeoutException, TimeoutError) + (
    (httpx2.TimeoutException,) if httpx2 else ()
)
_TRANSPORT: tuple[type[Exception], ...] = (httpx.TransportError,) + (
    (httpx2.TransportError,) if httpx2 else ()
)
_NOT_JSON = (json.JSONDecodeError, genai_errors.UnknownApiResponseError)


def redact(text: str, secret: str) -> str:
    """Replace every occurrence of the secret (the API key) in a text."""
    if secret and len(secret) >= 4:
        return text.replace(secret, "[redacted]")
    return text


class _Redactor(logging.Filter):
    """Rewrites log records that contain the secret."""

    def __init__(self, secret: str) -> None:
        super().__init__()
        self.secret = secret

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self.secret in message:
            record.msg, record.args = redact(message, self.secret), None
        return True


def protect_logs(secret: str, prefix: str = "google_genai") -> None:
    """Redact the key from the SDK's own log records (it logs server error details on retry)."""
    if not secret:
        return
    names = [prefix, *(n for n in logging.root.manager.loggerDict if n.startswith(prefix + "."))]
    for name in names:
        target = logging.getLogger(name)
        if not any(isinstance(f, _Redactor) and f.secret == secret for f in target.filters):
            target.addFilter(_Redactor(secret))


# The environment variable that names the model for each kind of request.
MODEL_SETTINGS = {"chat": "CHAT_MODEL", "image": "IMAGE_MODEL"}


def unknown_model_message(what: str, model: str, code: int, status: str) -> str:
    """Name the model id Gemini does not know and the setting that chooses it."""
    setting = MODEL_SETTINGS.get(what, "CHAT_MODEL")
    return (
        f"Gemini does not know the {what} model '{model}' ({code} {status}). "
        f"Set {setting}=<a model id your API key can use> and restart the studio."
    )


def _api_message(exc: genai_errors.APIError, retries: int, what: str, model: str) -> str:
    code, status = exc.code, exc.status or ""
    if code == 429:
        return (
            f"Gemini is rate-limiting requests (429 {status}) and still refused after "
            f"{retries} retries. Please wait a minute and try again."
        )
    if code in (401, 403):
        return f"Gemini rejected the API key ({code} {status}). Check GEMINI_API_KEY."
    if code == 404:
        return unknown_model_message(what, model, code, status)
    if code >= 500:
        return f"Gemini had a server error ({code} {status}). Please try again shortly."
    detail = (exc.message or "").strip()[:300]
    return f"Gemini rejected the {what} request ({code} {status}): {detail}"


def describe(
    exc: BaseException, *, retries: int, timeout_s: float, what: str = "chat", model: str = ""
) -> str:
    """A clear sentence for an SDK or transport failure (redact the key before showing it)."""
    if isinstance(exc, genai_errors.APIError):
        return _api_message(exc, retries, what, model)
    if isinstance(exc, _TIMEOUTS):
        return f"Gemini did not answer the {what} request within {timeout_s:g} s. Please try again."
    if isinstance(exc, _NOT_JSON):
        return f"Gemini sent a {what} response that is not valid JSON. Please try again."
    if isinstance(exc, _TRANSPORT):
        return f"Could not reach Gemini for the {what} request ({type(exc).__name__})."
    return f"The {what} request to Gemini failed ({type(exc).__name__})."


def error_kind(exc: BaseException) -> str:
    """A short, stable name for a failure, for metrics: rate_limited, timeout, server, ..."""
    if isinstance(exc, genai_errors.APIError):
        code = exc.code or 0
        named = {429: "rate_limited", 401: "auth", 403: "auth", 404: "not_found"}
        return named.get(code) or ("server" if code >= 500 else "rejected")
    for kinds, name in ((_TIMEOUTS, "timeout"), (_NOT_JSON, "not_json"), (_TRANSPORT, "transport")):
        if isinstance(exc, kinds):
            return name
    return "other"


def is_sdk_failure(exc: BaseException) -> bool:
    """Whether an exception comes from the SDK or the network, not from our own code."""
    return isinstance(exc, (genai_errors.APIError, *_TIMEOUTS, *_TRANSPORT, *_NOT_JSON))


@contextmanager
def translated(
    *, api_key: str, retries: int, timeout_s: float, what: str, model: str
) -> Iterator[None]:
    """Turn SDK and transport failures inside the block into DesignerError, logged safely."""
    try:
        yield
    except Exception as exc:
        if not is_sdk_failure(exc):
            raise
        GEMINI_ERRORS.labels(kind=what, error=error_kind(exc)).inc()
        text = describe(exc, retries=retries, timeout_s=timeout_s, what=what, model=model)
        message = redact(text, api_key)
        logger.warning("Gemini %s call failed: %s", what, message)
        raise DesignerError(message) from None
