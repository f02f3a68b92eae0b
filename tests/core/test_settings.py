"""Settings: read once from the environment; a malformed number names its variable."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.settings import Settings, SettingsError

ROOT = Path(__file__).resolve().parents[2]


def test_defaults_and_overrides() -> None:
    settings = Settings.from_env({"GEMINI_TIMEOUT_S": "2.5", "CONCURRENCY_LIMIT": "4"})
    assert settings.gemini_timeout_s == 2.5 and settings.concurrency_limit == 4
    assert Settings.from_env({}).concurrency_limit == Settings().concurrency_limit


@pytest.mark.parametrize(
    ("env", "words"),
    [
        ({"GEMINI_TIMEOUT_S": "abc"}, "GEMINI_TIMEOUT_S='abc' is not a number"),
        ({"GEMINI_RETRIES": "2.5"}, "GEMINI_RETRIES='2.5' is not a whole number"),
        ({"CONCURRENCY_LIMIT": "0"}, "CONCURRENCY_LIMIT='0' is too small"),
        ({"TURN_DEADLINE_S": "-1"}, "TURN_DEADLINE_S='-1' is too small"),
    ],
)
def test_a_malformed_number_is_refused_by_name(env: dict[str, str], words: str) -> None:
    with pytest.raises(SettingsError, match=words):
        Settings.from_env(env)


def test_the_app_stops_with_one_line_naming_the_variable(tmp_path: Path) -> None:
    env = {**os.environ, "GEMINI_TIMEOUT_S": "abc", "STORAGE_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "app.py"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode != 0
    assert done.stderr.strip().splitlines() == [
        "error: GEMINI_TIMEOUT_S='abc' is not a number; expected a number >= 0.1 (default 60)"
    ]
    assert not list(tmp_path.iterdir())  # nothing was created
