"""Ring sizes: US, EU (ISO 8653), UK and Vietnamese, all by the inner circumference in mm.

Formulas and charts with their sources: docs/reference.md, Ring sizes.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

# JewelCraft's ringsizelib.py: US and UK sizes as steps of inner circumference.
US_BASE_MM, US_STEP_MM = 36.5367, 2.5535
UK_BASE_MM, UK_STEP_MM = 37.5, 1.25
DEFAULT_VN_CHART = Path(__file__).resolve().parents[1] / "assets" / "vn_ring_sizes.csv"


def circumference_mm(us_size: float) -> float:
    """Inner circumference in mm of a US ring size."""
    return US_BASE_MM + US_STEP_MM * us_size


def inner_diameter_mm(us_size: float) -> float:
    """Inner diameter in mm of a US ring size (11.63 + 0.8128 × US)."""
    return circumference_mm(us_size) / math.pi


def us_from_circumference(mm: float) -> float:
    """The US size (fractional) of an inner circumference."""
    return (mm - US_BASE_MM) / US_STEP_MM


def eu_size(us_size: float) -> int:
    """ISO 8653 (EU) size: inner circumference in mm, rounded."""
    return round(circumference_mm(us_size))


def uk_size(us_size: float) -> str:
    """British letter size (A..Z, then Z+n): a fraction between ¼ and ¾ is a half letter."""
    index = (circumference_mm(us_size) - UK_BASE_MM) / UK_STEP_MM
    whole = math.floor(index)
    fraction = index - whole
    if fraction > 0.75:
        whole, fraction = whole + 1, 0.0
    half = "½" if fraction > 0.25 else ""
    if whole <= 25:
        return f"{chr(ord('A') + max(whole, 0))}{half}"
    return f"Z+{whole - 25}{half}"


@dataclass(frozen=True)
class VietnameseSizes:
    """A chart of Vietnamese ring sizes ("ni") and their inner circumferences."""

    sizes: tuple[float, ...]
    circumferences: tuple[float, ...]
    source: Path

    def covers(self, size: float) -> bool:
        """Whether a Vietnamese size lies within the chart."""
        return self.sizes[0] <= size <= self.sizes[-1]

    def circumference_mm(self, size: float) -> float:
        """Inner circumference of a Vietnamese size (interpolated between chart rows)."""
        if not self.covers(size):
            raise ValueError(f"Vietnamese size {size:g} is outside the chart ({self.span()})")
        return float(np.interp(size, self.sizes, self.circumferences))

    def us_size(self, size: float) -> float:
        """The US size (to 0.01) of a Vietnamese size."""
        return round(us_from_circumference(self.circumference_mm(size)), 2)

    def size_of_us(self, us_size: float) -> int | float | None:
        """The nearest chart size of a US size (12, or 12.5 on a half-size chart), or None."""
        mm = circumference_mm(us_size)
        nearest = int(np.argmin(np.abs(np.asarray(self.circumferences) - mm)))
        step = np.diff(self.circumferences).max()
        if abs(self.circumferences[nearest] - mm) > step / 2:
            return None
        size = self.sizes[nearest]
        return int(size) if size.is_integer() else size

    def span(self) -> str:
        """The chart's range, 'ni 5–34'."""
        return f"ni {self.sizes[0]:g}–{self.sizes[-1]:g}"


def load_vn_chart(path: Path | str) -> VietnameseSizes:
    """Read a chart CSV (vn_size, inner_circumference_mm; '#' lines are comments)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ValueError(f"Vietnamese ring size chart {path}: cannot read it ({exc})") from None
    rows = [r for r in csv.reader(line for line in text.splitlines() if not line.startswith("#"))]
    if not rows or [c.strip() for c in rows[0]] != ["vn_size", "inner_circumference_mm"]:
        raise ValueError(
            f"Vietnamese ring size chart {path}: the header must be "
            "'vn_size,inner_circumference_mm'"
        )
    sizes, circumferences = [], []
    for number, row in enumerate(rows[1:], start=2):
        try:
            size, mm = (float(cell) for cell in row)
        except ValueError:
            raise ValueError(
                f"Vietnamese ring size chart {path}: data row {number - 1} is not two numbers: "
                f"{','.join(row)!r}"
            ) from None
        sizes.append(size)
        circumferences.append(mm)
    if len(sizes) < 2 or np.any(np.diff(sizes) <= 0) or np.any(np.diff(circumferences) <= 0):
        raise ValueError(
            f"Vietnamese ring size chart {path}: needs two or more rows with sizes and "
            "circumferences both increasing"
        )
    return VietnameseSizes(tuple(sizes), tuple(circumferences), path)


@lru_cache(maxsize=8)
def vn_chart(path: Path = DEFAULT_VN_CHART) -> VietnameseSizes:
    """The chart at a path, read once (the bundled chart unless a setting names another)."""
    return load_vn_chart(path)
