"""Gold's form as it stands, row by row, for the review's read-only view of it (``g``).

The review's article shows gold's spans and the panel one conflict; what gold's form holds
(the event type, each item of a group with its fields and their links) was out of sight until
the review was finished, where INCEpTION shows the curated result as it goes. ``gold_form``
lays the form out from the scheme (no field is named here): a row per top-level field, a
group's items each under a row of their own (``releases #1``) with a row per field, the links a
value was filled from (span ids, with their words when they are not the value's), and the open
conflicts at their paths: a field's (``releases[0].count``) on its row, a group's over its items
(``releases``) on the group's row, and the span conflicts at the foot. Last, what gold holds
that the scheme does not allow or know (a gold file resumed after the scheme changed), as the
annotation form names it: each field shows what gold holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from annotator.core.display import shortened
from annotator.core.forms import path_words, typed_text
from annotator.core.invisible_said import visible_words
from annotator.core.item_brief import lone_item_brief, names_said
from annotator.core.models import GoldRecord, Span
from annotator.core.record_unknown import held_words
from annotator.core.review_decisions import short
from annotator.core.scheme import FormField, Scheme

EMPTY = "(empty)"
NO_ITEM = "(no item)"


@dataclass(frozen=True)
class FormRow:
    """One row of gold's form: a field (``depth`` 1 inside a group's item), or an item's head
    (``item``: its place, from 0, and ``name`` the group's)."""

    depth: int
    name: str
    value: str  # as an input shows it; ``EMPTY`` when nothing is there
    links: str = ""  # "⛓ s1", "⛓ s3 “six” 1172–1175"
    open: tuple[str, ...] = ()  # the open conflicts here, each said ("c6 open: 95 (alice) · …")
    item: int | None = None


@dataclass(frozen=True)
class GoldForm:
    """Gold's form of one document, as the view lists it."""

    doc_id: str
    status: str
    rows: tuple[FormRow, ...]
    spans_open: tuple[str, ...]  # the open span conflicts, each said
    elsewhere: tuple[str, ...]  # open conflicts at a path the form has no row for
    # What gold holds that the scheme does not allow or know (``record_unknown.held_words``:
    # a gold file written before the scheme changed), kept as it is; "" when nothing.
    kept: str = ""

    @property
    def open_count(self) -> int:
        return sum(len(row.open) for row in self.rows) + len(self.spans_open) + len(self.elsewhere)


IN_THE_PANEL = " ← in the panel"


def gold_form(
    record: GoldRecord, scheme: Scheme, current: str | None = None, text: str | None = None
) -> GoldForm:
    """Gold's form of ``record`` as it stands, its open conflicts marked at their paths (the
    ``current`` one's said to be the one in the panel). ``text``: the document's, whose words
    in a span conflict's region are quoted as the panel quotes them (None: not at hand)."""
    by_path: dict[str, list[dict[str, Any]]] = {}
    spans_open: list[str] = []
    for conflict in record.conflicts:
        if conflict.get("id") == current:
            conflict = {**conflict, "current": True}
        path = conflict.get("path")
        if conflict.get("kind") == "span" or not isinstance(path, str):
            spans_open.append(span_conflict_said(conflict, text))
        else:
            by_path.setdefault(path, []).append(conflict)
    spans = {span.id: span for span in record.spans}
    rows: list[FormRow] = []
    for field in scheme.fields:
        value = record.form.get(field.name)
        here = tuple(conflict_said(c, field) for c in by_path.pop(field.name, []))
        if field.type != "group":
            links = links_said(record.links.get(field.name, []), spans, value)
            rows.append(FormRow(0, field.name, value_said(value), links, here))
            continue
        items = [item for item in value or [] if isinstance(item, dict)]
        count = f"{len(items)} item" + ("" if len(items) == 1 else "s")
        rows.append(FormRow(0, field.name, count if items else NO_ITEM, "", here))
        for index, item in enumerate(items):
            rows.append(FormRow(0, f"{field.name} #{index + 1}", "", item=index))
            for sub in field.fields:
                path = f"{field.name}[{index}].{sub.name}"
                sub_value = item.get(sub.name)
                links = links_said(record.links.get(path, []), spans, sub_value)
                said = tuple(conflict_said(c, sub) for c in by_path.pop(path, []))
                rows.append(FormRow(1, sub.name, value_said(sub_value), links, said))
    elsewhere = [
        f"{path_words(path)}: {conflict_said(conflict, None)}"
        for path, conflicts in by_path.items()
        for conflict in conflicts
    ]
    return GoldForm(
        record.doc_id,
        record.status,
        tuple(rows),
        tuple(spans_open),
        tuple(elsewhere),
        held_words(record, scheme),
    )


def value_said(value: Any) -> str:
    """A value as an input shows it, ``EMPTY`` for none (an empty list too)."""
    text = typed_text(value)
    return text if text.strip() else EMPTY


def links_said(ids: Sequence[str], spans: dict[str, Span], value: Any) -> str:
    """The spans a value was filled from: their ids, each with its words and offsets where
    the words are not what the field holds (a count's "six" for 6)."""
    if not ids:
        return ""
    held = {typed_text(item) for item in value} if isinstance(value, list) else {typed_text(value)}
    said = []
    for span_id in ids:
        span = spans.get(span_id)
        if span is None or " ".join(span.text.split()) in held:
            said.append(span_id)
        else:
            said.append(f"{span_id} {short(span.text)} {span.start}–{span.end}")
    return "⛓ " + ", ".join(said)


def conflict_said(conflict: dict[str, Any], field: FormField | None) -> str:
    """``c6 open: 95 (alice) · 96 (bob)``; a group's versions by their items (``1 item
    (alice) · no item (bob)``)."""
    versions = conflict.get("versions") or []
    here = IN_THE_PANEL if conflict.get("current") else ""
    lone = lone_item_brief(conflict, field) if field is not None and field.type == "group" else None
    if lone is not None:  # an item only some gave: which one
        return f"{conflict.get('id')} open: {lone}{here}"
    said = []
    for version in versions:
        value = version.get("value")
        if field is not None and field.type == "group":
            items = len(value or [])
            what = f"{items} item" + ("" if items == 1 else "s") if items else "no item"
        else:
            what = value_said(value)
        said.append(f"{what} ({names_said(list(version.get('annotators') or []))})")
    return f"{conflict.get('id')} open: " + " · ".join(said) + here


REGION_WORDS = 60
"""The most characters of a region's words quoted at the foot, cut in the middle past it."""


def span_conflict_said(conflict: dict[str, Any], text: str | None = None) -> str:
    """``c3 “as many as 500 prisoners” 546–570``: a span conflict by its region's words, as
    the panel quotes them (``region_quoted``). A version's words with the region's offsets
    read as if that version covered it all (“500 prisoners” 546–570, where carol's “as many
    as 500” starts at 546). Without ``text``: a version's words only where its span is the
    whole region, else the offsets alone."""
    region = conflict.get("region") or [0, 0]
    start, end = region[0], region[1]
    if text is not None and 0 <= start <= end <= len(text):
        words = text[start:end]
    else:
        whole = (
            body.get("text") or ""
            for version in conflict.get("versions") or []
            for body in version.get("spans") or []
            if [body.get("start"), body.get("end")] == [start, end]
        )
        words = next(whole, "")
    quoted = f" {region_quoted(words)}" if words.strip() else ""
    here = IN_THE_PANEL if conflict.get("current") else ""
    return f"{conflict.get('id')}{quoted} {start}–{end}{here}"


def region_quoted(words: str, limit: int = REGION_WORDS) -> str:
    """``words`` as the review panel quotes a region (its ``quoted``): spaces made one, cut in
    the middle past ``limit`` characters, shown as the article shows them, an invisible
    character as its escape (``visible_words``), as the panel's text beside it shows it."""
    return f"“{visible_words(shortened(words, limit))}”"
