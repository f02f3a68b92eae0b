"""Errors the studio raises for the person who made the request, in English and Vietnamese."""

from __future__ import annotations

from enum import StrEnum
from typing import Any


class Refusal(StrEnum):
    """Why the studio refuses a request; each has its words in WORDING."""

    MESSAGE_EMPTY = "message_empty"
    MESSAGE_TOO_LONG = "message_too_long"
    OPEN_CONVERSATION_FIRST = "open_conversation_first"
    NO_CONVERSATION = "no_conversation"
    NO_DESIGN = "no_design"
    NO_MODEL = "no_model"
    TITLE_EMPTY = "title_empty"
    TITLE_TOO_LONG = "title_too_long"
    DESCRIPTION_TOO_LONG = "description_too_long"
    COUNT_OUT_OF_RANGE = "count_out_of_range"
    INVALID_PROPERTIES = "invalid_properties"


# fmt: off
WORDING: dict[Refusal, tuple[str, str]] = {  # (English: the API's words, Vietnamese)
    Refusal.MESSAGE_EMPTY: ("message must not be empty", "Tin nhắn đang trống."),
    Refusal.MESSAGE_TOO_LONG: ("message is too long ({length} characters; at most {limit})",
                               "Tin nhắn quá dài ({length} ký tự; tối đa {limit})."),
    Refusal.OPEN_CONVERSATION_FIRST: ("open a conversation first",
                                      "Hãy mở một cuộc trò chuyện trước."),
    Refusal.NO_CONVERSATION: ("no conversation with id {id}",
                              "Không có cuộc trò chuyện nào mang mã {id}."),
    Refusal.NO_DESIGN: ("no design with id {id}", "Không có mẫu nào mang mã {id}."),
    Refusal.NO_MODEL: ("design {id} has no {kind} model (only 3D designs have one)",
                       "Mẫu {id} không có mô hình {kind} (chỉ mẫu 3D mới có)."),
    Refusal.TITLE_EMPTY: ("title must not be empty", "Tiêu đề không được để trống."),
    Refusal.TITLE_TOO_LONG: ("title is too long ({length} characters; at most {limit})",
                             "Tiêu đề quá dài ({length} ký tự; tối đa {limit})."),
    Refusal.DESCRIPTION_TOO_LONG: ("description is too long ({length} characters; at most "
                                   "{limit})", "Mô tả quá dài ({length} ký tự; tối đa {limit})."),
    Refusal.COUNT_OUT_OF_RANGE: ("count must be between 1 and {limit}, not {count}",
                                 "Số phương án phải từ 1 đến {limit}, không phải {count}."),
    Refusal.INVALID_PROPERTIES: ("Invalid design properties: {problems}",
                                 "Thuộc tính mẫu chưa hợp lệ: {problems}"),
}
# fmt: on


class StudioError(ValueError):
    """A request the studio refuses; the message is meant for the person who made it.

    Given a Refusal, the English message comes from WORDING and `text(lang)` says it in the
    person's language; given plain text, that text is the message in every language.
    """

    def __init__(self, message: str | Refusal, /, **values: Any) -> None:
        self.reason = message if isinstance(message, Refusal) else None
        self.values = values
        super().__init__(WORDING[self.reason][0].format(**values) if self.reason else message)

    def text(self, lang: str) -> str:
        """The message in a language ('en' or 'vi')."""
        if self.reason is None or lang != "vi":
            return str(self)
        return WORDING[self.reason][1].format(**self.values)
