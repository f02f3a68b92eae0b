"""Schema migrations: the first-release studio upgrades intact, on SQLite and PostgreSQL."""

from __future__ import annotations

import sqlite3
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.operations import Operations
from sqlalchemy import Connection, Engine, event, inspect, text
from sqlmodel import SQLModel

import data.models  # noqa: F401  (the tables the models declare)
from app import build_studio
from core.errors import StudioError
from core.properties import parse_properties
from core.settings import Settings
from core.storage import LocalStore
from core.sweeper import measure_designs
from data import schema
from data.db import Database
from tests.conftest import OWNER, launch_app
from tests.data.first_release import (
    FIXTURE,
    Rows,
    copy_studio,
    database_rows,
    load_into_first_release,
    outline,
    read_only,
    read_only_engine,
    sqlite_rows,
    without,
)


@dataclass
class Studio1:
    """A copy of the first-release studio on one backend, upgraded to head."""

    settings: Settings
    database: Database
    before: Rows  # the rows as the first release stored them, read before the upgrade


@pytest.fixture(params=["sqlite", "postgresql"])
def upgraded(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Studio1]:
    """The fixture studio, upgraded: SQLite in place; PostgreSQL loaded at 0001, then upgraded."""
    storage = tmp_path / "storage"
    if request.param == "sqlite":
        copy_studio(storage)
        settings = Settings(storage_dir=storage)
        before = sqlite_rows(storage / "studio.db")
    else:
        copy_studio(storage, with_database=False)
        before = sqlite_rows(FIXTURE / "studio.db")
        postgres_url = request.getfixturevalue("postgres_url")
        settings = Settings(storage_dir=storage, database_url=postgres_url)
        database = Database(settings.resolved_database_url)
        load_into_first_release(database.engine, before)
        assert database_rows(database.engine) == before
        database.dispose()
    database = Database(settings.resolved_database_url)
    database.upgrade()
    yield Studio1(settings, database, before)
    database.dispose()


def at_head(before: Rows) -> Rows:
    """The first release's rows as head keeps them: no stored URL (0002); every design owned by
    its conversation's user, or by the local studio when it has none, its size not yet measured
    (0003)."""
    users = {c["id"]: c["user_id"] for c in before["conversation"]}
    rows = without(before, "generated_image", "image_url")
    rows["generated_image"] = [
        {**d, "owner": users.get(d["conversation_id"], "designer"), "size_bytes": None}
        for d in rows["generated_image"]
    ]
    return rows


def generic_outline(engine: Engine) -> dict:
    with engine.connect() as conn:
        return outline(conn, generic=True)


def first_release_outline() -> dict:
    """The schema of the committed first-release studio, as the first release made it."""
    release = read_only_engine(FIXTURE / "studio.db")
    try:
        return generic_outline(release)
    finally:
        release.dispose()


