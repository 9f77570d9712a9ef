"""UN document symbols: every form in DOMAIN.md, in English and Chinese, found in real text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from debateprep.domain.symbols import (
    find_symbols,
    normalise_symbol,
    resolution_symbol,
    symbol_from_filename,
    symbol_kind,
)

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    "written, normal",
    [
        ("S/2014/74", "S/2014/74"),
        ("S/RES/2594 (2021)", "S/RES/2594 (2021)"),
        ("S/RES/2378(2017)", "S/RES/2378 (2017)"),
        ("s/res/2594(2021)", "S/RES/2594 (2021)"),
        ("第2594(2021)号决议", "S/RES/2594 (2021)"),
        ("第 2086(2013) 号决议", "S/RES/2086 (2013)"),
        ("Ｓ／ＲＥＳ／２５９４（２０２１）", "S/RES/2594 (2021)"),
        ("resolution 1894 (2009)", "S/RES/1894 (2009)"),
        ("S/PRST/2014/3", "S/PRST/2014/3"),
        ("S/PV.7109", "S/PV.7109"),
        ("S/PV.7109 (Resumption 1)", "S/PV.7109 (Resumption 1)"),
        ("S/PV.7109(resumption1)", "S/PV.7109 (Resumption 1)"),
        ("A/63/19", "A/63/19"),
        ("S/2017/507", "S/2017/507"),
        ("S/2013/689/Corr.1", "S/2013/689/Corr.1"),
        ("第70/1号决议", "A/RES/70/1"),
    ],
)
def test_normalise_symbol(written: str, normal: str) -> None:
    assert normalise_symbol(written) == normal


@pytest.mark.parametrize("bad", ["", "S/", "hello", "2014/74", "S/RES/"])
def test_not_a_symbol(bad: str) -> None:
    with pytest.raises(ValueError):
        normalise_symbol(bad)


def test_symbols_cited_in_the_seed_note() -> None:
    text = (REPO / "concept_notes" / "concept-note_S-2014-74_poc_lithuania.zh.txt").read_text(encoding="utf-8")
    assert find_symbols(text) == [
        "S/RES/1265 (1999)",
        "S/2013/689",
        "S/RES/1894 (2009)",
        "S/RES/2086 (2013)",
        "S/RES/2106 (2013)",
        "S/RES/2117 (2013)",
        "A/63/19",
        "A/64/19",
        "A/65/19",
        "A/66/19",
    ]


def test_symbols_in_a_real_resolution_with_furniture() -> None:
    text = (REPO / "library_samples" / "resolution_2594-2021_transitions.zh.txt").read_text(encoding="utf-8")
    found = find_symbols(text)
    assert found[:3] == ["S/RES/2594 (2021)", "A/RES/70/1", "S/RES/1325 (2000)"]
    # "第2250号决议" (no year) is merged with nothing: no year is invented
    assert "S/RES/2250" in found and "S/RES/2475 (2019)" in found


def test_lists_of_resolutions_in_both_languages() -> None:
    assert find_symbols("recalling its resolutions 1265 (1999), 1296 (2000) and 1674 (2006)") == [
        "S/RES/1265 (1999)", "S/RES/1296 (2000)", "S/RES/1674 (2006)",
    ]
    assert find_symbols("回顾第1265(1999)、1296(2000)和1674(2006)号决议") == [
        "S/RES/1265 (1999)", "S/RES/1296 (2000)", "S/RES/1674 (2006)",
    ]


def test_deduplicated_in_order_and_the_year_form_wins() -> None:
    text = "第2250号决议 … S/PRST/2014/3 … S/RES/2250 (2015) … S/PRST/2014/3 … S/PV.7109 (Resumption 1), S/PV.7109."
    assert find_symbols(text) == ["S/RES/2250 (2015)", "S/PRST/2014/3", "S/PV.7109 (Resumption 1)", "S/PV.7109"]


def test_kinds_and_file_names() -> None:
    assert [symbol_kind(s) for s in ("S/RES/1 (1946)", "S/PRST/2014/3", "S/PV.7109", "S/2014/74", "A/63/19")] == [
        "resolution", "prst", "record", "council", "assembly",
    ]
    assert symbol_from_filename("concept-note_S-2014-74_poc_lithuania.zh.txt") == "S/2014/74"
    assert symbol_from_filename("S_2020_1.pdf") == "S/2020/1"
    assert symbol_from_filename("notes_2014.txt") is None


@given(st.integers(1, 2999), st.integers(1946, 2030), st.sampled_from(["{n}({y})", "{n} ({y})", "{n}（{y}）"]))
def test_any_resolution_round_trips(number: int, year: int, form: str) -> None:
    written = form.format(n=number, y=year)
    expected = resolution_symbol(number, year)
    assert normalise_symbol(f"S/RES/{written}") == expected
    assert find_symbols(f"安理会第{written}号决议") == [expected]
    assert normalise_symbol(expected) == expected
