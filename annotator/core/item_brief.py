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
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from annotator.core.brief_template import brief_parts
from annotator.core.display import middle_cut

if TYPE_CHECKING:
    from annotator.core.scheme import FormField

# Longest brief of one item's fields, in characters.
BRIEF_LIMIT = 60
# A whole date as a field holds it (review_outcome tells a date from other text by it).
DATE = re.compile(r"\d{4}-\d{2}-\d{2}$")
EMPTY_ITEM = "an empty item"
# A value cut to fit a brief keeps this many characters at least (its start, ``…``, its end).
_FIELD_FLOOR = 12
_Render = Callable[[list[tuple[str, str]], bool], str]


def item_fields_brief(
    item: dict[str, Any], group: FormField | None, limit: int = BRIEF_LIMIT
) -> str:
    """``Kestria → Norvania, 95, 2024-03-17`` (``(an empty item)`` when nothing is filled);
    ``group``: the item's group in the scheme, None when there is none to read."""
    return item_fields_said(item, group, limit) or f"({EMPTY_ITEM})"


def bracketed_brief(item: dict[str, Any], group: FormField | None, line: int | None = None) -> str:
    """``(Kestria → Norvania, 95)``, ``(an empty item)``: a brief inside brackets of its own
    ("gave ((an empty item))" ended in two). ``line``: see ``line_limits``."""
    return f"({item_fields_said(item, group, *line_limits(line)) or EMPTY_ITEM})"


def line_limits(line: int | None) -> tuple[int | None, int | None]:
    """``item_fields_said``'s ``limit`` and ``field_limit`` for a message shown on lines of
    ``line`` columns that wrap (a review toast): no limit to the whole brief, each value within
    a line; None (the width not known): the brief within ``BRIEF_LIMIT``."""
    return (BRIEF_LIMIT, None) if line is None else (None, line)


def item_fields_said(
    item: dict[str, Any],
    group: FormField | None,
    limit: int | None = BRIEF_LIMIT,
    field_limit: int | None = None,
) -> str:
    """``item_fields_brief``'s words, "" when nothing is filled: by the group's brief, or
    plainly (``_plain_values``) when it has none or none of the fields it names is filled.

    Over ``limit`` characters (None: no limit), the longest values are cut in their own middle
    (``middle_cut``), each to ``_FIELD_FLOOR`` at least, then the last fields left out (an
    ``…`` says so); a value over ``field_limit`` is cut so too (a toast's line: its lines wrap,
    so the whole brief needs no cut there, only a value longer than a line). Cut as one string,
    a brief kept a field's start and another's end around the ``…``: "Drava People's Authority
    → government of … 187, 2024-06-07" lost "Ostreva," with no sign a field was cut."""
    values: list[tuple[str, str]] = []
    render: _Render = _plain_rendered
    if group is not None and group.brief is not None:
        values = _filled(item, brief_parts(group.brief).names)
        render = _brief_renderer(group.brief)
    if not values:
        order = [field.name for field in group.fields] if group is not None else []
        values = _plain_values(item, order)
        render = _plain_rendered
    if not values:
        return ""
    if field_limit is not None:
        values = [(name, middle_cut(value, field_limit)) for name, value in values]
    return _cut_to(values, render, limit)


def _cut_to(values: list[tuple[str, str]], render: _Render, limit: int | None) -> str:
    """``values`` rendered within ``limit``: the longest value cut in its own middle by what is
    over, to ``_FIELD_FLOOR`` at least, then the last value left out, till it fits."""
    more = False
    said = render(values, more)
    while limit is not None and len(said) > limit:
        longest = max(range(len(values)), key=lambda place: len(values[place][1]))
        name, value = values[longest]
        if len(value) > _FIELD_FLOOR:
            cut = middle_cut(value, max(_FIELD_FLOOR, len(value) - (len(said) - limit)))
            values = [*values[:longest], (name, cut), *values[longest + 1 :]]
        elif len(values) > 1:
            values, more = values[:-1], True
        else:
            return middle_cut(said, limit)
        said = render(values, more)
    return said


def _filled(item: dict[str, Any], names: list[str]) -> list[tuple[str, str]]:
    return [(name, value) for name in names if (value := value_said(item.get(name)))]


def _brief_renderer(brief: str) -> _Render:
    """The item by ``brief``: its filled fields, each after the brief's text before it (the
    text before an unfilled field goes with it: ``Kestria, 95`` with no receiver), the first
    after none; `` …`` after the last when some were left out."""
    parts = brief_parts(brief)
    place_of = {name: place for place, name in enumerate(parts.names)}

    def render(values: list[tuple[str, str]], more: bool) -> str:
        said = ""
        for name, value in values:
            said += (parts.texts[place_of[name]] if said else "") + value
        return f"{parts.texts[0]}{said}{' …' if more else ''}{parts.texts[-1]}"

    return render


def _plain_values(item: dict[str, Any], order: list[str]) -> list[tuple[str, str]]:
    """The item's values in ``order`` (then any other field it holds), a list only when
    nothing else is filled (its first name and how many more)."""
    names = [*order, *(name for name in item if name not in order)]
    filled = [(name, item.get(name)) for name in names]
    plain = [(name, value_said(v)) for name, v in filled if not isinstance(v, list)]
    said = [(name, value) for name, value in plain if value]
    if said:
        return said
    lists = [(name, value_said(v)) for name, v in filled if isinstance(v, list)]
    return next(([(name, value)] for name, value in lists if value), [])


def _plain_rendered(values: list[tuple[str, str]], more: bool) -> str:
    return ", ".join(value for _, value in values) + (", …" if more else "")


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


def given_item_brief(
    versions: list[dict[str, Any]], group: FormField | None, line: int | None = None
) -> str:
    """``the item ann1 gave (Kestria → Norvania, 95)``; with several versions each one's
    fields (``the item ann1 and ann2 gave (Kestria → Norvania, 95 / Kestria → Norvania,
    90)``). ``versions``: each one's value a list of that one item (``lone_item_of``);
    ``group``: the item's group in the scheme (None: none to read, its values plainly);
    ``line``: see ``line_limits``."""
    who, items = given_item(versions)
    limits = line_limits(line)
    briefs = list(
        dict.fromkeys(item_fields_said(item, group, *limits) or EMPTY_ITEM for item in items)
    )
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
