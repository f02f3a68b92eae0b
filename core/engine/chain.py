"""A necklace chain: cable links laid along a closed curve, or a snake chain when links get tiny."""

from __future__ import annotations

import numpy as np

from core.engine.model import Model, Role
from core.engine.primitives import circle, frame_matrix, instances, tube

MIN_PITCH_MM = 1.4  # links shorter than this are too small to see: draw a snake chain


def necklace_curve(length_mm: float, points: int = 720) -> np.ndarray:
    """A necklace laid flat: a closed (x, z) curve `length_mm` long, bottom at the origin."""
    t = np.linspace(0, 2 * np.pi, points, endpoint=False)
    # Narrower at the bottom so the chain falls into a soft V towards the pendant.
    x = np.sin(t) * (0.5 + 0.5 * (1 - np.cos(t)) / 2) * 0.75
    z = 1 - np.cos(t)
    curve = np.column_stack([x, z])
    length = np.linalg.norm(np.diff(curve, axis=0, append=curve[:1]), axis=1).sum()
    return curve * (length_mm / length)


def _along(curve: np.ndarray, pitch: float) -> tuple[np.ndarray, np.ndarray]:
    seg = np.linalg.norm(np.diff(curve, axis=0, append=curve[:1]), axis=1)
    arc = np.concatenate([[0], np.cumsum(seg)])
    closed = np.vstack([curve, curve[:1]])
    at = np.arange(0, arc[-1] - pitch / 2, pitch)
    pts = np.column_stack([np.interp(at, arc, closed[:, i]) for i in (0, 1)])
    ahead = np.column_stack([np.interp((at + 0.5) % arc[-1], arc, closed[:, i]) for i in (0, 1)])
    tangent = ahead - pts
    return pts, tangent / np.linalg.norm(tangent, axis=1, keepdims=True)


def chain_through(hole: np.ndarray, width: float, length_mm: float) -> tuple[Model, dict]:
    """A stock cable chain of a link width and length through `hole` (x=0, in the xz plane)."""
    wire = max(0.35, width * 0.22)
    a, b = (1.4 * width - wire) / 2, (width - wire) / 2
    pitch = 2 * a - wire
    model = Model()
    curve = necklace_curve(length_mm)
    if pitch < MIN_PITCH_MM:
        normals = np.gradient(curve, axis=0)
        normals = np.column_stack([normals[:, 1], -normals[:, 0]])
        normals /= np.linalg.norm(normals, axis=1, keepdims=True)
        snake = tube(curve, normals, circle(8, width / 2))
        place = frame_matrix(hole, (1, 0, 0), (0, -1, 0))
        model.add("chain", Role.FINDING, snake.transformed(place))
        return model, _facts("Snake", width, length_mm, None)
    t = (np.arange(10) + 0.5) * (2 * np.pi / 10)
    path = np.column_stack([a * np.cos(t), b * np.sin(t)])
    normals = np.column_stack([np.cos(t) / a, np.sin(t) / b])
    link = tube(path, normals / np.linalg.norm(normals, axis=1, keepdims=True), circle(5, wire / 2))
    pts, tangents = _along(curve, pitch)
    mats = _link_frames(hole, pts, tangents)
    model.add("chain", Role.FINDING, instances(link, mats))
    return model, _facts("Cable", width, length_mm, len(mats))


def _link_frames(hole: np.ndarray, pts: np.ndarray, tangents: np.ndarray) -> np.ndarray:
    """4×4 frames of the links: long axis along the chain, alternately flat and upright."""
    count = len(pts)
    x_axis = np.column_stack([tangents[:, 0], np.zeros(count), tangents[:, 1]])
    in_plane = np.column_stack([-tangents[:, 1], np.zeros(count), tangents[:, 0]])
    facing = np.tile([0.0, -1.0, 0.0], (count, 1))
    z_axis = np.where((np.arange(count) % 2 == 0)[:, None], facing, in_plane)
    mats = np.tile(np.eye(4), (count, 1, 1))
    mats[:, :3, 0], mats[:, :3, 1], mats[:, :3, 2] = x_axis, np.cross(z_axis, x_axis), z_axis
    mats[:, :3, 3] = hole + np.column_stack([pts[:, 0], np.zeros(count), pts[:, 1]])
    return mats


def _facts(kind: str, width: float, length_mm: float, links: int | None) -> dict:
    return {
        "chain": kind,
        "chain_width_mm": width,
        "chain_length_mm": length_mm,
        "chain_links": links,
    }
