"""A group item only some annotators gave, named briefly: who gave it and its main fields.

Merge makes each such item a conflict of its own (``merge_form``: path ``releases``, each
version the item as its holders gave it). Where a line names that conflict (the notice after
``r``, export's "open conflicts not written"), ``field releases`` alone left a reviewer unable
to tell which of several it was; ``the item ann1 gave (Kestria → Norvania, 95)`` says.

The words are the scheme's: a group's ``brief`` (``brief_template``) places its fields, the
default scheme's ``{released_by} → {received_by}, {count}, {date}``. An arrow joining every
text field read a protest's ``who`` and ``where`` as a giver and a receiver ("40 strikers →
Haydarpaşa terminal"), so a group without a brief, or an item without its scheme (export may
have none), is named plainly: its values in the order of the group's fields, a list only when
nothing else is filled (its first name and how many more).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from annotator.core.brief_template import brief_parts
from annotator.core.display import shortened

if TYPE_CHECKING:
    from annotator.core.scheme import FormField

# Longest brief of one item's fields, in characters.
BRIEF_LIMIT = 60
# A whole date as a field holds it (review_outcome tells a date from other text by it).
DATE = re.compile(r"\d{4}-\d{2}-\d{2}$")
EMPTY_ITEM = "an empty item"


def item_fields_brief(
    item: dict[str, Any], group: FormField | None, limit: int = BRIEF_LIMIT
) -> str:
    """``Kestria → Norvania, 95, 2024-03-17`` (``(an empty item)`` when nothing is filled);
    ``group``: the item's group in the scheme, None when there is none to read."""
    return item_fields_said(item, group, limit) or f"({EMPTY_ITEM})"


def bracketed_brief(item: dict[str, Any], group: FormField | None) -> str:
    """``(Kestria → Norvania, 95)``, ``(an empty item)``: a brief inside brackets of its own
    ("gave ((an empty item))" ended in two)."""
    return f"({item_fields_said(item, group) or EMPTY_ITEM})"


def item_fields_said(
    item: dict[str, Any], group: FormField | None, limit: int = BRIEF_LIMIT
) -> str:
    """``item_fields_brief``'s words, "" when nothing is filled: by the group's brief, or
    plainly (``plain_said``) when it has none or none of the fields it names is filled."""
    said = ""
    if group is not None and group.brief is not None:
        said = brief_said(item, group.brief)
    if not said:
        order = [field.name for field in group.fields] if group is not None else []
        said = plain_said(item, order)
    return shortened(said, limit) if said else ""


def brief_said(item: dict[str, Any], brief: str) -> str:
    """The item by ``brief``: its filled fields, each after the brief's text before it (the
    text before an unfilled field goes with it: ``Kestria, 95`` with no receiver), the first
    after none; "" when none is filled."""
    parts = brief_parts(brief)
    said = ""
    for place, name in enumerate(parts.names):
        value = value_said(item.get(name))
        if value:
            said += (parts.texts[place] if said else "") + value
    return f"{parts.texts[0]}{said}{parts.texts[-1]}" if said else ""


def plain_said(item: dict[str, Any], order: list[str]) -> str:
    """``40 strikers, 40, 2025-06-04, Haydarpaşa terminal``: the item's values in ``order``
    (then any other field it holds), a list only when nothing else is filled (``Ana +1``)."""
    names = [*order, *(name for name in item if name not in order)]
    values = [item.get(name) for name in names]
    said = ", ".join(filter(None, (value_said(v) for v in values if not isinstance(v, list))))
    if said:
        return said
    return next(filter(None, (value_said(v) for v in values if isinstance(v, list))), "")


def value_said(value: Any) -> str:
    """One field's value in a brief: text on one line, a figure, a list's first name and how
    many more; "" when it holds nothing."""
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, list) and value:
        return str(value[0]) + (f" +{len(value) - 1}" if len(value) > 1 else "")
    return ""


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


def lone_item_brief(conflict: dict[str, Any], group: FormField | None) -> str | None:
    """``the item ann1 gave (Kestria → Norvania, 95)`` (``given_item_brief``); None when
    ``conflict`` is not over one item."""
    if lone_item_of(conflict) is None:
        return None
    return given_item_brief(conflict["versions"], group)


def given_item_brief(versions: list[dict[str, Any]], group: FormField | None) -> str:
    """``the item ann1 gave (Kestria → Norvania, 95)``; with several versions each one's
    fields (``the item ann1 and ann2 gave (Kestria → Norvania, 95 / Kestria → Norvania,
    90)``). ``versions``: each one's value a list of that one item (``lone_item_of``);
    ``group``: the item's group in the scheme (None: none to read, its values plainly)."""
    who, items = given_item(versions)
    briefs = list(dict.fromkeys(item_fields_said(item, group) or EMPTY_ITEM for item in items))
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
