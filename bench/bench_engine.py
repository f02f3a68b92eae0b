"""Benchmark the design engine: time and peak memory of a 2D sheet and a 3D model per type.

Run: python bench/bench_engine.py [--runs 7]. Reports the median wall time, the median CPU
time of this process (less disturbed by other work on a shared machine) and the peak
Python-side memory (tracemalloc: numpy buffers included) of one render.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.engine import render_design
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


def main() -> None:
    """Print one row per jewelry type and image type."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    print(f"{'type':<10} {'image':<5} {'wall ms':>8} {'cpu ms':>8} {'peak MB':>8}  target")
    for kind in JewelryType:
        props = DesignProperties(jewelry_type=kind)
        for image_type in ("2d", "3d"):
            render_design(props, image_type)  # warm caches (fonts, imports)
            wall, cpu = _times(props, image_type, args.runs)
            peak = _peak_mb(props, image_type)
            ok = "ok" if wall <= TARGET_MS[image_type] else "over"
            print(
                f"{kind.value:<10} {image_type:<5} {wall:8.1f} {cpu:8.1f} {peak:8.1f}  "
                f"≤{TARGET_MS[image_type]} {ok}"
            )


if __name__ == "__main__":
    main()
