"""Stores finished designs: files and row together, or neither."""

from __future__ import annotations

from typing import Any

import anyio
import anyio.to_thread

from core.engine import Rendering
from core.limits import Quotas
from core.properties import DesignProperties, ImageType
from core.records import image_dict
from core.storage import FileStore
from data import repository as repo
from data.db import Database
from data.models import GeneratedImage


class DesignStore:
    """Saves one owner's renderings in one conversation (or none) and finds its earlier designs."""

    def __init__(
        self,
        db: Database,
        files: FileStore,
        quotas: Quotas,
        owner: str,
        conversation_id: int | None,
    ) -> None:
        self.db = db
        self.files = files
        self.quotas = quotas
        self.owner = owner
        self.conversation_id = conversation_id

    async def save(
        self,
        rendering: Rendering,
        *,
        image_type: ImageType,
        prompt: str,
        properties: DesignProperties,
    ) -> dict[str, Any]:
        """Write the files (in a worker thread: uploads wait on the network), then the row.

        If the row (or a limit) fails, the files go too. The row is written on the event loop,
        like every other write, so SQLite's single writer is never contended by worker threads.
        """
        folder = f"c{self.conversation_id}" if self.conversation_id else "loose"
        written: list[str] = []
        try:
            image_path, model_path, stl_path = await anyio.to_thread.run_sync(
                self._write_all, written, folder, rendering
            )
            row = GeneratedImage(
                conversation_id=self.conversation_id,
                image_type=image_type.value,
                prompt=prompt,
                image_path=image_path,
                model_path=model_path,
                stl_path=stl_path,
                properties=properties.to_dict(),
                spec=rendering.spec,
                owner=self.owner,
                size_bytes=sum(
                    len(data) for data in (rendering.png, rendering.glb, rendering.stl) if data
                ),
            )
            with self.db.transaction() as session:
                self.quotas.reserve_designs(session, self.owner, 1, row.size_bytes or 0)
                repo.create_image(session=session, image=row)
        except BaseException:
            self.files.remove(written)
            raise
        return image_dict(row)

    def _write_all(
        self, written: list[str], folder: str, rendering: Rendering
    ) -> tuple[str, str | None, str | None]:
        image_path = self._write(written, folder, ".png", rendering.png)
        assert image_path is not None
        model_path = self._write(written, folder, ".glb", rendering.glb)
        return image_path, model_path, self._write(written, folder, ".stl", rendering.stl)

    def _write(
        self, written: list[str], folder: str, suffix: str, data: bytes | None
    ) -> str | None:
        if data is None:
            return None
        relative = self.files.write(folder, suffix, data)
        written.append(relative)
        return relative

    async def source(self, image_id: int) -> tuple[bytes, dict[str, Any]]:
        """PNG bytes (read in a worker thread) and record of a design in this conversation."""
        with self.db.transaction() as session:
            image = repo.get_image(session=session, image_id=image_id, owner=self.owner)
        if image is None or image.conversation_id != self.conversation_id:
            raise LookupError(f"no design with id {image_id} in this conversation")
        png = await anyio.to_thread.run_sync(self.files.read, image.image_path)
        return png, image_dict(image)

    def discard(self, image_ids: list[int]) -> None:
        """Delete designs (rows, then files) drawn by a turn that did not complete."""
        if not image_ids:
            return
        with self.db.transaction() as session:
            paths = repo.delete_images(session=session, image_ids=image_ids)
        self.files.remove(paths)
