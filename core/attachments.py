"""Reference images a designer attaches to a message: checked by content, stripped of metadata.

An upload is judged by what its bytes are (Pillow's detected format), never by its file
name. Accepted images are decoded, turned upright (EXIF orientation applied), converted to
sRGB and encoded afresh, so no EXIF, GPS, XMP or text chunk of the original survives.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from core.errors import Refusal, StudioError
from core.storage import FileStore
from data.models import Attachment

MAX_IMAGES = 4
MAX_SIDE = 4096
DEFAULT_MAX_UPLOAD_MB = 10.0
# Pillow format -> (MIME type, file suffix); the formats Gemini and browsers both read.
FORMATS = {
    "PNG": ("image/png", ".png"),
    "JPEG": ("image/jpeg", ".jpg"),
    "WEBP": ("image/webp", ".webp"),
}
# Phone cameras write JPEGs with a multi-picture index, which Pillow names MPO.
ALIASES = {"MPO": "JPEG"}
_SRGB = ImageCms.createProfile("sRGB")


@dataclass(frozen=True)
class Upload:
    """A file as it arrived: the name the designer gave it and its bytes."""

    name: str
    data: bytes


@dataclass(frozen=True)
class ReferenceImage:
    """A checked, re-encoded reference image, ready to store and to send to a model."""

    name: str
    data: bytes
    mime_type: str
    width: int
    height: int

    @property
    def suffix(self) -> str:
        """File suffix for its format ('.png', '.jpg', '.webp')."""
        return next(s for mime, s in FORMATS.values() if mime == self.mime_type)


def read_uploads(paths: Sequence[str | Path], max_upload_mb: float) -> list[Upload]:
    """Read uploaded files, refusing too many or too large ones before reading them."""
    _check_count(len(paths))
    uploads = []
    for path in paths:
        file = Path(path)
        _check_size(file.name, file.stat().st_size, max_upload_mb)
        uploads.append(Upload(file.name, file.read_bytes()))
    return uploads


def checked_images(
    uploads: Sequence[Upload], max_upload_mb: float = DEFAULT_MAX_UPLOAD_MB
) -> list[ReferenceImage]:
    """Every upload checked and cleaned, or a StudioError naming the file and what is wrong."""
    _check_count(len(uploads))
    return [clean_image(upload, max_upload_mb) for upload in uploads]


def clean_image(upload: Upload, max_upload_mb: float = DEFAULT_MAX_UPLOAD_MB) -> ReferenceImage:
    """One upload as a clean image of the same format, upright, sRGB, without metadata."""
    _check_size(upload.name, len(upload.data), max_upload_mb)
    with _opened(upload) as image:
        fmt = _format(image)
        picture = _decoded(upload.name, image, fmt)
    picture.info = {}  # nothing of the original's metadata rides along
    out = io.BytesIO()
    picture.save(out, format=fmt, **_encoder_options(fmt))
    mime_type, _ = FORMATS[fmt]
    return ReferenceImage(upload.name, out.getvalue(), mime_type, *picture.size)


def _check_count(count: int) -> None:
    if count > MAX_IMAGES:
        raise StudioError(Refusal.TOO_MANY_IMAGES, limit=MAX_IMAGES, count=count)


def _check_size(name: str, size: int, max_upload_mb: float) -> None:
    if size > max_upload_mb * 1024 * 1024:
        megabytes = f"{size / 1024 / 1024:.1f}"
        raise StudioError(
            Refusal.IMAGE_TOO_LARGE, name=name, size=megabytes, limit=f"{max_upload_mb:g}"
        )
    if size == 0:
        raise StudioError(Refusal.IMAGE_EMPTY, name=name)


def _opened(upload: Upload) -> Image.Image:
    """The image with only its header read; refuses other formats and oversized sides."""
    try:
        image = Image.open(io.BytesIO(upload.data))
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError):
        raise StudioError(Refusal.NOT_AN_IMAGE, name=upload.name) from None
    if _format(image) not in FORMATS:
        image.close()
        raise StudioError(Refusal.IMAGE_FORMAT, name=upload.name, format=image.format)
    width, height = image.size
    if max(width, height) > MAX_SIDE:
        image.close()
        raise StudioError(
            Refusal.IMAGE_TOO_WIDE, name=upload.name, width=width, height=height, limit=MAX_SIDE
        )
    return image


def _format(image: Image.Image) -> str:
    return ALIASES.get(image.format or "", image.format or "")


def _decoded(name: str, image: Image.Image, fmt: str) -> Image.Image:
    """Pixels decoded, turned upright and converted to sRGB RGB(A)."""
    try:
        image.load()
        upright = ImageOps.exif_transpose(image)
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise StudioError(Refusal.IMAGE_DAMAGED, name=name) from None
    mode = "RGBA" if _has_alpha(upright) and fmt != "JPEG" else "RGB"
    icc = upright.info.get("icc_profile")
    if icc and upright.mode in ("RGB", "RGBA"):
        upright = _to_srgb(upright, icc)
    return upright.convert(mode)


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info


def _to_srgb(image: Image.Image, icc: bytes) -> Image.Image:
    """Colours kept true when the embedded profile (which is dropped) is not sRGB."""
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        return ImageCms.profileToProfile(image, source, _SRGB, outputMode=image.mode) or image
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image  # an unreadable profile: keep the pixels as they are


def _encoder_options(fmt: str) -> dict[str, Any]:
    if fmt == "JPEG":
        return {"quality": 90, "optimize": True}
    if fmt == "WEBP":
        return {"quality": 90}
    return {"optimize": True}


def load_references(paths: Sequence[str | Path], max_upload_mb: float) -> list[ReferenceImage]:
    """Uploaded files read, checked and cleaned: what a chat turn takes as references."""
    return checked_images(read_uploads(paths, max_upload_mb), max_upload_mb)


def attachment_rows(
    owner: str, images: Sequence[ReferenceImage], paths: Sequence[str]
) -> list[Attachment]:
    """Rows for stored reference images (their message is set when they are inserted)."""
    return [
        Attachment(
            owner=owner,
            name=image.name[:255],
            mime_type=image.mime_type,
            width=image.width,
            height=image.height,
            path=path,
            size_bytes=len(image.data),
        )
        for image, path in zip(images, paths, strict=True)
    ]


def write_images(files: FileStore, folder: str, images: Sequence[ReferenceImage]) -> list[str]:
    """Store the images' files (all or none) and return their relative paths."""
    written: list[str] = []
    try:
        for image in images:
            written.append(files.write(folder, image.suffix, image.data))
    except BaseException:
        files.remove(written)
        raise
    return written
