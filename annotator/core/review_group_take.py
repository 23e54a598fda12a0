"""Taking a repeatable group's versions (``review_decisions.take``): the items appended to
gold's, and their links.

A version's items come with their links (``merge_form``: the spans linked, which may not be
gold yet); an item taken is linked to the gold spans among them, of the label its field is
filled from. An empty item (no value, no link: ``form_compare``) is no answer and is left out.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from annotator.core.form_compare import frame_key, has_no_value, linked_indexes
from annotator.core.models import GoldRecord
from annotator.core.review_links import gold_ids_of
from annotator.core.scheme import FormField
from annotator.core.session_edits import Refused


def taken_items(
    record: GoldRecord, field: FormField, chosen: list[dict[str, Any]]
) -> tuple[list[Any], dict[str, list[str]]]:
    """Gold's items of the group ``field`` with the ``chosen`` versions' appended, and the
    links of those appended (the version's own, to the spans that are gold). A frame comes as
    many times as the version holding most copies of it has it, from that version. An empty
    item (no value, no link: ``form_compare``; older merges wrote some) is no answer: taken,
    it put an empty release into done gold (a trial's t)."""
    items = list(record.form.get(field.name) or [])
    made: dict[str, list[str]] = {}
    # frame -> (the version it comes from, the places of its copies in that version's items)
    sources: dict[Hashable, tuple[dict[str, Any], list[int]]] = {}
    for version in chosen:
        held: dict[Hashable, list[int]] = {}
        linked = linked_indexes(version.get("links") or {}, field.name)
        for place, item in enumerate(version.get("value") or []):
            if isinstance(item, dict) and (not has_no_value(item) or place in linked):
                held.setdefault(frame_key(item, field), []).append(place)
        for key, places in held.items():
            if key not in sources or len(places) > len(sources[key][1]):
                sources[key] = (version, places)
    if not sources and all(version.get("value") for version in chosen):
        raise Refused(
            f"{field.name}: the version taken holds only an empty item, no answer: "
            "take another, or reject them all (r)"
        )
    for version, places in sources.values():
        version_links = version.get("links") or {}
        for place in places:
            for sub in field.fields:
                bodies = version_links.get(f"{field.name}[{place}].{sub.name}") or []
                ids = gold_ids_of(record, bodies, sub)
                if ids:
                    made[f"{field.name}[{len(items)}].{sub.name}"] = ids
            items.append(version["value"][place])
    return items, made
