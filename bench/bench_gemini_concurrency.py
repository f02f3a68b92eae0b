"""N designers chatting at once vs one, with Gemini taking 1 s a call.

Starts the stand-in Gemini server (tests/gemini_stub.py) on 127.0.0.1, runs the real
app (`python app.py`) against it with GEMINI_API_KEY=test-key and GEMINI_BASE_URL, and
drives `/chat` through gradio_client. Each turn is a full design loop: the chat model
calls generate_jewelry_design (1 s), the image model draws (1 s), the chat model
answers (1 s). Prints the time of one turn alone, of N at once, and their ratio
(about 1 means the N did not wait for each other).

    python bench/bench_gemini_concurrency.py [designers, default 8] [--delay 1.0]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gradio_client import Client  # noqa: E402

from tests import gemini_stub as gs  # noqa: E402
from tests.app_process import AppProcess, start_app, stop_app  # noqa: E402

CHAT, IMAGE = "bench-chat", "bench-image"
MESSAGE = "A rose gold ring with an oval ruby"


def chat_answer(request: gs.Recorded) -> gs.Reply:
    """Draw on the designer's message; answer in text once the tool result is back."""
    last = request.body["contents"][-1]["parts"]
    if any("functionResponse" in part for part in last):
        return gs.reply(gs.text("Here is your ring."))
    args = {"properties": {"metal": "rose gold", "gemstone": "ruby"}, "count": 1}
    return gs.reply(gs.function_call("generate_jewelry_design", args))


def start_stubbed_app(stub_url: str, storage: Path) -> AppProcess:
    """Run app.py on loopback with the Gemini designer pointed at the stand-in."""
    env = {
        "GEMINI_API_KEY": "test-key",
        "GEMINI_BASE_URL": stub_url,
        "CHAT_MODEL": CHAT,
        "IMAGE_MODEL": IMAGE,
        "STORAGE_DIR": str(storage),
    }
    return start_app(env, storage.parent / "app.log")


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
    parser.add_argument("designers", type=int, nargs="?", default=8, help="designers at once")
    parser.add_argument("--delay", type=float, default=1.0, help="seconds per Gemini call")
    options = parser.parse_args()
    storage = Path(tempfile.mkdtemp(prefix="bench-gemini-")) / "storage"
    with gs.GeminiStub(delay=options.delay) as stub:
        stub.on(CHAT, chat_answer)
        stub.on(IMAGE, lambda request: gs.reply(gs.image(gs.png(512, 512))))
        app = start_stubbed_app(stub.url, storage)
        try:
            clients = [Client(app.url, verbose=False) for _ in range(options.designers)]
            ids = [c.predict(api_name="/create_conversation")["id"] for c in clients]
            one_turn(clients[0], ids[0])  # warm up
            single = timed(clients[:1], ids[:1])
            many = timed(clients, ids)
        finally:
            stop_app(app)
    print(f"Gemini delay per call: {options.delay:g} s (3 calls per turn)")
    print(f"1 designer:  {single:.2f} s")
    print(f"{options.designers} designers: {many:.2f} s")
    print(f"ratio ({options.designers} at once / 1 alone): {many / single:.2f}")


if __name__ == "__main__":
    main()
