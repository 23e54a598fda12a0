"""One open conflict of a gold record as the review reads it: found by its id, its versions,
the scheme's field it is over, and which decisions over all its versions it offers (``t``
taking every version, ``r`` rejecting them all, ``v`` typing a span's value).

Kept apart from ``review_decisions``, which makes the record after a decision: the screen, the
panel and the notices ask these questions of a conflict without deciding anything, and the
decisions ask them before deciding.
"""

from __future__ import annotations

from typing import Any

from annotator.core import forms
from annotator.core.errors import AnnotatorError
from annotator.core.form_compare import normal
from annotator.core.form_complete import is_empty
from annotator.core.models import GoldRecord
from annotator.core.review_differing import differing_values
from annotator.core.review_group_take import items_aligned
from annotator.core.review_item_field import item_place
from annotator.core.scheme import FormField, Scheme
from annotator.core.session_edits import Refused

Conflict = dict[str, Any]


def find_conflict(record: GoldRecord, conflict_id: str) -> Conflict:
    for conflict in record.conflicts:
        if conflict.get("id") == conflict_id:
            return conflict
    raise Refused(f"{record.doc_id}: no open conflict {conflict_id!r}")


def versions_of(conflict: Conflict) -> list[dict[str, Any]]:
    """The conflict's versions, in its order."""
    versions: list[dict[str, Any]] = conflict.get("versions") or []
    return versions


def field_of(scheme: Scheme, conflict: Conflict) -> FormField:
    """The scheme's field a field conflict is about, an item's field for a path inside an item
    (``releases[0].count``: ``count``); Refused when the scheme lacks it."""
    path = conflict.get("path")
    if isinstance(path, str):
        try:
            return forms.resolve_path(scheme, path)[2]
        except AnnotatorError:
            pass  # said below, as for a path that is no text
    raise Refused(f"conflict {conflict.get('id')}: the scheme has no form field {path!r}")


def is_group_conflict(conflict: Conflict, scheme: Scheme) -> bool:
    """``conflict`` is about a repeatable group's items (edited item by item, not typed)."""
    field = scheme.field(conflict.get("path") or "")
    return conflict.get("kind") != "span" and field is not None and field.type == "group"


def can_take_all(conflict: Conflict, scheme: Scheme) -> bool:
    """Whether ``t`` (every version at once) is offered: not where one version alone holds
    anything (an item or a span only some gave: its number takes it, and "t take every
    version" under one version sent a reviewer looking for others), nor where ``t`` would be
    refused: a field holding one value, spans the versions give different values, versions
    holding one item two ways."""
    if len(versions_holding(conflict)) < 2:
        return False
    if conflict.get("kind") == "span":
        return not differing_values(conflict.get("versions") or [])
    try:
        field = field_of(scheme, conflict)
    except Refused:
        return False
    if field.type == "group":
        return not items_aligned(conflict, field)
    return field.type == "list"


def versions_holding(conflict: Conflict) -> list[dict[str, Any]]:
    """The versions of ``conflict`` that give something: a span conflict's annotators who
    marked nothing there, or a field's who left it empty, are a version of their own too."""
    return [
        version
        for version in versions_of(conflict)
        if version.get("spans") or version.get("value") not in (None, "", [])
    ]


def value_conflict_span(conflict: Conflict) -> dict[str, Any] | None:
    """The span a conflict's versions give different values (the first given), when the
    versions that mark something there differ in value only: one span each, at one place
    under one label, two versions at least. A version that marked nothing is one more answer
    the typed value overrules: alice's 210 and bob's 200 for one count, carol marking none,
    left the reviewer only 210 or 200, never the figure the article gives."""
    if conflict.get("kind") != "span":
        return None
    versions = conflict.get("versions") or []
    giving = [version.get("spans") or [] for version in versions if version.get("spans")]
    bodies = [body for spans in giving for body in spans]
    places = {(body["start"], body["end"], body["label"]) for body in bodies}
    if len(places) != 1 or len(giving) < 2 or any(len(spans) != 1 for spans in giving):
        return None
    # Values that differ: one version (a document fewer than --min-agree K finished) has
    # none, and an actor's "Value conflict" offered v, which refused every value.
    if len({normal(body.get("value")) for body in bodies}) < 2:
        return None
    return dict(bodies[0])


def can_reject(record: GoldRecord, conflict: Conflict, scheme: Scheme) -> bool:
    """Whether every version can be rejected: not when a required field would stay empty."""
    if conflict.get("kind") == "span":
        return True
    place = item_place(scheme, conflict)
    if place is not None:
        group, index, leaf = place
        items = record.form.get(group.name) or []
        item = items[index] if 0 <= index < len(items) else None
        held = item.get(leaf.name) if isinstance(item, dict) else None
        return not (leaf.required and is_empty(held))
    field = scheme.field(conflict.get("path") or "")
    return field is None or not (field.required and is_empty(record.form.get(field.name)))
