"""The designer's desk in the UI: the comparison panel and the Catalogue tab.

Their words are in the language tables (ui/texts, keys `compare.*`, `catalogue.*`, `col.*`);
each panel relabels itself with `words(lang)` when the page learns or switches its language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import gradio as gr

from core.properties import field_choices
from ui.i18n import DEFAULT, choices, t

FILTERS = ("jewelry_type", "metal", "gemstone")
# Catalogue columns: picture, #, conversation, 2D/3D, type, metal, karat, stone, carat,
# weight g, weight chỉ, created; fixed, so a narrow window scrolls the table, not the page.
COLUMN_WIDTHS = ["76px", "52px", "220px", "64px", "92px", "112px", "64px", "92px", "64px",
                 "84px", "84px", "150px"]  # fmt: skip


@dataclass
class ComparePanel:
    """Designs side by side: a slider for two, a row of pictures for more, and what differs."""

    panel: gr.Column
    title: gr.Markdown
    slider: gr.ImageSlider
    pictures: gr.Gallery
    table: gr.Markdown

    @property
    def outputs(self) -> list[gr.components.Component]:
        """The components a comparison writes to."""
        return [self.panel, self.slider, self.pictures, self.table]

    def words(self, lang: str) -> dict[Any, Any]:
        """Every label of the panel in a language."""
        return {
            self.title: f"### {t(lang, 'compare.title')}",
            self.slider: gr.update(label=t(lang, "compare.slider")),
            self.pictures: gr.update(label=t(lang, "compare.pictures")),
        }


@dataclass
class CataloguePanel:
    """Every design of the designer, filtered, sortable, exportable."""

    jewelry_type: gr.Dropdown
    metal: gr.Dropdown
    gemstone: gr.Dropdown
    query: gr.Textbox
    count: gr.Markdown
    table: gr.Dataframe
    export_csv: gr.Button
    export_json: gr.Button
    export_file: gr.File

    @property
    def filters(self) -> list[gr.components.Component]:
        """The filter inputs, in the order the catalogue takes them."""
        return [self.jewelry_type, self.metal, self.gemstone, self.query]

    def words(self, lang: str) -> dict[Any, Any]:
        """Every label of the tab in a language (the table's headers come with its rows)."""
        dropdowns = dict(zip(FILTERS, (self.jewelry_type, self.metal, self.gemstone), strict=True))
        updates: dict[Any, Any] = {
            dropdown: gr.update(
                label=t(lang, f"catalogue.{name}"), choices=filter_choices(name, lang)
            )
            for name, dropdown in dropdowns.items()
        }
        placeholder = t(lang, "catalogue.query_placeholder")
        return updates | {
            self.query: gr.update(label=t(lang, "catalogue.query"), placeholder=placeholder),
            self.table: gr.update(label=t(lang, "catalogue.table")),
            self.export_csv: gr.update(value=t(lang, "catalogue.export_csv")),
            self.export_json: gr.update(value=t(lang, "catalogue.export_json")),
            self.export_file: gr.update(label=t(lang, "catalogue.export_file")),
        }


def filter_choices(name: str, lang: str) -> list[tuple[str, str]]:
    """A filter's choices: 'any', then every value of the property as a person reads it."""
    return [(t(lang, "catalogue.any"), ""), *choices(name, field_choices(name) or [], lang)]


def build_compare_panel() -> ComparePanel:
    """The comparison, hidden until designs are compared."""
    with gr.Column(visible=False, elem_id="compare-panel") as panel:
        title = gr.Markdown(f"### {t(DEFAULT, 'compare.title')}")
        slider = gr.ImageSlider(
            label=t(DEFAULT, "compare.slider"), type="filepath", elem_id="compare-slider",
            interactive=False, visible=False, max_height=420,
        )  # fmt: skip
        pictures = gr.Gallery(
            label=t(DEFAULT, "compare.pictures"), elem_id="compare-pictures", columns=4,
            height=260, object_fit="contain", interactive=False, visible=False,
        )  # fmt: skip
        table = gr.Markdown(elem_id="compare-table")
    return ComparePanel(panel, title, slider, pictures, table)


def build_catalogue_tab() -> CataloguePanel:
    """Filters, the table of designs and the export buttons."""
    dropdowns = []
    with gr.Row(equal_height=True):
        for name in FILTERS:
            dropdowns.append(
                gr.Dropdown(
                    filter_choices(name, DEFAULT), value="", label=t(DEFAULT, f"catalogue.{name}"),
                    elem_id=f"catalogue-{name.replace('_', '-')}", min_width=140,
                )
            )  # fmt: skip
        query = gr.Textbox(
            label=t(DEFAULT, "catalogue.query"),
            elem_id="catalogue-query",
            scale=2,
            placeholder=t(DEFAULT, "catalogue.query_placeholder"),
        )
    count = gr.Markdown(elem_id="catalogue-count")
    table = gr.Dataframe(
        label=t(DEFAULT, "catalogue.table"), elem_id="catalogue-table", interactive=False,
        wrap=True, max_height=640, column_widths=COLUMN_WIDTHS,
    )  # fmt: skip
    with gr.Row():
        export_csv = gr.Button(t(DEFAULT, "catalogue.export_csv"), elem_id="export-csv", size="sm")
        export_json = gr.Button(t(DEFAULT, "catalogue.export_json"), elem_id="export-json",
                                size="sm")  # fmt: skip
    export_file = gr.File(label=t(DEFAULT, "catalogue.export_file"), elem_id="export-file",
                          visible=False, interactive=False)  # fmt: skip
    return CataloguePanel(*dropdowns, query, count, table, export_csv, export_json, export_file)
