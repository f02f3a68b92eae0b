"""The gallery of a conversation's designs and the selected design's details."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import gradio as gr

from ui.i18n import DEFAULT, t


@dataclass
class GalleryPanel:
    gallery: gr.Gallery
    more: gr.Button  # shows the page of designs before the latest ones
    compare_picks: gr.CheckboxGroup  # 2–4 designs to compare
    compare: gr.Button
    spec: gr.Markdown
    package: gr.DownloadButton  # the shown design as one zip
    model: gr.Model3D
    downloads: gr.File
    sheet: gr.Button
    sheet_file: gr.File

    @property
    def outputs(self) -> list[gr.components.Component]:
        """The components a screen update writes to."""
        return [
            self.gallery, self.more, self.compare_picks, self.spec, self.package, self.model,
            self.downloads, self.sheet, self.sheet_file,
        ]  # fmt: skip

    def words(self, lang: str) -> dict[Any, Any]:
        """Every label of the panel in a language."""
        return {
            self.gallery: gr.update(label=t(lang, "gallery.label")),
            self.more: gr.update(value=t(lang, "gallery.more")),
            self.compare_picks: gr.update(label=t(lang, "compare.label")),
            self.compare: gr.update(value=t(lang, "compare.button")),
            self.package: gr.update(label=t(lang, "package.button")),
            self.model: gr.update(label=t(lang, "detail.model")),
            self.downloads: gr.update(label=t(lang, "detail.files")),
            self.sheet: gr.update(value=t(lang, "detail.sheet")),
            self.sheet_file: gr.update(label=t(lang, "detail.sheet_file")),
        }


def build_gallery() -> GalleryPanel:
    """Gallery, spec of the shown design, its 3D model (only when it has one) and files."""
    gallery = gr.Gallery(
        label=t(DEFAULT, "gallery.label"),
        elem_id="design-gallery",
        columns=3,
        height=300,  # at most; assets/studio.css lets one row take one row's height
        object_fit="contain",
        allow_preview=True,
        interactive=False,
    )
    more = gr.Button(
        t(DEFAULT, "gallery.more"), size="sm", variant="secondary", visible=False,
        elem_id="more-designs",
    )  # fmt: skip
    with gr.Row(equal_height=True, elem_id="compare-row"):
        compare_picks = gr.CheckboxGroup(
            [], label=t(DEFAULT, "compare.label"), elem_id="compare-picks", scale=4
        )
        compare = gr.Button(
            t(DEFAULT, "compare.button"), elem_id="compare-button", size="sm", scale=1,
            min_width=90,
        )  # fmt: skip
    model = gr.Model3D(
        label=t(DEFAULT, "detail.model"),
        height=280,
        elem_id="design-model",
        # Always "visible": Gradio 6.31 mounts no viewer when a Model3D is made visible and
        # given a model in one update. An empty one is hidden by assets/studio.css instead.
        camera_position=(-60, 70, None),  # a three-quarter view from slightly above
        clear_color=(0.94, 0.92, 0.88, 1.0),  # warm grey, so clear stones stay visible
    )
    spec = gr.Markdown(t(DEFAULT, "detail.empty"), elem_id="design-spec")
    with gr.Row():
        package = gr.DownloadButton(
            t(DEFAULT, "package.button"), elem_id="package-download", visible=False, size="sm"
        )
        sheet = gr.Button(t(DEFAULT, "detail.sheet"), size="sm", visible=False, elem_id="sheet-pdf")
    sheet_file = gr.File(
        label=t(DEFAULT, "detail.sheet_file"), visible=False, interactive=False,
        elem_id="sheet-file",
    )  # fmt: skip
    downloads = gr.File(
        label=t(DEFAULT, "detail.files"), file_count="multiple", visible=False, interactive=False
    )
    return GalleryPanel(
        gallery, more, compare_picks, compare, spec, package, model, downloads, sheet, sheet_file
    )
