"""`python app.py users ...`, run as a real subprocess against a real database."""

from __future__ import annotations

import fcntl
import os
import pty
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from core.accounts import Accounts
from data.db import Database

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def storage(tmp_path: Path) -> Path:
    return tmp_path / "storage"


def users(storage: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """Run `python app.py users ARGS` with a piped stdin."""
    env = {**os.environ, "STORAGE_DIR": str(storage)}
    env.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "app.py", "users", *args],
        cwd=ROOT, env=env, input=stdin, capture_output=True, text=True, timeout=60,
    )  # fmt: skip


def accounts(storage: Path) -> Accounts:
    db = Database(f"sqlite:///{storage / 'studio.db'}")
    return Accounts(db)


def test_add_list_passwd_remove(storage: Path) -> None:
    added = users(storage, "add", "lan", stdin="lotus pendant 18k\n")
    assert (added.returncode, added.stdout) == (0, "added account 'lan'\n"), added.stderr
    assert users(storage, "add", "hoa", stdin="white gold ring\n").returncode == 0
    assert users(storage, "list").stdout == "hoa\nlan\n"
    assert accounts(storage).check("lan", "lotus pendant 18k")

    changed = users(storage, "passwd", "lan", stdin="rose gold bangle\n")
    assert (changed.returncode, changed.stdout) == (0, "changed the password of 'lan'\n")
    assert accounts(storage).check("lan", "rose gold bangle")
    assert not accounts(storage).check("lan", "lotus pendant 18k")

    removed = users(storage, "remove", "lan")
    assert (removed.returncode, removed.stdout) == (0, "removed account 'lan'\n")
    assert users(storage, "list").stdout == "hoa\n"
    users(storage, "remove", "hoa")
    assert users(storage, "list").stdout == "no accounts\n"


@pytest.mark.parametrize(
    ("args", "stdin", "error"),
    [
        (["add", "Lan Anh"], "long enough\n", "account name 'Lan Anh' is not allowed"),
        (["add", "lan"], "", "no password on stdin"),
        (["add", "lan"], "short\n", "password is too short"),
        (["passwd", "nobody"], "long enough\n", "no account named 'nobody'"),
        (["remove", "nobody"], "", "no account named 'nobody'"),
    ],
)
def test_refusals_exit_non_zero_with_the_reason(
    storage: Path, args: list[str], stdin: str, error: str
) -> None:
    result = users(storage, *args, stdin=stdin)
    # (A first use of the database may log its schema upgrade before the error line.)
    assert result.returncode == 1 and result.stderr.splitlines()[-1].startswith(f"error: {error}")
    assert users(storage, "list").stdout == "no accounts\n"


def test_usage_errors_and_the_server_default(storage: Path) -> None:
    result = users(storage, "rename", "lan")
    assert result.returncode == 2 and "invalid choice: 'rename'" in result.stderr


def read_until(master: int, text: str, seen: bytearray) -> bool:
    """Read the terminal until `text` shows (True) or the program closes it (False)."""
    while text.encode() not in seen:
        try:
            chunk = os.read(master, 1024)
        except OSError:  # the child closed the terminal
            return False
        if not chunk:
            return False
        seen += chunk
    return True


def prompted(storage: Path, *answers: str) -> tuple[int, str]:
    """Run `users add lan` at a (pseudo-)terminal, answering each prompt when it shows."""
    master, slave = pty.openpty()
    env = {**os.environ, "STORAGE_DIR": str(storage)}

    def take_terminal() -> None:
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)  # getpass reads the controlling terminal

    process = subprocess.Popen(
        [sys.executable, "app.py", "users", "add", "lan"], cwd=ROOT, env=env,
        stdin=slave, stdout=slave, stderr=slave, start_new_session=True, preexec_fn=take_terminal,
    )  # fmt: skip
    os.close(slave)
    seen = bytearray()
    for prompt, answer in zip(["Password: ", "Password again: "], answers, strict=True):
        assert read_until(master, prompt, seen), seen.decode(errors="replace")
        os.write(master, f"{answer}\n".encode())
    read_until(master, "\x00never", seen)  # to the end
    os.close(master)
    return process.wait(timeout=60), seen.decode(errors="replace")


def test_prompts_twice_and_refuses_different_answers(storage: Path) -> None:
    code, output = prompted(storage, "first password", "second password")
    assert code == 1 and "the two passwords differ" in output
    assert "Password: " in output and "Password again: " in output
    assert "first password" not in output  # not echoed
    assert users(storage, "list").stdout == "no accounts\n"
    code, output = prompted(storage, "same password", "same password")
    assert code == 0 and "added account 'lan'" in output
    assert accounts(storage).check("lan", "same password")
