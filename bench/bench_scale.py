"""Does a turn cost the same at any length? A script, not a test.

Runs the real app (`python app.py`, offline designer) on 127.0.0.1 with temp storage and
drives it through gradio_client:

1. offline `/chat` p50 in a conversation with 1,000 earlier messages against one with 10;
2. the latest-50 read (`/get_conversation(id, limit=50)`; an app without paging reads
   everything) of a 1,000-message conversation against a 50-message one (the same page)
   and a 10-message one.

The longer conversations are seeded by copying the short one's real messages (text, tool
calls, properties) in the database, so all hold the same kind of rows.

    python bench/bench_scale.py [--turns 20] [--reads 30] [--earlier 1000]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gradio_client import Client  # noqa: E402
from sqlmodel import Session, col, select  # noqa: E402

from bench.bench_chat import PROMPTS  # noqa: E402
from data.db import make_engine  # noqa: E402
from data.models import Message  # noqa: E402
from tests.app_process import start_app, stop_app  # noqa: E402

PAGE = 50  # the UI's page of messages


def seed(client: Client, database_url: str, sizes: list[int]) -> tuple[int, list[int]]:
    """A conversation with 10 real messages, and one per size with that many copies of them."""
    short = client.predict("short", "", api_name="/create_conversation")["id"]
    for prompt in PROMPTS:
        client.predict(short, prompt, api_name="/chat")
    copies = [client.predict(f"{n}", "", api_name="/create_conversation")["id"] for n in sizes]
    engine = make_engine(database_url)
    with Session(engine) as session:
        query = select(Message).where(Message.conversation_id == short).order_by(col(Message.id))
        originals = list(session.exec(query))
        for conversation_id, size in zip(copies, sizes, strict=True):
            for n in range(size):
                copy = Message(**originals[n % len(originals)].model_dump(exclude={"id"}))
                copy.conversation_id = conversation_id
                session.add(copy)
        session.commit()
    engine.dispose()
    return short, copies


def p50_ms(action: Callable[[], object], times: int) -> float:
    """Median wall time of an action, in milliseconds."""
    samples = []
    for _ in range(times):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def chat_p50s(client: Client, ids: tuple[int, int], turns: int) -> tuple[float, float]:
    """Median offline /chat round trip in each conversation, turns taken in alternation."""
    samples: tuple[list[float], list[float]] = ([], [])
    for n in range(turns):
        for conversation_id, times in zip(ids, samples, strict=True):
            prompt = PROMPTS[n % len(PROMPTS)]
            start = time.perf_counter()
            client.predict(conversation_id, prompt, api_name="/chat")
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples[0]), statistics.median(samples[1])


def latest_read(client: Client) -> Callable[[int], object]:
    """Read the newest 50 messages, or the whole conversation if the app cannot page."""
    params = client.view_api(print_info=False, return_format="dict")
    named = params["named_endpoints"]["/get_conversation"]["parameters"]
    if any(p["parameter_name"] == "limit" for p in named):
        return lambda cid: client.predict(cid, PAGE, api_name="/get_conversation")
    print("(this app cannot page /get_conversation: timing full reads)")
    return lambda cid: client.predict(cid, api_name="/get_conversation")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=20, help="chat turns per conversation")
    parser.add_argument("--reads", type=int, default=30, help="reads per conversation")
    parser.add_argument("--earlier", type=int, default=1000, help="messages in the long one")
    options = parser.parse_args()
    storage = Path(tempfile.mkdtemp(prefix="bench-scale-")) / "storage"
    app = start_app({"STORAGE_DIR": str(storage)}, storage.parent / "app.log")
    try:
        client = Client(app.url, verbose=False)
        database_url = f"sqlite:///{(storage / 'studio.db').resolve()}"
        short, (page, long) = seed(client, database_url, [PAGE, options.earlier])
        read = latest_read(client)
        read_short = p50_ms(lambda: read(short), options.reads)
        read_page = p50_ms(lambda: read(page), options.reads)
        read_long = p50_ms(lambda: read(long), options.reads)
        chat_short, chat_long = chat_p50s(client, (short, long), options.turns)
    finally:
        stop_app(app)
    print(
        f"offline /chat p50: {chat_short:.0f} ms with 10+ earlier messages, "
        f"{chat_long:.0f} ms with {options.earlier}: ratio {chat_long / chat_short:.2f}"
    )
    print(f"latest-{PAGE} read p50: {read_short:.0f} ms of a 10-message conversation, "
          f"{read_page:.0f} ms of a {PAGE}-message one, {read_long:.0f} ms of a "
          f"{options.earlier}-message one: ratio {read_long / read_page:.2f} "
          f"against {PAGE}, {read_long / read_short:.2f} against 10")  # fmt: skip


if __name__ == "__main__":
    main()
