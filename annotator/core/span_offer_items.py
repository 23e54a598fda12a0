"""What a group's items say about the span a field of one of them is filled from, for
``span_offer``'s ranking: the spans that go with the item's own links or with another item's,
and the span one item shares with the one before it (split from span_offer.py, which would
be over the house's 400 lines)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from annotator.core import forms
from annotator.core.models import Span

if TYPE_CHECKING:
    from annotator.core.session import AnnotationSession

# A sentence that says so gives both directions one figure: "exchanged 95 prisoners of war
# each on Sunday" (the guidelines' example of one span feeding two entries), "on both sides".
_FOR_BOTH = re.compile(r"\b(each|both sides)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?]\s|\n")


def with_the_item(
    session: AnnotationSession, path: str, links: dict[str, list[str]], choices: list[Span]
) -> tuple[set[str], set[str]]:
    """Of the field's spans (``choices``), those that go with the item and those that go with
    another one. With the item: sharing a character with a span linked to another field of
    the item (``links``): the count inside the item's releasee "95 Norvanian servicemen", the
    releasee around the item's count. With another: sharing one with a span of the label of
    such a field that is no list, of other words than the field holds: the releasee around
    another release's count (a list, the releasees, may not hold all of the item's yet).
    Only through a label that fills one field of an item (a count, a releasee); an actor,
    giver of one release and receiver of the next, says neither.

    Why: a trial's second release was offered 'Three Vellmark citizens', the first one's
    releasee, before its own next hostage, because the first release's receiver Vellmark,
    this one's giver, lay inside it; and a first release's list offered the other release's
    'two Pravonian nationals' (around its count, 'two'; this one's was 'Three') as its next."""
    if not links:  # a top-level field, or an item with nothing linked yet
        return set(), set()
    alone = one_field_labels(session, path) - {session.form_field(path).from_label}
    ours: list[Span] = []
    theirs: list[Span] = []
    for other, ids in links.items():
        field = session.form_field(other)
        if field.from_label not in alone:
            continue
        held = [span for span_id in ids if (span := session.record.span_by_id(span_id))]
        ours.extend(held)
        if field.type != "list" and held:
            held_words = {as_words(span.text) for span in held}
            theirs.extend(
                span
                for span in session.record.spans
                if span.label == field.from_label and as_words(span.text) not in held_words
            )
    going_with = {span.id for span in choices if any(_overlap(span, o) for o in ours)}
    elsewhere = {
        span.id
        for span in choices
        if span.id not in going_with and any(_overlap(span, o) for o in theirs)
    }
    return going_with, elsewhere


def one_field_labels(session: AnnotationSession, path: str) -> set[str]:
    """The labels that fill one field only of the group of the item at ``path`` (a count, a
    date, a releasee; not an actor: giver and receiver)."""
    group, _index, _field = forms.resolve_path(session.scheme, path)
    labels = [leaf.from_label for leaf in group.fields if leaf.from_label]
    return {label for label in labels if labels.count(label) == 1}


def shared_with_previous(session: AnnotationSession, path: str) -> str | None:
    """The span the item before the one at ``path`` holds in the same field, when the text
    says it feeds this item too: for a field that is no list, of a label that fills one
    field of an item (a count, a date), when that span's sentence says "each" or "both
    sides". Not when another item holds it already: one span feeds the two directions, not
    a third release (a goodwill release told after the exchange has its own count).

    Why: a trial's second release took 'six', unlinked, for the count of "Norvania and
    Kestria exchanged 95 prisoners of war each on Sunday", the guidelines' example of one
    span linked from both directions: the spans other items link came after the unlinked
    ones. Not for every release the other way round (its giver the receiver of the one
    before, and back): its date was the same in two articles of the trial and another in
    two (bench/span_offer_eval.py: no better right first time), its count another in all."""
    where = forms.item_path(path)
    field = session.form_field(path)
    if where is None or where[1] == 0 or field.type == "list":
        return None
    if field.from_label not in one_field_labels(session, path):
        return None
    group, index, name = where
    links = session.record.links
    before = links.get(f"{group}[{index - 1}].{name}") or []
    span = session.record.span_by_id(before[0]) if before else None
    if span is None:
        return None
    holders = {
        at[1]
        for other, ids in links.items()
        if span.id in ids and (at := forms.item_path(other)) and at[0] == group and at[2] == name
    }
    if holders != {index - 1}:
        return None
    return span.id if _FOR_BOTH.search(_sentence(session.text, span)) else None


def _sentence(text: str, span: Span) -> str:
    """The sentence ``span`` is in: from the end of the one before to the end of its own."""
    ends = [match.end() for match in _SENTENCE_END.finditer(text, 0, span.start)]
    after = _SENTENCE_END.search(text, span.end)
    return text[ends[-1] if ends else 0 : after.start() if after else len(text)]


def _overlap(span: Span, other: Span) -> bool:
    """Whether ``span`` and ``other`` share a character."""
    return span.start < other.end and other.start < span.end


def as_words(text: str) -> str:
    """``text`` as words compared: case and runs of whitespace aside."""
    return " ".join(text.casefold().split())
