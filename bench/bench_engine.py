"""Benchmark the design engine: time and peak memory of a 2D sheet and a 3D model per type.

Run: python bench/bench_engine.py [--runs 7]. Reports the median wall time, the median CPU
time of this process (less disturbed by other work on a shared machine) and the peak
Python-side memory (tracemalloc: numpy buffers included) of one render; for 3D models, how
far the .stl's volume × density is from the spec's metal weight; then the time of one
true-scale PDF sheet per type. A halo ring is the heaviest common case and gets a row.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import trimesh

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.engine import render_design
from core.engine.pdf import sheet_pdf
from core.properties import DesignProperties, JewelryType

TARGET_MS = {"2d": 150, "3d": 250}


def _times(props: DesignProperties, image_type: str, runs: int) -> tuple[float, float]:
    wall, cpu = [], []
    for _ in range(runs):
        w0, c0 = time.perf_counter(), time.process_time()
        render_design(props, image_type)
        wall.append(time.perf_counter() - w0)
        cpu.append(time.process_time() - c0)
    return statistics.median(wall) * 1000, statistics.median(cpu) * 1000


def _peak_mb(props: DesignProperties, image_type: str) -> float:
    tracemalloc.start()
    render_design(props, image_type)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def _stl_vs_spec(props: DesignProperties) -> float:
    """How far (%) the .stl's volume × density is from the spec's metal weight."""
    rendering = render_design(props, "3d")
    stl = trimesh.load(io.BytesIO(rendering.stl), file_type="stl")
    weight = stl.volume / 1000 * rendering.spec["density_g_cm3"]
    return (weight / rendering.spec["metal_weight_g"] - 1) * 100


def _sheet_ms(props: DesignProperties) -> float:
    spec = render_design(props, "2d").spec
    start = time.perf_counter()
    sheet_pdf(props, spec)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    """Print one row per jewelry type and image type, then the PDF sheets."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    cases = [(kind.value, DesignProperties(jewelry_type=kind)) for kind in JewelryType]
    cases.append(("ring+halo", DesignProperties(accent_stones="halo")))
    print(
        f"{'piece':<10} {'image':<5} {'wall ms':>8} {'cpu ms':>8} {'peak MB':>8}  stl/spec  target"
    )
    for name, props in cases:
        for image_type in ("2d", "3d"):
            render_design(props, image_type)  # warm caches (fonts, imports)
            wall, cpu = _times(props, image_type, args.runs)
            peak = _peak_mb(props, image_type)
            agree = f"{_stl_vs_spec(props):+7.3f}%" if image_type == "3d" else " " * 8
            ok = "ok" if wall <= TARGET_MS[image_type] else "over"
            print(
                f"{name:<10} {image_type:<5} {wall:8.1f} {cpu:8.1f} {peak:8.1f}  {agree}  "
                f"≤{TARGET_MS[image_type]} {ok}"
            )
    print("PDF sheet, ms:", ", ".join(f"{n} {_sheet_ms(p):.0f}" for n, p in cases))


if __name__ == "__main__":
    main()
