"""Letters a plain keyboard lacks are found as it types them (``search_fold._SAME_AS``): ð and Ð
(a stand-in for Đ) as d, þ as th, æ as ae, œ as oe, ŧ ŋ ĸ as t n k, beside ł ø đ ħ ı and ß,
and a match takes such a letter whole, its offsets the text's. A trial's /Dordevic said "not in
this article" where "Zoë Ðorđević" stood 189 times, and Thorsson missed Þórsson."""

from __future__ import annotations

import pytest

from annotator.core.search import Found, find_counted, find_match, fold, matches


def test_the_trial_s_names_are_found_typed_in_ascii() -> None:
    assert fold("Ðorđević") == "dordevic"
    text = "Zoë Ðorđević said so. " * 189
    found = find_counted(text, "Dordevic", 0)
    assert found == Found(4, 12, 1, 189, False)
    assert text[found.start : found.end] == "Ðorđević"
    assert find_match("Ragnar Þórsson spoke.", "Thorsson", 0) == (7, 14)
    assert find_match("ÞÓRSSON", "thorsson", 0) == (0, 7)


@pytest.mark.parametrize(
    "same",
    [
        ["d", "D", "\u0111", "\u0110", "\u00f0", "\u00d0"],  # đ Đ ð Ð
        ["t", "T", "\u0167", "\u0166"],  # ŧ Ŧ
        ["n", "N", "\u014b", "\u014a"],  # ŋ Ŋ
        ["k", "K", "\u0138"],  # ĸ (no capital)
        ["i", "I", "\u0131", "\u0130"],  # ı İ
        ["o", "O", "\u00f8", "\u00d8"],  # ø Ø
        ["l", "L", "\u0142", "\u0141"],  # ł Ł
        ["th", "TH", "Th", "\u00fe", "\u00de"],  # þ Þ
        ["ae", "AE", "Ae", "\u00e6", "\u00c6", "\u01fd"],  # æ Æ ǽ
        ["oe", "OE", "Oe", "\u0153", "\u0152"],  # œ Œ
        ["ss", "SS", "\u00df", "\u1e9e"],  # ß ẞ
    ],
)
def test_each_letter_and_what_is_typed_for_it_find_each_other(same: list[str]) -> None:
    for written in same:
        line = f"x{written}y"
        for typed in same:
            assert list(matches(line, f"x{typed}y")) == [(0, len(line))], (written, typed)


@pytest.mark.parametrize(
    ("text", "query", "expected"),
    [
        ("Þórsson", "t", []),  # never half of þ
        ("Þórsson", "h", []),
        ("Þórsson", "hors", []),
        ("Cæsar", "a", [(3, 4)]),  # the a of "sar", not half of æ
        ("Cæsar", "es", []),
        ("Œuvre", "o", []),
        ("Œuvre", "euvre", []),
        ("Œuvre", "oeuvre", [(0, 5)]),
        ("a þ b þ", "th", [(2, 3), (6, 7)]),
        ("Zoë Ðorđević", "Zoe Dorde", [(0, 9)]),
    ],
)
def test_a_match_takes_a_letter_typed_as_two_whole(
    text: str, query: str, expected: list[tuple[int, int]]
) -> None:
    assert list(matches(text, query)) == expected
