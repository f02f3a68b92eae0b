"""moto's standalone S3 server on loopback: the bucket the storage tests talk to."""

from __future__ import annotations

import uuid
from functools import cached_property
from typing import Any

import boto3
from moto.server import ThreadedMotoServer

REGION = "us-east-1"


class S3Stub:
    """A real S3 HTTP endpoint on 127.0.0.1 (moto), started and stopped by the tests."""

    def __init__(self) -> None:
        self._server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)

    def __enter__(self) -> S3Stub:
        self._server.start()
        host, port = self._server.get_host_and_port()
        self.url = f"http://{host}:{port}"
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.stop()

    @property
    def env(self) -> dict[str, str]:
        """The standard AWS settings that point boto3 (in any process) at this server."""
        return {
            "AWS_ENDPOINT_URL": self.url,
            "AWS_ACCESS_KEY_ID": "test-access-key",
            "AWS_SECRET_ACCESS_KEY": "test-SECRET-access-key",
            "AWS_DEFAULT_REGION": REGION,
        }

    @cached_property
    def client(self) -> Any:
        """A boto3 S3 client of this server, for the tests' own checks."""
        return boto3.client(
            "s3",
            endpoint_url=self.url,
            region_name=REGION,
            aws_access_key_id="test-access-key",
            aws_secret_access_key="test-SECRET-access-key",
        )

    def new_bucket(self) -> str:
        """Create a fresh bucket and return its name."""
        name = f"designs-{uuid.uuid4().hex[:12]}"
        self.client.create_bucket(Bucket=name)
        return name

    def object_names(self, bucket: str) -> list[str]:
        """Every object name in a bucket, as the server holds them."""
        answer = self.client.list_objects_v2(Bucket=bucket)
        return sorted(item["Key"] for item in answer.get("Contents", []))
