"""A span's words as a form value holds them, and which value or list item holds them.

Filled from a span, a field takes its words with each run of whitespace one space (a tab, a
line break, a non-breaking space): copied as they stood, a value held the tab of
"11 civilian<tab>officials", which the input showing it did not. A link goes with the value or
item holding its span's words, whitespace aside, so a value filled before (the tab kept) keeps
its link too.

A value typed on a plain keyboard is matched to a span's words in tiers (``ALIKE_TIERS``,
``best_alike``, the one rule): its words as they are (whitespace aside), else case aside, else
as the search matches a query (``search_fold.fold``); a tier's match counts only at the first
tier where any span matches, and only when one span (or spans of one wording) does there. A
trial's ``drava people's authority``, typed with the keyboard's apostrophe, was no span's
words beside gold's "Drava People’s Authority" (a curly ’), though ``/`` found it; and with
the fold alone, "JÓZEF NOWAK" beside "Józef Nowak" and "Jozef Nowak" was both spans' (none
linked), and ctrl+l on "Jozef Nowak" took a typed "józef nowak" for it: another person.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

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


def _cased_aside(text: str) -> str:
    return single_spaced(text).casefold()


# How a value's words are compared to a span's, closest first: as they are (whitespace
# aside), case aside, as the search reads both (``folded_words``).
ALIKE_TIERS: tuple[Callable[[str], str], ...] = (single_spaced, _cased_aside, folded_words)

Words = TypeVar("Words")


def best_alike(
    value: Any, candidates: Iterable[Words], text_of: Callable[[Words], str]
) -> list[Words]:
    """The ``candidates`` (each's words ``text_of`` it) whose words ``value`` is at the first
    of ``ALIKE_TIERS`` where any is: "Józef Nowak" beside "JÓZEF NOWAK" and "Jozef Nowak" is
    the first's alone, "józef nowak" is "Józef Nowak"'s (case only), "jozef nowak" both's.
    Several found: the value cannot say which (callers leave it unlinked and say so)."""
    if not isinstance(value, str) or not value.strip():
        return []
    pool = list(candidates)
    for tier in ALIKE_TIERS:
        key = tier(value)
        found = [one for one in pool if tier(text_of(one)) == key]
        if found:
            return found
    return []


def spans_alike(value: Any, spans: Iterable[Span]) -> list[Span]:
    """The ``spans`` whose words ``value`` is, at its best tier (``best_alike``)."""
    return best_alike(value, spans, lambda span: span.text)


def only_words_alike(value: Any, words: Iterable[str]) -> str | None:
    """The one of ``words`` (spans' words) ``value`` is at its best tier (``best_alike``),
    None when none is or several written differently are."""
    found = set(best_alike(value, words, single_spaced))
    return next(iter(found)) if len(found) == 1 else None
