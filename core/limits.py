"""Per-user and server-wide limits, counted in the database so they hold across processes."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session

from core.errors import Refusal, StudioError
from data import usage as repo
from data.db import Database
from data.models import utcnow

Clock = Callable[[], datetime]
Budget = Callable[[], None]  # called before each paid model call; raises when none are left

MINUTE = timedelta(minutes=1)
DAY = timedelta(days=1)
MB = 1024 * 1024
SERVER = ""  # the ledger's owner for server-wide counts
VI_KINDS = {"turn": "lượt", "design": "mẫu"}


@dataclass(frozen=True)
class Limits:
    """The limits in force; None means no limit."""

    turns_per_minute: int | None = None
    designs_per_day: int | None = None
    storage_mb: float | None = None
    gemini_calls_per_day: int | None = None


SIGN_IN_DEFAULTS = Limits(turns_per_minute=20, designs_per_day=200, storage_mb=500)


def unlimited() -> None:
    """A budget that never runs out."""


class LimitReached(StudioError):
    """A request refused by a limit; the message names the limit and when it frees up."""

    def __init__(
        self, reason: Refusal, retry_after_s: float | None = None, **values: object
    ) -> None:
        if retry_after_s is not None:
            values |= {"wait": wait_text(retry_after_s), "wait_vi": wait_text(retry_after_s, "vi")}
        super().__init__(reason, **values)
        self.retry_after_s = retry_after_s


UNITS = {"en": ("s", "min", "h"), "vi": ("giây", "phút", "giờ")}


def wait_text(seconds: float, lang: str = "en") -> str:
    """A short human duration: '34 s', '5 min', '3 h 12 min' ('3 giờ 12 phút' in Vietnamese)."""
    second, minute, hour = UNITS[lang]
    seconds = max(1, math.ceil(seconds))
    if seconds < 60:
        return f"{seconds} {second}"
    minutes = math.ceil(seconds / 60)
    if minutes < 60:
        return f"{minutes} {minute}"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} {hour} {minutes} {minute}" if minutes else f"{hours} {hour}"


def _number(name: str, text: str) -> dict[str, str]:
    """A number for a message in both languages: {name: '1.5', name_vi: '1,5'}."""
    return {name: text, f"{name}_vi": text.replace(".", ",")}


def _amount(number: float, unit: str) -> str:
    return f"{number:g} {unit}" + ("" if number == 1 else "s")


class Quotas:
    """Admits turns, designs and Gemini calls within the limits, recording each one admitted."""

    def __init__(self, db: Database, limits: Limits, clock: Clock = utcnow) -> None:
        self.db = db
        self.limits = limits
        self.clock = clock

    def admit_turn(self, owner: str, designs: int = 1) -> None:
        """Count one chat turn or form generation that may draw `designs`, or refuse it.

        A refused request must store nothing, so callers ask before they store anything.
        """
        with self.db.transaction() as session:
            repo.lock_owner(session=session, owner=owner)
            now = self.clock()
            self._check_owner(session, owner, "turn", self.limits.turns_per_minute, MINUTE, 1, now)
            limit = self.limits.designs_per_day
            self._check_owner(session, owner, "design", limit, DAY, designs, now)
            self._check_storage(session, owner, 0)
            self._check_gemini(session, now)  # none left today: refuse before the turn starts
            if self.limits.turns_per_minute is not None:
                repo.add_event(session=session, owner=owner, kind="turn", at=now)

    def reserve_designs(self, session: Session, owner: str, count: int, size_bytes: int) -> None:
        """Inside the transaction that stores designs: check and count them, or refuse."""
        repo.lock_owner(session=session, owner=owner)
        now = self.clock()
        self._check_owner(session, owner, "design", self.limits.designs_per_day, DAY, count, now)
        self._check_storage(session, owner, size_bytes)
        if self.limits.designs_per_day is not None:
            repo.add_event(session=session, owner=owner, kind="design", at=now, count=count)

    def spend_gemini_call(self) -> None:
        """Count one call to Gemini for the whole server, or refuse it."""
        if self.limits.gemini_calls_per_day is None:
            return
        with self.db.transaction() as session:
            repo.lock_owner(session=session, owner=SERVER)
            now = self.clock()
            self._check_gemini(session, now)
            repo.add_event(session=session, owner=SERVER, kind="gemini", at=now)

    def prune(self) -> int:
        """Forget counted uses older than the longest window."""
        with self.db.transaction() as session:
            return repo.prune(session=session, before=self.clock() - DAY)

    def _check_owner(
        self,
        session: Session,
        owner: str,
        kind: str,
        limit: int | None,
        window: timedelta,
        adding: int,
        now: datetime,
    ) -> None:
        if limit is None:
            return
        per_minute = window == MINUTE
        what = {
            "what": f"{_amount(limit, kind)} a {'minute' if per_minute else 'day'}",
            "what_vi": f"{limit} {VI_KINDS[kind]} mỗi {'phút' if per_minute else 'ngày'}",
        }
        if adding > limit:
            raise LimitReached(Refusal.LIMIT_ASK_FEWER, **what)
        wait = _wait(session, owner, kind, limit, window, adding, now)
        if wait is not None:
            raise LimitReached(Refusal.LIMIT_REACHED, wait, **what)

    def _check_gemini(self, session: Session, now: datetime) -> None:
        limit = self.limits.gemini_calls_per_day
        wait = None if limit is None else _wait(session, SERVER, "gemini", limit, DAY, 1, now)
        if wait is not None:
            calls = {
                "calls": _amount(limit or 0, "Gemini call"),
                "calls_vi": f"{limit} lượt gọi Gemini",
            }
            raise LimitReached(Refusal.GEMINI_CALLS_USED, wait, **calls)

    def _check_storage(self, session: Session, owner: str, adding_bytes: int) -> None:
        limit = self.limits.storage_mb
        if limit is None:
            return
        used_bytes = repo.storage_used(session=session, owner=owner)
        if used_bytes + adding_bytes <= limit * MB and (adding_bytes or used_bytes < limit * MB):
            return
        amounts = _number("used", f"{used_bytes / MB:.1f}") | _number("limit", f"{limit:g}")
        if adding_bytes:
            amounts |= _number("adding", f"{adding_bytes / MB:.1f}")
            raise LimitReached(Refusal.STORAGE_NO_FIT, **amounts)
        raise LimitReached(Refusal.STORAGE_FULL, **amounts)


def _wait(
    session: Session,
    owner: str,
    kind: str,
    limit: int,
    window: timedelta,
    adding: int,
    now: datetime,
) -> float | None:
    """Seconds until `adding` more uses fit in the window, or None when they fit now."""
    times = repo.events_since(session=session, owner=owner, kind=kind, since=now - window)
    over = len(times) + adding - limit
    if over <= 0:
        return None
    return (times[over - 1] + window - now).total_seconds()
