"""Reference images: judged by content, cleaned of metadata, upright, refused with a reason."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from core.attachments import MAX_IMAGES, Upload, checked_images, clean_image, read_uploads
from core.errors import StudioError

GPS_IFD, ORIENTATION, MAKE = 0x8825, 0x0112, 0x010F


def encoded(image: Image.Image, fmt: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def camera_photo(fmt: str = "JPEG") -> bytes:
    """A 300 × 200 photo, blue in its top-left corner, EXIF saying 'turn 90° clockwise' + GPS."""
    image = Image.new("RGB", (300, 200), "red")
    image.paste((0, 0, 255), (0, 0, 60, 60))
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[MAKE] = "PhoneMaker"
    exif[GPS_IFD] = {1: "N", 2: (10.0, 46.0, 30.0), 3: "E", 4: (106.0, 40.0, 0.0)}
    return encoded(image, fmt, exif=exif.tobytes())


@pytest.mark.parametrize(
    ("fmt", "mime"), [("JPEG", "image/jpeg"), ("PNG", "image/png"), ("WEBP", "image/webp")]
)
def test_metadata_is_gone_and_the_picture_is_upright(fmt: str, mime: str) -> None:
    original = camera_photo(fmt)
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS_IFD)  # the input has GPS

    clean = clean_image(Upload("ring.photo", original))

    stored = Image.open(io.BytesIO(clean.data))
    assert stored.format == fmt and clean.mime_type == mime
    assert dict(stored.getexif()) == {} and b"PhoneMaker" not in clean.data
    assert stored.size == (200, 300) == (clean.width, clean.height)  # turned as EXIF said
    top_right = stored.convert("RGB").getpixel((190, 10))  # the blue corner moved here
    assert top_right[2] > 200 and top_right[0] < 60


def test_transparency_is_kept_in_png() -> None:
    image = Image.new("RGBA", (40, 40), (255, 0, 0, 0))
    clean = clean_image(Upload("sketch.png", encoded(image, "PNG", pnginfo=None)))
    assert Image.open(io.BytesIO(clean.data)).mode == "RGBA"


def test_png_text_chunks_are_dropped() -> None:
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Nguyễn Văn A, 12 Lê Lợi")
    clean = clean_image(Upload("s.png", encoded(Image.new("RGB", (8, 8)), "PNG", pnginfo=info)))
    assert "Author" not in Image.open(io.BytesIO(clean.data)).info
    assert "Lê Lợi".encode() not in clean.data


def test_a_phone_jpeg_with_a_multi_picture_index_is_a_jpeg() -> None:
    two = [Image.new("RGB", (32, 24), "navy"), Image.new("RGB", (32, 24), "gold")]
    mpo = encoded(two[0], "MPO", save_all=True, append_images=two[1:])
    assert Image.open(io.BytesIO(mpo)).format == "MPO"
    assert clean_image(Upload("IMG_0001.JPG", mpo)).mime_type == "image/jpeg"


@pytest.mark.parametrize(
    ("upload", "words"),
    [
        (Upload("notes.png", b"just some text, renamed"), "notes.png is not a PNG, JPEG or WebP"),
        (Upload("anim.png", encoded(Image.new("P", (8, 8)), "GIF")), "anim.png is a GIF image"),
        (Upload("wide.png", encoded(Image.new("L", (5000, 10)), "PNG")), "5000 × 10 px"),
        (Upload("empty.jpg", b""), "empty.jpg is empty"),
        (Upload("cut.jpg", camera_photo()[:-200]), "cut.jpg could not be read"),
    ],
    ids=["text-renamed", "gif", "too-wide", "empty", "truncated"],
)
def test_bad_uploads_are_refused_naming_the_file(upload: Upload, words: str) -> None:
    with pytest.raises(StudioError, match=words):
        clean_image(upload)


def test_a_side_of_exactly_4096_px_is_accepted() -> None:
    clean = clean_image(Upload("tall.png", encoded(Image.new("L", (8, 4096)), "PNG")))
    assert (clean.width, clean.height) == (8, 4096)


def test_too_large_a_file_is_refused_before_decoding() -> None:
    with pytest.raises(StudioError, match=r"big.jpg is 2.0 MB; .* at most 1.5 MB"):
        clean_image(Upload("big.jpg", b"\xff" * (2 * 1024 * 1024)), max_upload_mb=1.5)


def test_at_most_four_images_a_message(tmp_path: Path) -> None:
    small = Upload("a.png", encoded(Image.new("RGB", (4, 4)), "PNG"))
    assert len(checked_images([small] * MAX_IMAGES)) == MAX_IMAGES
    with pytest.raises(StudioError, match="at most 4 reference images per message, not 5"):
        checked_images([small] * 5)
    paths = []
    for index in range(5):
        paths.append(tmp_path / f"{index}.png")
        paths[-1].write_bytes(small.data)
    with pytest.raises(StudioError, match="not 5"):
        read_uploads(paths, 10)
    assert [u.name for u in read_uploads(paths[:2], 10)] == ["0.png", "1.png"]


def test_read_uploads_refuses_an_oversized_file_by_its_size(tmp_path: Path) -> None:
    big = tmp_path / "huge.webp"
    big.write_bytes(b"\0" * (3 * 1024 * 1024))
    with pytest.raises(StudioError, match="huge.webp is 3.0 MB"):
        read_uploads([big], 2)


def test_a_refusal_names_the_file_in_vietnamese_too() -> None:
    with pytest.raises(StudioError) as caught:
        clean_image(Upload("phác thảo.png", encoded(Image.new("L", (5000, 10)), "PNG")))
    assert caught.value.text("vi") == (
        "phác thảo.png có kích thước 5000 × 10 px; ảnh tham khảo tối đa 4096 px mỗi cạnh."
    )
