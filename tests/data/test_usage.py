"""Limits counted in the database: windows, messages, freeing up, and no overshoot under races."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from core.limits import LimitReached, Limits, Quotas, wait_text
from data import repository as repo
from data import usage
from data.db import Database
from data.models import GeneratedImage
from tests.clock import START, ManualClock


def stored_design(db: Database, owner: str, size_bytes: int | None) -> None:
    """A design row of this owner whose files take `size_bytes`."""
    with db.transaction() as session:
        repo.create_image(
            session=session,
            image=GeneratedImage(
                owner=owner, image_type="2d", image_path="x.png", size_bytes=size_bytes
            ),
        )


def test_turns_per_minute_hit_then_free_up(db: Database) -> None:
    clock = ManualClock()
    quotas = Quotas(db, Limits(turns_per_minute=3), clock)
    for seconds in (0, 10, 20):
        clock.now = START + timedelta(seconds=seconds)
        quotas.admit_turn("lan")
    clock.now = START + timedelta(seconds=26)
    with pytest.raises(LimitReached) as refused:
        quotas.admit_turn("lan")
    assert str(refused.value) == "You have reached 3 turns a minute; try again in 34 s."
    assert refused.value.text("vi") == "Bạn đã dùng hết 3 lượt mỗi phút; hãy thử lại sau 34 giây."
    assert refused.value.retry_after_s == pytest.approx(34)
    quotas.admit_turn("hoa")  # another designer is not held back
    clock.now = START + timedelta(seconds=60, microseconds=1)
    quotas.admit_turn("lan")  # the oldest turn left the window
    with pytest.raises(LimitReached, match="try again in 10 s"):
        quotas.admit_turn("lan")


def test_refused_turn_records_nothing(db: Database) -> None:
    clock = ManualClock()
    quotas = Quotas(db, Limits(turns_per_minute=1), clock)
    quotas.admit_turn("lan")
    for _ in range(3):
        with pytest.raises(LimitReached):
            quotas.admit_turn("lan")
    with db.transaction() as session:
        since = START - timedelta(days=1)
        assert usage.count_since(session=session, owner="lan", kind="turn", since=since) == 1


def test_designs_per_day_count_what_is_asked(db: Database) -> None:
    clock = ManualClock()
    quotas = Quotas(db, Limits(designs_per_day=5), clock)
    with db.transaction() as session:
        quotas.reserve_designs(session, "lan", 3, size_bytes=10)
    clock.advance(hours=2)
    with pytest.raises(LimitReached) as refused:
        quotas.admit_turn("lan", designs=3)
    assert str(refused.value) == "You have reached 5 designs a day; try again in 22 h."
    quotas.admit_turn("lan", designs=2)
    with pytest.raises(LimitReached, match="At most 5 designs a day are allowed; ask for fewer"):
        quotas.admit_turn("hoa", designs=6)
    with db.transaction() as session:
        quotas.reserve_designs(session, "lan", 2, size_bytes=10)
    with pytest.raises(LimitReached, match="You have reached 5 designs a day"):
        quotas.admit_turn("lan")  # a turn that could not draw is refused up front
    with pytest.raises(LimitReached), db.transaction() as session:
        quotas.reserve_designs(session, "lan", 1, size_bytes=10)
    clock.advance(hours=22, seconds=1)
    quotas.admit_turn("lan", designs=3)


def test_storage_limit_counts_the_owners_files(db: Database) -> None:
    quotas = Quotas(db, Limits(storage_mb=1), ManualClock())
    mb = 1024 * 1024
    stored_design(db, "lan", mb // 2)
    stored_design(db, "lan", None)  # not measured yet
    stored_design(db, "hoa", 5 * mb)  # someone else's
    with db.transaction() as session:
        quotas.reserve_designs(session, "lan", 1, size_bytes=mb // 2)  # exactly full is allowed
    with pytest.raises(LimitReached) as refused, db.transaction() as session:
        quotas.reserve_designs(session, "lan", 1, size_bytes=mb // 2 + 1)
    assert str(refused.value) == (
        "This design (0.5 MB) does not fit in your 1 MB of storage (0.5 MB used); "
        "delete some conversations to free space."
    )
    assert refused.value.text("vi").startswith(
        "Mẫu này (0,5 MB) không vừa 1 MB dung lượng của bạn (đã dùng 0,5 MB)"
    )
    stored_design(db, "lan", mb // 2)
    with pytest.raises(LimitReached, match="your 1 MB of storage [(]1.0 MB used[)]"):
        quotas.admit_turn("lan")
    with pytest.raises(LimitReached, match="1 MB of storage"):
        quotas.admit_turn("hoa")
    Quotas(db, Limits(storage_mb=1), ManualClock()).admit_turn("an")


def test_gemini_calls_per_day_for_the_whole_server(db: Database) -> None:
    clock = ManualClock()
    quotas = Quotas(db, Limits(gemini_calls_per_day=2), clock)
    quotas.spend_gemini_call()
    clock.advance(hours=1)
    quotas.spend_gemini_call()
    with pytest.raises(LimitReached) as refused:
        quotas.spend_gemini_call()
    assert str(refused.value) == (
        "The studio has used its 2 Gemini calls for today; try again in 23 h."
    )
    with pytest.raises(LimitReached, match="used its 2 Gemini calls"):
        quotas.admit_turn("lan")  # no turn starts that could not call Gemini
    clock.advance(hours=23)
    quotas.admit_turn("lan")
    quotas.spend_gemini_call()


def test_no_limits_set_counts_nothing(db: Database) -> None:
    quotas = Quotas(db, Limits(), ManualClock())
    for _ in range(50):
        quotas.admit_turn("designer")
        quotas.spend_gemini_call()
    with db.transaction() as session:
        assert session.exec(usage.select(usage.UsageEvent)).first() is None


def test_prune_forgets_only_what_no_window_needs(db: Database) -> None:
    clock = ManualClock()
    quotas = Quotas(db, Limits(turns_per_minute=100), clock)
    quotas.admit_turn("lan")
    clock.advance(hours=23)
    quotas.admit_turn("lan")
    clock.advance(hours=2)
    assert quotas.prune() == 1
    with db.transaction() as session:
        since = START - timedelta(days=9)
        assert usage.count_since(session=session, owner="lan", kind="turn", since=since) == 1


def test_concurrent_turns_never_pass_the_limit(db: Database) -> None:
    """Checks and counts race from many threads (separate connections); the limit still holds."""
    quotas = Quotas(db, Limits(turns_per_minute=5), ManualClock())
    admitted, refused = [], []
    barrier = threading.Barrier(12)

    def attempt() -> None:
        barrier.wait()
        try:
            quotas.admit_turn("lan")
            admitted.append(1)
        except LimitReached:
            refused.append(1)

    threads = [threading.Thread(target=attempt) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert (len(admitted), len(refused)) == (5, 7)


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0.2, "1 s"),
        (34, "34 s"),
        (59.5, "1 min"),
        (61, "2 min"),
        (3600, "1 h"),
        (11520, "3 h 12 min"),
    ],
)
def test_wait_text(seconds: float, text: str) -> None:
    assert wait_text(seconds) == text


def test_wait_text_in_vietnamese() -> None:
    assert [wait_text(s, "vi") for s in (34, 61, 11520)] == ["34 giây", "2 phút", "3 giờ 12 phút"]
