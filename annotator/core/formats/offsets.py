"""Offsets in UTF-16 code units, as JavaScript tools (doccano, Label Studio) may count them.

The project counts code points. A character outside the Basic Multilingual Plane (most emoji,
``🕊`` U+1F54A, the regional indicators of ``🇺🇦``) is one code point but two UTF-16 units, so
every offset after it differs by one per such character. ``Utf16Offsets`` converts both ways
for one text; an offset that would fall between the two halves of a surrogate pair is refused.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from annotator.core.formats.common import Item, Reporter
from annotator.core.models import Span

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Offsets:
    """Code-point ↔ UTF-16 offset conversion for one text (cheap when the text has no astral)."""

    def __init__(self, text: str) -> None:
        self.size = len(text)
        # Code-point indices of the astral characters, in order.
        self._astral = [match.start() for match in _ASTRAL.finditer(text)]
        # Their UTF-16 indices (each earlier astral character adds one unit).
        self._astral16 = [index + rank for rank, index in enumerate(self._astral)]

    @property
    def units(self) -> int:
        """The length of the text in UTF-16 units."""
        return self.size + len(self._astral)

    def to_utf16(self, offset: int) -> int:
        """The UTF-16 offset of code-point ``offset`` (0 ≤ offset ≤ len(text))."""
        return offset + bisect_left(self._astral, offset)

    def from_utf16(self, offset: int) -> int | None:
        """The code-point offset of UTF-16 ``offset``; None when it splits a surrogate pair."""
        before = bisect_left(self._astral16, offset)
        if before and self._astral16[before - 1] == offset - 1:
            return None  # inside the pair of the astral character just before
        return offset - before

    @property
    def has_astral(self) -> bool:
        return bool(self._astral)


def has_astral(text: str) -> bool:
    """Whether ``text`` holds a character that UTF-16 stores as two units."""
    return _ASTRAL.search(text) is not None


def written_spans(text: str, spans: Sequence[Span], utf16: bool) -> list[tuple[Span, int, int]]:
    """``spans`` of ``text`` in text order, each with the start and end an export writes for
    it: code points, or UTF-16 units with ``utf16`` (doccano and Label Studio)."""
    convert = Utf16Offsets(text).to_utf16 if utf16 else None
    ordered = sorted(spans, key=lambda s: (s.start, s.end, s.label))
    if convert is None:
        return [(span, span.start, span.end) for span in ordered]
    return [(span, convert(span.start), convert(span.end)) for span in ordered]


def say_code_points(items: Sequence[Item], fmt: str, utf16: bool, report: Reporter) -> None:
    """One line when offsets written as code points differ from UTF-16 units in some
    document (a span after an emoji), which doccano and Label Studio count in the browser:
    a trial's export of an article with emoji said nothing, and its spans would land a
    character off there."""
    if utf16:
        return
    differing = [
        item.record.doc_id
        for item in items
        if item.record.spans
        and has_astral(item.document.text[: max(span.end for span in item.record.spans)])
    ]
    if differing:
        report.warn(
            f"{fmt}: {len(differing)} document(s) have spans after a character UTF-16 stores "
            f"as two units (an emoji): written as code points, while {fmt} in the browser may "
            f"count UTF-16 units; --offsets utf16 writes those (first: {differing[0]})"
        )
