"""Repository functions for accounts; each takes the session as a keyword and never opens one."""

from __future__ import annotations

from sqlmodel import Session, col, select

from data.models import User


def create_user(*, session: Session, name: str, password_hash: str) -> User:
    """Insert an account (the caller checked the name is free)."""
    user = User(name=name, password_hash=password_hash)
    session.add(user)
    session.flush()
    return user


def get_user(*, session: Session, name: str, for_update: bool = False) -> User | None:
    """One account by name, or None; `for_update` locks it until the commit."""
    query = select(User).where(User.name == name)
    if for_update:
        query = query.with_for_update()
    return session.exec(query).first()


def list_users(*, session: Session) -> list[User]:
    """Every account, by name."""
    return list(session.exec(select(User).order_by(col(User.name))))


def set_password(*, session: Session, user: User, password_hash: str) -> User:
    """Replace an account's password hash."""
    user.password_hash = password_hash
    session.add(user)
    session.flush()
    return user


def delete_user(*, session: Session, user: User) -> None:
    """Remove an account (its studio's conversations stay, unreachable until re-added)."""
    session.delete(user)
    session.flush()
