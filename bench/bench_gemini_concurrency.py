"""Eight designers chatting at once vs one, with Gemini taking 1 s a call.

Starts the stand-in Gemini server (tests/gemini_stub.py) on 127.0.0.1, runs the real
app (`python app.py`) against it with GEMINI_API_KEY=test-key and GEMINI_BASE_URL, and
drives `/chat` through gradio_client. Each turn is a full design loop: the chat model
calls generate_jewelry_design (1 s), the image model draws (1 s), the chat model
answers (1 s). Prints the time of one turn alone, of eight at once, and their ratio
(about 1 means the eight did not wait for each other).

    python bench/bench_gemini_concurrency.py [--clients 8] [--delay 1.0]
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gradio_client import Client  # noqa: E402

from tests import gemini_stub as gs  # noqa: E402

CHAT, IMAGE = "bench-chat", "bench-image"
MESSAGE = "A rose gold ring with an oval ruby"


def chat_answer(request: gs.Recorded) -> gs.Reply:
    """Draw on the designer's message; answer in text once the tool result is back."""
    last = request.body["contents"][-1]["parts"]
    if any("functionResponse" in part for part in last):
        return gs.reply(gs.text("Here is your ring."))
    args = {"properties": {"metal": "rose gold", "gemstone": "ruby"}, "count": 1}
    return gs.reply(gs.function_call("generate_jewelry_design", args))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_app(stub_url: str, storage: Path) -> tuple[subprocess.Popen[bytes], str]:
    """Run app.py on loopback, pointed at the stub; wait until it answers."""
    port = free_port()
    env = {
        **os.environ,
        "GEMINI_API_KEY": "test-key",
        "GEMINI_BASE_URL": stub_url,
        "CHAT_MODEL": CHAT,
        "IMAGE_MODEL": IMAGE,
        "STORAGE_DIR": str(storage),
        "GRADIO_SERVER_NAME": "127.0.0.1",
        "GRADIO_SERVER_PORT": str(port),
        "GRADIO_ANALYTICS_ENABLED": "False",
    }
    log = open(storage.parent / "app.log", "wb")  # noqa: SIM115 - lives as long as the app
    app = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=env, stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if app.poll() is not None:
            raise SystemExit(f"app.py exited early; see {log.name}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return app, url
        except OSError:
            time.sleep(0.5)
    app.terminate()
    raise SystemExit("app.py did not start within 120 s")


def one_turn(client: Client, conversation_id: int) -> float:
    """Seconds for one /chat call; fails loudly if the turn did not draw."""
    start = time.monotonic()
    result = client.predict(conversation_id, MESSAGE, api_name="/chat")
    assert result["generated_images"], result["assistant_message"]
    return time.monotonic() - start


def timed(clients: list[Client], ids: list[int]) -> float:
    """Wall time for every client's turn at once."""
    start = time.monotonic()
    with ThreadPoolExecutor(len(clients)) as pool:
        list(pool.map(one_turn, clients, ids))
    return time.monotonic() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--delay", type=float, default=1.0, help="seconds per Gemini call")
    options = parser.parse_args()
    storage = Path(tempfile.mkdtemp(prefix="bench-gemini-")) / "storage"
    with gs.GeminiStub(delay=options.delay) as stub:
        stub.on(CHAT, chat_answer)
        stub.on(IMAGE, lambda request: gs.reply(gs.image(gs.png(512, 512))))
        app, url = start_app(stub.url, storage)
        try:
            clients = [Client(url, verbose=False) for _ in range(options.clients)]
            ids = [c.predict(api_name="/create_conversation")["id"] for c in clients]
            one_turn(clients[0], ids[0])  # warm up
            single = timed(clients[:1], ids[:1])
            many = timed(clients, ids)
        finally:
            app.terminate()
            app.wait(timeout=30)
    print(f"Gemini delay per call: {options.delay:g} s (3 calls per turn)")
    print(f"1 designer:  {single:.2f} s")
    print(f"{options.clients} designers: {many:.2f} s")
    print(f"ratio ({options.clients} at once / 1 alone): {many / single:.2f}")


if __name__ == "__main__":
    main()
