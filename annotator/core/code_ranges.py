"""Code-point ranges and the regex character classes built from them (the tokenizer's marks,
the scripts it cuts finer, search's folded characters)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence


def code_ranges(codes: Iterable[int]) -> list[tuple[int, int]]:
    """Inclusive ranges covering ``codes`` (ascending code points), runs joined."""
    ranges: list[tuple[int, int]] = []
    for code in codes:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    return ranges


def class_body(ranges: Sequence[tuple[int, int]]) -> str:
    """The body of a regex character class (what goes between ``[`` and ``]``) of ``ranges``."""
    parts = []
    for low, high in ranges:
        parts.append(
            re.escape(chr(low)) if low == high else f"{re.escape(chr(low))}-{re.escape(chr(high))}"
        )
    return "".join(parts)
