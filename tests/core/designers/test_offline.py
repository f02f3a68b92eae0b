"""The offline designer through the real studio: stored messages, designs and files."""

from __future__ import annotations

import asyncio
from typing import Any

from core.designers.offline import OfflineDesigner
from core.studio import Studio
from tests.conftest import OWNER


def chat(studio: Studio, conversation_id: int, message: str) -> dict[str, Any]:
    return asyncio.run(studio.turns.run(OWNER, conversation_id, message))


def reply(result: dict[str, Any]) -> str:
    return result["assistant_message"]["content"]


def tool_calls(result: dict[str, Any]) -> list[dict[str, Any]]:
    return result["assistant_message"]["metadata"]["tool_calls"]


def test_the_studio_uses_the_offline_designer_without_a_key(studio: Studio) -> None:
    assert isinstance(studio.designer, OfflineDesigner) and studio.designer.name == "offline"


def test_english_request_is_drawn_stored_and_described(studio: Studio) -> None:
    conversation_id = studio.conversations.create(OWNER)["id"]
    result = chat(
        studio,
        conversation_id,
        "a rose-gold engagement ring with a 1 ct oval diamond, vintage milgrain",
    )
    [image] = result["generated_images"]
    expected = {
        "jewelry_type": "ring", "metal": "rose gold", "gemstone": "diamond", "gem_shape": "oval",
        "carat": 1.0, "style": "vintage", "finish": "milgrain",
    }  # fmt: skip
    assert {k: image["properties"][k] for k in expected} == expected
    assert studio.designs.file(OWNER, image["id"]).read_bytes().startswith(b"\x89PNG")
    [call] = tool_calls(result)
    assert call["name"] == "generate_jewelry_design"
    assert call["args"] == {"properties": expected, "image_type": "2d", "count": 1}
    assert call["result"]["images"][0]["image_id"] == image["id"]
    text = reply(result)
    assert "rose gold ring" in text and "1 ct oval diamond" in text and "milgrain" in text.lower()
    assert "third of the diamond" in text  # the solitaire band rule, from the real proportions


def test_a_change_keeps_what_the_conversation_established(studio: Studio) -> None:
    conversation_id = studio.conversations.create(OWNER)["id"]
    first = chat(studio, conversation_id, "a vintage rose gold ring with a 1 ct oval ruby, size 6")
    second = chat(studio, conversation_id, "make it platinum")
    assert tool_calls(second)[0]["args"]["properties"] == {"metal": "platinum"}
    before = first["generated_images"][0]["properties"]
    after = second["generated_images"][0]["properties"]
    assert after["metal"] == "platinum" and after["karat"] is None
    unchanged = {k: v for k, v in before.items() if k not in {"metal", "karat"}}
    assert {k: after[k] for k in unchanged} == unchanged
    assert "changed the metal to platinum" in reply(second) and "heavier" not in reply(second)
    assert "20.1 g/cm³" in reply(second)  # the density remark about what changed


def test_vietnamese_request_and_change_are_answered_in_vietnamese(studio: Studio) -> None:
    conversation_id = studio.conversations.create(OWNER)["id"]
    first = chat(studio, conversation_id, "Nhẫn vàng trắng 18K đính kim cương 5 ly, kiểu tối giản")
    properties = first["generated_images"][0]["properties"]
    assert (properties["metal"], properties["karat"], properties["carat"]) == (
        "white gold",
        18,
        0.46,
    )
    assert properties["style"] == "minimalist" and properties["gemstone"] == "diamond"
    assert "nhẫn vàng trắng 18K, kim cương dáng tròn 0,46 ct" in reply(first)
    second = chat(studio, conversation_id, "đổi sang vàng hồng")
    assert second["generated_images"][0]["properties"]["metal"] == "rose gold"
    assert "Mình đã đổi kim loại sang vàng hồng" in reply(second)


def test_greetings_and_questions_are_answered_without_drawing(studio: Studio) -> None:
    conversation_id = studio.conversations.create(OWNER)["id"]
    hello = chat(studio, conversation_id, "hello")
    assert hello["generated_images"] == [] and tool_calls(hello) == []
    assert "ring, necklace, pendant" in reply(hello)
    chao = chat(studio, conversation_id, "xin chào")
    assert chao["generated_images"] == [] and "nhẫn, dây chuyền" in reply(chao)
    question = chat(studio, conversation_id, "Is platinum heavier than gold?")
    assert question["generated_images"] == [] and "20.1 g/cm³" in reply(question)