def version(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        return list(conn.execute(text("SELECT version_num FROM alembic_version")).scalars())


def test_fixture_is_a_first_release_studio() -> None:
    rows = sqlite_rows(FIXTURE / "studio.db")
    titles = [c["title"] for c in rows["conversation"]]
    assert any(not t.isascii() for t in titles) and any(t.isascii() for t in titles)
    assistant = [m for m in rows["message"] if m["role"] == "assistant"]
    assert any(m["metadata"].get("tool_calls") for m in assistant)
    assert all("properties" in m["metadata"] for m in assistant)
    designs = rows["generated_image"]
    assert {d["image_type"] for d in designs} == {"2d", "3d"}
    assert any(d["model_path"] and d["stl_path"] for d in designs)
    assert any(d["message_id"] is None and d["conversation_id"] for d in designs)
    assert any(d["conversation_id"] is None for d in designs)
    assert not {"studio.db-wal", "studio.db-shm"} & {p.name for p in FIXTURE.iterdir()}
    conn = read_only(FIXTURE / "studio.db")
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    conn.close()
    assert tables == schema.STUDIO_TABLES  # made by create_all: no revision table


def released_rows(engine: Engine) -> Rows:
    """Every row, with only the columns the first release had (later revisions add some)."""
    return without(database_rows(engine), "conversation", "properties")


def test_upgrade_keeps_every_row_and_file(upgraded: Studio1) -> None:
    assert version(upgraded.database.engine) == [schema.head_revision()]
    after = released_rows(upgraded.database.engine)
    assert after == at_head(upgraded.before)
    files = upgraded.settings.files_dir
    for design in after["generated_image"]:
        for relative in filter(None, (design[k] for k in ("image_path", "model_path", "stl_path"))):
            assert (files / relative).read_bytes() == (FIXTURE / "files" / relative).read_bytes()


def test_designs_get_owners_and_their_sizes_are_measured(upgraded: Studio1) -> None:
    """Loose designs (no conversation) stay in the local studio; sizes come from the files."""
    designs = database_rows(upgraded.database.engine)["generated_image"]
    assert {d["owner"] for d in designs if d["conversation_id"] is None} == {"designer"}
    files = LocalStore(upgraded.settings.files_dir)
    assert measure_designs(upgraded.database, files) == len(designs)
    for design in database_rows(upgraded.database.engine)["generated_image"]:
        paths = filter(None, (design[k] for k in ("image_path", "model_path", "stl_path")))
        assert design["size_bytes"] == sum((FIXTURE / "files" / p).stat().st_size for p in paths)
    studio = build_studio(upgraded.settings)
    try:
        for design in designs:
            assert studio.designs.get(studio.settings.user_id, design["id"])["id"] == design["id"]
            with pytest.raises(StudioError, match=f"no design with id {design['id']}"):
                studio.designs.get("lan", design["id"])
    finally:
        studio.db.dispose()


def test_upgrade_keeps_each_conversations_current_properties(upgraded: Studio1) -> None:
    """Revision 0003 fills conversation.properties with what the first release worked out."""
    before = upgraded.before
    kept = {
        c["id"]: c["properties"] for c in database_rows(upgraded.database.engine)["conversation"]
    }
    for conversation in before["conversation"]:
        answers = [
            m for m in before["message"]
            if m["conversation_id"] == conversation["id"] and m["role"] == "assistant"
        ]  # fmt: skip
        designs = [
            d for d in before["generated_image"] if d["conversation_id"] == conversation["id"]
        ]
        if answers:  # a chat: its last answer comes after the designs it drew
            assert kept[conversation["id"]] == answers[-1]["metadata"]["properties"]
        else:  # the form only: its latest design
            assert designs and kept[conversation["id"]] == designs[-1]["properties"]
    app = launch_app(upgraded.settings)
    try:
        studio = app.studio
        for conversation in before["conversation"]:
            current = studio.conversations.current_properties(OWNER, conversation["id"])
            assert current.to_dict() == parse_properties(kept[conversation["id"]]).to_dict()
    finally:
        app.close()


def test_upgraded_studio_serves_conversations_and_files(upgraded: Studio1) -> None:
    from gradio_client import Client

    app = launch_app(upgraded.settings)
    try:
        client = Client(app.url, verbose=False)
        listed = client.predict(api_name="/list_conversations")
        assert {c["id"] for c in listed} == {c["id"] for c in upgraded.before["conversation"]}
        for conversation in upgraded.before["conversation"]:
            got = client.predict(conversation["id"], api_name="/get_conversation")
            assert got["title"] == conversation["title"]
            messages = [m for m in upgraded.before["message"] if m["conversation_id"] == got["id"]]
            assert [(m["content"], m["metadata"], m["images"]) for m in got["messages"]] == [
                (m["content"], m["metadata"], m["images"]) for m in messages
            ]
        for design in upgraded.before["generated_image"]:
            fixture_png = (FIXTURE / "files" / design["image_path"]).read_bytes()
            assert Path(client.predict(design["id"], api_name="/get_image")).read_bytes() == (
                fixture_png
            )
            assert client.predict(design["id"], api_name="/get_spec") == design["spec"]
            if design["stl_path"]:
                stl = Path(client.predict(design["id"], api_name="/get_stl")).read_bytes()
                assert stl == (FIXTURE / "files" / design["stl_path"]).read_bytes()
        shown = client.predict(listed[0]["id"], api_name="/get_conversation")["images"][0]
        served = urllib.request.urlopen(app.url.rstrip("/") + shown["image_url"]).read()
        assert served == (FIXTURE / "files" / shown["image_path"]).read_bytes()
    finally:
        app.close()


def test_upgrading_again_changes_nothing(upgraded: Studio1) -> None:
    engine = upgraded.database.engine
    statements: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    upgraded.database.upgrade()
    writes = ("CREATE", "ALTER", "DROP", "INSERT", "UPDATE", "DELETE")
    assert statements and not [s for s in statements if s.lstrip().upper().startswith(writes)]
    assert version(engine) == [schema.head_revision()]
    assert released_rows(engine) == at_head(upgraded.before)


def test_downgrade_to_first_release_and_back(upgraded: Studio1) -> None:
    engine = upgraded.database.engine
    with schema.migration_connection(engine) as conn, conn.begin():
        command.downgrade(schema.alembic_config(conn), schema.FIRST_RELEASE)
    assert version(engine) == [schema.FIRST_RELEASE]
    assert first_release_outline() == generic_outline(engine)
    rows = database_rows(engine)
    assert {d["image_url"] for d in rows["generated_image"]} == {""}
    assert without(rows, "generated_image", "image_url") == without(
        upgraded.before, "generated_image", "image_url"
    )
    upgraded.database.upgrade()
    assert version(engine) == [schema.head_revision()]
    assert released_rows(engine) == at_head(upgraded.before)


def test_newer_database_is_refused_with_a_clear_message(db: Database) -> None:
    with db.transaction() as session:
        session.execute(text("UPDATE alembic_version SET version_num = '0999'"))
    with pytest.raises(schema.SchemaTooNewError) as refused:
        db.upgrade()
    message = str(refused.value)
    assert "revision 0999, which this code does not know" in message
    assert f"up to {schema.head_revision()}" in message and "upgrade the app" in message
    assert db.engine.url.render_as_string(hide_password=True) in message
    if db.engine.url.password:
        assert f":{db.engine.url.password}@" not in message
    assert version(db.engine) == ["0999"]


def test_tables_without_a_revision_that_no_release_made_are_refused(tmp_path: Path) -> None:
    database = Database(f"sqlite:///{tmp_path / 'partial.db'}")
    with database.engine.begin() as conn:
        conn.execute(text("CREATE TABLE conversation (id INTEGER PRIMARY KEY)"))
    with pytest.raises(schema.UnknownSchemaError, match=r"some of the studio's tables \(conv"):
        database.upgrade()
    assert inspect(database.engine).get_table_names() == ["conversation"]
    database.dispose()


def test_head_is_exactly_the_models(db: Database) -> None:
    """A model changed without a migration fails here (compare_metadata misses ON DELETE)."""
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, SQLModel.metadata) == []
        migrated = outline(conn)
    SQLModel.metadata.drop_all(db.engine)
    SQLModel.metadata.create_all(db.engine)
    with db.engine.connect() as conn:
        assert outline(conn) == migrated


