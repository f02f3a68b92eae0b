"""Repository functions for the usage ledger that per-user and server-wide limits count."""

from __future__ import annotations

import hashlib
from datetime import datetime

from sqlalchemy import func, text
from sqlmodel import Session, col, delete, select

from data.models import Attachment, GeneratedImage, UsageEvent


def lock_owner(*, session: Session, owner: str) -> None:
    """Serialise limit checks for one owner until the commit, across processes.

    SQLite already holds the write lock (BEGIN IMMEDIATE); PostgreSQL takes an advisory lock.
    """
    if session.get_bind().dialect.name != "postgresql":
        return
    key = int.from_bytes(hashlib.blake2b(owner.encode(), digest_size=8).digest(), signed=True)
    session.exec(text("SELECT pg_advisory_xact_lock(:key)").bindparams(key=key))


def add_event(*, session: Session, owner: str, kind: str, at: datetime, count: int = 1) -> None:
    """Record `count` uses of one kind at one moment."""
    session.add_all(UsageEvent(owner=owner, kind=kind, created_at=at) for _ in range(count))
    session.flush()


def events_since(*, session: Session, owner: str, kind: str, since: datetime) -> list[datetime]:
    """When each use of this kind happened after `since`, oldest first."""
    query = (
        select(UsageEvent.created_at)
        .where(UsageEvent.owner == owner, UsageEvent.kind == kind, UsageEvent.created_at > since)
        .order_by(col(UsageEvent.created_at))
    )
    return list(session.exec(query))


def count_since(*, session: Session, owner: str, kind: str, since: datetime) -> int:
    """How many uses of this kind happened after `since`."""
    query = select(func.count()).where(
        UsageEvent.owner == owner, UsageEvent.kind == kind, UsageEvent.created_at > since
    )
    return int(session.exec(query).one())


def prune(*, session: Session, before: datetime) -> int:
    """Forget uses older than every limit's window; return how many went."""
    result = session.exec(delete(UsageEvent).where(col(UsageEvent.created_at) < before))
    return int(result.rowcount or 0)


def storage_used(*, session: Session, owner: str) -> int:
    """Bytes of the owner's design files and reference images (unmeasured designs: nothing)."""
    designs = select(func.coalesce(func.sum(GeneratedImage.size_bytes), 0)).where(
        GeneratedImage.owner == owner
    )
    references = select(func.coalesce(func.sum(Attachment.size_bytes), 0)).where(
        Attachment.owner == owner
    )
    return int(session.exec(designs).one()) + int(session.exec(references).one())


MEASURE_BATCH = 500


def unmeasured_designs(*, session: Session) -> list[GeneratedImage]:
    """Up to MEASURE_BATCH designs stored before sizes were recorded."""
    query = (
        select(GeneratedImage).where(col(GeneratedImage.size_bytes).is_(None)).limit(MEASURE_BATCH)
    )
    return list(session.exec(query))
