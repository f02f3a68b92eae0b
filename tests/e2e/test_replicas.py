"""Two app processes sharing only a PostgreSQL database and a bucket (moto's S3 server).

Replica A draws; replica B, with its own empty STORAGE_DIR, serves the design byte for
byte through gradio_client and through its own UI file URL; deleting on B removes the
objects. B logs JSON lines; when the database goes away, B's /readyz says so.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from gradio_client import Client
from gradio_client.exceptions import AppError

from data.db import make_engine
from tests.app_process import AppProcess, start_app, stop_app
from tests.data.conftest import fresh_postgres_database
from tests.s3_stub import S3Stub

PREFIX = "studio"


@dataclass
class Replicas:
    a: AppProcess
    b: AppProcess
    bucket: str
    database_url: str
    storage_a: Path
    storage_b: Path


@pytest.fixture(scope="module")
def database_url() -> Iterator[str]:
    """One fresh PostgreSQL database for both replicas."""
    with fresh_postgres_database() as url:
        yield url


@pytest.fixture(scope="module")
def replicas(
    s3_stub: S3Stub, database_url: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Replicas]:
    bucket = s3_stub.new_bucket()
    shared = {
        **s3_stub.env,
        "DATABASE_URL": database_url,
        "STORAGE_URL": f"s3://{bucket}/{PREFIX}",
    }
    root = tmp_path_factory.mktemp("replicas")
    storage_a, storage_b = root / "a", root / "b"
    a = start_app({**shared, "STORAGE_DIR": str(storage_a)}, root / "a.log")
    try:
        env_b = {**shared, "STORAGE_DIR": str(storage_b), "LOG_FORMAT": "json"}
        b = start_app(env_b, root / "b.log")
    except BaseException:
        stop_app(a)
        raise
    yield Replicas(a, b, bucket, database_url, storage_a, storage_b)
    stop_app(a)
    stop_app(b)


def object_bytes(s3: S3Stub, bucket: str, key: str) -> bytes:
    return s3.client.get_object(Bucket=bucket, Key=f"{PREFIX}/{key}")["Body"].read()


def test_a_design_made_on_one_replica_is_served_by_the_other(
    replicas: Replicas, s3_stub: S3Stub
) -> None:
    a = Client(replicas.a.url, verbose=False)
    b = Client(replicas.b.url, verbose=False, headers={"X-Request-ID": "replica-b-read"})
    conv = a.predict("shared", "", api_name="/create_conversation")
    turn = a.predict(conv["id"], "a platinum ring with a 1 ct oval ruby, in 3D", api_name="/chat")
    design = turn["generated_images"][0]
    png = object_bytes(s3_stub, replicas.bucket, design["image_path"])
    glb = object_bytes(s3_stub, replicas.bucket, design["model_path"])
    assert png.startswith(b"\x89PNG") and glb.startswith(b"glTF")
    assert not list(replicas.storage_b.rglob("*.png"))  # B has never seen it

    assert Path(b.predict(design["id"], api_name="/get_image")).read_bytes() == png
    assert Path(b.predict(design["id"], api_name="/get_model")).read_bytes() == glb
    seen_by_b = b.predict(conv["id"], api_name="/get_conversation")
    url = seen_by_b["images"][0]["image_url"]
    assert str(replicas.storage_b) in url  # B's own cached copy, served by B
    served = httpx.get(replicas.b.url.rstrip("/") + url)
    assert served.status_code == 200 and served.content == png


def test_deleting_on_one_replica_removes_the_objects(replicas: Replicas, s3_stub: S3Stub) -> None:
    a = Client(replicas.a.url, verbose=False)
    b = Client(replicas.b.url, verbose=False)
    conv = a.predict("to delete", "", api_name="/create_conversation")
    images = a.predict("", {"jewelry_type": "ring"}, conv["id"], 2, api_name="/generate_3d")
    keys = {f"{PREFIX}/{i[k]}" for i in images["images"] for k in ("image_path", "model_path")}
    assert keys <= set(s3_stub.object_names(replicas.bucket))
    b.predict(conv["id"], api_name="/delete_conversation")
    assert keys.isdisjoint(s3_stub.object_names(replicas.bucket))
    with pytest.raises(AppError, match=f"no design with id {images['images'][0]['id']}"):
        a.predict(images["images"][0]["id"], api_name="/get_image")


def test_json_log_lines_carry_request_ids(replicas: Replicas) -> None:
    b = Client(replicas.b.url, verbose=False, headers={"X-Request-ID": "replica-b-turn"})
    conv = b.predict("logged", "", api_name="/create_conversation")
    b.predict(conv["id"], "a gold pendant with a pearl", api_name="/chat")
    lines = [line for line in replicas.b.log_path.read_text().splitlines() if line.strip()]
    records = [json.loads(line) for line in lines]  # every line is one JSON object
    assert all({"time", "level", "logger", "message", "request_id"} <= r.keys() for r in records)
    turns = [r for r in records if r["message"].startswith("turn ok in conversation")]
    assert [r["request_id"] for r in turns if f"conversation {conv['id']}:" in r["message"]] == [
        "replica-b-turn"
    ]


def test_readiness_fails_with_the_reason_when_the_database_goes(replicas: Replicas) -> None:
    assert httpx.get(replicas.b.url + "readyz").json() == {"status": "ready"}
    admin = make_engine(replicas.database_url).url.set(database="postgres")
    name = make_engine(replicas.database_url).url.database
    engine = make_engine(admin.render_as_string(hide_password=False))
    with engine.execution_options(isolation_level="AUTOCOMMIT").connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE "{name}" WITH (FORCE)')
    engine.dispose()
    ready = httpx.get(replicas.b.url + "readyz", timeout=30)
    assert ready.status_code == 503 and httpx.get(replicas.b.url + "healthz").status_code == 200
    problems = ready.json()["problems"]
    assert len(problems) == 1 and problems[0].startswith("database: ")
    assert name in problems[0] and "postgres:postgres" not in problems[0]
