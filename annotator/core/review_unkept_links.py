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
what gold holds.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from annotator.core import forms
from annotator.core.models import GoldRecord
from annotator.core.review_decisions import find_conflict, short
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


def unkept_links_notice(
    before: GoldRecord, after: GoldRecord, conflict_id: str, indexes: list[int]
) -> str | None:
    """What the taken versions' links to spans not in gold (``after``: the record the decision
    made of ``before``) came to: ``its link to “95 prisoners” 66–78 not kept: that span is not
    in gold``, then what the value's words linked it to instead, if anything (``releasees
    linked by its words to s7 “95 prisoners” 120–132``); None when every link was kept."""
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
        return None
    whose = "its" if len(indexes) == 1 else "their"
    named = " and ".join(
        f"{short(text)} {start}–{end}"
        for (start, end, _label, _value), text in sorted(lost.items(), key=lambda one: one[0][:2])
    )
    many = len(lost) > 1
    said = (
        f"{whose} link{'s' if many else ''} to {named} not kept: "
        f"{'those spans are' if many else 'that span is'} not in gold"
    )
    still_open = _still_given(after, set(lost))
    if still_open:
        said += f" (yet: {', '.join(still_open)} give{'' if len(still_open) > 1 else 's'} it)"
    instead = _linked_instead(before, after, fields)
    return f"{said}; {instead}" if instead else said


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
