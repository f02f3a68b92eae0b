"""Prometheus metrics of the studio: turns, designs, Gemini calls, latencies.

Metrics are process-wide by nature (one scrape per replica), so they live in
prometheus_client's default registry and are defined once, here.
"""

from __future__ import annotations

from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, Counter, Histogram, generate_latest

from core.messages import ToolCall

# Turns and drawings take from tens of milliseconds (offline) to a minute (Gemini, retries).
_SECONDS = (0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60, 120)

TURNS = Counter(
    "studio_turns", "Chat turns by designer and outcome (ok, error, cancelled).",
    ["designer", "outcome"],
)  # fmt: skip
DESIGNS = Counter(
    "studio_designs", "Designs drawn by designer and outcome (ok, error).",
    ["designer", "outcome"],
)  # fmt: skip
GEMINI_CALLS = Counter("studio_gemini_calls", "Requests to Gemini by kind (chat, image).", ["kind"])
GEMINI_ERRORS = Counter(
    "studio_gemini_errors",
    "Failed Gemini requests by kind and error (rate_limited, auth, not_found, server, "
    "rejected, timeout, not_json, transport, other).",
    ["kind", "error"],
)
TURN_SECONDS = Histogram(
    "studio_turn_seconds", "Wall time of a chat turn.", ["designer"], buckets=_SECONDS
)
DRAWING_SECONDS = Histogram(
    "studio_drawing_seconds", "Wall time of drawing one design.", ["artist"], buckets=_SECONDS
)


def exposition() -> tuple[bytes, str]:
    """The current metrics in Prometheus' text format, and its content type."""
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST


def record_designs(designer: str, calls: list[ToolCall]) -> None:
    """Count the designs a turn's (or the form's) tool calls drew, and the calls that failed."""
    for call in calls:
        if "error" in call.result:
            DESIGNS.labels(designer=designer, outcome="error").inc()
        else:
            DESIGNS.labels(designer=designer, outcome="ok").inc(len(call.result.get("images", [])))
