"""Ring sizes: the Vietnamese chart (bundled or a workshop's own) and the conversions."""

from __future__ import annotations

from pathlib import Path

import pytest

from core import ring_sizes
from core.ring_sizes import DEFAULT_VN_CHART, load_vn_chart, vn_chart


def test_the_bundled_chart_follows_the_shop_chart_it_cites() -> None:
    chart = vn_chart()
    assert chart.source == DEFAULT_VN_CHART
    assert "(size 10 = 50.0 mm)" in DEFAULT_VN_CHART.read_text(encoding="utf-8")  # its source
    assert chart.circumference_mm(10) == 50.0  # the shop chart in docs/reference.md
    # It spans the US sizes the properties allow (3 to 15).
    assert chart.size_of_us(3) == 4 and chart.size_of_us(15) == 35


@pytest.mark.parametrize("size", range(4, 36))
def test_every_vietnamese_size_goes_to_us_and_back(size: int) -> None:
    chart = vn_chart()
    us = chart.us_size(size)
    assert ring_sizes.circumference_mm(us) == pytest.approx(chart.circumference_mm(size), abs=0.02)
    assert chart.size_of_us(us) == size


def test_vietnamese_12_is_us_6_and_eu_52() -> None:
    us = vn_chart().us_size(12)
    assert us == pytest.approx(6.06, abs=0.005)
    assert ring_sizes.eu_size(us) == 52
    assert ring_sizes.inner_diameter_mm(us) == pytest.approx(52 / 3.14159, abs=0.01)


def test_sizes_off_the_chart_have_no_vietnamese_size(tmp_path: Path) -> None:
    chart = vn_chart()
    assert not chart.covers(50)
    with pytest.raises(ValueError, match="outside the chart"):
        chart.us_size(50)
    chart_text = "vn_size,inner_circumference_mm\n10,50\n11,51\n"
    tiny = load_vn_chart(_chart_file(tmp_path, chart_text))
    assert tiny.size_of_us(15) is None


def _chart_file(folder: Path, text: str) -> Path:
    path = folder / "chart.csv"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("size,mm\n10,50\n11,51\n", "the header must be 'vn_size,inner_circumference_mm'"),
        ("vn_size,inner_circumference_mm\n10,fifty\n", "data row 1 is not two numbers"),
        ("vn_size,inner_circumference_mm\n10,50\n11,49\n", "both increasing"),
        ("vn_size,inner_circumference_mm\n10,50\n", "two or more rows"),
    ],
)
def test_a_bad_chart_is_refused_with_the_reason(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ValueError, match="Vietnamese ring size chart") as info:
        load_vn_chart(_chart_file(tmp_path, text))
    assert message in str(info.value)


def test_a_missing_chart_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="nowhere.csv: cannot read it"):
        load_vn_chart(tmp_path / "nowhere.csv")


def test_comment_lines_carry_the_source(tmp_path: Path) -> None:
    text = "# Workshop X, 2024\nvn_size,inner_circumference_mm\n8,48.5\n9,49.5\n"
    chart = load_vn_chart(_chart_file(tmp_path, text))
    assert chart.sizes == (8.0, 9.0) and chart.circumference_mm(8.5) == 49.0
