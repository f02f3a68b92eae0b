"""Accounts and the usage ledger on both backends."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import IntegrityError

from core.accounts import Accounts, ScryptCost
from core.errors import StudioError
from data import users
from data.db import Database

CHEAP = ScryptCost(n=2**10)  # the default cost is tested in tests/core/test_accounts.py


def test_account_lifecycle(db: Database) -> None:
    accounts = Accounts(db, CHEAP)
    accounts.add("lan", "first password")
    accounts.add("an.nguyen", "another password")
    assert accounts.names() == ["an.nguyen", "lan"]
    assert accounts.check("lan", "first password")
    assert not accounts.check("lan", "another password")
    accounts.set_password("lan", "second password")
    assert not accounts.check("lan", "first password") and accounts.check("lan", "second password")
    accounts.remove("lan")
    assert accounts.names() == ["an.nguyen"] and not accounts.check("lan", "second password")


def test_refusals_name_what_is_wrong(db: Database) -> None:
    accounts = Accounts(db, CHEAP)
    accounts.add("lan", "first password")
    for call, message in [
        (lambda: accounts.add("lan", "other password"), "account 'lan' already exists"),
        (lambda: accounts.add("Lan Anh", "a password"), "account name 'Lan Anh' is not allowed"),
        (lambda: accounts.add("hoa", "short"), "password is too short"),
        (lambda: accounts.set_password("hoa", "long enough"), "no account named 'hoa'"),
        (lambda: accounts.remove("hoa"), "no account named 'hoa'"),
    ]:
        with pytest.raises(StudioError, match=message):
            call()
    assert accounts.names() == ["lan"]


def test_names_are_unique_in_the_schema(db: Database) -> None:
    with pytest.raises(IntegrityError), db.transaction() as session:
        users.create_user(session=session, name="lan", password_hash="x")
        users.create_user(session=session, name="lan", password_hash="y")


def test_stored_hash_carries_scheme_parameters_and_salt(db: Database) -> None:
    accounts = Accounts(db, CHEAP)
    accounts.add("lan", "same password")
    accounts.add("hoa", "same password")
    with db.transaction() as session:
        stored = [users.get_user(session=session, name=n).password_hash for n in ("lan", "hoa")]
    assert all(s.startswith("scrypt$1024$8$1$") for s in stored)
    assert stored[0] != stored[1]  # salted
    assert "same password" not in "".join(stored)
