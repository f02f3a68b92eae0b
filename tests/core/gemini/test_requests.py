"""Pure request building and response reading for Gemini: no network, no server."""

from __future__ import annotations

import io

import pytest
from google.genai import errors as genai_errors
from google.genai import types
from PIL import Image

from core.attachments import ReferenceImage
from core.designers.base import HistoryEntry
from core.designers.gemini import status_text
from core.gemini import history
from core.gemini.client import RETRY_STATUS_CODES, http_options
from core.gemini.errors import describe, redact
from core.gemini.images import MAX_SIDE, image_config, picture, verified_png
from core.gemini.prompts import design_prompt, edit_prompt
from core.gemini.requests import (
    chat_config,
    function_responses,
    function_tool,
    system_instruction,
    turn_contents,
)
from core.gemini.responses import append_part, function_calls
from core.messages import MessageMeta
from core.properties import DesignProperties, ImageType
from core.settings import Settings
from core.tools import ToolError, tool_declarations
from tests.gemini_stub import candidate, png

SIGNATURE = bytes(range(256))  # every byte value, so no encoding can pass it by luck


def assistant_with_parts(text: str) -> HistoryEntry:
    """An assistant message as the Gemini designer stores it: its turn's contents."""
    call = types.Part(
        function_call=types.FunctionCall(name="generate_jewelry_design", args={"count": 1}),
        thought_signature=SIGNATURE,
    )
    answer = types.FunctionResponse(name="generate_jewelry_design", response={"images": []})
    contents = [
        types.Content(role="model", parts=[call]),
        types.Content(role="user", parts=[types.Part(function_response=answer)]),
        types.Content(role="model", parts=[types.Part(text=text)]),
    ]
    return HistoryEntry("assistant", text, MessageMeta(transcript=history.dump_contents(contents)))


def response(body: dict) -> types.GenerateContentResponse:
    return types.GenerateContentResponse.model_validate(body)


# ----- tools and config ----------------------------------------------------------------


def test_declarations_come_from_the_tools_module() -> None:
    tool = function_tool()
    declared = {d.name: d for d in tool.function_declarations or []}
    for expected in tool_declarations():
        got = declared[expected["name"]]
        assert got.description == expected["description"]
        assert got.parameters_json_schema == expected["parameters"]
    assert set(declared) == {"generate_jewelry_design", "edit_design"}


def test_chat_config_turns_automatic_calling_off_and_can_forbid_tools() -> None:
    config = chat_config(DesignProperties())
    assert config.automatic_function_calling.disable is True
    assert config.tool_config.function_calling_config.mode == "AUTO"
    last = chat_config(DesignProperties(), allow_tools=False)
    assert last.tool_config.function_calling_config.mode == "NONE"


def test_system_instruction_carries_language_rule_and_current_properties() -> None:
    text = system_instruction(DesignProperties(metal="rose gold", gemstone="emerald"))
    assert "Vietnamese or English" in text and "short question" in text
    assert '"metal": "rose gold"' in text and "emerald" in text


# ----- history -------------------------------------------------------------------------


def test_turn_contents_send_history_then_the_new_message() -> None:
    earlier = [HistoryEntry("user", "a ring"), assistant_with_parts("Here it is.")]
    contents = turn_contents(earlier, "thinner band")
    assert [c.role for c in contents] == ["user", "model", "user", "model", "user"]
    assert contents[0].parts[0].text == "a ring"
    assert contents[-1].parts[0].text == "thinner band"


def test_reference_images_go_before_the_words_of_their_message() -> None:
    sketch = ReferenceImage("sketch.png", png(8, 8), "image/png", 8, 8)
    photo = ReferenceImage("photo.jpg", b"\xff\xd8jpeg", "image/jpeg", 4, 4)
    contents = turn_contents([HistoryEntry("user", "a ring")], "like these", [sketch, photo])
    last = contents[-1]
    assert [c.role for c in contents] == ["user"] and last.parts[0].text == "a ring"
    blobs = [(p.inline_data.mime_type, p.inline_data.data) for p in last.parts[1:3]]
    assert blobs == [("image/png", sketch.data), ("image/jpeg", photo.data)]
    assert last.parts[3].text == "like these"
    (only_images,) = turn_contents([], "", [sketch])
    assert len(only_images.parts) == 1 and only_images.parts[0].inline_data.data == sketch.data


def test_thought_signatures_survive_storage_and_rebuilding() -> None:
    stored = assistant_with_parts("Done.")
    contents = turn_contents([HistoryEntry("user", "hi"), stored], "next")
    call_part = contents[1].parts[0]
    assert call_part.function_call.name == "generate_jewelry_design"
    assert call_part.thought_signature == SIGNATURE


