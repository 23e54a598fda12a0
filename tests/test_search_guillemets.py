"""The search reads guillemets as quotes: « » as " does, ‹ › as ' does (``search_fold``), and a
match over one keeps the text's exact offsets."""

from __future__ import annotations

import pytest

from annotator.core.search import find_counted, fold, matches

# The first line of the trial's Ukrainian article: its quotes are guillemets.
UKRAINIAN = (
    "date 2024-05-12 КИЇВ — Україна та Росія обміняли по 75 полонених у неділю, повідомив "
    "Координаційний штаб. «Додому повертаються 75 захисників» — сказав Володимир Зеленський."
)


def test_a_straight_double_quote_finds_the_guillemet_that_opens_a_quotation() -> None:
    found = list(matches(UKRAINIAN, '"Додому'))
    start = UKRAINIAN.index("«Додому")
    assert found == [(start, start + len("«Додому"))]
    assert UKRAINIAN[found[0][0] : found[0][1]] == "«Додому"


def test_the_closing_guillemet_is_found_too_and_the_match_goes_to_it() -> None:
    counted = find_counted(UKRAINIAN, 'захисників"', 0)
    assert counted is not None
    assert UKRAINIAN[counted.start : counted.end] == "захисників»"
    assert counted.said('захисників"') == "match 1 of 1 for 'захисників\"'"


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ('"', "\u00ab"),
        ('"', "\u00bb"),
        ("\u201c", "\u00ab"),  # a curly quote typed finds a guillemet: all are one
        ("\u00bb", '"'),
        ("'", "\u2039"),
        ("'", "\u203a"),
        ("\u2019", "\u2039"),
        ("\u203a", "'"),
    ],
)
def test_guillemets_and_quotes_of_their_kind_find_each_other(typed: str, written: str) -> None:
    line = f"ab {written}word{written} cd"
    assert list(matches(line, f"{typed}word{typed}")) == [(3, 9)]


@pytest.mark.parametrize(("single", "double"), [("\u2039", "\u00ab"), ("\u203a", "\u00bb")])
def test_single_guillemets_are_single_quotes_never_double_ones(single: str, double: str) -> None:
    assert fold(single) == "'" and fold(double) == '"'
    assert list(matches(f"a{single}b", 'a"b')) == []
    assert list(matches(f"a{double}b", "a'b")) == []


def test_each_guillemet_folds_to_one_code_point_so_offsets_stay_exact() -> None:
    text = "\u00ab\u2039Ф\u203a\u00bb " * 3
    assert fold(text) == "\"'ф'\" " * 2 + "\"'ф'\" "
    assert [text[a:b] for a, b in matches(text, "'ф'")] == ["\u2039Ф\u203a"] * 3
    assert list(matches(text, "'ф'")) == [(1, 4), (7, 10), (13, 16)]
