"""UI handlers of the desk: compare, the catalogue and its exports; each a call and a mapping."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import gradio as gr

from core.catalogue import CatalogueFilter
from core.studio import Studio
from ui import desk_views
from ui.desk import CataloguePanel, ComparePanel
from ui.errors import shows_errors
from ui.i18n import t
from ui.identity import Identity
from ui.tracing import traced

Updates = dict[gr.components.Component, Any]


@dataclass(repr=False)
class DeskController:
    studio: Studio
    identity: Identity
    compare_panel: ComparePanel
    catalogue: CataloguePanel

    @traced
    @shows_errors
    def compare(self, picks: list[int] | None, lang: str, request: gr.Request) -> Updates:
        """Show the picked designs side by side with what differs between them."""
        panel = self.compare_panel
        if len(picks or []) < 2:
            gr.Info(t(lang, "compare.none"))
            return {panel.panel: gr.update(visible=False)}
        result = self.studio.desk.compare(self.identity.owner(request), picks or [])
        pictures = desk_views.comparison_pictures(result, self.studio.files.local_path, lang)
        two = len(pictures) == 2
        table = desk_views.compare_table(result, lang)
        if not result["differences"]:
            table = f"{t(lang, 'compare.same')}\n\n{table}"
        return {
            panel.panel: gr.update(visible=True),
            panel.slider: gr.update(
                value=(pictures[0][0], pictures[1][0]) if two else None, visible=two
            ),
            panel.pictures: gr.update(value=pictures, visible=not two),
            panel.table: table,
        }

    @traced
    @shows_errors
    def show_catalogue(
        self,
        jewelry_type: str,
        metal: str,
        gemstone: str,
        query: str,
        lang: str,
        request: gr.Request,
    ) -> Updates:
        """The designer's designs that pass the filters, newest first."""
        filters = CatalogueFilter(jewelry_type, metal, gemstone, query)
        frame, total = self.studio.desk.catalogue(self.identity.owner(request), filters)
        count = t(lang, "catalogue.count", n=len(frame), total=total)
        table = desk_views.catalogue_table(frame, self.studio.files.local_path, lang)
        return {
            self.catalogue.count: count if total else t(lang, "catalogue.empty"),
            self.catalogue.table: gr.update(value=table, datatype=desk_views.CATALOGUE_TYPES),
        }

    @traced
    @shows_errors
    def export_csv(self, request: gr.Request) -> Updates:
        """The catalogue as a CSV file to download."""
        return self._export("csv", request)

    @traced
    @shows_errors
    def export_json(self, request: gr.Request) -> Updates:
        """The catalogue as a JSON file to download."""
        return self._export("json", request)

    def _export(self, fmt: str, request: gr.Request) -> Updates:
        path = self.studio.desk.export(self.identity.owner(request), fmt)
        return {self.catalogue.export_file: gr.update(value=str(path), visible=True)}
