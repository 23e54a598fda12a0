"""What the review's inputs start with when the reviewer types a conflict's value (``e``):
a plain field's, the first version's value (``prefill``); a group's, one version's items, each
knowing where its editing began (``ItemTexts``, ``starting_items``, ``version_items``). Lists
are shown for the texts the conflict's versions list (``listed``), as ``review_typed`` reads
what is typed, so that an input left as it started reads back as the same items."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from annotator.core import forms
from annotator.core.review_conflict import Conflict, field_of
from annotator.core.scheme import FormField, Scheme
from annotator.core.session_edits import Refused


class ItemTexts(dict[str, str]):
    """A group item's texts, a text per sub-field, and where the reviewer's editing of it
    began: ``origin`` (version, place among the version's items), or None for an item added
    or written from scratch. A typed item keeps, field by field, the links of the version item
    it began as (``review_typed.made_links``)."""

    def __init__(self, texts: Mapping[str, str], origin: tuple[int, int] | None = None) -> None:
        super().__init__(texts)
        self.origin = origin


def prefill(conflict: Conflict, scheme: Scheme) -> str:
    """What a plain field's input starts with: the first version's value. (A group's inputs
    start with ``starting_items``.)"""
    versions = conflict.get("versions") or [{}]
    return forms.typed_text(versions[0].get("value"), listed(conflict))


def starting_items(conflict: Conflict, scheme: Scheme) -> tuple[int | None, list[ItemTexts]]:
    """Which version a group's editing starts from and its items (the first version holding
    any; None and one empty item when none does: an item written from scratch)."""
    start = first_version_with_items(conflict)
    if start is None:
        return None, [blank_item(field_of(scheme, conflict))]
    return start, version_items(conflict, scheme, start)


def blank_item(group: FormField) -> ItemTexts:
    """An item to write from scratch: every input empty, no version item it began as."""
    return ItemTexts({sub.name: "" for sub in group.fields})


def typed_item(group: FormField, item: Any, known: Sequence[str] = ()) -> dict[str, str]:
    """A stored group item as its inputs show it, a text per sub-field (lists for ``known``)."""
    found = item if isinstance(item, dict) else {}
    return {sub.name: forms.typed_text(found.get(sub.name), known) for sub in group.fields}


def version_items(conflict: Conflict, scheme: Scheme, index: int) -> list[ItemTexts]:
    """A group conflict's version ``index`` (0-based) as items to edit: its left-over items,
    a text per sub-field, each knowing its place in the version ([] for a version holding
    none)."""
    group = field_of(scheme, conflict)
    versions = conflict.get("versions") or []
    if group.type != "group" or not 0 <= index < len(versions):
        raise Refused(f"there is no version {index + 1} of {group.name} to start from")
    items = versions[index].get("value") or []
    known = listed(conflict)  # what a typed list keeps whole: shown so as to read back
    return [ItemTexts(typed_item(group, item, known), (index, at)) for at, item in enumerate(items)]


def first_version_with_items(conflict: Conflict) -> int | None:
    """The version the editing starts from: the first holding an item (None: none does)."""
    for index, version in enumerate(conflict.get("versions") or []):
        if version.get("value"):
            return index
    return None


def listed(conflict: Conflict) -> list[str]:
    """Every text in a list in the conflict's versions (a list field's, or a list inside a
    group's items): what a reviewer's typed list keeps whole, commas and all."""
    found: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, list):
            found.extend(item for item in value if isinstance(item, str))
            for item in value:
                if isinstance(item, dict):
                    for inner in item.values():
                        walk(inner)

    for version in conflict.get("versions") or []:
        walk(version.get("value"))
    return found
