"""The sentence(s) around a difference, for ``diff`` shown to a person: ``SentenceFinder``.

The sentences are those of ``sentences.sentences``; a difference is shown in the stretch of
whole sentences holding it (``sentence_around``). ``sentences`` ends a sentence at every line
break, so a paragraph (a stretch between ``\\n``) is split alone; and within a paragraph, only
the sentence ends near a difference are looked at.

A sentence end is a match of the splitter's pattern that is then accepted or not by what
stands around it (the letter after it; before a single ``.``, an abbreviation or an initial):
each match is judged alone, whatever the others are. The matches of a paragraph are found at
once (by the pattern, in C); judging them (in Python) cost ``diff --corpus`` 0.8 s of CPU on
10,000 documents when every one was judged. So only those from the sentence end before the
difference to the one after it are judged (see ``_Paragraph.around`` for why that gives the
sentences of the whole paragraph's split); a paragraph of several lines (``\\r``, U+2028,
U+2029 end a sentence too) is split whole, as before.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from annotator.core.sentences import (
    CLOSERS,
    LINE,
    SENTENCE_END,
    no_break_after,
    sentences,
    starts_sentence,
)
from annotator.core.tokens import INVISIBLE_BREAKS, parts_tokens

# A character a sentence keeps at its edges (``sentences`` trims what ``parts_tokens`` parts;
# the pattern's ``\s`` is ``str.isspace``).
_VISIBLE = re.compile(f"[^\\s{INVISIBLE_BREAKS}]")


def sentence_around(bounds: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """The stretch of whole sentences holding ``[start, end)`` (the range itself when none)."""
    if not bounds:
        return (start, end)
    first = max(bisect_right(bounds, start, key=_start_of) - 1, 0)
    last = max(bisect_right(bounds, max(end - 1, start), key=_start_of) - 1, first)
    return (min(bounds[first][0], start), max(bounds[last][1], end))


def _start_of(item: tuple[int, int]) -> int:
    return item[0]


class SentenceFinder:
    """The sentences around offsets of one text, splitting only the paragraphs asked about."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._paragraphs: dict[tuple[int, int], _Paragraph | list[tuple[int, int]]] = {}

    def around(self, start: int, end: int) -> tuple[int, int]:
        text = self.text
        low = text.rfind("\n", 0, start) + 1
        high = text.find("\n", max(end - 1, start))
        high = len(text) if high == -1 else high
        paragraph = self._paragraphs.get((low, high))
        if paragraph is None:
            part = text[low:high]
            lines = LINE.findall(part)
            if len(lines) == 1 and len(lines[0]) == len(part):
                paragraph = _Paragraph(part)
            else:  # several lines, or none: split whole
                paragraph = [(a + low, b + low) for a, b in sentences(part)]
            self._paragraphs[(low, high)] = paragraph
        if isinstance(paragraph, list):
            return sentence_around(paragraph, start, end)
        found = paragraph.around(start - low, end - low)
        return (found[0] + low, found[1] + low)


class _Paragraph:
    """One line's sentence ends, each judged when first needed (see the module docstring)."""

    def __init__(self, line: str) -> None:
        self.line = line
        self.matches = list(SENTENCE_END.finditer(line))
        self.ends = [match.end() for match in self.matches]
        self._judged: dict[int, bool] = {}

    def _ends_sentence(self, index: int) -> bool:
        """Whether match ``index`` ends a sentence (``sentences._line_sentences``'s test)."""
        judged = self._judged.get(index)
        if judged is None:
            match = self.matches[index]
            judged = starts_sentence(match.group(1) or match.group(2)) and not (
                match.group().rstrip(CLOSERS) == "." and no_break_after(self.line, 0, match.start())
            )
            self._judged[index] = judged
        return judged

    def around(self, start: int, end: int) -> tuple[int, int]:
        """``sentence_around`` of the line's sentences, from the few near ``[start, end)``.

        ``sentence_around`` reads the last sentence starting at or before ``start`` (else the
        first sentence), the last starting at or before ``max(end - 1, start)``, and those
        between. The sentences from cut ``low`` to cut ``high`` hold them all when ``low`` is
        at or before the start of the first of them (else the line's start) and ``high`` is
        the first cut after ``max(end - 1, start)``: a sentence from a later cut starts after
        it. A sentence ending at a sentence end holds its stop, so is never empty (trimmed):
        only the one from the last cut at or before ``start`` may start after ``start``
        (blank up to it), and then the one before it is the first.
        """
        line, ends = self.line, self.ends
        index = bisect_right(ends, start) - 1
        low, passed = 0, False
        while index >= 0:
            if self._ends_sentence(index):
                cut = ends[index]
                if passed or _VISIBLE.search(line, cut, start + 1) is not None:
                    low = cut
                    break
                passed = True
            index -= 1
        last = bisect_right(ends, max(end - 1, start))  # matches up to here are judged
        bounds: list[tuple[int, int]] = []
        cut = low
        for number in range(bisect_right(ends, low), len(ends) + 1):
            at_end = number == len(ends)
            if not at_end and not self._ends_sentence(number):
                continue
            following = len(line) if at_end else ends[number]
            _add_trimmed(bounds, line, cut, following)
            cut = following
            if number >= last:
                break
        return sentence_around(bounds, start, end)


def _add_trimmed(bounds: list[tuple[int, int]], line: str, start: int, end: int) -> None:
    """The sentence ``[start, end)`` trimmed as ``sentences`` trims it, when not empty."""
    while start < end and parts_tokens(line[start]):
        start += 1
    while end > start and parts_tokens(line[end - 1]):
        end -= 1
    if start < end:
        bounds.append((start, end))
