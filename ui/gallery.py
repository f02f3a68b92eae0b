"""The gallery of a conversation's designs and the selected design's details."""

from __future__ import annotations

from dataclasses import dataclass

import gradio as gr


@dataclass
class GalleryPanel:
    gallery: gr.Gallery
    spec: gr.Markdown
    model: gr.Model3D
    downloads: gr.File

    @property
    def outputs(self) -> list[gr.components.Component]:
        """The components a screen update writes to."""
        return [self.gallery, self.spec, self.model, self.downloads]


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
    spec = gr.Markdown("Select a design to see its details.", elem_id="design-spec")
    model = gr.Model3D(
        label="3D model",
        height=280,
        elem_id="design-model",
        camera_position=(-60, 70, None),  # a three-quarter view from slightly above
        clear_color=(0.94, 0.92, 0.88, 1.0),  # warm grey, so clear stones stay visible
    )
    downloads = gr.File(label="Files", file_count="multiple", visible=False, interactive=False)
    return GalleryPanel(gallery, spec, model, downloads)
