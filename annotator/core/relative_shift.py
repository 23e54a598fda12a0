"""The words of a date that counts from an earlier date, read as a number of days.

``read_shift`` reads the words of a date span as a whole number of days forward or back:
``N days/nights/weeks/fortnights/hours earlier/later/before/after`` with N in digits or words
(``a``, ``one``, ``two``, ``twenty-one``, ``two hundred``, ``3``), a compound (``one week and
two days later``: 9 days), ``a day earlier``, ``(the) day before/after``,
``(the) next/following/previous/preceding day`` (or ``morning``, ``afternoon``, ``evening``,
``night``: ``next morning``, ``the night before``); quotes and brackets around them do not
count. A night is a day (``two nights later``), a week 7 days, a fortnight 14; hours count
when they make whole days (``48 hours later``: 2 days); ``0 days later`` is the same day.

Words that count from an earlier date but say no whole number of days give an ``Unread``
saying why, for the message of a span left with no value (a span given none without a word
was a trial's complaint): ``days later`` and ``a few days later`` name no exact number,
``three and a half weeks later`` and ``36 hours later`` no whole number of days, ``two months
later`` no fixed number (a month is 28 to 31 days), ``the following week`` no day, and in
``two days before the talks`` the talks are what it counts from, not a date before it. Any
other words give None: they do not count from an earlier date.
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


class Unread(NamedTuple):
    """Words counting from an earlier date that say no whole number of days, and why, as a
    message says it after "no value: " (``its words say no exact number of days``)."""

    why: str
    # Fewer hours than a day ("hours later", "six hours later"): most often on the day they
    # count from, so in the text they neither give a day nor hide the one before them.
    within_a_day: bool = False


# Each unit word, the unit a message says, and its length in hours (hours count only in
# whole days: "48 hours later" is 2 days, "36 hours later" none).
_UNITS = {
    word: (unit, hours)
    for unit, hours in [("hour", 1), ("day", 24), ("night", 24), ("week", 168), ("fortnight", 336)]
    for word in (unit, f"{unit}s")
}
# Units of no fixed number of days: "two months later" has no value.
_UNFIXED_UNITS = frozenset(["month", "months", "year", "years"])
_DIRECTIONS = {"earlier": -1, "before": -1, "later": 1, "after": 1}
_NEIGHBOURS = {"next": 1, "following": 1, "previous": -1, "preceding": -1}
_PARTS_OF_DAY = frozenset(["day", "morning", "afternoon", "evening", "night"])
_PERIODS = frozenset(["week", "weekend", "month", "year"])


def relative_shift(text: str) -> Shift | None:
    """The days ``text`` counts from an earlier date, or None (see the module docstring)."""
    read = read_shift(text)
    return read if isinstance(read, Shift) else None


def read_shift(text: str) -> Shift | Unread | None:
    """The days ``text`` counts from an earlier date; why it gives none (``Unread``) when it
    counts from one but says no whole number of days; None when it counts from none."""
    flat = re.sub(r"(?<=[^\W\d_])-(?=[^\W\d_])", " ", text.casefold().replace("\u00a0", " "))
    words = _without_punctuation_around(flat).split()
    if words[:1] == ["on"]:
        words = words[1:]  # "on the next day"
    if words[:1] == ["the"] and len(words) == 3:
        words = words[1:]  # "the next day", "the day before"; "next day" is said too
        if words[0] in _NEIGHBOURS and words[1] in _PERIODS:
            return Unread(f"it names a {words[1]}, not a day")  # "the following week"
    if len(words) == 2:
        if words[0] in _PARTS_OF_DAY and words[1] in ("before", "after"):
            return _shift(_DIRECTIONS[words[1]], [(1, "day")])
        if words[0] in _NEIGHBOURS and words[1] in _PARTS_OF_DAY:
            return _shift(_NEIGHBOURS[words[0]], [(1, "day")])
    if len(words) < 2 or words[-1] not in _DIRECTIONS:
        return _counting_from_words_after(words)
    if not any(word in _UNITS or word in _UNFIXED_UNITS for word in words[:-1]):
        return None  # "shortly after": no count of anything
    if any(word in _UNFIXED_UNITS for word in words[:-1]):
        return Unread("a month or a year is no fixed number of days")
    counts = _counts_of_units(words[:-1])
    if counts is None:
        if all(word not in _UNITS or _UNITS[word][0] == "hour" for word in words):
            return Unread("its words say no exact number of hours", within_a_day=True)
        return Unread("its words say no exact number of days")
    return _shift(_DIRECTIONS[words[-1]], counts)


def _counting_from_words_after(words: list[str]) -> Unread | None:
    """Why words such as "two days before the talks" have no value: they count from the words
    after "before" (the talks), not from the date before them; None for any other words."""
    for at, word in enumerate(words[1:-1], 1):
        unit = words[at - 1]
        if word in ("before", "after") and (unit in _UNITS or unit in _UNFIXED_UNITS):
            return Unread(f"it counts from the words after {word!r}, not from the date before it")
    return None


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
    """``[(1, "week"), (2, "day")]`` for ``one week and two days``: whole counts of units,
    joined by "and", each unit once; None when any word is left over or a count is not whole
    ("three and a half weeks", "a day and a half", "about two days")."""
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
        unit = _UNITS[word][0]
        # "0 days later" is the same day: a count, if an odd one to write.
        if count is None or count < 0 or any(_same(unit, said) for _, said in counts):
            return None
        counts.append((count, unit))
        number_words = []
    return counts if counts and not number_words else None


def _same(unit: str, other: str) -> bool:
    """Whether two units may be said only once together: "a day and a night later" may be one
    day or two, so it is read as neither."""
    return {"night": "day"}.get(unit, unit) == {"night": "day"}.get(other, other)


def _shift(sign: int, counts: list[tuple[int, str]]) -> Shift | Unread:
    said = " and ".join(f"{count} {unit}{'' if count == 1 else 's'}" for count, unit in counts)
    days, hours = divmod(sum(count * _UNITS[unit][1] for count, unit in counts), 24)
    if hours:
        # "36 hours later": the day it falls on depends on the hour counted from.
        within = days == 0 and all(unit == "hour" for _, unit in counts)
        return Unread(f"{said} is no whole number of days", within_a_day=within)
    return Shift(sign * days, f"{said} {'before' if sign < 0 else 'after'}")
