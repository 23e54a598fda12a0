"""A group item only some annotators gave, named briefly: who gave it and its main fields.

Merge makes each such item a conflict of its own (``merge_form``: path ``releases``, each
version the item as its holders gave it). Where a line names that conflict (the notice after
``r``, export's "open conflicts not written"), ``field releases`` alone left a reviewer unable
to tell which of several it was; ``the item ann1 gave (Kestria → Norvania, 95)`` says.

Read from the item alone, no scheme needed (export may have none): its text values in order
are the parties (``released_by → received_by``), then its figures and dates; a list of names
only when nothing else is filled (its first name and how many more).
"""

from __future__ import annotations

import re
from typing import Any

from annotator.core.display import shortened

# Longest brief of one item's fields, in characters.
BRIEF_LIMIT = 60
DATE = re.compile(r"\d{4}-\d{2}-\d{2}$")
EMPTY_ITEM = "an empty item"


def item_fields_brief(item: dict[str, Any], limit: int = BRIEF_LIMIT) -> str:
    """``Kestria → Norvania, 95, 2024-03-17`` (``(an empty item)`` when nothing is filled)."""
    return item_fields_said(item, limit) or f"({EMPTY_ITEM})"


def bracketed_brief(item: dict[str, Any]) -> str:
    """``(Kestria → Norvania, 95)``, ``(an empty item)``: a brief inside brackets of its own
    ("gave ((an empty item))" ended in two)."""
    return f"({item_fields_said(item) or EMPTY_ITEM})"


def item_fields_said(item: dict[str, Any], limit: int = BRIEF_LIMIT) -> str:
    """``item_fields_brief``'s words, "" when nothing is filled."""
    parties: list[str] = []
    figures: list[str] = []
    names: list[str] = []
    for value in item.values():
        if isinstance(value, bool) or value is None or value == "" or value == []:
            continue
        if isinstance(value, int | float):
            figures.append(str(value))
        elif isinstance(value, str):
            (figures if DATE.match(value) else parties).append(" ".join(value.split()))
        elif isinstance(value, list) and not names:
            names = [str(name) for name in value]
    said = ", ".join(filter(None, [" → ".join(parties), *figures]))
    if not said and names:
        said = names[0] + (f" +{len(names) - 1}" if len(names) > 1 else "")
    return shortened(said, limit) if said else ""


def lone_item_of(conflict: dict[str, Any]) -> tuple[list[str], list[dict[str, Any]]] | None:
    """Who gave the one item a group conflict is over, and each version's item (None: the
    conflict is not of one version item each; ``review_group_take.holds_one_item`` tells it
    from an older left-over list with the scheme)."""
    versions = conflict.get("versions") or []
    if conflict.get("kind") == "span" or not versions:
        return None
    for version in versions:
        value = version.get("value")
        if not isinstance(value, list) or len(value) != 1 or not isinstance(value[0], dict):
            return None
    return given_item(versions)


def given_item(versions: list[dict[str, Any]]) -> tuple[list[str], list[dict[str, Any]]]:
    """Who gave an item, and each version's item (``versions``: each one's value a list of
    that one item, as ``lone_item_of`` checks)."""
    who = [str(name) for version in versions for name in version.get("annotators") or []]
    return who, [version["value"][0] for version in versions]


def lone_item_brief(conflict: dict[str, Any]) -> str | None:
    """``the item ann1 gave (Kestria → Norvania, 95)`` (``given_item_brief``); None when
    ``conflict`` is not over one item."""
    if lone_item_of(conflict) is None:
        return None
    return given_item_brief(conflict["versions"])


def given_item_brief(versions: list[dict[str, Any]]) -> str:
    """``the item ann1 gave (Kestria → Norvania, 95)``; with several versions each one's
    fields (``the item ann1 and ann2 gave (Kestria → Norvania, 95 / Kestria → Norvania,
    90)``). ``versions``: each one's value a list of that one item (``lone_item_of``)."""
    who, items = given_item(versions)
    briefs = list(dict.fromkeys(item_fields_said(item) or EMPTY_ITEM for item in items))
    return f"the item {names_said(who)} gave ({' / '.join(briefs)})"


def names_said(names: list[str]) -> str:
    """``alice``, ``alice and bob``, ``alice, bob and carol`` (``no one`` for none)."""
    if not names:
        return "no one"
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} and {names[-1]}"


def whose(names: list[str]) -> str:
    """``bob's``, ``alice and carol's``."""
    if len(names) == 1:
        return f"{names[0]}'s"
    return f"{', '.join(names[:-1])} and {names[-1]}'s"
