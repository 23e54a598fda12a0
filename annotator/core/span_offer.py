"""Which span the list of ctrl+l and ctrl+t highlights: the span a form field is most likely
filled from, so that enter takes it without a filter typed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from annotator.core import forms
from annotator.core.errors import AnnotatorError
from annotator.core.models import Span
from annotator.core.session_edits import Refused
from annotator.core.span_offer_items import as_words as _words
from annotator.core.span_offer_items import shared_with_previous, with_the_item

if TYPE_CHECKING:
    from annotator.core.session import AnnotationSession


@dataclass(frozen=True)
class Offer:
    """The list of ctrl+l and ctrl+t for one field (``offer``)."""

    choices: list[Span]  # the spans the field can take, in text order (``spans_to_fill``)
    order: list[str]  # their ids, best first (``pick_order``)
    none_fits: bool  # the best repeats the item (``repeats_the_item``): none is highlighted


def offer(
    session: AnnotationSession, path: str, selection: tuple[int, int] | None, cursor: int
) -> Offer:
    """The list for the field at ``path``, its spans and the item's links worked out once
    (they were three and two times a list)."""
    choices = session.spans_to_fill(path)
    links = _item_links(session, path)
    order = _pick_order(session, path, selection, cursor, choices, links)
    return Offer(choices, order, bool(order) and _repeats(session, path, order[0], links))


def pick_order(
    session: AnnotationSession,
    path: str,
    selection: tuple[int, int] | None,
    cursor: int,
) -> list[str]:
    """The ids of the spans the field at ``path`` can take (``spans_to_fill``), best first:
    the list highlights the first one its filter leaves.

    For a field of a group's item, in this order:
    1. the span in the article's selection (``span_to_fill``);
    2. the spans that go with the item's other links (``with_the_item``: the count inside its
       releasee, the releasee around its count; not through an actor), even of the same words
       as one it holds;
    2b. the span the item before holds in this field, when its sentence says "each" or "both
       sides" and no other item holds it (``shared_with_previous``: a count or date of both
       directions), even linked;
    3. for a label that fills several fields of an item (an actor: giver and receiver), the
       spans of the words the group's other items hold (``_named_by_other_items``): first those
       held there by another field than this one (one release's receiver is the next one's
       giver), the item just before's first, then those held by this field;
    4. the spans no field of the form is linked to yet (for a date, the same field of the
       group's other items aside: ``_linked_elsewhere``);
    5. the linked ones;
       within each of 4 and 5, the spans that go with another item (``with_the_item``: the
       releasee around a count of other words than the item's) after the others; and within
       each of 3 to 5, for a list that holds spans, the ones after its last span first,
       nearest it (``_list_end``); else the nearest the item's linked spans (``_item_spans``);
       while the item has none, the nearest after the spans of the group's earlier items
       (``_earlier_end``; for the first item, from the text's start). Never the cursor: it
       is the selection that points at a span;
    6. after the others, a span of the same words as one the item holds (``_words_of``);
    7. last, the spans the field itself or another field of the item of the same label holds
       (``_held_by_the_item``), even in the selection, the field's own the very last.
    For a top-level field: the span at hand (in the selection, or at the cursor), then the
    nearest the cursor.

    Why: a trial's list highlighted the span nearest the cursor, which after labelling is the
    one last labelled, and the annotator typed a filter for almost every field of a release;
    a later one offered the release's giver as its receiver (Kestria → Kestria), and enter
    took it. A trial of sample_docs (bench/span_offer_eval.py) offered the actor no field
    used yet, often a mediator, as a release's receiver; the count inside the item's releasee
    after another release's; and the hostage nearest the cursor as a list's next. A second
    trial's list offered the other release's group, and a release's list the first one's
    group around the receiver (an actor) it shared; and 'six', unlinked, as the count of the
    second release of "exchanged 95 prisoners of war each"."""
    choices = session.spans_to_fill(path)
    return _pick_order(session, path, selection, cursor, choices, _item_links(session, path))


def _pick_order(
    session: AnnotationSession,
    path: str,
    selection: tuple[int, int] | None,
    cursor: int,
    choices: list[Span],
    links: dict[str, list[str]],
) -> list[str]:
    """``pick_order`` of ``choices``, the field's spans, ``links`` the item's
    (``_item_links``)."""
    try:
        at_hand = session.span_to_fill(path, selection)
    except Refused:  # several in the selection: none at hand, the list has them all
        at_hand = None
    hand = at_hand.id if at_hand is not None else None
    in_item = forms.item_path(path) is not None
    selected = selection is not None and selection[0] != selection[1]
    linked = _linked_elsewhere(session, path)
    held = _held_by_the_item(session, path, links)
    own = set(session.record.links.get(path, []))  # of those held, the very last
    held_words = _words_of(session, held)
    going_with, elsewhere = with_the_item(session, path, links, choices)
    shared = shared_with_previous(session, path)
    anchors = _item_spans(session, links)
    named = _named_by_other_items(session, path)
    list_end = _list_end(session, path) if in_item else None
    # Where an item with no spans yet starts: after the group's earlier items (0 for the
    # first). Not the cursor, which after labelling the whole article is on its last span:
    # the first release's giver was offered from the last paragraph, where its other fields,
    # once one was linked, were offered beside it (user trials; bench/span_offer_eval.py).
    after = list_end
    if after is None and in_item and not anchors:
        after = _earlier_end(session, path)

    def rank(
        span: Span,
    ) -> tuple[bool, bool, bool, bool, bool, bool, int, bool, bool, bool, bool, int, bool]:
        taken = in_item and span.id in linked
        if after is not None:  # a list's next item, or a new item: the nearest after
            near = distance(span, after)
        elif anchors:
            near = _nearest(span, anchors)
        else:
            near = distance(span, cursor)
        return (
            span.id in held,
            span.id in own,
            not (span.id == hand and selected),
            span.id not in going_with,
            span.id != shared,
            _words(span.text) in held_words,
            named.get(_words(span.text), 2),
            taken,
            span.id in elsewhere,
            after is not None and span.start < after,
            # For an item's field the cursor says nothing (its own spans say more, or the
            # earlier items'): a trial's first release was offered the last paragraph's
            # 'January 11' as its date, 'Sunday' beside its other spans.
            span.id != hand and not in_item,
            near,
            span.id != hand,
        )

    return [span.id for span in sorted(choices, key=rank)]  # ties in text order


def _linked_elsewhere(session: AnnotationSession, path: str) -> set[str]:
    """The spans a field of the form is linked to, which ``pick_order`` offers after the others
    (its 4 and 5); for a date field of an item, not those the same field of the group's other
    items holds. The releases of one event share its day more often than not: sample article
    05's second release ('at the same checkpoint') was offered 'Two days earlier', the third
    one's date, before the first one's 'on Sunday', which was its own; and article 11's second
    release's 'on Tuesday' was the first one's (bench/span_offer_eval.py: one more right first
    time, none fewer). Not for a count or a releasee, which are one release's own: counts
    offered so were wrong more often (twelve fewer right first time in the two trials)."""
    links = session.record.links
    where = forms.item_path(path)
    if where is None or session.form_field(path).type != "date":
        return {span_id for ids in links.values() for span_id in ids}
    group, _index, name = where

    def same_field(other: str) -> bool:
        at = forms.item_path(other)
        return at is not None and at[0] == group and at[2] == name

    return {span_id for other, ids in links.items() if not same_field(other) for span_id in ids}


def repeats_the_item(session: AnnotationSession, path: str, span_id: str) -> bool:
    """Whether another field of the item of ``path`` of the same label holds ``span_id``
    already, or the field itself when it is a list (which refuses it again): when
    ``pick_order``'s best does, every span does, and none is offered. A trial's only actor,
    the release's giver, was highlighted as its receiver, and a tab in the chain took it. A
    field that is no list may take its own linked span again (its value from it)."""
    return _repeats(session, path, span_id, _item_links(session, path))


def _repeats(
    session: AnnotationSession, path: str, span_id: str, links: dict[str, list[str]]
) -> bool:
    """``repeats_the_item``, ``links`` the item's (``_item_links``)."""
    field = session.form_field(path)
    if field.type == "list" and span_id in session.record.links.get(path, []):
        return True
    return any(
        span_id in ids
        for other, ids in links.items()
        if session.form_field(other).from_label == field.from_label
    )


def _item_links(session: AnnotationSession, path: str) -> dict[str, list[str]]:
    """The links of the other fields of the item ``path`` is in (none for a top-level
    field), by path. A link to a field the scheme lacks (one renamed since the journal was
    written: validate says so) is left out: it refused the offer for every field of the item."""
    where = forms.item_path(path)
    if where is None:
        return {}
    group, index, _name = where
    prefix = f"{group}[{index}]."
    return {
        other: ids
        for other, ids in session.record.links.items()
        if other.startswith(prefix) and other != path and _known(session, other)
    }


def _item_spans(session: AnnotationSession, links: dict[str, list[str]]) -> list[Span]:
    """The spans the other fields of an item are linked to (``links``, ``_item_links``; none
    for a top-level field): a release's words lie together, so the span nearest them is likelier
    the field's than the one nearest the cursor, which after labelling a whole article sits
    at its last span (a trial's list highlighted the last paragraph's Garesh and 19 for a
    release of the first one, a filter typed for four fields of five)."""
    return [
        span
        for ids in links.values()
        for span_id in ids
        if (span := session.record.span_by_id(span_id)) is not None
    ]


def _nearest(span: Span, anchors: list[Span]) -> int:
    """How far ``span`` is from the nearest of ``anchors``: 0 when it shares a character."""
    return min(
        0
        if span.start < other.end and other.start < span.end
        else min(abs(span.start - other.end), abs(other.start - span.end))
        for other in anchors
    )


def _words_of(session: AnnotationSession, ids: set[str]) -> set[str]:
    """The words of the spans ``ids``: another span of the same words, further on in the
    text, names the same party (a trial's receiver list highlighted the last paragraph's
    'Garesh' for a release whose giver was the first 'Garesh')."""
    return {_words(span.text) for span_id in ids if (span := session.record.span_by_id(span_id))}


def _known(session: AnnotationSession, path: str) -> bool:
    """Whether ``path`` is a field of the session's form."""
    try:
        forms.resolve_path(session.scheme, path)
    except AnnotatorError:
        return False
    return True


def _held_by_the_item(
    session: AnnotationSession, path: str, links: dict[str, list[str]]
) -> set[str]:
    """The spans the field at ``path`` holds already (a list refuses them again), and for a
    field of an item the ones its other fields of the same label hold (``links``, the item's):
    the receiver is not the giver."""
    held = set(session.record.links.get(path, []))
    wanted = session.form_field(path).from_label
    for other, ids in links.items():
        if session.form_field(other).from_label == wanted:
            held.update(ids)
    return held


def _earlier_end(session: AnnotationSession, path: str) -> int:
    """Where the spans the group's items before the item of ``path`` hold end, the last of
    them (0 when they hold none): the releases of an article are told in the order of its text,
    mostly, and the next one's words come after the last one's."""
    where = forms.item_path(path)
    if where is None:
        return 0
    group, index, _name = where
    ends = [
        span.end
        for other, ids in session.record.links.items()
        if (at := forms.item_path(other)) is not None and at[0] == group and at[1] < index
        for span_id in ids
        if (span := session.record.span_by_id(span_id)) is not None
    ]
    return max(ends, default=0)


def _list_end(session: AnnotationSession, path: str) -> int | None:
    """Where the last span a list field at ``path`` holds ends (None for a field that is no
    list, or holds none): a list is filled in the order of the text, so its next item is the
    span after its last one. A trial's releasees list offered the last named hostage first
    after the first one, nearest the cursor, and the three between were taken one by one."""
    if session.form_field(path).type != "list":
        return None
    spans = [
        span
        for span_id in session.record.links.get(path, [])
        if (span := session.record.span_by_id(span_id)) is not None
    ]
    return max((span.end for span in spans), default=None)


def _named_by_other_items(session: AnnotationSession, path: str) -> dict[str, int]:
    """The words of the parties the other items of the group of ``path`` name: 0 for those
    another field of the same label holds in them (the receiver of one release is the giver
    of the next, in an exchange), -1 when it is the item just before that holds them so, 1
    for those the field itself holds in them. Only for a label that fills several fields of
    an item (a party changes its role from one item to the next; a count or a date of one
    release is not the next one's): none otherwise.

    Why: a trial's first suggestion was the actor no field used yet, often a mediator or a side
    body: the mediator Vellmark as a third release's receiver, the Joint Centre for Missing and
    Captured Persons as both releases' giver."""
    where = forms.item_path(path)
    if where is None:
        return {}
    group_name, index, _name = where
    group, _index, field = forms.resolve_path(session.scheme, path)
    roles = {leaf.name for leaf in group.fields if leaf.from_label == field.from_label}
    if len(roles) < 2:
        return {}
    named: dict[str, int] = {}
    for other, ids in session.record.links.items():
        at = forms.item_path(other)
        if at is None or at[0] != group_name or at[1] == index or at[2] not in roles:
            continue
        # The item just before first: after releases each way round, both parties are held
        # in both fields, and a week of exchanges (sample 11) offered its fourth release the
        # third one's giver, nearer the earlier spans, as its giver.
        kind = 1 if at[2] == field.name else (-1 if at[1] == index - 1 else 0)
        for words in _words_of(session, set(ids)):
            named[words] = min(kind, named.get(words, kind))
    return named


def distance(span: Span, cursor: int) -> int:
    """How far ``cursor`` is from ``span``: 0 inside it or at one of its edges."""
    if span.start <= cursor <= span.end:
        return 0
    return min(abs(span.start - cursor), abs(span.end - cursor))