def test_a_vague_request_asks_which_piece_then_draws_what_was_said(studio: Studio) -> None:
    conversation_id = studio.conversations.create(OWNER)["id"]
    vague = chat(studio, conversation_id, "something in rose gold with a ruby")
    assert vague["generated_images"] == [] and "Which piece" in reply(vague)
    drawn = chat(studio, conversation_id, "a pendant please")
    properties = drawn["generated_images"][0]["properties"]
    assert (properties["jewelry_type"], properties["metal"], properties["gemstone"]) == (
        "pendant", "rose gold", "ruby")  # fmt: skip


def test_several_3d_designs_and_the_view_is_kept_for_changes(studio: Studio) -> None:
    conversation_id = studio.conversations.create(OWNER)["id"]
    first = chat(studio, conversation_id, "vẽ 2 mẫu mặt dây ngọc trai dạng 3D")
    assert len(first["generated_images"]) == 2
    assert all(i["image_type"] == "3d" and i["has_model"] for i in first["generated_images"])
    assert "mô hình 3D" in reply(first)
    second = chat(studio, conversation_id, "đổi sang bạc")
    [image] = second["generated_images"]
    assert image["image_type"] == "3d" and image["properties"]["metal"] == "silver"
    assert studio.designs.file(OWNER, image["id"], "glb").stat().st_size > 0


def test_a_tool_error_is_explained_with_what_is_allowed(studio: Studio) -> None:
    conversation_id = studio.conversations.create(OWNER)["id"]
    chat(studio, conversation_id, "a platinum ring with a diamond")
    too_big = chat(studio, conversation_id, "make it a 20 ct diamond")
    assert too_big["generated_images"] == []
    assert "20 ct" in reply(too_big) and "0.05 ct – 10 ct" in reply(too_big)
    assert "error" in tool_calls(too_big)[0]["result"]
    fixed = chat(studio, conversation_id, "ok, 2 ct then")
    assert fixed["generated_images"][0]["properties"]["carat"] == 2.0


def test_vietnamese_ni_size_is_not_converted(studio: Studio) -> None:
    conversation_id = studio.conversations.create(OWNER)["id"]
    result = chat(studio, conversation_id, "nhẫn bạc ni 12")
    properties = result["generated_images"][0]["properties"]
    assert properties["ring_size"] == 7.0 and properties["metal"] == "silver"
    assert "cỡ “ni”" in reply(result) and "cỡ US" in reply(result)


def test_nothing_to_change_asks_instead_of_redrawing(studio: Studio) -> None:
    conversation_id = studio.conversations.create(OWNER)["id"]
    chat(studio, conversation_id, "a gold pendant with an emerald")
    bigger = chat(studio, conversation_id, "make it bigger")
    assert bigger["generated_images"] == [] and "exact size" in reply(bigger)
    again = chat(studio, conversation_id, "draw it again")
    assert len(again["generated_images"]) == 1 and "fresh take" in reply(again)


def test_answers_are_deterministic(studio: Studio) -> None:
    texts = [
        reply(
            chat(
                studio, studio.conversations.create(OWNER)["id"], "a silver bracelet with amethysts"
            )
        )
        for _ in range(2)
    ]
    assert texts[0] == texts[1] and "silver bracelet" in texts[0]


def test_after_several_options_it_does_not_suggest_asking_for_options(studio: Studio) -> None:
    conversation_id = studio.conversations.create(OWNER)["id"]
    for message in ("a platinum ring with a ruby", "show me 3 options"):
        reply = asyncio.run(studio.turns.run(OWNER, conversation_id, message))
    assert len(reply["generated_images"]) == 3
    assert "3 options" not in reply["assistant_message"]["content"].split("\n\n")[-1]


def _statuses(studio: Studio, message: str, language: str) -> tuple[list[str], str]:
    """The status lines a turn showed, and its stored answer."""

    async def scenario() -> tuple[list[str], str]:
        conversation_id = studio.conversations.create(OWNER)["id"]
        statuses, answer = [], ""
        async for update in studio.turns.stream(OWNER, conversation_id, message, language):
            statuses += [update.status] if update.status else []
            answer = update.text if update.done else answer
        return statuses, answer

    return asyncio.run(scenario())


def test_status_lines_follow_the_screen_language_and_answers_the_message(studio: Studio) -> None:
    statuses, answer = _statuses(studio, "3 options of a platinum ring in 3D", "vi")
    assert statuses == ["Đang dựng 3 mẫu 3D…"]
    assert "platinum" in answer and "bạch kim" not in answer  # the answer keeps the message's
    statuses, answer = _statuses(studio, "nhẫn bạch kim đính hồng ngọc", "en")
    assert statuses == ["Drawing your design…"] and "bạch kim" in answer
    statuses, _ = _statuses(studio, "nhẫn vàng hồng", "")  # no screen language: the message's
    assert statuses == ["Đang vẽ mẫu của bạn…"]
