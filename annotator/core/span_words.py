"""A span's words as a form value holds them, and which value or list item holds them.

Filled from a span, a field takes its words with each run of whitespace one space (a tab, a
line break, a non-breaking space): copied as they stood, a value held the tab of
"11 civilian<tab>officials", which the input showing it did not. A link goes with the value or
item holding its span's words, whitespace aside, so a value filled before (the tab kept) keeps
its link too.

A value typed on a plain keyboard is matched to a span's words as the search matches a query
(``words_alike``: ``search_fold.fold``, the one rule): a trial's ``drava people's authority``,
typed with the keyboard's apostrophe, was no span's words beside gold's "Drava People’s
Authority" (a curly ’), though ``/`` found it.
"""

from __future__ import annotations

from typing import Any

from annotator.core.models import Span
from annotator.core.search_fold import fold


def single_spaced(text: str) -> str:
    """``text`` with each run of whitespace one space, none at its ends."""
    return " ".join(text.split())


def span_words(span: Span) -> str:
    """What a span fills a text field or a list's item with: its words ``single_spaced``."""
    return single_spaced(span.text)


def holds_words_of(item: Any, span: Span) -> bool:
    """Whether a value or a list's item holds ``span``'s words, whitespace aside."""
    return isinstance(item, str) and single_spaced(item) == span_words(span)


def index_of_words(items: list[Any], span: Span) -> int | None:
    """The first of a list's ``items`` that ``holds_words_of`` ``span``, None when none does."""
    return next((at for at, item in enumerate(items) if holds_words_of(item, span)), None)


def folded_words(text: str) -> str:
    """``text``'s words as the search compares them (``search_fold.fold``: case, accents,
    quotes and dashes straight or curly, invisible format characters and runs of whitespace
    aside), with no space at its ends."""
    return fold(text).strip(" ")


def words_alike(item: Any, span: Span) -> bool:
    """Whether a value or a list's item is ``span``'s words as the search reads both
    (``folded_words``): ``holds_words_of``, or typed otherwise on a plain keyboard."""
    return isinstance(item, str) and folded_words(item) == folded_words(span.text)
