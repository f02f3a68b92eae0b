"""The designer's desk: compare designs, the catalogue and its exports, one download per design
and its workshop sheet.

Every method takes the acting user first and sees only that user's designs; another user's
design answers exactly like a missing one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from core.catalogue import (
    CatalogueEntry,
    CatalogueFilter,
    catalogue_frame,
    export_bytes,
    selected_designs,
)
from core.compare import MAX_COMPARED, MIN_COMPARED, compare_designs
from core.designs import Designs, FileKind
from core.errors import Refusal, StudioError
from core.package import design_package, package_name
from core.records import image_dict
from core.scratch import Scratch
from data import repository as repo
from data.db import Database
from data.models import utcnow


@dataclass
class Desk:
    """Compare, catalogue, export and package an owner's designs; write their PDF sheets."""

    db: Database
    designs: Designs
    scratch: Scratch

    def compare(self, owner: str, image_ids: Sequence[int]) -> dict[str, Any]:
        """2–4 of the owner's designs side by side: {'designs', 'differences'}."""
        ids = [int(image_id) for image_id in image_ids or []]
        if not MIN_COMPARED <= len(ids) <= MAX_COMPARED:
            raise StudioError(
                Refusal.COMPARE_COUNT, low=MIN_COMPARED, high=MAX_COMPARED, count=len(ids)
            )
        return compare_designs([self.designs.get(owner, image_id) for image_id in ids])

    def entries(self, owner: str) -> list[CatalogueEntry]:
        """Every design in the owner's conversations, oldest first."""
        with self.db.transaction() as session:
            rows = repo.list_owner_images(session=session, owner=owner)
        return [CatalogueEntry(image_dict(image), title) for image, title in rows]

    def catalogue(self, owner: str, filters: CatalogueFilter) -> tuple[pd.DataFrame, int]:
        """The owner's catalogue as a DataFrame, filtered, newest first; and how many in all."""
        entries = self.entries(owner)
        return catalogue_frame(entries, filters), len(entries)

    def list_designs(self, owner: str, filters: CatalogueFilter) -> list[dict[str, Any]]:
        """The owner's designs that pass the filter, newest first."""
        return selected_designs(self.entries(owner), filters)

    def export(self, owner: str, fmt: str = "csv") -> Path:
        """The owner's catalogue as a CSV or JSON file, one row per design."""
        data = export_bytes(self.entries(owner), fmt)
        name = f"pnj-designs-{utcnow():%Y-%m-%d}.{fmt.strip().lower()}"
        return self.scratch.write(name, data)

    def package(self, owner: str, image_id: int) -> Path:
        """A zip of one design: its PNG, spec.json and, for 3D designs, its .glb and .stl."""
        return self.pack(*self.designs.detail(owner, int(image_id)))

    def sheet(self, owner: str, image_id: int) -> Path:
        """A design's true-scale A4 workshop sheet as a PDF file (`Designs.sheet`)."""
        pdf = self.designs.sheet(owner, image_id)
        return self.scratch.write(f"design-{image_id}-sheet.pdf", pdf)

    def pack(self, design: dict[str, Any], files: Mapping[FileKind, Path]) -> Path:
        """The zip of a design already looked up for its owner (`Designs.detail`)."""
        data = design_package(design, {kind.value: path for kind, path in files.items()})
        return self.scratch.write(package_name(design["id"]), data)