def test_other_designers_turns_are_rebuilt_from_tool_calls() -> None:
    calls = [{"name": "edit_design", "args": {"image_id": 3}, "result": {"images": [4]}}]
    entry = HistoryEntry("assistant", "Edited.", MessageMeta.of({"tool_calls": calls}))
    contents = history.entry_contents(entry)
    assert contents[0].parts[0].function_call.args == {"image_id": 3}
    assert contents[1].parts[0].function_response.response == {"images": [4]}
    assert contents[2].parts[0].text == "Edited."


def test_unreadable_stored_contents_fall_back_to_text() -> None:
    entry = HistoryEntry(
        "assistant", "Hello", MessageMeta.of({"gemini_contents": [{"nonsense": 1}]})
    )
    assert [c.parts[0].text for c in history.entry_contents(entry)] == ["Hello"]


def test_history_is_windowed_by_count_and_size_and_starts_with_the_user() -> None:
    long = [HistoryEntry("user" if i % 2 == 0 else "assistant", f"m{i}") for i in range(101)]
    kept = history.window(long, max_entries=10)
    assert len(kept) <= 10 and kept[0].role == "user" and kept[-1].content == "m100"
    big = [HistoryEntry("user", "x" * 3000), HistoryEntry("assistant", "y" * 3000)] * 10
    kept = history.window(big, max_chars=10_000)
    assert sum(len(e.content) for e in kept) <= 10_000 and kept[0].role == "user"
    assert len(history.history_contents(big, max_chars=10_000)) == len(kept)


def test_system_entries_skipped_and_unanswered_messages_merged() -> None:
    entries = [
        HistoryEntry("user", "first"),
        HistoryEntry("system", "x"),
        HistoryEntry("user", "2"),
    ]
    contents = turn_contents(entries, "third")
    assert len(contents) == 1
    assert [p.text for p in contents[0].parts] == ["first", "2", "third"]


def test_function_responses_answer_each_call_with_its_id() -> None:
    calls = [types.FunctionCall(id="a", name="edit_design", args={})]
    content = function_responses(calls, [{"error": "no design 9"}])
    part = content.parts[0].function_response
    assert (content.role, part.id, part.name, part.response) == (
        "user", "a", "edit_design", {"error": "no design 9"})  # fmt: skip


# ----- streamed parts ------------------------------------------------------------------


def test_streamed_text_is_joined_and_keeps_a_late_signature() -> None:
    collected: list[types.Part] = []
    for piece in (types.Part(text="Xin "), types.Part(text="chào")):
        append_part(collected, piece)
    append_part(collected, types.Part(text="", thought_signature=b"sig"))
    call = types.Part(function_call=types.FunctionCall(name="edit_design", args={}))
    append_part(collected, call)
    assert [p.text for p in collected[:1]] == ["Xin chào"]
    assert collected[0].thought_signature == b"sig"
    assert function_calls(collected) == [call.function_call]


def test_thoughts_are_kept_apart_from_answer_text() -> None:
    collected: list[types.Part] = []
    append_part(collected, types.Part(text="planning", thought=True))
    append_part(collected, types.Part(text="Answer"))
    assert [(p.text, p.thought) for p in collected] == [("planning", True), ("Answer", None)]


def test_status_text_counts_designs() -> None:
    generate = types.FunctionCall(name="generate_jewelry_design", args={"count": 2})
    edit = types.FunctionCall(name="edit_design", args={"image_id": 7})
    assert status_text([generate]) == "Drawing 2 designs…"
    assert status_text([edit]) == "Editing design #7…"
    assert status_text([types.FunctionCall(name="x", args={"count": "lots"})]) == "Working…"
    in_3d = types.FunctionCall(name="generate_jewelry_design", args={"image_type": "3d"})
    assert status_text([in_3d, in_3d], "vi") == "Đang dựng 2 mẫu 3D…"
    assert status_text([edit], "vi") == "Đang chỉnh sửa mẫu #7…"


# ----- image prompts, config and answers ---------------------------------------------------


