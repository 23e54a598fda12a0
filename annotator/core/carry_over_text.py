"""The changed text as carrying over looks at it (``carry_over_places``): where a place's words
stand, their whitespace runs alike.

A *place* is the old offsets and words of one span or more (spans on the same offsets move
together). Every place's starts in the new text are found once (``NewText``), so a record of
many spans on recurring words costs about as many look-ups as it has places and places of
their words, not their square.

Words are compared with their whitespace runs treated alike: a tab, a line break or two spaces
where the old text had one space (the text's whitespace tidied) leave a span's words there, so
its place in the new text may be a few characters longer or shorter than its words (``end``).
A run is alike only a run of its kind, though: within a paragraph (one line break at most) or
between two (two line breaks or more, or a paragraph separator), so that a span is never carried
across a paragraph break an edit added ('Kestria navy' onto 'Kestria\\n\\nnavy'), nor one drawn
across two paragraphs onto one line. Whitespace at a span's edges, which a span rarely has, is
compared as it is.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

# A run of whitespace inside a span's words, and the edges of the words it splits into.
_INNER_WHITESPACE = re.compile(r"(?<=\S)(\s+)(?=\S)")
# A line break (as ``str.splitlines`` counts them; CRLF is one, never taken apart), whitespace
# that breaks no line, and a run of whitespace within a paragraph or between two.
_LINE_BREAK = r"(?>\r\n|[\r\n\v\f\x1c-\x1e\x85\u2028\u2029])"
_IN_LINE = r"[^\S\n\r\v\f\x1c-\x1e\x85\u2028\u2029]"
_WITHIN_PARAGRAPH = f"(?:{_IN_LINE}+(?:{_LINE_BREAK}{_IN_LINE}*)?|{_LINE_BREAK}{_IN_LINE}*)"
_BETWEEN_PARAGRAPHS = f"(?:\\s*(?:{_LINE_BREAK}{_IN_LINE}*{_LINE_BREAK}|\u2029)\\s*)"
_PARAGRAPH_BREAK = re.compile(_BETWEEN_PARAGRAPHS)


@dataclass(frozen=True, order=True)
class Place:
    """Where spans of the stale record were: old start and end, and their words."""

    start: int
    end: int
    words: str


@dataclass(frozen=True)
class Window:
    """The new starts and ends a place may take (both bounds included)."""

    start_low: int
    start_high: int
    end_low: int
    end_high: int


class NewText:
    """The changed text, with every start of a place's words found once per call."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: dict[str, list[int]] = {}
        self._patterns: dict[str, re.Pattern[str] | None] = {}

    def _pattern(self, words: str) -> re.Pattern[str] | None:
        """``words`` with each whitespace run inside them matching any; None: they have none
        (compared as they are, faster)."""
        if words not in self._patterns:
            parts = _INNER_WHITESPACE.split(words)
            pattern = "".join(
                (_BETWEEN_PARAGRAPHS if _PARAGRAPH_BREAK.search(part) else _WITHIN_PARAGRAPH)
                if k % 2
                else re.escape(part)
                for k, part in enumerate(parts)
            )
            self._patterns[words] = re.compile(pattern) if len(parts) > 1 else None
        return self._patterns[words]

    def starts(self, words: str) -> list[int]:
        """Every start of ``words`` (overlapping ones and ones inside words too), in order."""
        found = self._starts.get(words)
        if found is None:
            pattern = self._pattern(words)
            if pattern is not None:
                ahead = re.compile(f"(?=(?:{pattern.pattern}))")
                found = [match.start() for match in ahead.finditer(self.text)]
            else:
                found = []
                at = self.text.find(words) if words else -1
                while at != -1:
                    found.append(at)
                    at = self.text.find(words, at + 1)
            self._starts[words] = found
        return found

    def end(self, words: str, at: int) -> int | None:
        """Where ``words`` end when they start at ``at`` in the text; None: they are not
        there."""
        if at < 0:
            return None
        pattern = self._pattern(words)
        if pattern is None:
            return at + len(words) if self.text.startswith(words, at) else None
        match = pattern.match(self.text, at)
        return match.end() if match else None

    def starts_within(self, words: str, window: Window) -> list[int]:
        """The starts of ``words`` in ``window`` (their ends in it too)."""
        found = self.starts(words)
        inside = found[
            bisect_left(found, window.start_low) : bisect_right(found, window.start_high)
        ]
        return [at for at in inside if self.fits(words, at, window)]

    def fits(self, words: str, at: int, window: Window) -> bool:
        """Whether ``words`` stand at ``at``, their start and end inside ``window``."""
        end = self.end(words, at) if window.start_low <= at <= window.start_high else None
        return end is not None and window.end_low <= end <= window.end_high

    def stands(self, place: Place, shift: int) -> bool:
        """Whether ``place``'s words are the text's at its old start moved by ``shift``."""
        return self.end(place.words, place.start + shift) is not None

    def new_end(self, place: Place, at: int) -> int:
        """The end of ``place`` carried to ``at`` (where its words stand)."""
        end = self.end(place.words, at)
        assert end is not None, f"{place} does not stand at {at}"
        return end
