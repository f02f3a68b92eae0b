"""Run `python app.py` on loopback (tests, benchmarks), exactly as a person would start it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
START_TIMEOUT_S = 240  # a loaded CI machine can take minutes to import and migrate


@dataclass
class AppProcess:
    """A running app.py, the URL it serves and the file its output goes to."""

    process: subprocess.Popen[bytes]
    url: str
    log_path: Path


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_app(env: dict[str, str], log_path: Path) -> AppProcess:
    """Start app.py with these settings on a free loopback port; wait until it answers."""
    port = free_port()
    full_env = {
        **os.environ,
        "GRADIO_SERVER_NAME": "127.0.0.1",
        "GRADIO_SERVER_PORT": str(port),
        "GRADIO_ANALYTICS_ENABLED": "False",
        **env,
    }
    log = open(log_path, "wb")  # noqa: SIM115 - lives as long as the app
    process = subprocess.Popen(
        [sys.executable, "app.py"], cwd=ROOT, env=full_env, stdout=log, stderr=log
    )
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"app.py exited early; see {log_path}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return AppProcess(process, f"http://127.0.0.1:{port}/", log_path)
        except OSError:
            time.sleep(0.5)
    process.terminate()
    raise RuntimeError(f"app.py did not start within {START_TIMEOUT_S} s; see {log_path}")


def stop_app(app: AppProcess) -> None:
    """Stop the app and wait for it."""
    app.process.terminate()
    app.process.wait(timeout=30)
