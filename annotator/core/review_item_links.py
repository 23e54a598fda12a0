"""The links a group's items taken gave their fields, as the message after the take says them:
``linked: released_by s1, count s4, date s5``.

Taking a repeatable group's version (a number, ``a`` / ``b`` or ``t``: ``review_group_take``)
appends its items to gold's and links their fields to gold spans: the version item's own links
to spans gold holds, and values linked by their words (``value_links``). The message named the
item and not one link ("added the item ann1 gave (…) to gold") while a field take said its own
("took carol's version; linked to s8"), so a reviewer could not tell which fields were linked
without opening gold's form (``g``). Items are appended after gold's (``taken_items``), so the
links of the items taken are those at places past gold's items before the take.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from annotator.core import forms
from annotator.core.models import GoldRecord

# Beyond this many fields the message counts them: a line naming ten links hides the rest of
# the message (``g`` shows gold's form, each field with its spans).
MOST_NAMED = 4


def added_item_links(
    before: GoldRecord, after: GoldRecord, group: str
) -> list[tuple[int, str, list[str]]]:
    """(item place, field name, span ids) of each field linked in the items of ``group`` that
    ``after`` holds past ``before``'s items: in item order, each item's fields in its own
    order."""
    held = before.form.get(group)
    first = len(held) if isinstance(held, list) else 0
    items = after.form.get(group)
    found: list[tuple[int, str, list[str]]] = []
    for path, span_ids in after.links.items():
        place = forms.item_path(path)
        if place is None or place[0] != group or place[1] < first or not span_ids:
            continue
        found.append((place[1], place[2], list(span_ids)))

    def order(one: tuple[int, str, list[str]]) -> tuple[int, int]:
        item: Any = items[one[0]] if isinstance(items, list) and one[0] < len(items) else {}
        names = list(item) if isinstance(item, dict) else []
        return one[0], names.index(one[1]) if one[1] in names else len(names)

    return sorted(found, key=order)


def item_links_said(
    before: GoldRecord, after: GoldRecord, group: str, said_already: Collection[str] = ()
) -> str | None:
    """``linked: released_by s1, count s4``: the links of the items of ``group`` a take
    appended (``after``: the record it made of ``before``), an item's place named when
    several were appended (``releases #3 count s5``); past ``MOST_NAMED`` fields, their count
    (``linked: 6 fields``). ``said_already``: field names whose links the
    message names otherwise (a link not kept, and what was linked instead). None: no link."""
    links = [one for one in added_item_links(before, after, group) if one[1] not in said_already]
    if not links:
        return None
    if len(links) > MOST_NAMED:
        return f"linked: {len(links)} fields"
    several = len({place for place, _name, _ids in links}) > 1
    named = [
        f"{forms.path_words(f'{group}[{place}].{name}') if several else name} {' '.join(ids)}"
        for place, name, ids in links
    ]
    return f"linked: {', '.join(named)}"
