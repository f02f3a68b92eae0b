"""The gallery of a conversation's designs and the selected design's details."""

from __future__ import annotations

from dataclasses import dataclass

import gradio as gr

from ui.desk import WORDS


@dataclass
class GalleryPanel:
    gallery: gr.Gallery
    more: gr.Button  # shows the page of designs before the latest ones
    compare_picks: gr.CheckboxGroup
    compare: gr.Button
    spec: gr.Markdown
    package: gr.DownloadButton
    model: gr.Model3D
    downloads: gr.File

    @property
    def outputs(self) -> list[gr.components.Component]:
        """The components a screen update writes to."""
        return [self.gallery, self.more, self.compare_picks, self.spec, self.package,
                self.model, self.downloads]  # fmt: skip


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
    with gr.Row(equal_height=True, elem_id="compare-row"):
        compare_picks = gr.CheckboxGroup(
            [], label=WORDS["compare_label"], elem_id="compare-picks", scale=4
        )
        compare = gr.Button(
            WORDS["compare_button"], elem_id="compare-button", size="sm", scale=1, min_width=90
        )
    spec = gr.Markdown("Select a design to see its details.", elem_id="design-spec")
    package = gr.DownloadButton(
        WORDS["package_button"], elem_id="package-download", visible=False, size="sm"
    )
    model = gr.Model3D(
        label="3D model",
        height=280,
        elem_id="design-model",
        camera_position=(-60, 70, None),  # a three-quarter view from slightly above
        clear_color=(0.94, 0.92, 0.88, 1.0),  # warm grey, so clear stones stay visible
    )
    downloads = gr.File(label="Files", file_count="multiple", visible=False, interactive=False)
    return GalleryPanel(gallery, more, compare_picks, compare, spec, package, model, downloads)
