"""The desk's public endpoints: chat with reference images, compare, catalogue, export, package.

Each acts for the user the request names (ui/identity.py); another user's design answers
exactly like a missing one.
"""

from __future__ import annotations

from typing import Any

import gradio as gr

from core.attachments import load_references
from core.catalogue import CatalogueFilter
from core.studio import Studio
from ui.errors import shows_errors
from ui.identity import Identity
from ui.tracing import traced
from ui.urls import message_with_urls, with_urls


def register_desk_api(studio: Studio, identity: Identity) -> None:
    """Declare the desk's endpoints inside the current Blocks."""
    limit = studio.settings.concurrency_limit
    for fn in _typed_endpoints(studio, identity):
        gr.api(traced(shows_errors(fn)), api_name=fn.__name__, concurrency_limit=limit)
    with gr.Row(visible=False):
        _register_chat(studio, identity, studio.settings.turn_concurrency)  # a turn draws
        _register_file_outputs(studio, identity, limit)


def _typed_endpoints(studio: Studio, identity: Identity) -> list[Any]:
    locate = studio.files.local_path

    def compare_designs(image_ids: list[int], request: gr.Request = None) -> dict:
        """Compare 2 to 4 of your designs: what differs between them.

        Args:
            image_ids: ids of the designs to compare, 2 to 4 of them.

        Returns:
            {"designs": [design, ...], "differences": {field: [value per design]}}; fields that
            are equal in every design are left out (properties and spec, nested spec fields dotted).
        """
        result = studio.desk.compare(identity.owner(request), image_ids)
        return {**result, "designs": [with_urls(d, locate) for d in result["designs"]]}

    def list_designs(
        jewelry_type: str | None = None,
        metal: str | None = None,
        gemstone: str | None = None,
        query: str = "",
        request: gr.Request = None,
    ) -> list[dict]:
        """Your designs across all conversations, newest first, optionally filtered.

        Args:
            jewelry_type: only this kind of piece (ring, necklace, pendant, earrings, bracelet).
            metal: only this metal (yellow gold, white gold, rose gold, platinum, silver).
            gemstone: only this main stone (diamond, ruby, ..., or none).
            query: words to find in the brief, the properties or the conversation's title
                (accents optional: "nhan vang" finds "nhẫn vàng").

        Returns:
            Design dicts, each with its `conversation_title`, `image_url` and spec.
        """
        filters = CatalogueFilter(jewelry_type, metal, gemstone, query)
        designs = studio.desk.list_designs(identity.owner(request), filters)
        return [with_urls(design, locate) for design in designs]

    return [compare_designs, list_designs]


def _register_chat(studio: Studio, identity: Identity, limit: int) -> None:
    """/chat takes files, so it is an event with a File input (Gradio checks the uploads)."""
    locate = studio.files.local_path
    max_mb = studio.settings.max_upload_mb

    async def chat(
        conversation_id: int,
        message: str,
        reference_images: list[str] | None = None,
        request: gr.Request = None,
    ) -> dict:
        """Send a message to the jewelry designer, who answers and may draw designs.

        Write as a designer would, in English or Vietnamese, e.g. "a platinum ring with a
        1 ct oval ruby" or "make it rose gold", and attach up to 4 reference images (a sketch,
        a customer's photo, a stone). Returns user_message (its `attachments` list the stored
        images), assistant_message and generated_images (each with its id, properties, spec
        and image_url).

        Args:
            conversation_id: The conversation to talk in (see create_conversation).
            message: What to design or change, at most 4000 characters (may be empty when
                images are attached).
            reference_images: Up to 4 PNG, JPEG or WebP images, each at most MAX_UPLOAD_MB
                and 4096 px a side, e.g. [gradio_client.handle_file("sketch.jpg")]; they are
                stored without their metadata (EXIF, GPS).
        """
        references = load_references(reference_images or [], max_mb)
        owner = identity.owner(request)
        result = await studio.turns.run(owner, int(conversation_id), message, references=references)
        return {
            **result,
            "user_message": message_with_urls(result["user_message"], locate),
            "generated_images": [with_urls(i, locate) for i in result["generated_images"]],
        }

    inputs = [
        gr.Number(label="conversation_id", precision=0),
        gr.Textbox(label="message"),
        gr.File(label="reference_images", file_count="multiple", type="filepath"),
    ]
    gr.Button(visible=False).click(
        traced(shows_errors(chat)), inputs, gr.JSON(label="turn"), api_name="chat",
        concurrency_limit=limit,
    )  # fmt: skip


def _register_file_outputs(studio: Studio, identity: Identity, limit: int) -> None:
    """Endpoints that answer with a file need a File output to serve it."""

    def export_designs(format: str = "csv", request: gr.Request = None) -> str:
        """Export your catalogue: one row per design, as CSV (UTF-8) or JSON.

        Args:
            format: "csv" or "json".

        Returns:
            The file: columns id, conversation_id, conversation, prompt, created_at,
            image_type, every property, then every spec field (e.g. metal_weight_g).
        """
        return str(studio.desk.export(identity.owner(request), format))

    def get_package(image_id: int, request: gr.Request = None) -> str:
        """One download of a design: a zip with its PNG, spec.json, properties.json and,
        for 3D designs, its .glb and .stl.

        Args:
            image_id: the id of the design.

        Returns:
            The zip file, named design-<id>.zip.
        """
        if image_id is None:
            raise gr.Error("image_id is required")
        return str(studio.desk.package(identity.owner(request), int(image_id)))

    endpoints = [
        (export_designs, gr.Textbox(value="csv", label="format"), gr.File(label="export")),
        (get_package, gr.Number(label="image_id", precision=0), gr.File(label="package")),
    ]
    for fn, given, answer in endpoints:
        gr.Button(visible=False).click(
            traced(shows_errors(fn)), given, answer, api_name=fn.__name__, concurrency_limit=limit
        )
