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
    TOO_MANY_IMAGES = "too_many_images"
    IMAGE_TOO_LARGE = "image_too_large"
    IMAGE_EMPTY = "image_empty"
    NOT_AN_IMAGE = "not_an_image"
    IMAGE_FORMAT = "image_format"
    IMAGE_TOO_WIDE = "image_too_wide"
    IMAGE_DAMAGED = "image_damaged"
    COMPARE_COUNT = "compare_count"
    COMPARE_TWICE = "compare_twice"
    EXPORT_FORMAT = "export_format"
    QUERY_TOO_LONG = "query_too_long"
    FILTER_VALUE = "filter_value"
    SIGN_IN_FIRST = "sign_in_first"
    HF_SIGN_IN_FIRST = "hf_sign_in_first"
    LIMIT_ASK_FEWER = "limit_ask_fewer"
    LIMIT_REACHED = "limit_reached"
    GEMINI_CALLS_USED = "gemini_calls_used"
    STORAGE_NO_FIT = "storage_no_fit"
    STORAGE_FULL = "storage_full"


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
    Refusal.TOO_MANY_IMAGES: ("at most {limit} reference images per message, not {count}",
                              "Mỗi tin nhắn kèm tối đa {limit} ảnh tham khảo, không phải {count}."),
    Refusal.IMAGE_TOO_LARGE: ("{name} is {size} MB; reference images may be at most {limit} MB",
                              "{name} nặng {size} MB; ảnh tham khảo tối đa {limit} MB."),
    Refusal.IMAGE_EMPTY: ("{name} is empty; attach a PNG, JPEG or WebP image",
                          "{name} trống; hãy đính kèm ảnh PNG, JPEG hoặc WebP."),
    Refusal.NOT_AN_IMAGE: ("{name} is not a PNG, JPEG or WebP image",
                           "{name} không phải ảnh PNG, JPEG hay WebP."),
    Refusal.IMAGE_FORMAT: ("{name} is a {format} image; attach a PNG, JPEG or WebP image",
                           "{name} là ảnh {format}; hãy đính kèm ảnh PNG, JPEG hoặc WebP."),
    Refusal.IMAGE_TOO_WIDE: ("{name} is {width} × {height} px; reference images may be at most "
                             "{limit} px a side",
                             "{name} có kích thước {width} × {height} px; ảnh tham khảo tối đa "
                             "{limit} px mỗi cạnh."),
    Refusal.IMAGE_DAMAGED: ("{name} could not be read (the file is damaged or cut short)",
                            "Không đọc được {name} (tệp bị hỏng hoặc bị cắt ngắn)."),
    Refusal.COMPARE_COUNT: ("compare {low} to {high} designs, not {count}",
                            "Hãy so sánh từ {low} đến {high} mẫu, không phải {count}."),
    Refusal.COMPARE_TWICE: ("compare different designs: an id is given twice",
                            "Hãy so sánh các mẫu khác nhau: có mã bị chọn hai lần."),
    Refusal.EXPORT_FORMAT: ("format must be one of {allowed}, not {format!r}",
                            "Định dạng phải là một trong {allowed}, không phải {format!r}."),
    Refusal.QUERY_TOO_LONG: ("query is too long ({length} characters; at most {limit})",
                             "Từ khoá tìm kiếm quá dài ({length} ký tự; tối đa {limit})."),
    Refusal.FILTER_VALUE: ("{name}: {value!r} is not one of {allowed}",
                           "{name}: {value!r} không thuộc {allowed}."),
    Refusal.SIGN_IN_FIRST: ("Sign in first.", "Hãy đăng nhập trước."),
    Refusal.HF_SIGN_IN_FIRST: ("Sign in with Hugging Face to open your studio.",
                               "Hãy đăng nhập bằng Hugging Face để mở studio của bạn."),
    Refusal.LIMIT_ASK_FEWER: ("At most {what} are allowed; ask for fewer.",
                              "Chỉ được tối đa {what}; hãy yêu cầu ít hơn."),
    Refusal.LIMIT_REACHED: ("You have reached {what}; try again in {wait}.",
                            "Bạn đã dùng hết {what}; hãy thử lại sau {wait}."),
    Refusal.GEMINI_CALLS_USED: ("The studio has used its {calls} for today; try again in {wait}.",
                                "Studio đã dùng hết {calls} của hôm nay; hãy thử lại sau "
                                "{wait}."),
    Refusal.STORAGE_NO_FIT: ("This design ({adding} MB) does not fit in your {limit} MB of "
                             "storage ({used} MB used); delete some conversations to free space.",
                             "Mẫu này ({adding} MB) không vừa {limit} MB dung lượng của bạn "
                             "(đã dùng {used} MB); hãy xoá bớt vài cuộc trò chuyện cho đủ chỗ."),
    Refusal.STORAGE_FULL: ("You have reached your {limit} MB of storage ({used} MB used); delete "
                           "some conversations to free space.",
                           "Bạn đã dùng hết {limit} MB dung lượng (đã dùng {used} MB); hãy "
                           "xoá bớt vài cuộc trò chuyện cho đủ chỗ."),
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
        """The message in a language ('en' or 'vi').

        A value given again under `<name>_vi` ('12,5' for '12.5', '3 phút' for '3 min') is
        the Vietnamese text of `<name>`.
        """
        if self.reason is None or lang != "vi":
            return str(self)
        said = {n.removesuffix("_vi"): v for n, v in self.values.items() if n.endswith("_vi")}
        return WORDING[self.reason][1].format(**(self.values | said))
