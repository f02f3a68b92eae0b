"""Designs drawn straight from properties, and an owner's designs and their files."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from core.conversations import Conversations
from core.design_store import DesignStore
from core.engine.pdf import sheet_pdf
from core.errors import Refusal, StudioError
from core.form_record import FORM_DESIGNER, record_form_turn
from core.limits import Quotas
from core.messages import ToolName
from core.metrics import record_designs
from core.properties import MAX_COUNT, DesignProperties, ImageType, PropertiesError
from core.properties import parse_properties as validate_properties
from core.records import image_dict
from core.storage import FileStore
from core.tools import Artist, ToolSession
from data import repository as repo
from data.db import Database
from data.models import GeneratedImage

FORM_PROMPT = "Generated from the property form"


class FileKind(StrEnum):
    """The files a design has: its picture, and for 3D designs its models."""

    PNG = "png"
    GLB = "glb"
    STL = "stl"


@dataclass
class Designs:
    """Draws designs from properties and finds an owner's designs and files."""

    db: Database
    files: FileStore
    artist: Artist
    conversations: Conversations
    quotas: Quotas

    async def generate(
        self,
        owner: str,
        prompt: str,
        properties: dict[str, Any] | None,
        conversation_id: int | None = None,
        count: int = 1,
        image_type: ImageType = ImageType.TWO_D,
    ) -> dict[str, Any]:
        """Draw designs straight from properties, outside the chat."""
        checked = self._admit(owner, conversation_id, properties, count)
        tools, _ = await self._draw(owner, prompt, checked, conversation_id, count, image_type)
        if conversation_id is not None:
            self.conversations.touch(owner, conversation_id, tools.properties)
        return {"success": True, "images": tools.images}

    async def generate_from_form(
        self,
        owner: str,
        conversation_id: int | None,
        properties: dict[str, Any],
        count: int,
        image_type: ImageType,
        language: str = "",
    ) -> int:
        """Draw from the form into the selected conversation (a new one if none); return its id.

        The request and the designs are written into the conversation as a turn, worded in
        `language` ("en" or "vi"; "" follows the conversation).
        """
        # Bad input and limits are refused before a conversation is created for the designs.
        checked = self._admit(owner, conversation_id, properties, count)
        if conversation_id is None:
            conversation_id = self.conversations.create(owner)["id"]
        tools, store = await self._draw(
            owner, FORM_PROMPT, checked, conversation_id, count, image_type
        )
        try:
            with self.db.transaction() as session:
                conversation = self.conversations.require(
                    session, owner, conversation_id, for_update=True
                )
                record_form_turn(session, conversation, tools, image_type, language)
        except BaseException:
            store.discard([image["id"] for image in tools.images])  # designs only with their turn
            raise
        return conversation_id

    def _admit(
        self, owner: str, conversation_id: int | None, properties: dict[str, Any] | None, count: int
    ) -> DesignProperties:
        """Checked properties, once the request is valid and within the owner's limits."""
        if conversation_id is not None:
            self.conversations.ensure(owner, conversation_id)
        if not 1 <= count <= MAX_COUNT:
            raise StudioError(Refusal.COUNT_OUT_OF_RANGE, limit=MAX_COUNT, count=count)
        checked = check_properties(properties)
        self.quotas.admit_turn(owner, designs=count)
        return checked

    async def _draw(
        self,
        owner: str,
        prompt: str,
        properties: DesignProperties,
        conversation_id: int | None,
        count: int,
        image_type: ImageType,
    ) -> tuple[ToolSession, DesignStore]:
        """Draw and store designs through the tool path (every design or none)."""
        store = DesignStore(self.db, self.files, self.quotas, owner, conversation_id)
        tools = ToolSession(artist=self.artist, sink=store, properties=properties)
        args = {"image_type": image_type.value, "count": count, "prompt": prompt[:2000]}
        result = await tools.call(ToolName.GENERATE, args)
        record_designs(FORM_DESIGNER, tools.calls)
        if "error" in result:
            store.discard([image["id"] for image in tools.images])
            raise StudioError(result["error"])
        return tools, store

    def get(self, owner: str, image_id: int) -> dict[str, Any]:
        """One design's record."""
        return image_dict(self._row(owner, image_id))

    def sheet(self, owner: str, image_id: int) -> bytes:
        """The design's true-scale A4 workshop sheet (PDF): its views at 1:1 and dimensions."""
        image = self.get(owner, image_id)
        properties = DesignProperties.model_validate(image["properties"])
        return sheet_pdf(properties, image["spec"], f"Design #{image_id}")

    def detail(self, owner: str, image_id: int) -> tuple[dict[str, Any], dict[FileKind, Path]]:
        """A design's record and its files by kind."""
        image = self._row(owner, image_id)
        return image_dict(image), self._files(image)

    def file(self, owner: str, image_id: int, kind: FileKind = FileKind.PNG) -> Path:
        """The file of a design: its PNG, or its 'glb' / 'stl' model."""
        found = self.files_of(owner, image_id).get(FileKind(kind))
        if found is None:
            raise StudioError(Refusal.NO_MODEL, id=image_id, kind=kind)
        return found

    def files_of(self, owner: str, image_id: int) -> dict[FileKind, Path]:
        """Every file a design has, by kind."""
        return self._files(self._row(owner, image_id))

    def _files(self, image: GeneratedImage) -> dict[FileKind, Path]:
        stored = {FileKind.PNG: image.image_path, FileKind.GLB: image.model_path,
                  FileKind.STL: image.stl_path}  # fmt: skip
        return {kind: self.files.local_path(path) for kind, path in stored.items() if path}

    def _row(self, owner: str, image_id: int) -> GeneratedImage:
        with self.db.transaction() as session:
            image = repo.get_image(session=session, image_id=image_id, owner=owner)
        if image is None:
            raise StudioError(Refusal.NO_DESIGN, id=image_id)
        return image


def check_properties(properties: dict[str, Any] | DesignProperties | None) -> DesignProperties:
    """Validated properties, or a StudioError naming every bad field."""
    try:
        return validate_properties(properties)
    except PropertiesError as exc:
        raise StudioError(Refusal.INVALID_PROPERTIES, problems=exc.problems) from None
