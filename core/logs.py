"""Log lines as text or as one JSON object each, every line carrying its request id."""

from __future__ import annotations

import io
import logging
import sys
import uuid
from contextlib import AbstractContextManager, nullcontext, redirect_stdout
from contextvars import ContextVar
from typing import TextIO

from pythonjsonlogger.json import JsonFormatter

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s]: %(message)s"
JSON_FIELDS = "%(asctime)s %(levelname)s %(name)s %(request_id)s %(message)s"
LOG_FORMATS = ("text", "json")

request_id: ContextVar[str] = ContextVar("request_id", default="-")


def new_request_id(given: str | None = None) -> str:
    """A request id: the caller's (e.g. a load balancer's X-Request-ID), if sane, else a new one."""
    if given and len(given) <= 128 and given.isprintable():
        return given
    return uuid.uuid4().hex


class RequestIdFilter(logging.Filter):
    """Stamp every record with the request id of the context that logged it."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        return True


def log_handler(log_format: str, stream: TextIO | None = None) -> logging.Handler:
    """A handler writing text lines or JSON lines, with request ids."""
    if log_format not in LOG_FORMATS:
        raise ValueError(f"LOG_FORMAT must be one of {', '.join(LOG_FORMATS)}, not {log_format!r}")
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.addFilter(RequestIdFilter())
    if log_format == "json":
        renames = {"asctime": "time", "levelname": "level", "name": "logger"}
        handler.setFormatter(JsonFormatter(JSON_FIELDS, rename_fields=renames))
    else:
        handler.setFormatter(logging.Formatter(TEXT_FORMAT))
    return handler


def configure_logging(log_format: str, level: int = logging.INFO) -> None:
    """Send every log record (ours, Gradio's, uvicorn's) through one handler at `level`."""
    root = logging.getLogger()
    root.handlers[:] = [log_handler(log_format)]
    root.setLevel(level)
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logger = logging.getLogger(name)
        logger.handlers[:] = []
        logger.propagate = True
    for noisy in ("httpx", "httpx2"):  # one line per request is noise
        logging.getLogger(noisy).setLevel(logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.WARNING)  # data.schema says what it migrates


def plain_prints_off(log_format: str) -> AbstractContextManager[object]:
    """With JSON logs, swallow what libraries print (Gradio's banners): stdout is JSON only."""
    return redirect_stdout(io.StringIO()) if log_format == "json" else nullcontext()
