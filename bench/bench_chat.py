"""Round-trip time of an offline /chat turn through gradio_client (a script, not a test).

Usage: python bench/bench_chat.py [turns]
Launches the real app on 127.0.0.1 with temp storage and times sequential /chat calls.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

from gradio_client import Client

from core.settings import Settings
from tests.conftest import launch_app

PROMPTS = [
    "A rose-gold engagement ring with a 1 ct oval diamond, vintage milgrain",
    "make it platinum",
    "Nhẫn vàng trắng 18K đính kim cương 5 ly, kiểu tối giản",
    "a silver pendant with a pearl",
    "dây chuyền vàng hồng mặt trái tim ruby",
]


def main(turns: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        app = launch_app(Settings(storage_dir=Path(tmp) / "storage"))
        try:
            client = Client(app.url, verbose=False)
            conv = client.predict("bench", "", api_name="/create_conversation")
            client.predict(conv["id"], PROMPTS[0], api_name="/chat")  # warm-up
            times = []
            for n in range(turns):
                start = time.perf_counter()
                client.predict(conv["id"], PROMPTS[n % len(PROMPTS)], api_name="/chat")
                times.append((time.perf_counter() - start) * 1000)
        finally:
            app.close()
    times.sort()
    p90 = times[int(0.9 * (len(times) - 1))]
    p50 = statistics.median(times)
    print(f"offline /chat via gradio_client, {turns} turns: "
          f"p50 {p50:.0f} ms, p90 {p90:.0f} ms, max {times[-1]:.0f} ms")  # fmt: skip


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
