"""What a form field's link marker says (``⛓ s1 s8``): for a list field, one word per item, in
the list's order, the id of the span it came from or ``–`` for an item typed by hand.

A trial's releasees held two items, one typed, one filled from ``s8``: the field showed part of
one and ``⛓ s8``, and nothing said there were two, nor that one had no link."""

from __future__ import annotations

from annotator.core import forms
from annotator.core.models import Record
from annotator.core.scheme import Scheme
from annotator.core.span_words import holds_words_of

# The word for a list's item no span gave (typed by hand).
TYPED = "–"


def marker_words(record: Record, path: str, scheme: Scheme) -> list[str]:
    """The words after the field's link mark: its linked spans' ids, and for a list field
    holding an item typed by hand, one word per item (``s8 –``), then the spans linked that
    no item holds (ctrl+t). Empty when nothing is linked."""
    linked = record.links.get(path, [])
    if not linked or forms.resolve_path(scheme, path)[2].type != "list":
        return list(linked)
    items = forms.field_value(record, path, scheme) or []
    free = list(linked)
    words = []
    for item in items:
        given = next(
            (
                span_id
                for span_id in free
                if (span := record.span_by_id(span_id)) is not None and holds_words_of(item, span)
            ),
            None,
        )
        if given is not None:
            free.remove(given)
        words.append(given or TYPED)
    return [*words, *free]


def list_size(record: Record, path: str, scheme: Scheme) -> int | None:
    """How many items the list field at ``path`` holds; None for a field of another type."""
    if forms.resolve_path(scheme, path)[2].type != "list":
        return None
    return len(forms.field_value(record, path, scheme) or [])


def added_item_start(before: list[str], after: list[str]) -> int | None:
    """Where, in the list ``after`` as its input shows it (``forms.typed_text``), the item
    begins that ``before`` did not hold (ctrl+l puts it in text order, maybe in the middle);
    None when no item was added. A field ctrl+l fills reads from the start of what it added:
    a trial saw ``5 Norvanian servicemen``, the value's end, and an earlier one lost sight of
    the name just added when the list showed from its start."""
    if len(after) <= len(before):
        return None
    index = next(
        (at for at, item in enumerate(after) if at >= len(before) or item != before[at]),
        len(after) - 1,
    )
    return len(forms.typed_text(after[:index])) + (len(", ") if index else 0)
