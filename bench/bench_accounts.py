"""Several designers at once, each signed in to their own studio (a script, not a test).

Usage: python bench/bench_accounts.py [accounts] [turns]
Launches the real app on 127.0.0.1 with temp storage, once with STUDIO_AUTH=none (one shared
studio, no limits) and once with STUDIO_AUTH=password (an account per designer, default limits),
and runs `accounts` gradio_clients at once, each doing `turns` offline /chat turns (bounded:
at most 16 accounts and 30 turns). Prints sign-in time, turn latency and throughput, and checks
that every signed-in designer lists only their own conversation.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import httpx
from gradio_client import Client

from core.settings import AuthMode, Settings
from tests.conftest import RunningApp, launch_app

PROMPTS = [
    "A rose-gold engagement ring with a 1 ct oval diamond, vintage milgrain",
    "make it platinum",
    "Nhẫn vàng trắng 18K đính kim cương 5 ly, kiểu tối giản",
    "a silver pendant with a pearl",
]
MAX_ACCOUNTS, MAX_TURNS = 16, 30


def designer(app: RunningApp, name: str | None, turns: int, start: threading.Barrier,
             results: dict) -> None:  # fmt: skip
    """One designer: sign in (if accounts are on), open a conversation, chat `turns` times."""
    began = time.perf_counter()
    auth = (name, f"{name} password") if name else None
    client = Client(app.url, auth=auth, verbose=False)
    signed_in = time.perf_counter() - began
    conversation = client.predict(f"{name or 'shared'} bench", "", api_name="/create_conversation")
    client.predict(conversation["id"], PROMPTS[0], api_name="/chat")  # warm-up
    start.wait()
    times = []
    for n in range(turns):
        begin = time.perf_counter()
        client.predict(conversation["id"], PROMPTS[n % len(PROMPTS)], api_name="/chat")
        times.append((time.perf_counter() - begin) * 1000)
    listed = [c["id"] for c in client.predict(api_name="/list_conversations")]
    results[name or f"shared-{threading.get_ident()}"] = (signed_in, times, listed, conversation)


def run(mode: AuthMode, accounts: int, turns: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        app = launch_app(Settings(storage_dir=Path(tmp) / "storage", studio_auth=mode))
        try:
            names = [f"designer{i}" for i in range(accounts)]
            if mode is AuthMode.PASSWORD:
                for name in names:
                    app.studio.accounts.add(name, f"{name} password")
                login = time_login(app, names[0])
            results: dict = {}
            start = threading.Barrier(accounts + 1)
            threads = [
                threading.Thread(target=designer, args=(
                    app, name if mode is AuthMode.PASSWORD else None, turns, start, results))
                for name in names
            ]  # fmt: skip
            for thread in threads:
                thread.start()
            start.wait()
            began = time.perf_counter()
            for thread in threads:
                thread.join()
            wall = time.perf_counter() - began
        finally:
            app.close()
    report(mode, accounts, turns, results, wall)
    if mode is AuthMode.PASSWORD:
        print(f"  one sign-in (POST /login, scrypt n=2^15): {login * 1000:.0f} ms")
        isolated = all(listed == [conv["id"]] for _s, _t, listed, conv in results.values())
        print(f"  every designer lists only their own conversation: {isolated}")


def time_login(app: RunningApp, name: str) -> float:
    begin = time.perf_counter()
    credentials = {"username": name, "password": f"{name} password"}
    response = httpx.post(app.url + "login", data=credentials)
    response.raise_for_status()
    return time.perf_counter() - begin


def report(mode: AuthMode, accounts: int, turns: int, results: dict, wall: float) -> None:
    times = sorted(t for _s, found, _l, _c in results.values() for t in found)
    p90 = times[int(0.9 * (len(times) - 1))]
    sign_ins = [s for s, *_ in results.values()]
    print(f"STUDIO_AUTH={mode.value}: {accounts} designers x {turns} /chat turns at once: "
          f"p50 {statistics.median(times):.0f} ms, p90 {p90:.0f} ms, max {times[-1]:.0f} ms, "
          f"{len(times) / wall:.1f} turns/s; client start (incl. sign-in) "
          f"median {statistics.median(sign_ins) * 1000:.0f} ms")  # fmt: skip


if __name__ == "__main__":
    accounts = min(int(sys.argv[1]) if len(sys.argv) > 1 else 6, MAX_ACCOUNTS)
    turns = min(int(sys.argv[2]) if len(sys.argv) > 2 else 8, MAX_TURNS)
    for mode in (AuthMode.NONE, AuthMode.PASSWORD):
        run(mode, accounts, turns)
