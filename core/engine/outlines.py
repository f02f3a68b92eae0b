"""Girdle outlines of the stone shapes, as closed 2D curves (length along u, width along v)."""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from core.properties import GemShape


def _superellipse(t: np.ndarray, power: float) -> np.ndarray:
    c, s = np.cos(t), np.sin(t)
    exp = 2.0 / power
    return np.stack([np.sign(c) * np.abs(c) ** exp, np.sign(s) * np.abs(s) ** exp], axis=-1)


def _polygon_by_angle(t: np.ndarray, corners: np.ndarray) -> np.ndarray:
    """Points where rays at angles t leave a convex polygon centred on the origin."""
    directions = np.stack([np.cos(t), np.sin(t)], axis=-1)
    edges_a, edges_b = corners, np.roll(corners, -1, axis=0)
    normals = np.stack([edges_b[:, 1] - edges_a[:, 1], edges_a[:, 0] - edges_b[:, 0]], axis=-1)
    offsets = np.einsum("ij,ij->i", normals, edges_a)
    dots = directions @ normals.T
    with np.errstate(divide="ignore"):
        dist = np.where(dots > 1e-9, offsets / dots, np.inf)
    return directions * dist.min(axis=1, keepdims=True)


def _raw(shape: GemShape, t: np.ndarray) -> np.ndarray:
    c, s = np.cos(t), np.sin(t)
    if shape is GemShape.PRINCESS:
        return _polygon_by_angle(t, np.array([[1, 1], [-1, 1], [-1, -1], [1, -1]], float))
    if shape is GemShape.CUSHION:
        return _superellipse(t, 3.2)
    if shape is GemShape.EMERALD:
        k = 0.72  # step-cut corners cut at about a quarter of each side
        corners = [[1, k], [k, 1], [-k, 1], [-1, k], [-1, -k], [-k, -1], [k, -1], [1, -k]]
        return _polygon_by_angle(t, np.array(corners, float))
    if shape is GemShape.PEAR:
        # Teardrop: round at -u, point at +u.
        return np.stack([c, s * np.abs(np.sin((t + np.pi) / 2)) ** 1.3], axis=-1)
    if shape is GemShape.MARQUISE:
        return np.stack([c, np.sign(s) * np.abs(s) ** 1.6], axis=-1)
    if shape is GemShape.HEART:
        # Classic heart curve, turned so the point is at +u.
        x = 16 * np.sin(t) ** 3
        y = 13 * c - 5 * np.cos(2 * t) - 2 * np.cos(3 * t) - np.cos(4 * t)
        return np.stack([-y, x], axis=-1)
    return np.stack([c, s], axis=-1)  # round and oval


def outline(
    shape: GemShape, count: int, length: float, width: float, phase: float = 0.0
) -> np.ndarray:
    """`count` points of a shape's girdle, counter-clockwise, bbox length × width, centred."""
    t = (np.arange(count) + phase) * (2 * np.pi / count)
    if shape is GemShape.HEART:
        t = t + np.pi  # start at the notch so the fan cap sits well inside
    pts = _raw(shape, t)
    full = _raw(shape, np.linspace(0, 2 * np.pi, 257))
    lo, hi = full.min(axis=0), full.max(axis=0)
    pts = (pts - (lo + hi) / 2) / (hi - lo) * np.array([length, width])
    return pts


@lru_cache(maxsize=64)
def outline_area(shape: GemShape, ratio: float) -> float:
    """Area of a shape's outline with length `ratio` and width 1."""
    pts = outline(shape, 512, ratio, 1.0)
    x, y = pts[:, 0], pts[:, 1]
    return float(abs(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))) / 2)


def outline_normals(points: np.ndarray) -> np.ndarray:
    """Outward unit normals of a closed counter-clockwise 2D curve."""
    tangent = np.roll(points, -1, axis=0) - np.roll(points, 1, axis=0)
    normal = np.stack([tangent[:, 1], -tangent[:, 0]], axis=-1)
    return normal / np.linalg.norm(normal, axis=1, keepdims=True).clip(1e-12)
