"""Every word the studio's screens show, in Vietnamese."""

# fmt: off
TEXTS: dict[str, str] = {
    # header
    "app.title": "PNJ · Nhà thiết kế trang sức AI",
    "app.mode_gemini": "Nhà thiết kế: <b>Gemini</b> ({chat_model}, vẽ ảnh bằng {image_model}).",
    "app.mode_offline": "Nhà thiết kế: <b>ngoại tuyến</b> (chưa đặt GEMINI_API_KEY): bộ đọc "
                        "yêu cầu và bộ dựng mẫu tham số có sẵn sẽ thiết kế, bằng tiếng Việt "
                        "hoặc tiếng Anh.",
    "app.language": "Ngôn ngữ",
    # sidebar
    "sidebar.new": "+ Mẫu mới",
    "sidebar.conversations": "Cuộc trò chuyện",
    "sidebar.manage": "Đổi tên hoặc xoá",
    "sidebar.title": "Tiêu đề",
    "sidebar.rename": "Đổi tên",
    "sidebar.delete": "Xoá",
    "sidebar.untitled": "Mẫu mới",
    # chat
    "chat.label": "Nhà thiết kế",
    "chat.empty": "<h3>Hãy mô tả món trang sức bạn muốn</h3><p>{mode}</p>",
    "chat.placeholder": "Mô tả món trang sức bằng tiếng Việt hoặc tiếng Anh…",
    "chat.send": "Gửi",
    "chat.earlier": "↑ Xem các tin nhắn trước",
    "chat.examples": "Thử",
    "chat.thinking": "Đang suy nghĩ…",
    "chat.status": "⏳ {status}",
    "tool.generate_jewelry_design": "🛠️ Đã thiết kế bằng {tool}",
    "tool.edit_design": "🛠️ Đã chỉnh sửa bằng {tool}",
    "tool.other": "🛠️ Đã gọi {tool}",
    "tool.arguments": "Tham số",
    "tool.error": "Lỗi",
    "tool.designs": "Mẫu",
    "tool.no_designs": "không có",
    # gallery and the selected design
    "gallery.label": "Các mẫu",
    "gallery.more": "Xem các mẫu trước",
    "gallery.caption": "#{id} · {kind} · {piece} {metal}",
    "detail.empty": "Chưa có mẫu nào: hãy mô tả món trang sức trong khung trò chuyện, hoặc điền "
                    "thuộc tính rồi bấm Tạo mẫu.",
    "detail.model": "Mô hình 3D",
    "detail.files": "Tệp",
    "spec.heading": "Thông số",
    "spec.value": "Giá trị",
    "spec.design": "Mẫu",
    "spec.piece": "Món",
    "spec.variation": "Phương án",
    "spec.alloy": "Hợp kim",
    "spec.inner_diameter_mm": "Đường kính trong (mm)",
    "spec.ring_size_us": "Cỡ nhẫn US",
    "spec.ring_size_eu": "Cỡ nhẫn EU",
    "spec.ring_size_uk": "Cỡ nhẫn UK",
    "spec.metal_weight_g": "Trọng lượng kim loại (g)",
    "spec.metal_weight_chi": "Trọng lượng kim loại (chỉ)",
    "spec.stone_count": "Số viên đá",
    "spec.total_carat": "Tổng carat",
    "spec.main_stone_mm": "Đá chính (mm)",
    "spec.dimensions_mm": "Kích thước (mm)",
    # the property form
    "form.title": "Thuộc tính mẫu",
    "field.jewelry_type": "Loại trang sức",
    "field.metal": "Kim loại",
    "field.karat": "Tuổi vàng",
    "field.gemstone": "Đá chính",
    "field.gem_shape": "Dáng đá",
    "field.carat": "Carat",
    "field.ring_size": "Cỡ nhẫn (US)",
    "field.band_width_mm": "Bản rộng (mm)",
    "field.setting": "Kiểu ổ",
    "field.style": "Phong cách",
    "field.finish": "Bề mặt",
    "field.engraving": "Chữ khắc",
    "field.notes": "Ghi chú",
    "hint.engraving": "Chữ khắc bên trong, tối đa 40 ký tự.",
    "hint.notes": "Ghi chú thiết kế tự do.",
    "form.count": "Số phương án",
    "form.generate_2d": "Tạo mẫu 2D",
    "form.generate_3d": "Tạo mẫu 3D",
    # errors
    "error.title": "Lỗi",
}

EXAMPLES: list[str] = [
    "Nhẫn vàng trắng 18K đính kim cương 5 ly, kiểu tối giản",
    "Dây chuyền mặt hoa sen bằng vàng hồng với ngọc trai",
    "Cho mình 3 mẫu bông tai bạch kim đính sapphire, dạng 3D",
    "Lắc tay vàng hồng 18K bản 3 mm, bề mặt xước",
]
# fmt: on
