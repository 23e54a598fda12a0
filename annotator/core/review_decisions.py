"""Settling one conflict of a gold record: the record after taking, rejecting or drawing a span.

Pure functions over ``GoldRecord`` (the conflict shapes are in ``merge``'s docstring); the
review session saves what they return. Every decision removes the conflict from ``conflicts``
and sets the status: ``done`` when no conflict is left and the scheme's required fields are
filled, else ``in_progress``. A refusal raises ``Refused`` with what to do instead. Finding a
conflict, its versions and field, and what it offers (``t``, rejecting, ``v``) are
``review_conflict``'s.

What a decision adds:

- A span version taken adds its spans with new ids (``new_span_id``: never one the document's
  gold had before), and ``sources.spans`` names every version's annotators giving it
  (``span_givers``). A taken span with the offsets and label of a gold span already there
  (merge leaves such a span out when only its value differs) sets that span's value instead
  of doubling it. Taking every version adds each span once; versions that give one place
  under one label different values are refused together (keeping one value silently dropped
  the others): the reviewer takes one of them, or draws the span.
- A field version sets the field to its value (an empty value removes it). A repeatable group
  appends the version's frames, linked as the version's items are (to the spans among them
  that are gold); taking every version appends each frame as many times as the version
  holding it most often does (versions holding an item alike give it once). An empty item
  (no value, no link) is no frame and is left out. Versions holding one item two ways
  (``form_compare.align_items``: its frames differ) are not taken together
  (``review_group_take``). A list field takes the union of the lists, in the order of the
  spans the versions' annotators link its items to in the text, with their links
  (``review_list_take``). A one-value field refuses to take more than one different value,
  and is linked as its version is (``merge_form``). A field of a group's item
  (``releases[0].count``) is set in gold's item as a top-level field is, with the links of
  the versions taken (``review_item_field``).
- Rejecting adds nothing, but a required field left empty by it is refused: a ``done`` record
  must have it, so the reviewer has to choose.
- A span drawn by hand replaces every version (``review_drawn_span``).

Links are carried as ``merge`` carries them (``review_links``), when the session gives the
annotators' records; a value a decision sets that none links is linked by its words, as a
typed one is (``value_links``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from annotator.core import forms
from annotator.core.form_compare import normal, without_empty_items
from annotator.core.invisible_said import visible_words
from annotator.core.models import GoldRecord, Span
from annotator.core.review_conflict import (
    Conflict,
    can_reject,
    field_of,
    find_conflict,
    value_conflict_span,
    versions_holding,
    versions_of,
)
from annotator.core.review_differing import differing_values
from annotator.core.review_group_take import taken_items
from annotator.core.review_item_field import item_place, taken_links, taken_value, with_item_value
from annotator.core.review_links import Annotations, links_after
from annotator.core.review_list_take import taken_list
from annotator.core.review_span_sources import span_givers
from annotator.core.scheme import Scheme
from annotator.core.session_edits import Refused
from annotator.core.spans import highest_span_number, sort_key
from annotator.core.value_links import words_linked


def new_span_id(spans: Iterable[Span], highest: int = 0) -> str:
    """The id of a span a decision adds to gold: ``sN`` above every one of ``spans`` (the
    record's) and above ``highest``, the highest the document's gold has had
    (``review_span_ids``). An id is never given again within a document: decisions, undo
    messages, reviewers' notes and the gold file's earlier lines name spans by id, and s4
    drawn, undone and drawn elsewhere named two spans."""
    return f"s{max(highest, highest_span_number(span.id for span in spans)) + 1}"


def settled_record(
    record: GoldRecord,
    conflict: Conflict,
    scheme: Scheme,
    annotations: Annotations | None,
    made: dict[str, list[str]] | None = None,
    **changes: Any,
) -> GoldRecord:
    """The record with ``changes``, without ``conflict``, its links carried and its status set
    (validated anew): what every decision returns. ``made``: the links of the items the
    decision adds (``review_links.links_after``)."""
    fields, draft = drafted(record, conflict, scheme, annotations, made, **changes)
    if not draft.conflicts:
        # Done gold holds no empty item (``form_compare``): one whose only link is to a span
        # that did not become gold holds nothing, and no decision is left to give it one.
        fields["form"], fields["links"] = without_empty_items(draft.form, fields["links"], scheme)
        draft = GoldRecord.model_validate(fields)
    complete = not draft.conflicts and not forms.missing_required(draft, scheme)
    fields["status"] = "done" if complete else "in_progress"
    return GoldRecord.model_validate(fields)


def drafted(
    record: GoldRecord,
    conflict: Conflict,
    scheme: Scheme,
    annotations: Annotations | None,
    made: dict[str, list[str]] | None = None,
    **changes: Any,
) -> tuple[dict[str, Any], GoldRecord]:
    """``settled_record``'s first steps: the record's fields with ``changes``, without
    ``conflict``, their links carried (``fields["links"]``), and the draft record those links
    were worked out on. ``review_typed_links`` shows the item editor's links from it, so what
    the editor shows is what enter saves (done gold's empty items aside)."""
    fields = record.model_dump()
    fields.update(changes)
    fields["conflicts"] = [other for other in record.conflicts if other is not conflict]
    draft = GoldRecord.model_validate(fields)
    fields["links"] = links_after(record, draft, scheme, annotations, made)
    # A value the decision sets with no link from its version is linked by its words, and a
    # list put in text order, as ``e`` links a typed one (``value_links``): a trial's 1 left
    # gold unlinked where typing it linked it. So is one the decision left as it was when it
    # gave gold a span of its label (a drawn "Saturday" left gold's agreed date unlinked).
    had = {(span.start, span.end, span.label, span.value) for span in record.spans}
    new_labels = {
        span.label
        for span in draft.spans
        if (span.start, span.end, span.label, span.value) not in had
    }
    form, links = words_linked(draft, draft.form, fields["links"], scheme, record.form, new_labels)
    if form != draft.form:
        fields["form"] = form
        draft = GoldRecord.model_validate({**fields, "links": draft.links})
    fields["links"] = links
    return fields, draft


def take(
    record: GoldRecord,
    conflict_id: str,
    indexes: Sequence[int],
    scheme: Scheme,
    annotations: Annotations | None = None,
    *,
    highest: int = 0,
) -> GoldRecord:
    """Settle the conflict with the versions at ``indexes`` (0-based, in the conflict's order);
    ``annotations``: the annotators' records, whose links are carried; ``highest``: the
    highest span number the document's gold has had (``new_span_id``)."""
    conflict = find_conflict(record, conflict_id)
    versions = versions_of(conflict)
    for index in indexes:
        if not 0 <= index < len(versions):
            raise Refused(
                f"there is no version {index + 1}: this conflict has {len(versions)} "
                f"(1–{len(versions)})"
            )
    chosen = [versions[index] for index in indexes]
    if conflict.get("kind") == "span":
        _refuse_differing_values(record, conflict, chosen)
        return take_spans(record, conflict, chosen, scheme, annotations, highest)
    return _take_field(record, conflict, chosen, scheme, annotations)


def take_every_version(
    record: GoldRecord,
    conflict_id: str,
    scheme: Scheme,
    annotations: Annotations | None = None,
    *,
    highest: int = 0,
) -> GoldRecord:
    """``t``: settle the conflict with all its versions; refused where fewer than two give
    anything (``can_take_all`` does not offer it there): a version's number takes it. ``t``
    took it as ``1`` unsaid while the panel and README said it was not there."""
    conflict = find_conflict(record, conflict_id)
    versions = versions_of(conflict)
    holding = versions_holding(conflict)
    if len(holding) == 1:
        number = versions.index(holding[0]) + 1
        who = ", ".join(holding[0].get("annotators") or [])
        raise Refused(
            f"t takes every version, and only version {number} ({who}) gives anything here: "
            f"press {number} to take it"
        )
    return take(record, conflict_id, range(len(versions)), scheme, annotations, highest=highest)


def _refuse_differing_values(
    record: GoldRecord, conflict: Conflict, chosen: list[dict[str, Any]]
) -> None:
    """Refuse versions that give one place under one label different values: one span is
    added per place, so all but one value would be lost (a trial lost bob's 85 under alice's
    86 without a word)."""
    for key, text, values in differing_values(chosen):
        differ = "; ".join(
            f"{value_text(value)}: {', '.join(who)}" for value, who in values.values()
        )
        keys = keys_hint(conflict)
        if len(record.sources.annotators) == 2:
            keys += " or a/b"
        # v types the value when the versions differ in it alone (a trial's t was pointed
        # to e, a drawing, for "Friday" dated two ways).
        typed = ", type its value (v)" if value_conflict_span(conflict) is not None else ""
        raise Refused(
            f"the versions give {key[2]} {short(text)} different values ({differ}): "
            f"take one version ({keys}){typed} or draw it (e)"
        )


def take_spans(
    record: GoldRecord,
    conflict: Conflict,
    chosen: list[dict[str, Any]],
    scheme: Scheme,
    annotations: Annotations | None,
    highest: int = 0,
) -> GoldRecord:
    """The record with the ``chosen`` versions' spans (see the module docstring); ``highest``:
    the highest span number the document's gold has had (``new_span_id``)."""
    spans = list(record.spans)
    sources = {span_id: list(names) for span_id, names in record.sources.spans.items()}
    place_of = {(span.start, span.end, span.label): n for n, span in enumerate(spans)}
    added_now: set[tuple[int, int, str]] = set()
    for version in chosen:
        for body in version.get("spans") or []:
            who = span_givers(versions_of(conflict), body, record.sources.annotators)
            key = (body["start"], body["end"], body["label"])
            at = place_of.get(key)
            if at is None:
                span_id = new_span_id(spans, highest)
                spans.append(Span(id=span_id, **body))
                place_of[key] = len(spans) - 1
                added_now.add(key)
                sources[span_id] = who
                continue
            existing = spans[at]
            if key not in added_now:
                # A gold span whose value the annotators disputed: the taken value holds.
                spans[at] = existing.model_copy(update={"value": body.get("value")})
                added_now.add(key)
            sources[existing.id] = list(dict.fromkeys([*sources.get(existing.id, []), *who]))
    spans.sort(key=sort_key)
    return settled_record(
        record,
        conflict,
        scheme,
        annotations,
        spans=[span.model_dump() for span in spans],
        sources={**record.sources.model_dump(), "spans": sources},
    )


def _take_field(
    record: GoldRecord,
    conflict: Conflict,
    chosen: list[dict[str, Any]],
    scheme: Scheme,
    annotations: Annotations | None,
) -> GoldRecord:
    field = field_of(scheme, conflict)
    place = item_place(scheme, conflict)
    if place is not None:
        value = taken_value(place, chosen, keys_hint(conflict))
        form = with_item_value(record, place, value, conflict["id"])
        made = taken_links(record, field, chosen, conflict["path"])
        return settled_record(record, conflict, scheme, annotations, made, form=form)
    values = [version.get("value") for version in chosen]
    form = dict(record.form)
    if field.type == "group":
        form[field.name], made = taken_items(record, field, chosen)
        return settled_record(record, conflict, scheme, annotations, made, form=form)
    if field.type == "list":
        # In the order of their spans in the text, with the versions' links (``review_list_take``).
        form[field.name], made = taken_list(record, field, chosen, annotations)
        return settled_record(record, conflict, scheme, annotations, made, form=form)
    if len({normal(value) for value in values}) > 1:
        raise Refused(f"{field.name} holds one value: take one version ({keys_hint(conflict)})")
    if values[0] is None:
        form.pop(field.name, None)
    else:
        form[field.name] = values[0]
    made = taken_links(record, field, chosen, field.name)
    return settled_record(record, conflict, scheme, annotations, made, form=form)


def keys_hint(conflict: Conflict) -> str:
    """The number keys that take one of the conflict's versions, as a message says them."""
    return f"1–{len(versions_of(conflict))}"


def reject(
    record: GoldRecord,
    conflict_id: str,
    scheme: Scheme,
    annotations: Annotations | None = None,
) -> GoldRecord:
    """Settle the conflict with none of its versions (refused for an empty required field)."""
    conflict = find_conflict(record, conflict_id)
    if not can_reject(record, conflict, scheme):
        place = item_place(scheme, conflict)
        if place is not None:  # gold holding no item there: said so, as taking one is
            with_item_value(record, place, None, conflict_id)
        raise Refused(
            f"{forms.path_words(conflict.get('path') or '')} is required and still empty: take "
            f"a version ({keys_hint(conflict)}) instead of rejecting them all"
        )
    return settled_record(record, conflict, scheme, annotations)


def value_text(value: object) -> str:
    """A span's value as a message says it."""
    return "no value" if value is None or value == "" else str(value)


def short(text: str, limit: int = 20) -> str:
    """``text`` quoted, cut at a word to ``limit`` characters: a message names spans, not
    quotes. Shown as the panel shows a span's words, an invisible character as its escape
    (``visible_words``: ``⟨U+202E⟩``): written raw, a U+202E in the value box's title
    ("Type the value of count “6\u202e prisoners” (c3)") reversed the rest of it, and in a
    message the rest of its line."""
    text = " ".join(text.split())
    if len(text) > limit:
        cut = text[: limit - 1]
        text = (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"
    return f"“{visible_words(text)}”"
