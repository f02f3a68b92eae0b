"""`python app.py users ...`: add, re-password, remove and list the studio's accounts."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from typing import TextIO

from core.accounts import Accounts, checked_name
from core.errors import StudioError
from data.db import Database


def parser() -> argparse.ArgumentParser:
    """The `users` command line."""
    root = argparse.ArgumentParser(
        prog="python app.py users",
        description="Manage the accounts that sign in when STUDIO_AUTH=password.",
    )
    commands = root.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, text in (
        ("add", "create an account (password from stdin when piped, else prompted twice)"),
        ("passwd", "set an account's password (read like `add`)"),
        ("remove", "delete an account (its conversations stay in the database)"),
    ):
        commands.add_parser(name, help=text).add_argument("name", help="account name")
    commands.add_parser("list", help="list the accounts")
    return root


def run(
    argv: list[str],
    db: Database,
    *,
    stdin: TextIO = sys.stdin,
    stdout: TextIO = sys.stdout,
    ask: Callable[[str], str] = getpass.getpass,
) -> int:
    """Run one `users` command; return the process exit code."""
    args = parser().parse_args(argv)
    accounts = Accounts(db)
    try:
        if args.command == "list":
            names = accounts.names()
            stdout.write("".join(f"{name}\n" for name in names) or "no accounts\n")
        elif args.command == "remove":
            accounts.remove(args.name)
            stdout.write(f"removed account {args.name!r}\n")
        else:
            checked_name(args.name)  # before asking for a password it would not use
            change = accounts.add if args.command == "add" else accounts.set_password
            change(args.name, read_password(stdin, ask))
            done = "added account" if args.command == "add" else "changed the password of"
            stdout.write(f"{done} {args.name!r}\n")
    except StudioError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 1
    return 0


def read_password(stdin: TextIO, ask: Callable[[str], str]) -> str:
    """One line from a pipe, or a password typed twice at a terminal."""
    if not stdin.isatty():
        line = stdin.readline()
        if not line:
            raise StudioError("no password on stdin")
        return line.removesuffix("\n").removesuffix("\r")
    first = ask("Password: ")
    if ask("Password again: ") != first:
        raise StudioError("the two passwords differ")
    return first
