"""The public, typed API: every studio operation by name, for gradio_client and MCP."""

from __future__ import annotations

from typing import Any

import gradio as gr

from core.designs import FileKind
from core.properties import ImageType
from core.studio import Studio
from ui.desk_api import register_desk_api
from ui.errors import shows_errors
from ui.identity import Identity
from ui.tracing import traced
from ui.urls import conversation_with_urls, with_urls

DRAWING_ENDPOINTS = {"generate_2d", "generate_3d"}  # and /chat (ui/desk_api.py)


def register_api(studio: Studio, identity: Identity) -> None:
    """Declare every endpoint inside the current Blocks; each acts for the request's user."""
    settings = studio.settings
    for fn in _endpoints(studio, identity):
        # Chat and drawing run as many at once as what they wait on allows; reads, the setting.
        draws = fn.__name__ in DRAWING_ENDPOINTS
        limit = settings.turn_concurrency if draws else settings.concurrency_limit
        gr.api(traced(shows_errors(fn)), api_name=fn.__name__, concurrency_limit=limit)
    _register_file_endpoints(studio, identity)
    register_desk_api(studio, identity)


def _endpoints(studio: Studio, identity: Identity) -> list[Any]:
    owner = identity.owner
    locate = studio.files.local_path

    def create_conversation(
        title: str = "", description: str = "", request: gr.Request = None
    ) -> dict:
        """Start a new jewelry design conversation and return it (id, title, description).

        Args:
            title: A short name for the conversation; empty gives "New design".
            description: Optional notes about what the conversation is for.
        """
        return studio.conversations.create(owner(request), title, description)

    def list_conversations(request: gr.Request = None) -> list[dict]:
        """List the studio's design conversations, most recently updated first."""
        return studio.conversations.list(owner(request))

    def get_conversation(
        conversation_id: int,
        limit: int | None = None,
        before_id: int | None = None,
        request: gr.Request = None,
    ) -> dict:
        """Get one conversation with its messages and designs (with image and model URLs).

        With `limit`, one page: up to `limit` messages older than `before_id` (if given),
        newest first, the designs they show, and `next_before_id` for the page before.

        Args:
            conversation_id: The id of the conversation, from create_conversation or list.
            limit: Optional page size (messages); leave empty for the whole conversation.
            before_id: Optional message id: the page holds messages older than it.
        """
        conversation = studio.conversations.get(
            owner(request), int(conversation_id), _opt_int(limit), _opt_int(before_id)
        )
        return conversation_with_urls(conversation, locate)

    def update_conversation(
        conversation_id: int, title: str, description: str, request: gr.Request = None
    ) -> dict:
        """Rename or re-describe a conversation and return it.

        Args:
            conversation_id: The id of the conversation to change.
            title: Its new title (1 to 200 characters).
            description: Its new description (at most 2000 characters).
        """
        return studio.conversations.update(owner(request), int(conversation_id), title, description)

    def delete_conversation(conversation_id: int, request: gr.Request = None) -> dict:
        """Delete a conversation with its messages, designs and files; cannot be undone.

        Args:
            conversation_id: The id of the conversation to delete.
        """
        return studio.conversations.delete(owner(request), int(conversation_id))

    async def generate_2d(
        prompt: str,
        properties: dict,
        conversation_id: int | None = None,
        count: int = 1,
        request: gr.Request = None,
    ) -> dict:
        """Draw 2D design sheets straight from design properties; returns {success, images}.

        Args:
            prompt: A short note stored with the designs.
            properties: Design properties such as {"jewelry_type": "ring", "metal": "platinum"}.
            conversation_id: The conversation to add the designs to, or null for none.
            count: How many variations to draw, 1 to 4.
        """
        return await _generate(request, prompt, properties, conversation_id, count, ImageType.TWO_D)

    async def generate_3d(
        prompt: str,
        properties: dict,
        conversation_id: int | None = None,
        count: int = 1,
        request: gr.Request = None,
    ) -> dict:
        """Draw 3D designs (a render, a .glb and an .stl model) from design properties.

        Returns {success, images}.

        Args:
            prompt: A short note stored with the designs.
            properties: Design properties such as {"jewelry_type": "ring", "metal": "platinum"}.
            conversation_id: The conversation to add the designs to, or null for none.
            count: How many variations to draw, 1 to 4.
        """
        return await _generate(
            request, prompt, properties, conversation_id, count, ImageType.THREE_D
        )

    async def _generate(
        request: gr.Request | None,
        prompt: str,
        properties: dict,
        conversation_id: int | None,
        count: int,
        image_type: ImageType,
    ) -> dict:
        result = await studio.designs.generate(
            owner(request), prompt, properties, _opt_int(conversation_id), int(count), image_type
        )
        return {**result, "images": [with_urls(i, locate) for i in result["images"]]}

    def get_spec(image_id: int, request: gr.Request = None) -> dict:
        """Get the engineering spec of a design: sizes, metal weight (g and chỉ), stones.

        Args:
            image_id: The id of the design (from chat or generate_2d / generate_3d).
        """
        return studio.designs.get(owner(request), int(image_id))["spec"]

    return [
        create_conversation, list_conversations, get_conversation, update_conversation,
        delete_conversation, generate_2d, generate_3d, get_spec,
    ]  # fmt: skip


