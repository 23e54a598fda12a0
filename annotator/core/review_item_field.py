"""Settling a conflict over one field of a group's item (``releases[0].count``): merge opens one
when the annotators holding the same item (``form_compare.align_items``) give the field values
none of which wins, and leaves gold's field empty meanwhile.

It is settled as a top-level field's conflict is: taking a version sets the item's field to its
value (a list field taking several versions takes the union of their lists, in the order of
the spans they link its items to in the text: ``list_links.in_text_order``; a one-value field
refuses two different values), rejecting leaves the field empty (refused when the field is
required), and a typed value (``review_typed``) is read by the sub-field's type. The gold
item's other fields stay as they are. Links: a version carries its first annotator's links
under the conflict's path (``merge_form``); the field gets those of the versions taken, to the
spans among them that are gold. A typed value gets the links of a version that gave the same
value, else of a version whose linked spans give it (``forms.span_gives``), else the one gold
span whose words it holds (``review_typed_words.words_links``; several: none), else none.
A version of the same value that links no gold span gives none: the words are looked at then.
A list's items no version's link holds are linked by their words beside those it keeps. The
same rule links a value typed for a top-level field, whose versions' links are those of their
annotators (``review_list_take.version_gold_ids``): a trial's top-level list typed with ``e``
was saved with no link, in the order typed, where an item's list typed alike was linked.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import Any

from annotator.core import forms
from annotator.core.errors import AnnotatorError
from annotator.core.form_compare import normal, sub_value
from annotator.core.list_links import ids_in_text_order, in_text_order
from annotator.core.models import GoldRecord, Span
from annotator.core.record_unallowed import value_words
from annotator.core.review_links import Annotations, gold_ids_of
from annotator.core.review_list_take import version_gold_ids
from annotator.core.review_typed_words import words_links
from annotator.core.scheme import FormField, Scheme
from annotator.core.session_edits import Refused

Conflict = dict[str, Any]
ItemPlace = tuple[FormField, int, FormField]
"""(the group, the item's index in gold's list, the field of the item)."""


def item_place(scheme: Scheme, conflict: Conflict) -> ItemPlace | None:
    """Where a conflict over an item's field is (None: a conflict of another kind)."""
    path = conflict.get("path")
    if conflict.get("kind") == "span" or not isinstance(path, str) or "[" not in path:
        return None
    try:
        group, index, leaf = forms.resolve_path(scheme, path)
    except AnnotatorError:
        return None
    return None if index is None else (group, index, leaf)


def with_item_value(
    record: GoldRecord, place: ItemPlace, value: Any, conflict_id: str
) -> dict[str, Any]:
    """Gold's form with the item's field set to ``value`` (None or [] when empty)."""
    group, index, leaf = place
    if not holds_item(record, place):
        raise Refused(_no_item_words(record, place, conflict_id))
    items = list(record.form[group.name])
    if value is None and leaf.type == "list":
        value = []
    items[index] = {**items[index], leaf.name: value}
    return {**record.form, group.name: items}


def holds_item(record: GoldRecord, place: ItemPlace) -> bool:
    """Whether gold holds an item at the conflict's place (``with_item_value`` sets it)."""
    group, index, _leaf = place
    items = record.form.get(group.name)
    return isinstance(items, list) and 0 <= index < len(items) and isinstance(items[index], dict)


def _no_item_words(record: GoldRecord, place: ItemPlace, conflict_id: str) -> str:
    """Why a version cannot be taken where gold holds no item at the conflict's place, as it
    is, and what the reviewer can do (r only where it settles the conflict: not for a
    required field, which it would leave empty; ``reject`` refuses so). A trial's gold
    hand-edited to ``releases = [null, …]`` was said to have "no releases #1", which the
    opening had just said it holds (null, kept)."""
    group, index, leaf = place
    item_words = forms.path_words(f"{group.name}[{index}]")
    held = record.form.get(group.name)
    if group.name not in record.form:
        what = f"gold holds no {group.name} at all"
    elif not isinstance(held, list):
        what = f"gold's {group.name} is {value_words(held)}, not a list of items"
    elif index < len(held):
        what = f"gold's {item_words} is {value_words(held[index])}, not an item"
    elif not held:
        what = f"gold's {group.name} holds no item"
    else:
        what = f"gold's {group.name} holds {len(held)} item(s), no #{index + 1}"
    field_words = forms.path_words(f"{group.name}[{index}].{leaf.name}")
    leave = "" if leaf.required else f"r (reject) settles {conflict_id} leaving gold so; "
    return (
        f"{conflict_id}: {what}, so there is no {field_words} to set: {leave}to take the "
        "annotators' records instead, merge the document anew: l, then ctrl+r twice on it"
    )


