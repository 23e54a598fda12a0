"""Reading counts and dates: from a span's words (suggested values) and from typed input.

``parse_count`` and ``parse_date`` turn the words of a span into the normalised value a new
span gets by default; they return None whenever the words do not say one exact value, since a
wrong default is worse than an empty one. ``typed_integer`` and ``typed_date`` read what a person
typed into a value or form field, strictly, and raise AnnotatorError when it is not one.

Counts: digits (``146``, ``1,200``, ``1 200`` with a no-break or thin space) and number words
(``eight``, ``forty-one``, ``one hundred and twenty``, ``a dozen`` = 12, ``two dozen`` = 24,
``half a dozen`` = 6, ``1.5 million``), optionally after ``the``, ``all``, ``exactly`` or
``a total of`` and before other words (``146 prisoners`` = 146). Vague amounts give None:
``hundreds``, ``dozens``, ``more than 100``, ``about 50``, ``at least 20``, ``100+``, ``12-15``,
ordinals (``146th``), and decimals and fractions that are not whole numbers (``3.5``, ``3½``,
``three and a half``, ``two thirds``).

Dates are read in ``normalise_dates``: ``parse_date`` and ``dateline`` may still be imported
from here.
"""

from __future__ import annotations

import re
from typing import Any

from annotator.core.errors import AnnotatorError
from annotator.core.normalise_dates import dateline as dateline
from annotator.core.normalise_dates import parse_date as parse_date
from annotator.core.values import ascii_digits, check_date, value_problem


def _words(text: str) -> list[str]:
    return text.split()


_SMALL = {
    word: number
    for number, word in enumerate(
        _words(
            "zero one two three four five six seven eight nine ten eleven twelve thirteen "
            "fourteen fifteen sixteen seventeen eighteen nineteen"
        )
    )
}
_TENS = {
    word: number * 10
    for number, word in enumerate(
        _words("twenty thirty forty fifty sixty seventy eighty ninety"), 2
    )
}
_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
VAGUE_WORDS = frozenset(
    _words(
        "hundreds thousands millions dozens tens scores several some about around approximately "
        "roughly nearly almost over more less fewer than least most up to or plus odd few many "
        "under between estimated estimate approx circa"
    )
)
FRACTION_WORDS = frozenset(
    _words("half halves quarter quarters third thirds fourths fifths sixths eighths tenths")
)
# Every word that may spell a number: a count phrase is read whole, with none of it left over.
NUMBER_WORDS = frozenset([*_SMALL, *_TENS, *_SCALES, "hundred", "dozen"])
_BEFORE = NUMBER_WORDS | {"a", "an"}  # what "a" or "half" may come before in a typed number
_LEADING = re.compile(r"^(?:(?:a\s+)?total\s+of\s+|all\s+|exactly\s+|precisely\s+|the\s+)+")
# Thousands grouped by a no-break or thin space ("1 200"); a typed value may use a plain space.
_GROUPED_DIGITS = re.compile(r"(?<=\d)[\u00a0\u202f\u2009](?=\d{3}(?!\d))")
_TYPED_GROUPED_DIGITS = re.compile(r"(?<=\d)[\u00a0\u202f\u2009 ](?=\d{3}(?!\d))")
_COUNT_WORD = re.compile(r"\d+(?:[.,]\d+)*[^\W\d_]*|[^\W\d_]+")
_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+$")


def parse_count(text: str) -> int | None:
    """The exact whole number the words say, or None (vague, a range, not a number)."""
    flat = _GROUPED_DIGITS.sub("", text.strip().casefold().replace("\u2019", "'"))
    if any(char in flat for char in "+~≈<>±") or re.search(r"\d\s*[-\u2013\u2014]\s*\d", flat):
        return None
    flat = re.sub(r"(?<=[^\W\d_])-(?=[^\W\d_])", " ", flat)
    flat = re.sub(r"\bhalf\s+an?\s+dozen\b", "six", _LEADING.sub("", flat))
    words = _COUNT_WORD.findall(flat)
    if not words or any(word in VAGUE_WORDS for word in words):
        return None
    value, used = _number_prefix(words)
    rest = words[used:]
    if value is None or any(_is_number_word(word) or word in FRACTION_WORDS for word in rest):
        return None  # "three and a half", "two thirds": no whole number, not the whole part
    return value


def _is_number_word(word: str) -> bool:
    return word[0].isdecimal() or word in NUMBER_WORDS


def _digits_value(word: str) -> float | None:
    if not word[-1].isdecimal():
        return None  # "146th", "2k": not a plain number
    if _THOUSANDS.match(word):
        return int(word.replace(",", ""))
    if "," in word or word.count(".") > 1:
        return None
    return float(word) if "." in word else int(word)


