"""What a form field's link marker says (``⛓ s1 s8``): for a list field, one word per item, in
the list's order, the id of the span it came from or ``–`` for an item typed by hand.

A trial's releasees held two items, one typed, one filled from ``s8``: the field showed part of
one and ``⛓ s8``, and nothing said there were two, nor that one had no link.

And the order a list field keeps its items in (``in_text_order``): that of their spans in the
text, as the annotation screen's ctrl+l keeps them (``forms``: an item from a span goes before
the first one from a span further on; one typed by hand stays where it is). The review follows
it for the lists its decisions write (a list typed with ``e``, taken with ``t``, a group's
items, a top-level list's versions taken): a trial's typed "Théodore, Zoë, Aïssatou" stayed
so in gold, Aïssatou first in the text. A list's links are kept in its items' order
(``ids_in_items_order``), as the annotation screen's are: gold's too, whoever's links a review
decision carries (``review_links``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from annotator.core import forms
from annotator.core.models import Record, Span
from annotator.core.record_unallowed import shown_value
from annotator.core.scheme import FormField, Scheme
from annotator.core.span_words import holds_words_of

# The word for a list's item no span gave (typed by hand).
TYPED = "–"


class Spanned(Protocol):
    """What ordering a list reads of a record: its spans (a ``Record``, a ``GoldRecord``, or
    merge's gold spans: ``merge_form``)."""

    @property
    def spans(self) -> Sequence[Span]: ...


def marker_words(record: Record, path: str, scheme: Scheme) -> list[str]:
    """The words after the field's link mark: its linked spans' ids, and for a list field
    holding an item typed by hand, one word per item (``s8 –``), then the spans linked that
    no item holds (ctrl+t). Empty when nothing is linked."""
    linked = record.links.get(path, [])
    if not linked or forms.resolve_path(scheme, path)[2].type != "list":
        return list(linked)
    items = shown_value(record, path, scheme) or []  # none the field does not take
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
    return len(shown_value(record, path, scheme) or [])  # one text is no list of it


def added_item_start(before: list[str], after: list[str], known: Sequence[str] = ()) -> int | None:
    """Where, in the list ``after`` as its input shows it (``forms.typed_text`` with the
    field's ``known`` items, as the form shows it), the item begins that ``before`` did not
    hold (ctrl+l puts it in text order, maybe in the middle); None when no item was added. A
    field ctrl+l fills reads from the start of what it added: a trial saw ``5 Norvanian
    servicemen``, the value's end, and an earlier one lost sight of the name just added when
    the list showed from its start."""
    if len(after) <= len(before):
        return None
    index = next(
        (at for at, item in enumerate(after) if at >= len(before) or item != before[at]),
        len(after) - 1,
    )
    # ``shown_list`` quotes an item for the items from it on (with them it would read as one
    # known item), never for those before it: the added item and the rest end the list's
    # text as they show alone. The items before it, shown alone, would lose a quote the added
    # item puts on the last of them, and the cursor land 2 characters off.
    shown = forms.typed_text(after, known)
    return len(shown) - len(forms.typed_text(after[index:], known))


def added_item_place(
    before: list[str], after: list[str], known: Sequence[str] = ()
) -> tuple[int, int] | None:
    """Where the item ``after`` holds and ``before`` did not begins and ends in the list's
    text (``added_item_start``). The end is known where the text after the item is the rest
    of the list as it shows alone; elsewhere it is given as the start."""
    start = added_item_start(before, after, known)
    if start is None:
        return None
    index = next(
        (at for at, item in enumerate(after) if at >= len(before) or item != before[at]),
        len(after) - 1,
    )
    from_item = forms.typed_text(after[index:], known)
    rest = forms.typed_text(after[index + 1 :], known)
    if not rest:
        return start, start + len(from_item)
    if not from_item.endswith(", " + rest):
        return start, start
    return start, start + len(from_item) - len(rest) - 2


def in_text_order(items: Sequence[Any], spans: Sequence[Span]) -> list[Any]:
    """A list field's ``items`` in the order of their spans in the text (``spans``: those it
    is linked to). Each item holding the words of one of ``spans`` (each span gives one item,
    the first in the text first) takes, among the places such items hold, its span's turn;
    an item typed without a span keeps its place, as on the annotation screen."""
    free = sorted(spans, key=_place_of)
    given: list[tuple[int, Span]] = []
    for at, item in enumerate(items):
        span = next((one for one in free if holds_words_of(item, one)), None)
        if span is not None:
            free.remove(span)
            given.append((at, span))
    out = list(items)
    turns = sorted(given, key=lambda pair: (_place_of(pair[1]), pair[0]))
    for (place, _span), (source, _its) in zip(given, turns, strict=True):
        out[place] = items[source]
    return out


def ids_in_text_order(record: Spanned, span_ids: Sequence[str]) -> list[str]:
    """``span_ids`` in the order of their spans in the text (an id with no span stays last),
    as a list field's links are kept."""
    spans = {span.id: span for span in record.spans}

    def where(span_id: str) -> tuple[bool, int, int]:
        span = spans.get(span_id)
        return (False, *_place_of(span)) if span is not None else (True, 0, 0)

    return sorted(span_ids, key=where)


def ids_in_items_order(record: Record, items: Sequence[Any], span_ids: Sequence[str]) -> list[str]:
    """A list field's links ``span_ids`` in the order of its ``items``: each item's span (the
    first in the text whose words it holds) at its turn, then the spans no item holds (ctrl+t),
    in text order. The annotation screen keeps a list's items and its links in the order of
    their spans in the text, so each link is at its item's place; gold's too, whoever's links
    a decision carries (an annotator's ``["s4", "s2"]`` of a list gold keeps Aïssatou first)."""
    spans = {span.id: span for span in record.spans}
    free = ids_in_text_order(record, span_ids)
    given = []
    for item in items:
        found = next(
            (one for one in free if one in spans and holds_words_of(item, spans[one])), None
        )
        if found is not None:
            free.remove(found)
            given.append(found)
    return [*given, *free]


def links_in_items_order(
    links: Mapping[str, list[str]], record: Record, scheme: Scheme
) -> dict[str, list[str]]:
    """``links`` (by form path), each list field's in the order of its items in ``record``
    (``ids_in_items_order``); the others as they are."""
    out = dict(links)
    for path, span_ids in links.items():
        if forms.resolve_path(scheme, path)[2].type == "list":
            items = forms.field_value(record, path, scheme) or []
            out[path] = ids_in_items_order(record, items, span_ids)
    return out


def linked_in_text_order(
    record: Spanned, value: Any, links: Mapping[str, list[str]], path: str
) -> tuple[Any, dict[str, list[str]]]:
    """A list field's ``value`` at ``path`` and ``links`` (the field's among them), each in
    the order of the linked spans in the text (``in_text_order``); anything but a list as
    it is."""
    ids = links.get(path)
    if not isinstance(value, list) or not ids:
        return value, dict(links)
    spans = [span for span in record.spans if span.id in ids]
    return in_text_order(value, spans), {**links, path: ids_in_text_order(record, ids)}


def items_in_text_order(
    record: Spanned,
    group: FormField,
    items: Sequence[dict[str, Any]],
    earlier: int,
    links: Mapping[str, list[str]],
) -> tuple[list[dict[str, Any]], dict[str, list[str]]]:
    """A group's ``items`` (gold's from index ``earlier``) with each list field in the order
    of its linked spans in the text (``links``: by form path), and ``links`` so ordered."""
    out = dict(links)
    ordered = []
    for number, item in enumerate(items):
        kept = dict(item)
        for sub in group.fields:
            # A list the item lacks stays missing: ``kept.get`` wrote it as null, which the
            # form model refuses (a trial's item taken from a hand-made journal).
            if sub.type == "list" and sub.name in kept:
                path = f"{group.name}[{earlier + number}].{sub.name}"
                kept[sub.name], out = linked_in_text_order(record, kept.get(sub.name), out, path)
        ordered.append(kept)
    return ordered, out


def form_lists_in_text_order(
    record: Spanned, form: Mapping[str, Any], links: Mapping[str, list[str]], scheme: Scheme
) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """``form`` with every linked list field (top-level, or of a group's item) in the order
    of its linked spans in the text, and ``links`` so ordered (``linked_in_text_order``):
    merge writes an agreed list by the rule the review's decisions write one by."""
    out, ordered = dict(form), dict(links)
    for field in scheme.fields:
        if field.type == "list" and field.name in out:
            out[field.name], ordered = linked_in_text_order(
                record, out[field.name], ordered, field.name
            )
        if field.type != "group" or not isinstance(out.get(field.name), list):
            continue
        items = list(out[field.name])
        for at, item in enumerate(items):
            for sub in field.fields:
                path = f"{field.name}[{at}].{sub.name}"
                if (
                    sub.type == "list"
                    and isinstance(item, dict)
                    and sub.name in item
                    and path in ordered
                ):
                    value, ordered = linked_in_text_order(record, item.get(sub.name), ordered, path)
                    item = items[at] = {**item, sub.name: value}
        out[field.name] = items
    return out, ordered


# id(scheme) -> (the scheme, its list fields' names, its groups' (group, list field) names);
# the scheme is kept so that its id cannot be reused by another. Made once, not per document.
_LIST_FIELDS: dict[int, tuple[Scheme, frozenset[str], frozenset[tuple[str, str]]]] = {}


def _list_fields(scheme: Scheme) -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
    known = _LIST_FIELDS.get(id(scheme))
    if known is None or known[0] is not scheme:
        if len(_LIST_FIELDS) > 16:
            _LIST_FIELDS.clear()
        lists = frozenset(field.name for field in scheme.fields if field.type == "list")
        items_lists = frozenset(
            (field.name, sub.name)
            for field in scheme.fields
            for sub in field.fields
            if sub.type == "list"
        )
        known = _LIST_FIELDS[id(scheme)] = (scheme, lists, items_lists)
    return known[1], known[2]


def spans_of_linked_lists(scheme: Scheme, links: Mapping[str, list[str]]) -> set[str]:
    """The spans ``links`` links list fields to (top-level, or of a group's items): merge
    orders those lists by them (``merge_form``), on every document."""
    if not links:
        return set()
    lists, items_lists = _list_fields(scheme)
    if not lists and not items_lists:
        return set()
    listed: set[str] = set()
    for path, ids in links.items():
        if "[" in path:
            group, rest = path.split("[", 1)
            if (group, rest.rsplit(".", 1)[-1]) not in items_lists:
                continue
        elif path not in lists:
            continue
        listed.update(ids)
    return listed


def _place_of(span: Span) -> tuple[int, int]:
    return span.start, span.end
