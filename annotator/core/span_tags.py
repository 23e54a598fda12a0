"""HTML tags at the edges of a span snapped to whole words (``spans.snap_selection``).

Articles copied from web pages keep their tags (``“<b>Next: the 41 still in Oru</b>``), and the
guidelines say a span holds no markup. Snapping left them in: ``<`` and ``>`` are trimmed as
punctuation, but the tag's name is a word, so ``in Oru</b>`` stayed so and a selection grown
word by word ended ``Oru</b``, half a tag. A tag at a span's edge, whole or cut by the
selection, is left out (then the span is snapped again: punctuation beside the tag goes too).

A tag is ``<name ...>`` or ``</name>`` (``<br/>`` too): a letter after ``<`` or ``</``, no ``<``
or ``>`` inside. Prose's ``<`` (``a < b``, ``<3``) is none, and a tag inside a span stays.
"""

from __future__ import annotations

import re

_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>")
# How far back from a character a tag holding it may begin: tags are short; an article's
# ``<`` far away is not looked at again for every span.
_LONGEST_TAG = 256


def _tag_holding(text: str, at: int) -> tuple[int, int] | None:
    """The tag of ``text`` (start, end) that holds the character at ``at``, or None."""
    opening = text.rfind("<", max(0, at - _LONGEST_TAG), at + 1)
    if opening < 0:
        return None
    found = _TAG.match(text, opening)
    if found is None or found.end() <= at:
        return None
    return found.start(), found.end()


def tags_at_edges_left_out(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``..``end`` without the tags that hold its first or last character (one after
    another too: ``<i><b>Oru``). ``start`` may then meet ``end``: nothing but tags."""
    while start < end:
        tag = _tag_holding(text, start)
        if tag is None:
            break
        start = tag[1]
    while end > start:
        tag = _tag_holding(text, end - 1)
        if tag is None:
            break
        end = tag[0]
    return start, end
