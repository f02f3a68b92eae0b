"""The public, typed API: every studio operation by name, for gradio_client and MCP."""

from __future__ import annotations

from typing import Any

import gradio as gr

from core.properties import ImageType
from core.studio import Studio
from ui.errors import shows_errors

API_CONCURRENCY = 16


def register_api(studio: Studio) -> None:
    """Declare every endpoint inside the current Blocks."""
    for fn in _endpoints(studio):
        gr.api(shows_errors(fn), api_name=fn.__name__, concurrency_limit=API_CONCURRENCY)
    _register_file_endpoints(studio)


def _endpoints(studio: Studio) -> list[Any]:
    def create_conversation(title: str = "", description: str = "") -> dict:
        """Start a new design conversation; returns the conversation."""
        return studio.create_conversation(title, description)

    def list_conversations() -> list[dict]:
        """All conversations, most recently updated first."""
        return studio.list_conversations()

    def get_conversation(conversation_id: int) -> dict:
        """One conversation with its `messages` and `images`."""
        return studio.get_conversation(int(conversation_id))

    def update_conversation(conversation_id: int, title: str, description: str) -> dict:
        """Rename or re-describe a conversation; returns it."""
        return studio.update_conversation(int(conversation_id), title, description)

    def delete_conversation(conversation_id: int) -> dict:
        """Delete a conversation with its messages, designs and files."""
        return studio.delete_conversation(int(conversation_id))

    async def chat(conversation_id: int, message: str) -> dict:
        """Send a message to the designer.

        Returns user_message, assistant_message and generated_images.
        """
        return await studio.chat(int(conversation_id), message)

    async def generate_2d(
        prompt: str, properties: dict, conversation_id: int | None = None, count: int = 1
    ) -> dict:
        """Draw 2D design sheets from properties; returns {success, images}."""
        return await studio.generate(prompt, properties, _opt_int(conversation_id), int(count))

    async def generate_3d(
        prompt: str, properties: dict, conversation_id: int | None = None, count: int = 1
    ) -> dict:
        """Draw 3D designs (render and .glb model) from properties; returns {success, images}."""
        return await studio.generate(
            prompt, properties, _opt_int(conversation_id), int(count), ImageType.THREE_D
        )

    def get_spec(image_id: int) -> dict:
        """The engineering spec of a design (sizes, weights, stones)."""
        return studio.image(int(image_id))["spec"]

    return [
        create_conversation, list_conversations, get_conversation, update_conversation,
        delete_conversation, chat, generate_2d, generate_3d, get_spec,
    ]  # fmt: skip


def _opt_int(value: int | None) -> int | None:
    return None if value in (None, "") else int(value)


def _register_file_endpoints(studio: Studio) -> None:
    """Endpoints that return files need a File output to serve them."""
    kinds = {
        "get_image": ("png", "The PNG image of a design."),
        "get_model": ("glb", "The .glb 3D model of a 3D design."),
        "get_stl": ("stl", "The .stl mesh of a 3D design, for casting or printing."),
    }
    with gr.Row(visible=False):
        image_id = gr.Number(label="image_id", precision=0)
        for api_name, (kind, description) in kinds.items():
            trigger = gr.Button(visible=False)
            trigger.click(
                shows_errors(_file_getter(studio, kind)),
                inputs=[image_id],
                outputs=[gr.File(label=kind)],
                api_name=api_name,
                api_description=description,
                concurrency_limit=API_CONCURRENCY,
            )


def _file_getter(studio: Studio, kind: str) -> Any:
    def get_file(image_id: float | None) -> str:
        if image_id is None:
            raise gr.Error("image_id is required")
        return str(studio.image_file(int(image_id), kind))

    return get_file
