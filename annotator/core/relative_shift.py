"""The words of a date that counts from an earlier date, read as a number of days.

``relative_shift`` reads the words of a date span as a whole number of days forward or back
(a week is 7 days): ``N days/weeks earlier/later/before/after`` with N in digits or words
(``a``, ``one``, ``two``, ``twenty-one``, ``two hundred``, ``3``), a compound (``one week and
two days later``: 9 days), ``a day earlier``, ``the day before/after``,
``the next/following/previous/preceding day`` (or ``morning``, ``afternoon``, ``evening``,
``night``); quotes and brackets around them do not count. Anything else gives None: ``days
later`` and ``a few days later`` name no number, ``three and a half weeks later`` no whole
number of days, and in ``two days before the talks`` the talks are what it counts from, not a
date before it.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from annotator.core.normalise import parse_count


class Shift(NamedTuple):
    """Days to count (negative: back), and the words a message says it in (``2 days before``)."""

    days: int
    words: str


_UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7}
_DIRECTIONS = {"earlier": -1, "before": -1, "later": 1, "after": 1}
_NEIGHBOURS = {"next": 1, "following": 1, "previous": -1, "preceding": -1}
_PARTS_OF_DAY = frozenset(["day", "morning", "afternoon", "evening", "night"])


def relative_shift(text: str) -> Shift | None:
    """The days ``text`` counts from an earlier date, or None (see the module docstring)."""
    flat = re.sub(r"(?<=[^\W\d_])-(?=[^\W\d_])", " ", text.casefold().replace("\u00a0", " "))
    words = _without_punctuation_around(flat).split()
    if words[:1] == ["on"]:
        words = words[1:]  # "on the next day"
    if len(words) == 3 and words[0] == "the":
        if words[1] == "day" and words[2] in _DIRECTIONS:
            return _shift(_DIRECTIONS[words[2]], [(1, "day")])
        if words[1] in _NEIGHBOURS and words[2] in _PARTS_OF_DAY:
            return _shift(_NEIGHBOURS[words[1]], [(1, "day")])
    if len(words) < 3 or words[-1] not in _DIRECTIONS:
        return None
    counts = _counts_of_units(words[:-1])
    return None if counts is None else _shift(_DIRECTIONS[words[-1]], counts)


def _without_punctuation_around(text: str) -> str:
    """``text`` without the spaces, quotes, brackets and stops around it (``“``, ``«…»``)."""
    low, high = 0, len(text)
    while low < high and _is_around(text[low]):
        low += 1
    while high > low and _is_around(text[high - 1]):
        high -= 1
    return text[low:high]


def _is_around(char: str) -> bool:
    return char.isspace() or unicodedata.category(char).startswith("P")


def _counts_of_units(words: list[str]) -> list[tuple[int, str]] | None:
    """``[(1, "week"), (2, "day")]`` for ``one week and two days``: whole counts of days or
    weeks, joined by "and", each unit once; None when any word is left over or a count is not
    whole ("three and a half weeks", "a day and a half", "about two days")."""
    counts: list[tuple[int, str]] = []
    number_words: list[str] = []
    for word in words:
        if word == "and" and counts and not number_words:
            number_words = ["and"]  # "a week and two days": "and" then a count of a unit
            continue
        if number_words[:1] == ["and"]:
            number_words = number_words[1:]
        if word not in _UNITS:
            number_words.append(word)
            continue
        if number_words in (["a"], ["an"]):
            count: int | None = 1
        else:
            count = parse_count(" ".join(number_words)) if number_words else None
        unit = "week" if _UNITS[word] == 7 else "day"
        if count is None or count <= 0 or any(unit == said for _, said in counts):
            return None
        counts.append((count, unit))
        number_words = []
    return counts if counts and not number_words else None


def _shift(sign: int, counts: list[tuple[int, str]]) -> Shift:
    said = " and ".join(f"{count} {unit}{'' if count == 1 else 's'}" for count, unit in counts)
    days = sum(count * _UNITS[unit] for count, unit in counts)
    return Shift(sign * days, f"{said} {'before' if sign < 0 else 'after'}")
