"""A span's words as a form value holds them, and which value or list item holds them.

Filled from a span, a field takes its words with each run of whitespace one space (a tab, a
line break, a non-breaking space): copied as they stood, a value held the tab of
"11 civilian<tab>officials", which the input showing it did not. A link goes with the value or
item holding its span's words, whitespace aside, so a value filled before (the tab kept) keeps
its link too.
"""

from __future__ import annotations

from typing import Any

from annotator.core.models import Span


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
