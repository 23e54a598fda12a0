"""Taking a repeatable group's versions (``review_decisions.take``): the items appended to
gold's, and their links.

A version's items come with their links (``merge_form``: the spans linked, which may not be
gold yet); an item taken is linked to the gold spans among them, of the label its field is
filled from. An empty item (no value, no link: ``form_compare``) is no answer and is left out.
Versions holding the same item each their own way (``form_compare.align_items``: a release
with a count of 187 and with 210) are not taken together: that put one transfer into gold
twice; the reviewer takes one, or edits it. Versions holding it alike (equal frames) are: the
item is appended once (``taken_items``).
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from annotator.core.form_compare import (
    align_items,
    frame_key,
    has_no_value,
    linked_indexes,
    sub_value,
)
from annotator.core.item_brief import lone_item_of
from annotator.core.list_links import items_in_text_order
from annotator.core.models import GoldRecord
from annotator.core.record_unallowed import value_words
from annotator.core.review_links import gold_ids_of
from annotator.core.scheme import FormField, Scheme
from annotator.core.session_edits import Refused


def taken_items(
    record: GoldRecord, field: FormField, chosen: list[dict[str, Any]]
) -> tuple[list[Any], dict[str, list[str]]]:
    """Gold's items of the group ``field`` with the ``chosen`` versions' appended, and the
    links of those appended (the version's own, to the spans that are gold). A frame comes as
    many times as the version holding most copies of it has it, from that version. An empty
    item (no value, no link: ``form_compare``; older merges wrote some) is no answer: taken,
    it put an empty release into done gold (a trial's t)."""
    aligned = aligned_versions(chosen, field)
    if aligned is not None:
        first, second, item_a, item_b = aligned
        whose = [", ".join(chosen[at].get("annotators") or []) for at in (first, second)]
        raise Refused(
            f"{field.name}: {whose[0]}'s and {whose[1]}'s versions give one item two ways "
            f"({differing(field, item_a, item_b)}): take one, or edit it (e)"
        )
    items = gold_items(record, field)
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
    # Each list of an item taken in the order of its linked spans in the text, as typed ones.
    earlier = len(gold_items(record, field))
    added, made = items_in_text_order(record, field, items[earlier:], earlier, made)
    return [*items[:earlier], *added], made


def gold_items(record: GoldRecord, group: FormField) -> list[Any]:
    """Gold's items of ``group``, to append to; Refused when gold holds no list there (a
    gold file written before the scheme made the field a group): appended to, such text
    was taken a letter an item ('rent' became items 'r', 'e', 'n', 't')."""
    value = record.form.get(group.name)
    if value is None or isinstance(value, list):
        return list(value or [])
    raise Refused(
        f"{group.name}: gold holds {value_words(value)}, not a list of items (kept from before "
        "the scheme changed): merge the document anew to replace it (l, then ctrl+r twice)"
    )


def _held(version: dict[str, Any]) -> list[tuple[int, dict[str, Any]]]:
    """A version's items that hold a value, each with its place in the version."""
    items = version.get("value") or []
    return [
        (place, item)
        for place, item in enumerate(items)
        if isinstance(item, dict) and not has_no_value(item)
    ]


def aligned_versions(
    versions: list[dict[str, Any]], group: FormField
) -> tuple[int, int, dict[str, Any], dict[str, Any]] | None:
    """Two versions holding the same item (``form_compare.align_items``), each its own way:
    their places among ``versions`` and the two items. Taking both would put one transfer
    into gold twice (a trial's ``t`` gave two releases of 8 people each, 16 in all). None when
    no two do: versions holding an item alike (equal frames) give it once (``taken_items``)."""
    parties = [_held(version) for version in versions]
    for cluster in align_items(parties, group):
        holders = [(number, held) for number, held in enumerate(cluster) if held is not None]
        first, (_place, item_a) = holders[0]
        key_a = frame_key(item_a, group)
        for second, (_other, item_b) in holders[1:]:
            if frame_key(item_b, group) != key_a:
                return first, second, item_a, item_b
    return None


def differing(group: FormField, item_a: dict[str, Any], item_b: dict[str, Any]) -> str:
    """The fields two items give differently: ``count 187 / 210``."""
    said = []
    for sub in group.fields:
        a, b = item_a.get(sub.name), item_b.get(sub.name)
        if sub_value(a, sub) != sub_value(b, sub):
            said.append(f"{sub.name} {_shown(a)} / {_shown(b)}")
    return "; ".join(said)


def _shown(value: Any) -> str:
    if value is None or value == [] or value == "":
        return "(empty)"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


def items_aligned(conflict: dict[str, Any], group: FormField) -> bool:
    """Whether two of a group conflict's versions hold the same item (``t`` refuses them)."""
    return aligned_versions(conflict.get("versions") or [], group) is not None


def holds_one_item(conflict: dict[str, Any], group: FormField) -> bool:
    """Whether a group conflict is over one item fewer than K annotators hold (``merge_form``:
    each version that item as its holders gave it), not a gold file's older conflict of every
    annotator's left-over items (a version per annotator, ``[]`` for one holding none)."""
    found = lone_item_of(conflict)
    if found is None:
        return False
    items = found[1]
    return len(items) == 1 or len(align_items([[(0, item)] for item in items], group)) == 1


def lone_item_group(conflict: dict[str, Any], scheme: Scheme) -> FormField | None:
    """The group of a conflict over one item only some annotators gave (``holds_one_item``:
    then every version's value is a list of that one item, ``item_brief.given_item``); None
    for any other conflict."""
    group = scheme.field(conflict.get("path") or "")
    if group is None or group.type != "group" or not holds_one_item(conflict, group):
        return None
    return group
