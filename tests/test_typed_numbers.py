"""Whole numbers typed into a value or a count field: digits, or words as labelling reads them
(a trial's `v` refused "seven" where labelling "eight" had made 8)."""

from __future__ import annotations

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.normalise import typed_integer


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("146", 146),
        ("1,200", 1200),
        ("-3", -3),
        ("seven", 7),
        (" Seven ", 7),
        ("twelve hundred", 1200),
        ("two hundred and five", 205),
        ("forty-one", 41),
        # As the guidelines write them and labelling reads them (a trial's `v` refused
        # "a dozen" as vague).
        ("a dozen", 12),
        ("half a dozen", 6),
        ("a hundred", 100),
        ("", None),
    ],
)
def test_digits_and_number_words_give_the_number(typed: str, value: int | None) -> None:
    assert typed_integer(typed) == value


@pytest.mark.parametrize(
    ("typed", "hint"),
    [
        ("five men", True),
        ("about seven", True),
        ("a dozen or so", True),
        ("146 a", True),
        ("five and a half", True),
        ("-seven", True),
        ("lots", False),
        ("x", False),
    ],
)
def test_anything_more_than_a_number_is_refused(typed: str, hint: bool) -> None:
    with pytest.raises(AnnotatorError) as refused:
        typed_integer(typed)
    vague = " (a vague count has no value: leave it empty)" if hint else ""
    assert str(refused.value) == f"expected a whole number like 146 or seven, got {typed!r}{vague}"
