"""A field version's links to spans gold does not hold: marked before a key takes it, and named
after, with what gold's words linked instead.

A version of a field conflict carries the spans its annotator linked its value to
(``merge_form``: path -> span bodies). Taking it keeps a link only to a span gold holds
(``review_links``); a link to a span another decision left out (a trial settled c1 keeping
alice's "95 prisoners of war", then took bob's releasees "95 prisoners" linked to his own
"95 prisoners") was dropped without a word: the panel showed the link, the message said only
"took bob's version", and gold held the value unlinked. The annotation screen names a link it
drops (``s10 unlinked``); the review now does too. A value left with no link may be linked by
its words to another gold span (``value_links``): the message then names that one, so it says
what gold holds. A link to words gold holds with another value (a value typed with ``v``) is
not kept either, by the same rule, and is said as that (``gold's count “95” 66–68 has another
value (none)``), not as a span not in gold. A take that keeps every link says the links it
gave the field (``linked to s8``), as ``e`` says a typed value's: a trial's take linked
``where`` to s8 unsaid.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from annotator.core import forms
from annotator.core.models import GoldRecord, Span
from annotator.core.review_conflict import find_conflict
from annotator.core.review_decisions import short
from annotator.core.review_item_links import item_links_said
from annotator.core.review_links import LinkedSpan, linked_span

# A linked span by the rule links are carried by (``review_links.linked_span``): what this
# module says was not kept is what ``gold_ids_of`` did not keep.
SpanKey = LinkedSpan
span_key = linked_span


def gold_keys(record: GoldRecord) -> set[SpanKey]:
    return {span_key(span.model_dump()) for span in record.spans}


def links_not_in_gold(
    record: GoldRecord, links: Mapping[str, Iterable[Mapping[str, Any]]]
) -> frozenset[SpanKey]:
    """The spans ``links`` (a version's: path -> span bodies) names that ``record`` does not
    hold (``span_key``): links taking the version would not keep."""
    held = gold_keys(record)
    return frozenset(
        span_key(body) for bodies in links.values() for body in bodies if span_key(body) not in held
    )


def gold_span_at(record: GoldRecord, key: SpanKey) -> Span | None:
    """Gold's span at the place and label of ``key`` (another value: else it is ``key``'s
    span), or None: the span a link is not kept to is then not in gold at all."""
    start, end, label, _value = key
    return next(
        (
            span
            for span in record.spans
            if (span.start, span.end, span.label) == (start, end, label)
        ),
        None,
    )


def unkept_mark(record: GoldRecord, key: SpanKey) -> str:
    """Why a version's link to ``key``'s span would not be kept, as the panel marks it:
    ``not in gold``, or, a gold span on those words with another value, that value (``gold's
    has no value``): "(not in gold)" was said of a span gold held, its value typed away."""
    gold = gold_span_at(record, key)
    if gold is None:
        return "not in gold"
    if gold.value is None or gold.value == "":
        return "gold's has no value"
    return f"gold's has {gold.value}"


def unkept_links_notice(
    before: GoldRecord, after: GoldRecord, conflict_id: str, indexes: list[int]
) -> str | None:
    """What the taken versions' links to spans not in gold (``after``: the record the decision
    made of ``before``) came to: ``its link to “95 prisoners” 66–78 not kept: that span is not
    in gold``, then what the value's words linked it to instead, if anything (``releasees
    linked by its words to s7 “95 prisoners” 120–132``); when every link was kept, the
    field's links the decision made (``_linked_now``), else None."""
    conflict = find_conflict(before, conflict_id)
    versions = conflict.get("versions") or []
    held = gold_keys(after)
    lost: dict[SpanKey, str] = {}
    fields: list[str] = []  # the leaf fields whose link was lost, in the order met
    for index in indexes:
        for path, bodies in (versions[index].get("links") or {}).items():
            for body in bodies:
                if span_key(body) in held:
                    continue
                lost.setdefault(span_key(body), body.get("text") or "")
                leaf = _leaf(path)
                if leaf not in fields:
                    fields.append(leaf)
    if not lost:
        return _linked_now(before, after, conflict.get("path"))
    whose = "its" if len(indexes) == 1 else "their"
    ordered = sorted(lost.items(), key=lambda one: one[0][:2])
    named = " and ".join(f"{short(text)} {start}–{end}" for (start, end, *_), text in ordered)
    many = len(lost) > 1
    said = f"{whose} link{'s' if many else ''} to {named} not kept: {_why(after, ordered)}"
    still_open = _still_given(after, set(lost))
    if still_open:
        said += f" (yet: {', '.join(still_open)} give{'' if len(still_open) > 1 else 's'} it)"
    instead = _linked_instead(before, after, fields)
    # The items' other fields a take linked: ``_linked_instead`` said the fields named here.
    items = _items_linked(before, after, conflict.get("path"), fields)
    return "; ".join(filter(None, [said, instead, items]))