def test_sheet_and_render_prompts_differ_and_carry_the_properties() -> None:
    props = DesignProperties(metal="platinum", gemstone="sapphire", gem_shape="oval")
    sheet = design_prompt(props, ImageType.TWO_D, "", "vine motif")
    render = design_prompt(props, ImageType.THREE_D, "", "vine motif")
    assert "design sheet" in sheet and "3D product render" in render
    for prompt in (sheet, render):
        assert "platinum" in prompt and "oval-cut sapphire" in prompt and "vine motif" in prompt
        assert "keep its proportions, stone count and setting exactly as drawn" in prompt
        assert "reference" in prompt and "designer's own" not in prompt
    halo = design_prompt(props, ImageType.TWO_D, "halo of accent diamonds added")
    assert "This variation: halo of accent diamonds added." in halo and "variation" not in sheet
    one = design_prompt(props, ImageType.TWO_D, references=1)
    two = design_prompt(props, ImageType.TWO_D, references=2)
    assert "The next 1 image is the designer's own reference:" in one
    assert "The next 2 images are the designer's own references:" in two
    edit = edit_prompt(props, ImageType.THREE_D, "make the band thinner")
    assert "make the band thinner" in edit and "Keep the same piece" in edit


@pytest.mark.parametrize(
    ("properties", "words"),
    [
        ({"setting": "bezel", "accent_stones": "halo"}, "in a bezel setting, with halo accents"),
        ({"prong_count": 6, "band_profile": "knife-edge"}, "6-prong setting"),
        ({"prong_count": 6, "band_profile": "knife-edge"}, "knife-edge band"),
        ({"gemstone": "pearl", "pearl_mm": 8.5}, "a pearl of 8.5 mm"),
        ({"jewelry_type": "earrings", "earring_style": "hoop"}, "pair of hoop earrings"),
        ({"jewelry_type": "necklace", "chain_length_mm": 600}, "on a 600 mm chain"),
        ({"jewelry_type": "bracelet", "wrist_mm": 170}, "for a 170 mm wrist"),
    ],
)
def test_prompts_name_the_richer_properties(properties: dict, words: str) -> None:
    prompt = design_prompt(DesignProperties(**properties), ImageType.THREE_D)
    assert words in prompt
    assert words not in design_prompt(DesignProperties(), ImageType.THREE_D)


def test_image_config_asks_for_images_with_an_aspect_ratio() -> None:
    config = image_config("gemini-2.5-flash-image", ImageType.THREE_D)
    assert "IMAGE" in config.response_modalities and config.image_config.aspect_ratio == "1:1"
    assert image_config("gemini-2.0-flash-exp", ImageType.TWO_D).image_config is None


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"promptFeedback": {"blockReason": "SAFETY"}}, "blocked (SAFETY)"),
        ({"candidates": [{"finishReason": "IMAGE_SAFETY"}]}, "safety reasons (IMAGE_SAFETY)"),
        ({"candidates": [{"finishReason": "NO_IMAGE"}]}, "no image (NO_IMAGE)"),
        (candidate({"text": "I cannot draw that."}), "text only, no image: I cannot draw that."),
        ({"candidates": []}, "no image"),
    ],
)
def test_image_answers_without_an_image_become_tool_errors(body: dict, words: str) -> None:
    with pytest.raises(ToolError, match=words.replace("(", r"\(").replace(")", r"\)")):
        picture(response(body))


def test_images_are_verified_and_capped() -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (3000, 1500), "white").save(buffer, format="JPEG")
    capped = Image.open(io.BytesIO(verified_png(buffer.getvalue())))
    assert capped.format == "PNG" and max(capped.size) == MAX_SIDE
    assert Image.open(io.BytesIO(verified_png(png(10, 10)))).size == (10, 10)
    with pytest.raises(ToolError, match="not a readable image"):
        verified_png(b"\x89PNG\r\n\x1a\nnot really")
    with pytest.raises(ToolError, match="over 20 MB"):
        verified_png(b"0" * (21 * 1024 * 1024))


# ----- client options and errors --------------------------------------------------------


def test_http_options_bound_retries_and_timeouts() -> None:
    options = http_options(Settings(gemini_timeout_s=30, gemini_retries=2))
    assert options.base_url is None and options.timeout == 30_000
    retry = options.retry_options
    assert retry.attempts == 3 and retry.http_status_codes == RETRY_STATUS_CODES
    assert retry.initial_delay == 1.0 and retry.exp_base == 2.0
    assert http_options(Settings(gemini_base_url="http://127.0.0.1:9")).base_url


def test_error_texts_are_clear_and_never_carry_the_key() -> None:
    key = "AIzaSECRET-1234567890"
    rate = genai_errors.ClientError(429, {"error": {"code": 429, "status": "RESOURCE_EXHAUSTED"}})
    assert "rate-limiting" in describe(rate, retries=3, timeout_s=60)
    echoed = genai_errors.ClientError(400, {"error": {"message": f"bad key {key}"}})
    text = redact(describe(echoed, retries=3, timeout_s=60), key)
    assert key not in text and "[redacted]" in text
