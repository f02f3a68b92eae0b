"""A fast PNG writer: 'Up' filter on every row and fast zlib, plus UTF-8 text chunks.

Pillow picks a filter per row by trying them all, which costs more than the whole
render for our mostly flat images; one fixed filter is nearly as small and far quicker.
"""

from __future__ import annotations

import struct
import zlib

import numpy as np
from PIL import Image


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def encode_png(image: Image.Image, text: dict[str, str] | None = None) -> bytes:
    """PNG bytes of an RGB image, with iTXt chunks (readable as Image.text)."""
    pixels = np.asarray(image.convert("RGB"))
    height, width, _ = pixels.shape
    rows = pixels.reshape(height, width * 3)
    up = np.empty((height, width * 3 + 1), np.uint8)
    up[:, 0] = 2  # filter type Up
    up[0, 1:] = rows[0]
    up[1:, 1:] = rows[1:] - rows[:-1]  # uint8 arithmetic wraps, as PNG wants
    data = zlib.compress(up.tobytes(), 1)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    parts = [b"\x89PNG\r\n\x1a\n", _chunk(b"IHDR", header)]
    for key, value in (text or {}).items():
        payload = key.encode("latin-1") + b"\x00\x00\x00\x00\x00" + value.encode("utf-8")
        parts.append(_chunk(b"iTXt", payload))
    parts += [_chunk(b"IDAT", data), _chunk(b"IEND", b"")]
    return b"".join(parts)