def _why(after: GoldRecord, lost: list[tuple[SpanKey, str]]) -> str:
    """Why the links to the ``lost`` spans were not kept: not in gold, or gold's span on those
    words has another value (a link is carried to a span alike in its value too,
    ``review_links.linked_span``: a value typed for it with ``v`` decided the span, and the
    field whose version is taken keeps its own value)."""
    absent = [(key, text) for key, text in lost if gold_span_at(after, key) is None]
    said = []
    if absent and len(absent) == len(lost):
        said.append(
            "those spans are not in gold" if len(absent) > 1 else "that span is not in gold"
        )
    elif absent:
        named = " and ".join(f"{short(text)} {key[0]}–{key[1]}" for key, text in absent)
        said.append(f"{named} {'are' if len(absent) > 1 else 'is'} not in gold")
    for key, _text in lost:
        gold = gold_span_at(after, key)
        if gold is not None:
            value = "none" if gold.value is None or gold.value == "" else str(gold.value)
            said.append(
                f"gold's {gold.label} {short(gold.text)} {gold.start}–{gold.end} has another "
                f"value ({value})"
            )
    return "; ".join(said)


def _leaf(path: str) -> str:
    """A link path's field name: ``count`` of ``releases[0].count``."""
    place = forms.item_path(path)
    return place[2] if place is not None else path


def _still_given(after: GoldRecord, spans: set[SpanKey]) -> list[str]:
    """The open span conflicts of ``after`` whose versions give one of ``spans``: taking it
    there makes the link hold (``review_links``)."""
    return [
        conflict["id"]
        for conflict in after.conflicts
        if conflict.get("kind") == "span"
        and any(
            span_key(body) in spans
            for version in conflict.get("versions") or []
            for body in version.get("spans") or []
        )
    ]


def _linked_instead(before: GoldRecord, after: GoldRecord, fields: list[str]) -> str:
    """The links the decision made at paths of ``fields`` (their leaf names) to gold spans,
    said with the spans' words and offsets (``releasees linked by its words to s3 “95
    prisoners” 17–29``); "" when it made none."""
    spans = {span.id: span for span in after.spans}
    said = []
    for path, span_ids in after.links.items():
        if _leaf(path) not in fields or before.links.get(path) == span_ids:
            continue
        named = ", ".join(
            f"{one} {short(spans[one].text)} {spans[one].start}–{spans[one].end}"
            for one in span_ids
            if one in spans
        )
        said.append(f"{forms.path_words(path)} linked to {named}")
    return "; ".join(said)


def _linked_now(before: GoldRecord, after: GoldRecord, path: Any) -> str | None:
    """``linked to s8``: the links a field conflict's take gave its field (``path``), as ``e``
    says a typed value's. Taking carol's where linked it to s8 unsaid (a trial). A group's
    items taken: their fields' (``linked: released_by s1, count s4``). None: it made none."""
    items = _items_linked(before, after, path)
    if items is not None:
        return items
    linked = after.links.get(path) if isinstance(path, str) else None
    if not linked or before.links.get(path) == linked:
        return None
    return f"linked to {' '.join(linked)}"


def _items_linked(
    before: GoldRecord, after: GoldRecord, path: Any, said_already: Iterable[str] = ()
) -> str | None:
    """The links of the items a take appended (``item_links_said``) when ``path`` is a
    group's, gold's form holding items there; else None."""
    if not isinstance(path, str) or forms.item_path(path) is not None:
        return None
    held = after.form.get(path)
    if not isinstance(held, list) or not all(isinstance(item, dict) for item in held):
        return None
    return item_links_said(before, after, path, set(said_already))
