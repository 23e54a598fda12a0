"""Where the words a field conflict's versions typed are in the article.

The review brings a field conflict's linked spans into view (``review_views.linked_region``);
a value an annotator typed rather than filled from a span has no link. A trial's
``releases #1 received_by`` (bob typed "Essarian Bishops’ Conference", alice nothing) left the
article where the span conflict before had scrolled it, a paragraph about something else,
though the words were in the text three paragraphs up. ``value_words`` finds them as the
annotation screen's search does (``search.find_match``: case, accents, quotes and spacing
aside, whole words first), for the fields that hold words: text and list fields, and a group's
items' text and list fields; a count, a date or a choice says nothing of where it is written.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from annotator.core.errors import AnnotatorError
from annotator.core.forms import resolve_path
from annotator.core.review_views import ConflictView
from annotator.core.scheme import FormField, Scheme
from annotator.core.search import find_match

WORDY = ("text", "list")
"""The field types whose values are words of the text."""
AT_MOST = 20
"""Places kept per value: enough to find one in view, few enough to look at each."""


def value_words(view: ConflictView, text: str, scheme: Scheme) -> list[tuple[int, int]]:
    """Where the words of ``view``'s versions' values are in ``text``, in text order, each
    place once ([]: a span conflict, a field that holds no words, or none found)."""
    if view.kind == "span" or view.path is None:
        return []
    try:
        _top, _index, leaf = resolve_path(scheme, view.path)
    except AnnotatorError:
        return []
    words = {
        " ".join(said.split())
        for version in view.versions
        for said in _words_of(leaf, version.value)
        if said.strip()
    }
    found: set[tuple[int, int]] = set()
    for said in sorted(words):
        found.update(_places(text, said))
    return sorted(found)


def _words_of(field: FormField, value: Any) -> Iterator[str]:
    """The words ``value`` of ``field`` holds (a group's: its items' wordy fields')."""
    if field.type == "group":
        for item in value if isinstance(value, list) else []:
            if isinstance(item, dict):
                for sub in field.fields:
                    yield from _words_of(sub, item.get(sub.name))
    elif field.type in WORDY:
        if isinstance(value, str):
            yield value
        elif isinstance(value, list):
            yield from (item for item in value if isinstance(item, str))


def _places(text: str, said: str) -> Iterator[tuple[int, int]]:
    """Up to ``AT_MOST`` places of ``said`` in ``text``, first to last."""
    found = find_match(text, said, 0)
    count = 0
    while found is not None and count < AT_MOST:
        yield found
        count += 1
        after = find_match(text, said, 0, after=found[0])
        if after is None or after[0] <= found[0]:  # went round to the first
            return
        found = after