def taken_value(place: ItemPlace, chosen: Sequence[Mapping[str, Any]], keys: str) -> Any:
    """The value the ``chosen`` versions give the field: a list's union, else the one value
    (``keys``: the versions' keys, for the refusal of two different ones)."""
    _group, _index, leaf = place
    values = [version.get("value") for version in chosen]
    if leaf.type == "list":
        merged: dict[Hashable, Any] = {}
        for listed in values:
            for item in listed or []:
                merged.setdefault(normal(item), item)
        # In the order of the spans the versions link its items to, as the annotation screen
        # keeps a list (``list_links.in_text_order``): a trial's t gave "Zoë, Théodore…,
        # Maël…, Aïssatou…", the lists one after the other.
        path = f"{place[0].name}[{place[1]}].{leaf.name}"
        return in_text_order(list(merged.values()), _linked_spans(chosen, path))
    if len({normal(value) for value in values}) > 1:
        words = forms.path_words(f"{place[0].name}[{place[1]}].{leaf.name}")
        raise Refused(f"{words} holds one value: take one version ({keys})")
    return values[0]


def taken_links(
    record: GoldRecord, leaf: FormField, chosen: Sequence[Mapping[str, Any]], path: str
) -> dict[str, list[str]]:
    """The links the ``chosen`` versions give the field at ``path`` (an item's, or a top-level
    one's: ``merge_form`` gives both their links): theirs, to the spans that are gold."""
    ids: list[str] = []
    for version in chosen:
        bodies = (version.get("links") or {}).get(path) or []
        ids.extend(one for one in gold_ids_of(record, bodies, leaf) if one not in ids)
    if leaf.type == "list":
        ids = ids_in_text_order(record, ids)
    return {path: ids} if ids else {}


def _linked_spans(versions: Sequence[Mapping[str, Any]], path: str) -> list[Span]:
    """The spans ``versions`` link the field at ``path`` to, gold or not (a version lists
    them without ids: ``merge_form``), for where in the text their items are."""
    return [
        Span(
            id=f"v{number}",
            start=body["start"],
            end=body["end"],
            label=body["label"],
            text=body["text"],
            value=body.get("value"),
        )
        for version in versions
        for number, body in enumerate((version.get("links") or {}).get(path) or [])
    ]


def typed_links(
    record: GoldRecord,
    conflict: Conflict,
    leaf: FormField,
    value: Any,
    annotations: Annotations | None = None,
) -> dict[str, list[str]]:
    """The links of a value typed for the field in ``conflict`` (an item's, ``leaf`` the
    item's field; or a top-level field's, whose versions' links are their annotators' in
    ``annotations``): the module docstring's rule, one for both. A list's items no version's
    link holds are linked by their words beside them."""
    path = conflict["path"]
    versions: list[dict[str, Any]] = conflict.get("versions") or []
    reached = [version_ids(record, leaf, path, version, annotations) for version in versions]
    given = [
        ids
        for version, ids in zip(versions, reached, strict=True)
        if sub_value(version.get("value"), leaf) == sub_value(value, leaf)
    ]
    # The first version giving the value whose links reach gold, as merge picks a version's
    # links among its annotators'. One with none (no link, or to a span not gold) is no
    # answer: "187" typed as ann1's unlinked 187 stayed unlinked beside gold's one "187"
    # span, where README promised "linked to s2".
    ids = next((ids for ids in given if ids), [])
    for theirs in [] if ids else reached:
        ids = still_giving(record, theirs, leaf, value)
        if ids:
            break
    if ids and leaf.type != "list":
        return {path: ids}
    # No version's link holds (a list: for some items): the one gold span whose words (or
    # value) it is, as in the item editor (``review_typed_words``); several such spans link
    # none. A trial's top-level list typed with e was saved with no link at all.
    ids = [*ids, *words_links(record, leaf, value, ids)[0]]
    return {path: ids} if ids else {}


def still_giving(record: GoldRecord, ids: list[str], field: FormField, value: Any) -> list[str]:
    """The links ``ids`` that still hold once ``field`` is typed as ``value``: for a list,
    the spans whose words it holds; else all of them when one of the spans gives ``value``."""
    spans = {span.id: span for span in record.spans}
    if field.type == "list":
        held = {normal(text) for text in value or []}
        return [one for one in ids if normal(spans[one].text) in held]
    if any(normal(forms.span_gives(field, spans[one])) == normal(value) for one in ids):
        return ids
    return []


def version_ids(
    record: GoldRecord,
    leaf: FormField,
    path: str,
    version: Mapping[str, Any],
    annotations: Annotations | None,
) -> list[str]:
    """The gold spans ``version`` links the field at ``path`` to: an item's field's version
    carries its links (``merge_form``); a top-level field's are its annotators'
    (``review_list_take.version_gold_ids``)."""
    if "[" in path:
        return gold_ids_of(record, (version.get("links") or {}).get(path) or [], leaf)
    return version_gold_ids(record, leaf, version, annotations)


def items_in_dispute(
    record: GoldRecord, scheme: Scheme, group: FormField
) -> dict[int, list[Conflict]]:
    """Gold's items of ``group`` with a field in dispute: the item's index -> the conflicts open
    over its fields, in the record's order (the group's conflict lists gold's items as
    agreed: one whose count is open says so, not leaving the count out unsaid)."""
    disputed: dict[int, list[Conflict]] = {}
    for conflict in record.conflicts:
        place = item_place(scheme, conflict)
        if place is not None and place[0].name == group.name:
            disputed.setdefault(place[1], []).append(conflict)
    return disputed