def _opt_int(value: int | None) -> int | None:
    return None if value in (None, "") else int(value)


FILE_ENDPOINTS = {
    "get_image": (FileKind.PNG, "Get the PNG image of a design (a design sheet or a render)."),
    "get_model": (FileKind.GLB, "Get the .glb 3D model of a 3D design (PBR materials)."),
    "get_stl": (FileKind.STL, "Get the .stl mesh of a 3D design, for casting or printing."),
}


def _register_file_endpoints(studio: Studio, identity: Identity) -> None:
    """Endpoints that return files need a File output to serve them."""
    getters = {
        api_name: (_file_getter(studio, identity, api_name, kind, description), kind.value)
        for api_name, (kind, description) in FILE_ENDPOINTS.items()
    }
    getters["get_sheet_pdf"] = (sheet_getter(studio, identity), "pdf")
    with gr.Row(visible=False):
        image_id = gr.Number(label="image_id", precision=0)
        for api_name, (getter, label) in getters.items():
            trigger = gr.Button(visible=False)
            trigger.click(
                traced(shows_errors(getter)),
                inputs=[image_id],
                outputs=[gr.File(label=label)],
                api_name=api_name,
                concurrency_limit=studio.settings.concurrency_limit,
            )


def _file_getter(
    studio: Studio, identity: Identity, api_name: str, kind: FileKind, description: str
) -> Any:
    def get_file(image_id: float | None, request: gr.Request) -> str:
        if image_id is None:
            raise gr.Error("image_id is required")
        return str(studio.designs.file(identity.owner(request), int(image_id), kind))

    # The function's name and docstring are the MCP tool's name and description.
    get_file.__name__ = get_file.__qualname__ = api_name
    get_file.__doc__ = f"""{description}

    Args:
        image_id: The id of the design (from chat or generate_2d / generate_3d).
    """
    return get_file


def sheet_getter(studio: Studio, identity: Identity) -> Any:
    """The handler of /get_sheet_pdf: the design's PDF sheet, for the request's user."""

    def get_sheet_pdf(image_id: float | None, request: gr.Request) -> str:
        """The design's true-scale workshop sheet: an A4 PDF (print at 100 %).

        Args:
            image_id: The id of the design (from chat or generate_2d / generate_3d).
        """
        if image_id is None:
            raise gr.Error("image_id is required")
        return str(studio.desk.sheet(identity.owner(request), int(image_id)))

    return get_sheet_pdf
