"""The gallery of a conversation's designs and the selected design's details."""

from __future__ import annotations

from dataclasses import dataclass

import gradio as gr


@dataclass
class GalleryPanel:
    gallery: gr.Gallery
    more: gr.Button  # shows the page of designs before the latest ones
    spec: gr.Markdown
    model: gr.Model3D
    downloads: gr.File
    selected: gr.State  # the id of the design shown in detail
    sheet: gr.Button
    sheet_file: gr.File

    @property
    def outputs(self) -> list[gr.components.Component]:
        """The components a screen update writes to."""
        return [
            self.gallery, self.more, self.spec, self.model, self.downloads, self.selected,
            self.sheet, self.sheet_file,
        ]  # fmt: skip


def build_gallery() -> GalleryPanel:
    """Gallery, spec of the selected design, its 3D model and files."""
    gallery = gr.Gallery(
        label="Designs",
        elem_id="design-gallery",
        columns=3,
        height=300,
        object_fit="contain",
        allow_preview=True,
        interactive=False,
    )
    more = gr.Button(
        "Show earlier designs", size="sm", variant="secondary", visible=False,
        elem_id="more-designs",
    )  # fmt: skip
    spec = gr.Markdown("Select a design to see its details.", elem_id="design-spec")
    with gr.Row():
        sheet = gr.Button(
            "Workshop sheet · PDF at true scale", size="sm", visible=False, elem_id="sheet-pdf"
        )
    sheet_file = gr.File(
        label="Workshop sheet (print at 100 %)", visible=False, interactive=False,
        elem_id="sheet-file",
    )  # fmt: skip
    model = gr.Model3D(
        label="3D model",
        height=280,
        elem_id="design-model",
        camera_position=(-60, 70, None),  # a three-quarter view from slightly above
        clear_color=(0.94, 0.92, 0.88, 1.0),  # warm grey, so clear stones stay visible
    )
    downloads = gr.File(label="Files", file_count="multiple", visible=False, interactive=False)
    return GalleryPanel(gallery, more, spec, model, downloads, gr.State(None), sheet, sheet_file)