def _number_prefix(words: list[str]) -> tuple[int | None, int]:
    """The number the leading words spell and how many words it used."""
    total: float = 0
    current: float | None = None
    article = False  # "a"/"an" waiting for "hundred", "dozen" or a scale
    used = 0
    for index, word in enumerate(words):
        if word in ("a", "an") and current is None and not article:
            article, current = True, 1
        elif word == "and" and current is not None and not article:
            following = words[index + 1] if index + 1 < len(words) else ""
            if not (following in _SMALL or following in _TENS):
                break
        elif word[0].isdecimal():
            if current is not None:
                break
            current = _digits_value(word)
            if current is None:
                return None, 0
        elif word in _SMALL or word in _TENS:
            number = _SMALL.get(word, _TENS.get(word, 0))
            if current is None:
                current = number
            elif article or not _can_add(current, number):
                break
            else:
                current += number
        elif word in ("hundred", "dozen"):
            if current is None:
                break
            current *= 100 if word == "hundred" else 12
            article = False
        elif word in _SCALES:
            if current is None:
                break
            total += current * _SCALES[word]
            current, article = None, False
        else:
            break
        used = index + 1
    if article or used == 0:
        return None, 0
    value = total + (current or 0)
    if value != int(value):
        return None, 0
    return int(value), used


def _can_add(current: float, number: int) -> bool:
    """Whether ``number`` continues ``current``: "hundred twenty", "twenty one"."""
    if current != int(current):
        return False
    last_two = int(current) % 100
    if last_two == 0:
        return True
    return number < 10 and last_two % 10 == 0 and last_two >= 20


def typed_integer(value: Any) -> int | None:
    """A whole number from typed text ("146", "1,200", "-3", "seven", "twelve hundred") or an
    int; "" and None give None."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise AnnotatorError(f"expected a whole number, got {value!r}")
    if isinstance(value, int):
        return value
    if not isinstance(value, str):
        raise AnnotatorError(f"expected a whole number, got {value!r}")
    typed = _TYPED_GROUPED_DIGITS.sub("", value.strip())
    if not typed:
        return None
    sign, digits = ("-", typed[1:]) if typed[:1] in "-\u2212" else ("", typed.lstrip("+"))
    if _THOUSANDS.match(digits):
        digits = digits.replace(",", "")
    if not digits.isdecimal():
        # Words as labelling reads them ("seven", "twelve hundred"): a trial's `v` refused
        # "seven" where labelling had made 8 of "eight". All of it a number, nothing vague.
        said = parse_count(value)
        if said is None or sign or not _all_number_words(value):
            # "about seven": a number among other words is a vague count, which has no value.
            vague = any(map(_is_number_word, _COUNT_WORD.findall(value.casefold())))
            hint = " (a vague count has no value: leave it empty)" if vague else ""
            raise AnnotatorError(f"expected a whole number like 146 or seven, got {value!r}{hint}")
        return said
    return int(sign + digits)


def _all_number_words(text: str) -> bool:
    """Every word of ``text`` is part of a number ("two hundred and five", "a dozen", "half a
    dozen"; not "five men", nor "146 a"): a trial's `v` refused "a dozen", which the
    guidelines give as 12, as vague."""
    words = _COUNT_WORD.findall(re.sub(r"(?<=[^\W\d_])-(?=[^\W\d_])", " ", text.casefold()))
    return all(
        _is_number_word(word)
        or word == "and"
        # "a", "an" and "half" only before a number word ("146 a" is more than a number)
        or (word in ("a", "an", "half") and at + 1 < len(words) and words[at + 1] in _BEFORE)
        for at, word in enumerate(words)
    )


def typed_date(value: Any) -> str | None:
    """A checked ``YYYY-MM-DD``/``YYYY-MM``/``YYYY`` from typed text; "" and None give None."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise AnnotatorError(f"expected a date (YYYY-MM-DD, YYYY-MM or YYYY), got {value!r}")
    # Digits of any script, as a count's: "٢٠٢٤-٠٣-١٥" is the day 2024-03-15.
    typed = ascii_digits(value.strip())
    if not typed:
        return None
    try:
        return check_date(typed)
    except ValueError as error:
        raise AnnotatorError(str(error)) from None


def typed_span_value(value_type: str, value: Any) -> Any:
    """What a person typed (text), or a value, as a span value of ``value_type``: "146" or
    "1,200" for an integer, ``YYYY-MM-DD``/``YYYY-MM``/``YYYY`` for a date, "" for none;
    AnnotatorError saying why when it is not one. ``v`` and review's ``v`` read through
    ``typed_value.read_typed_value``, which reads a date's words ("last Sunday") at the span."""
    if isinstance(value, str):
        if value_type == "integer":
            value = typed_integer(value)
        elif value_type == "date":
            value = typed_date(value)
        else:
            value = value.strip() or None
    problem = value_problem(value_type, value)
    if problem is not None:
        raise AnnotatorError(problem)
    return value
