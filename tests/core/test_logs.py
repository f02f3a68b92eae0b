"""Log lines: JSON objects (or text) that carry the request id of their context."""

from __future__ import annotations

import asyncio
import io
import json
import logging

import pytest

from core.logs import log_handler, new_request_id, request_id


def logger_into(stream: io.StringIO, log_format: str) -> logging.Logger:
    logger = logging.getLogger(f"test.logs.{log_format}.{id(stream)}")
    logger.handlers[:] = [log_handler(log_format, stream)]
    logger.propagate = False
    logger.setLevel(logging.INFO)
    return logger


def test_json_lines_parse_and_carry_the_request_id() -> None:
    stream = io.StringIO()
    logger = logger_into(stream, "json")

    async def request(rid: str, text: str) -> None:
        request_id.set(rid)
        await asyncio.sleep(0)
        logger.info("turn %s", text)

    async def both() -> None:
        await asyncio.gather(request("aaa", "one"), request("bbb", "two"))

    asyncio.run(both())
    logger.warning('outside any request: "quoted"\nsecond line')
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert [(r["request_id"], r["message"]) for r in lines] == [
        ("aaa", "turn one"),
        ("bbb", "turn two"),
        ("-", 'outside any request: "quoted"\nsecond line'),
    ]
    assert {"time", "level", "logger"} <= lines[0].keys() and lines[2]["level"] == "WARNING"


def test_text_lines_carry_the_request_id_too() -> None:
    stream = io.StringIO()
    token = request_id.set("req-7")
    try:
        logger_into(stream, "text").info("hello")
    finally:
        request_id.reset(token)
    assert "[req-7]: hello" in stream.getvalue()


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="LOG_FORMAT must be one of text, json, not 'xml'"):
        log_handler("xml")


def test_request_ids_come_from_the_caller_when_sane() -> None:
    assert new_request_id("lb-123") == "lb-123"
    assert new_request_id("bad\nid") != "bad\nid"
    assert new_request_id("x" * 500) != "x" * 500
    assert new_request_id() != new_request_id()