def test_first_revision_is_the_first_release_schema_on_sqlite(tmp_path: Path) -> None:
    database = Database(f"sqlite:///{tmp_path / 'first.db'}")
    with schema.migration_connection(database.engine) as conn, conn.begin():
        command.upgrade(schema.alembic_config(conn), schema.FIRST_RELEASE)
    database.dispose()
    ours = "SELECT type, name, sql FROM sqlite_master WHERE tbl_name != 'alembic_version'"
    made, first = sqlite3.connect(tmp_path / "first.db"), read_only(FIXTURE / "studio.db")
    assert sorted(made.execute(ours)) == sorted(first.execute(ours))  # the very same CREATE text
    made.close()
    first.close()


def test_first_revision_is_the_first_release_schema_on_postgres(postgres_url: str) -> None:
    """Column types, nullability, keys, indexes, ON DELETE: as in the first release's SQLite."""
    database = Database(postgres_url)
    load_into_first_release(database.engine, sqlite_rows(FIXTURE / "studio.db"))
    assert generic_outline(database.engine) == first_release_outline()
    database.dispose()


def test_rebuilding_a_parent_table_on_sqlite_keeps_its_children(tmp_path: Path) -> None:
    """Batch mode copies and drops a table; with foreign keys on, the drop would cascade."""
    storage = copy_studio(tmp_path / "storage")
    database = Database(f"sqlite:///{storage / 'studio.db'}")
    database.upgrade()
    messages = len(database_rows(database.engine)["message"])

    def rebuild_conversation(conn: Connection) -> None:
        with (
            conn.begin(),
            Operations(MigrationContext.configure(conn)).batch_alter_table(
                "conversation", recreate="always"
            ),
        ):
            pass

    with schema.migration_connection(database.engine) as conn:
        rebuild_conversation(conn)
    assert len(database_rows(database.engine)["message"]) == messages
    with database.engine.connect() as conn:  # the app's own connection: foreign keys on
        rebuild_conversation(conn)
    assert database_rows(database.engine)["message"] == []  # what the migration connection avoids
    database.dispose()


