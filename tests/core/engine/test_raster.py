"""The software rasteriser against a brute-force reference: coverage, depth order, no gaps."""

from __future__ import annotations

import numpy as np
import pytest

from core.engine.raster import Camera, rasterize

SIZE = (48, 36)


def _screen_camera() -> Camera:
    """An orthographic camera where world x, y are pixels (y down) and z is distance."""
    rotation = np.diag([1.0, -1.0, -1.0])  # looks along world +z; screen y grows downwards
    return Camera(rotation, np.zeros(3), 1.0, (0.0, 0.0), SIZE, ortho=True)


def _brute_force(vertices: np.ndarray, faces: np.ndarray) -> np.ndarray:
    """Nearest face at each pixel centre by testing every pixel against every face."""
    width, height = SIZE
    best = np.full((height, width), -np.inf)
    owner = np.full((height, width), -1)
    ys, xs = np.mgrid[0:height, 0:width] + 0.5
    for index, face in enumerate(faces):
        (x0, y0, z0), (x1, y1, z1), (x2, y2, z2) = vertices[face]
        area = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0)
        if abs(area) < 1e-9:
            continue
        w0 = ((x1 - xs) * (y2 - ys) - (x2 - xs) * (y1 - ys)) / area
        w1 = ((x2 - xs) * (y0 - ys) - (x0 - xs) * (y2 - ys)) / area
        w2 = 1 - w0 - w1
        inside = (w0 >= -1e-9) & (w1 >= -1e-9) & (w2 >= -1e-9)
        depth = -(w0 * z0 + w1 * z1 + w2 * z2)  # smaller world z is nearer
        win = inside & (depth > best)
        best[win], owner[win] = depth[win], index
    return owner


def test_random_triangles_match_the_reference():
    rng = np.random.default_rng(7)
    vertices = np.column_stack(
        [rng.uniform(-5, 53, 300), rng.uniform(-5, 41, 300), rng.uniform(-10, -1, 300)]
    )
    faces = rng.integers(0, 300, (100, 3))
    frame = rasterize(_screen_camera(), vertices, faces, cull=False)
    reference = _brute_force(vertices, faces)
    # Pixel centres lying exactly on an edge may go either way; allow a handful.
    assert (frame.triangle != reference).mean() < 0.01


def test_two_triangles_sharing_an_edge_leave_no_gap():
    w, h = SIZE
    vertices = np.array([[0, 0, -1], [w, 0, -1], [w, h, -1], [0, h, -1]], float)
    faces = np.array([[0, 1, 2], [0, 2, 3]])
    frame = rasterize(_screen_camera(), vertices, faces, cull=False)
    assert (frame.triangle >= 0).all()


@pytest.mark.parametrize(
    "triangle",
    [
        [[2, 2, -1], [40, 2, -1], [20, 30, -1]],  # horizontal top edge
        [[5, 3, -1], [5, 33, -1], [30, 18, -1]],  # vertical edge
        [[0, 0, -1], [47, 35.5, -1], [47.2, 35.6, -1]],  # long sliver
        [[10, 10, -1], [10.2, 10.1, -1], [10.4, 10.0, -1]],  # sub-pixel
    ],
)
def test_awkward_triangles_are_handled(triangle):
    vertices = np.array(triangle, float)
    faces = np.array([[0, 1, 2]])
    frame = rasterize(_screen_camera(), vertices, faces, cull=False)
    reference = _brute_force(vertices, faces)
    assert (frame.triangle != reference).sum() <= 2


def test_nearer_triangle_wins():
    far = [[0, 0, 5], [48, 0, 5], [0, 36, 5]]
    near = [[0, 0, 2], [48, 0, 2], [0, 36, 2]]
    vertices = np.array(far + near, float)
    frame = rasterize(_screen_camera(), vertices, np.array([[0, 1, 2], [3, 4, 5]]), cull=False)
    covered = frame.triangle[frame.triangle >= 0]
    assert covered.size and (covered == 1).all()
