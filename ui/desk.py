"""The designer's desk in the UI: reference images, compare, the catalogue, packages.

Every word these panels show is in WORDS below, in English, so the language tables of
the studio can take them over in one place.
"""

from __future__ import annotations

from dataclasses import dataclass

import gradio as gr

from core.properties import Gemstone, JewelryType, Metal

# ---- WORDS: every English string the desk's UI shows ------------------------------------
WORDS: dict[str, str] = {
    "message_placeholder": "Describe a piece in English or Vietnamese… (attach up to 4 images)",
    "compare_label": "Compare designs (pick 2–4)",
    "compare_button": "Compare",
    "compare_title": "Comparison",
    "compare_slider": "Drag to compare the two designs",
    "compare_pictures": "Designs compared",
    "compare_table_field": "Field",
    "compare_differs": "differs",
    "compare_none": "Pick 2 to 4 designs of this conversation to compare them.",
    "compare_same": "These designs have the same properties and spec.",
    "package_button": "Download package (.zip)",
    "studio_tab": "Studio",
    "catalogue_tab": "Catalogue",
    "catalogue_type": "Type",
    "catalogue_metal": "Metal",
    "catalogue_gemstone": "Stone",
    "catalogue_query": "Search",
    "catalogue_query_placeholder": "words from the brief, properties or title (nhan vang…)",
    "catalogue_any": "any",
    "catalogue_table": "Your designs",
    "catalogue_count": "{n} of {total} designs",
    "catalogue_empty": "No designs yet: describe a piece in the Studio tab.",
    "export_csv": "Export CSV",
    "export_json": "Export JSON",
    "export_file": "Export",
    "col_design": "Design",
    "col_id": "#",
    "col_conversation": "Conversation",
    "col_kind": "2D/3D",
    "col_type": "Type",
    "col_metal": "Metal",
    "col_karat": "Karat",
    "col_stone": "Stone",
    "col_carat": "Carat",
    "col_weight_g": "Weight (g)",
    "col_weight_chi": "Weight (chỉ)",
    "col_created": "Created",
}
# ------------------------------------------------------------------------------------------


# Catalogue columns: picture, #, conversation, 2D/3D, type, metal, karat, stone, carat,
# weight g, weight chỉ, created; fixed, so a narrow window scrolls the table, not the page.
COLUMN_WIDTHS = ["76px", "52px", "220px", "64px", "92px", "112px", "64px", "92px", "64px",
                 "84px", "84px", "150px"]  # fmt: skip


@dataclass
class ComparePanel:
    """Designs side by side: a slider for two, a row of pictures for more, and what differs."""

    panel: gr.Column
    slider: gr.ImageSlider
    pictures: gr.Gallery
    table: gr.Markdown

    @property
    def outputs(self) -> list[gr.components.Component]:
        """The components a comparison writes to."""
        return [self.panel, self.slider, self.pictures, self.table]


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


def build_compare_panel() -> ComparePanel:
    """The comparison, hidden until designs are compared."""
    with gr.Column(visible=False, elem_id="compare-panel") as panel:
        gr.Markdown(f"### {WORDS['compare_title']}")
        slider = gr.ImageSlider(
            label=WORDS["compare_slider"], type="filepath", elem_id="compare-slider",
            interactive=False, visible=False, max_height=420,
        )  # fmt: skip
        pictures = gr.Gallery(
            label=WORDS["compare_pictures"], elem_id="compare-pictures", columns=4, height=260,
            object_fit="contain", interactive=False, visible=False,
        )  # fmt: skip
        table = gr.Markdown(elem_id="compare-table")
    return ComparePanel(panel, slider, pictures, table)


def _choices(values: type) -> list[tuple[str, str]]:
    return [(WORDS["catalogue_any"], "")] + [(member.value, member.value) for member in values]


def build_catalogue_tab() -> CataloguePanel:
    """Filters, the table of designs and the export buttons."""
    with gr.Row(equal_height=True):
        jewelry_type = gr.Dropdown(_choices(JewelryType), value="", label=WORDS["catalogue_type"],
                                   elem_id="catalogue-type", min_width=140)  # fmt: skip
        metal = gr.Dropdown(_choices(Metal), value="", label=WORDS["catalogue_metal"],
                            elem_id="catalogue-metal", min_width=140)  # fmt: skip
        gemstone = gr.Dropdown(_choices(Gemstone), value="", label=WORDS["catalogue_gemstone"],
                               elem_id="catalogue-gemstone", min_width=140)  # fmt: skip
        query = gr.Textbox(label=WORDS["catalogue_query"], elem_id="catalogue-query", scale=2,
                           placeholder=WORDS["catalogue_query_placeholder"])  # fmt: skip
    count = gr.Markdown(elem_id="catalogue-count")
    table = gr.Dataframe(
        label=WORDS["catalogue_table"], elem_id="catalogue-table", interactive=False, wrap=True,
        max_height=640, column_widths=COLUMN_WIDTHS,
    )  # fmt: skip
    with gr.Row():
        export_csv = gr.Button(WORDS["export_csv"], elem_id="export-csv", size="sm")
        export_json = gr.Button(WORDS["export_json"], elem_id="export-json", size="sm")
    export_file = gr.File(label=WORDS["export_file"], elem_id="export-file", visible=False,
                          interactive=False)  # fmt: skip
    return CataloguePanel(jewelry_type, metal, gemstone, query, count, table, export_csv,
                          export_json, export_file)  # fmt: skip
