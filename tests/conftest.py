"""Shared fixtures: temp storage, a real studio, and the real app on loopback."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from app import build_studio
from core.settings import AuthMode, Settings
from core.studio import Studio


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Offline settings with storage in a temp dir (never the real ./storage)."""
    return Settings(storage_dir=tmp_path / "storage")


@pytest.fixture
def studio(settings: Settings) -> Iterator[Studio]:
    """A real studio on a file-backed SQLite in a temp dir."""
    instance = build_studio(settings)
    yield instance
    instance.db.dispose()


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class RunningApp:
    """The real app, launched on loopback."""

    settings: Settings
    studio: Studio
    url: str
    demo: object

    def close(self) -> None:
        self.demo.close()
        self.studio.db.dispose()


def launch_app(settings: Settings, **studio_options: object) -> RunningApp:
    """Build and launch the app exactly as app.py does, without blocking."""
    from ui.app import build_app
    from ui.theme import launch_options, queue_options

    studio = build_studio(settings, **studio_options)
    demo = build_app(studio)
    port = free_port()
    options = launch_options(studio) | {"quiet": True}
    demo.queue(**queue_options(settings)).launch(
        server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, **options
    )
    return RunningApp(settings, studio, f"http://127.0.0.1:{port}/", demo)


PASSWORDS = {"lan": "lotus pendant 18k", "hoa": "white gold bangle"}  # two test designers


def launch_with_accounts(settings: Settings, **studio_options: object) -> RunningApp:
    """The app with STUDIO_AUTH=password and the test designers' accounts."""
    app = launch_app(replace(settings, studio_auth=AuthMode.PASSWORD), **studio_options)
    for name, password in PASSWORDS.items():
        app.studio.accounts.add(name, password)
    return app


def signed_in(app: RunningApp, name: str):
    """A gradio_client signed in as one of the test designers."""
    from gradio_client import Client

    return Client(app.url, auth=(name, PASSWORDS[name]), verbose=False)


@pytest.fixture(scope="module")
def app_storage(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("app") / "storage"


@pytest.fixture(scope="module")
def running_app(app_storage: Path) -> Iterator[RunningApp]:
    """One offline app per test module."""
    app = launch_app(Settings(storage_dir=app_storage))
    yield app
    app.close()


@pytest.fixture(scope="module")
def client(running_app: RunningApp):
    """A gradio_client connected to the running app."""
    from gradio_client import Client

    return Client(running_app.url, verbose=False)


OWNER = Settings().user_id  # the one local studio of STUDIO_AUTH=none

GEMINI_KEY = "AIza-test-SECRET-key-42"
GEMINI_CHAT, GEMINI_IMAGE = "chat-model", "image-model"


def gemini_settings(storage_dir: Path, base_url: str, **changes: object) -> Settings:
    """Gemini-designer settings pointed at a stand-in server, with one retry by default."""
    values: dict[str, object] = {
        "storage_dir": storage_dir,
        "gemini_api_key": GEMINI_KEY,
        "gemini_base_url": base_url,
        "chat_model": GEMINI_CHAT,
        "image_model": GEMINI_IMAGE,
        "gemini_retries": 1,
    }
    return Settings(**(values | changes))


@pytest.fixture(scope="module")
def gemini_stub() -> Iterator[object]:
    """The stand-in Gemini server on loopback, one per test module."""
    from tests.gemini_stub import GeminiStub

    with GeminiStub() as server:
        yield server


@pytest.fixture(scope="module")
def gemini_app(gemini_stub, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    """The real app in Gemini mode, its SDK pointed at the stand-in server."""
    storage = tmp_path_factory.mktemp("gemini") / "storage"
    settings = gemini_settings(storage, gemini_stub.url, gemini_timeout_s=5.0, turn_deadline_s=20.0)
    app = launch_app(settings)
    yield app
    app.close()


@pytest.fixture(scope="session")
def s3_stub() -> Iterator[object]:
    """moto's S3 server on loopback, for the whole session."""
    from tests.s3_stub import S3Stub

    with S3Stub() as server:
        yield server


@pytest.fixture
def s3_env(s3_stub, monkeypatch: pytest.MonkeyPatch):
    """The standard AWS settings pointed at the stand-in, as an operator would set them."""
    for name, value in s3_stub.env.items():
        monkeypatch.setenv(name, value)
    return s3_stub