def upgrade_at_once(url: str, count: int = 2) -> tuple[list[threading.Thread], list]:
    """Start `count` app starts (each with its own engine) as close together as possible."""
    errors: list[BaseException] = []
    start = threading.Barrier(count)

    def start_app() -> None:
        database = Database(url)
        try:
            start.wait()
            database.upgrade()
        except BaseException as exc:  # asserted by the caller
            errors.append(exc)
        finally:
            database.dispose()

    starters = [threading.Thread(target=start_app) for _ in range(count)]
    for starter in starters:
        starter.start()
    return starters, errors


def assert_migrated_once(url: str, starters: list[threading.Thread], errors: list) -> None:
    for starter in starters:
        starter.join()
    assert errors == []
    database = Database(url)
    assert version(database.engine) == [schema.head_revision()]
    assert set(inspect(database.engine).get_table_names()) >= schema.STUDIO_TABLES
    database.dispose()


@pytest.mark.parametrize("round_", range(5))  # the race is on a new file: a few new files
def test_two_starts_at_once_on_a_new_sqlite_file_both_succeed(round_: int, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / f'shared{round_}.db'}"
    assert_migrated_once(url, *upgrade_at_once(url))


def test_two_starts_at_once_on_postgres_wait_for_the_lock(postgres_url: str) -> None:
    holder = Database(postgres_url)
    lock = text("SELECT pg_advisory_xact_lock(:key)")
    waiting = text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
    with holder.engine.connect() as conn, conn.begin():
        conn.execute(lock, {"key": schema.MIGRATION_LOCK_KEY})
        starters, errors = upgrade_at_once(postgres_url)
        while conn.execute(waiting).scalar() < 2 and all(s.is_alive() for s in starters):
            time.sleep(0.01)
        assert conn.execute(waiting).scalar() == 2  # both are blocked on the migration lock
        assert inspect(conn).get_table_names() == []
    holder.dispose()
    assert_migrated_once(postgres_url, starters, errors)


def test_upgraded_studio_takes_reference_images(upgraded: Studio1, tmp_path: Path) -> None:
    """Revision 0005: a first-release conversation takes a message with a reference image."""
    from gradio_client import Client, handle_file
    from PIL import Image

    assert "attachment" in inspect(upgraded.database.engine).get_table_names()
    sketch = tmp_path / "sketch.png"
    Image.new("RGB", (64, 48), "navy").save(sketch)
    conversation = upgraded.before["conversation"][0]
    app = launch_app(upgraded.settings)
    try:
        client = Client(app.url, verbose=False)
        earlier = client.predict(conversation["id"], api_name="/get_conversation")["messages"]
        assert all(m["attachments"] == [] for m in earlier)
        turn = client.predict(conversation["id"], "like this", [handle_file(str(sketch))],
                              api_name="/chat")  # fmt: skip
        (attachment,) = turn["user_message"]["attachments"]
        assert (upgraded.settings.files_dir / attachment["image_path"]).is_file()
        client.predict(conversation["id"], api_name="/delete_conversation")
        assert not (upgraded.settings.files_dir / attachment["image_path"]).exists()
    finally:
        app.close()
    rows = database_rows(upgraded.database.engine)
    left = [c["id"] for c in upgraded.before["conversation"] if c["id"] != conversation["id"]]
    assert [c["id"] for c in rows["conversation"]] == left
