"""Benchmark the catalogue: query, DataFrame, filter and export for N designs of one designer.

Run: python bench/bench_catalogue.py [--designs 1000 5000] [--runs 5]. Rows are inserted
directly (real engine specs, one per jewelry type, no files), in 20 conversations, into a
file-backed SQLite in a temp dir, next to 500 designs of another designer that must be left
out. Reports the median wall and CPU time of each step.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app import build_studio
from core.catalogue import CatalogueFilter, export_bytes
from core.engine.api import render_design_at
from core.properties import DesignProperties, ImageType, JewelryType
from core.settings import Settings
from data import repository as repo
from data.models import GeneratedImage


def fill(studio: object, owner: str, designs: int) -> None:
    """`designs` rows for `owner`, spread over 20 conversations, with real specs."""
    kinds = [DesignProperties(jewelry_type=kind) for kind in JewelryType]
    specs = [render_design_at(p, ImageType.TWO_D, 0, scale=0.05).spec for p in kinds]
    with studio.db.transaction() as session:
        conversations = [
            repo.create_conversation(session=session, user_id=owner, title=f"Line {i}").id
            for i in range(20)
        ]
        for index in range(designs):
            kind = index % len(kinds)
            session.add(GeneratedImage(
                conversation_id=conversations[index % 20], image_type="2d",
                prompt=f"brief {index}", image_path=f"c/{index}.png", owner=owner,
                properties=kinds[kind].to_dict(), spec=specs[kind],
            ))  # fmt: skip


def median_ms(step: object, runs: int) -> tuple[float, float]:
    """Median wall and CPU milliseconds of a step (CPU time is steadier on a busy machine)."""
    wall, cpu = [], []
    for _ in range(runs):
        w0, c0 = time.perf_counter(), time.process_time()
        step()
        wall.append(time.perf_counter() - w0)
        cpu.append(time.process_time() - c0)
    return statistics.median(wall) * 1000, statistics.median(cpu) * 1000


def measure(desk: object, runs: int) -> list[tuple[float, float]]:
    """Median ms of: the whole catalogue, a filtered one, the CSV and the JSON export."""
    narrow = CatalogueFilter(metal="yellow gold", query="brief 1")
    steps = [
        partial(desk.catalogue, "designer", CatalogueFilter()),
        partial(desk.catalogue, "designer", narrow),
        lambda: export_bytes(desk.entries("designer"), "csv"),
        lambda: export_bytes(desk.entries("designer"), "json"),
    ]
    return [median_ms(step, runs) for step in steps]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--designs", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print("| designs | query + frame | + filter (metal, text) | CSV export | JSON export |")
    print("|---|---|---|---|---|")
    for count in args.designs:
        with tempfile.TemporaryDirectory() as folder:
            studio = build_studio(Settings(storage_dir=Path(folder)))
            fill(studio, "designer", count)
            fill(studio, "someone else", 500)
            assert studio.desk.catalogue("designer", CatalogueFilter())[1] == count
            row = measure(studio.desk, args.runs)
            cells = [f"{wall:.0f} ms ({cpu:.0f} ms CPU)" for wall, cpu in row]
            print(f"| {count} | " + " | ".join(cells) + " |")
            studio.desk.scratch.close()
            studio.db.dispose()


if __name__ == "__main__":
    main()
