"""Typing the value that settles a conflict over a span's value, when no annotator gave it.

Annotators who mark the same words under the same label may give them different values
("Saturday evening": 2023-11-11 or 2023-11-12); ``merge`` leaves such a span in a conflict
whose versions differ in value only. Taking a version gives one of their values, and drawing
the span (``e``) gives the value its words give; a trial's reviewer found no way to write a
value that neither gave. ``settled_as_typed`` takes the versions' span with the value typed,
read as the annotation screen's ``v`` reads it (``typed_value.read_typed_value``: a date's words
such as "last Sunday" from the dateline, "two days later" from gold's nearest date before the
span); its ``sources.spans`` names the annotators who gave that very value (none: the
reviewer's alone).

The form fields the annotators filled from that span keep their value (gold's form is settled
field by field) and lose the link: ``fields_not_following`` names them as gold has them (an
annotator's ``releases[2]`` may be gold's ``releases[0]``, and gold's item may be made of
several annotators' items, its count theirs and its date in dispute), for the notice.
"""

from __future__ import annotations

from annotator.core.errors import AnnotatorError
from annotator.core.form_compare import normal
from annotator.core.forms import field_value, item_path, path_words
from annotator.core.models import GoldRecord, Span
from annotator.core.normalise_relative import date_spans
from annotator.core.review_conflict import Conflict, find_conflict, value_conflict_span
from annotator.core.review_decisions import take_spans
from annotator.core.review_links import Annotations, item_holders
from annotator.core.scheme import Scheme
from annotator.core.session_edits import Refused
from annotator.core.typed_value import SpanPlace, TypedValue, read_typed_value
from annotator.core.value_range import within_range


def span_value(scheme: Scheme, label: str, raw: str, place: SpanPlace | None = None) -> TypedValue:
    """What ``raw`` is as a value of a ``label`` span at ``place``, and what its words were
    read as; Refused with why when it is none."""
    found = scheme.label(label)
    if found is None or found.value_type == "none":
        raise Refused(f"{label} spans take no value")
    try:
        typed = read_typed_value(found.value_type, raw, place)
        within_range(found, typed.value)  # a count below its label's min, as annotate's v
        return typed
    except AnnotatorError as error:
        raise Refused(f"{label}: {error}") from None


# Where ``v`` applies, said where it does not.
V_APPLIES = (
    "v types a span's value where the versions mark the same words under one label with "
    "different values"
)


def no_value_to_type(conflict: Conflict | None) -> str:
    """Why ``v`` types no value on span conflict ``conflict`` (``value_conflict_span`` gives
    none), and what settles it instead. A conflict of one version (a document fewer than
    --min-agree K finished) is said as such: "here they differ otherwise" was said of it too,
    where nothing differs."""
    versions = (conflict or {}).get("versions") or []
    if len(versions) == 1:
        return (
            f"{V_APPLIES}; this conflict has one version, nothing to differ from: take it (1), "
            "reject it (r), or draw the span (e)"
        )
    return f"{V_APPLIES}; here they differ otherwise: take a version, or draw the span (e)"


def settled_as_typed(
    record: GoldRecord,
    conflict_id: str,
    raw: str,
    scheme: Scheme,
    annotations: Annotations | None = None,
    *,
    highest: int = 0,
    text: str | None = None,
    doc_date: str | None = None,
) -> tuple[GoldRecord, TypedValue]:
    """Settle a conflict over a span's value with the value typed (see the module docstring),
    and the value as read; ``highest``: the highest span number the document's gold has had
    (``take_spans``); ``text`` and ``doc_date``: the document's, where a date's words are read
    (None: only words that need neither)."""
    conflict = find_conflict(record, conflict_id)
    body = value_conflict_span(conflict)
    if body is None:
        raise Refused(
            "v types a span's value where the versions differ in value only; here they differ "
            "in words or label: take a version, or draw the span (e)"
        )
    place = None
    if text is not None:
        dated = date_spans(record.spans, scheme)
        place = SpanPlace(text, body["start"], body["end"], dated, doc_date)
    typed = span_value(scheme, body["label"], raw, place)
    value = typed.value
    who = [
        name
        for version in conflict.get("versions") or []
        for given in version.get("spans") or []
        if normal(given.get("value")) == normal(value)
        for name in version.get("annotators") or []
    ]
    chosen = [{"spans": [{**body, "value": value}], "annotators": who}]
    return take_spans(record, conflict, chosen, scheme, annotations, highest), typed


def fields_not_following(
    settled: GoldRecord, span: Span, annotations: Annotations | None, scheme: Scheme
) -> str:
    """The form fields the annotators filled from this span, which do not follow a value
    typed for it (gold's form is settled field by field): named, so the reviewer can make
    them agree (a trial's form kept the date the span no longer had, its link gone, unsaid).
    Named by gold's paths: an annotator's item is gold's item made of it, as links are carried
    (``review_links.item_holders``: merge's own alignment)."""
    paths: set[str] = set()
    places: dict[tuple[str, str, int], int] | None = None
    for name, work in (annotations or {}).items():
        ids = {
            mine.id
            for mine in work.spans
            if (mine.start, mine.end, mine.label) == (span.start, span.end, span.label)
        }
        for path in (path for path, linked in work.links.items() if ids & set(linked)):
            place = item_path(path)
            group = scheme.field(place[0]) if place else None
            if place is None or group is None or group.type != "group":
                paths.add(path)
                continue
            if places is None:
                places = _gold_places(settled, annotations or {}, scheme)
            at = places.get((name, group.name, place[1]))
            if at is not None:  # else gold holds no item made of theirs (left out, or typed)
                paths.add(f"{group.name}[{at}].{place[2]}")
    # Only fields gold holds a value in: one still in a conflict of its own gets its links when
    # it is settled (a trial was told of a link lost that the next decision made).
    unlinked = sorted(
        path
        for path in paths
        if span.id not in settled.links.get(path, []) and _gold_holds(settled, path, scheme)
    )
    if not unlinked:
        return ""
    names = ", ".join(path_words(path) for path in unlinked)
    return (
        f"; the annotators filled {names} from it: not linked now, and it keeps its own value "
        "(settle or type it to match)"
    )


def _gold_places(
    record: GoldRecord, annotations: Annotations, scheme: Scheme
) -> dict[tuple[str, str, int], int]:
    """(annotator, group, their item's index) -> the index of gold's item made of it."""
    places = {}
    for group in scheme.fields:
        if group.type == "group":
            for gold_index, holders in item_holders(record, group, annotations):
                for name, (index, _item) in holders.items():
                    places[(name, group.name, index)] = gold_index
    return places


def _gold_holds(record: GoldRecord, path: str, scheme: Scheme) -> bool:
    try:
        value = field_value(record, path, scheme)
    except AnnotatorError:
        return False  # an item gold does not have (yet)
    return value not in (None, "", [])
