"""The form fields that differ between two annotators (``diff``): ``form_differences``.

A repeatable group's items pair as merge pairs them (``form_compare.align_items``, through
``pair_frames``); values are compared normalised (``form_compare``'s docstring), and empty
items are left out as every comparison leaves them out.
"""

from __future__ import annotations

from typing import Any

from annotator.core.form_compare import (
    LinksOf,
    align_items,
    field_value,
    frame_key,
    items_in,
    sub_value,
)
from annotator.core.scheme import FormField, Scheme


def pair_frames(
    items_a: list[dict[str, Any]], items_b: list[dict[str, Any]], group: FormField
) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[int], list[int]]:
    """Pair two lists of group items: (equal pairs, other pairs, only in a, only in b).

    Items pair as ``align_items`` aligns them (equal frames first, so reordered items are no
    difference; then items agreeing on more than half of the fields either filled, so a count
    of 187 against 210 is a difference in the count of one release); an item that pairs with
    nothing is its annotator's alone. Pairs are (index in a, index in b), in A's order.
    """
    equal: list[tuple[int, int]] = []
    other: list[tuple[int, int]] = []
    only_a: list[int] = []
    only_b: list[int] = []
    keys = [[frame_key(item, group) for item in items] for items in (items_a, items_b)]
    parties = [list(enumerate(items_a)), list(enumerate(items_b))]
    for held_a, held_b in align_items(parties, group, keys):
        if held_a is None:
            assert held_b is not None
            only_b.append(held_b[0])
        elif held_b is None:
            only_a.append(held_a[0])
        elif keys[0][held_a[0]] == keys[1][held_b[0]]:
            equal.append((held_a[0], held_b[0]))
        else:
            other.append((held_a[0], held_b[0]))
    return equal, other, only_a, only_b


def form_differences(
    form_a: dict[str, Any],
    form_b: dict[str, Any],
    scheme: Scheme,
    links_a: LinksOf | None = None,
    links_b: LinksOf | None = None,
) -> list[dict[str, Any]]:
    """Every field that differs: ``{"field", "b_field", "a", "b", "only"}`` (values as written).

    ``field`` is the path in A's form (``event_type``, ``releases[0].count``); ``b_field`` the
    path in B's form, which differs only when a group's items are in another order (or an
    empty item, left out, is before one). A group's items pair as ``pair_frames`` pairs them
    (``align_items``): a pair that differs has a line per field that differs. A group's
    item that only one annotator has (no item of the other is the same item) has
    ``only`` ``"a"`` or ``"b"`` and its path in that annotator's form: ``field`` for A's item
    (``b_field`` None), ``field`` and ``b_field`` for B's (``a`` None); the other annotator
    may well have an item at that index, paired with another one. ``only`` is None otherwise.
    ``links_a`` and ``links_b``: the records' links, which tell an empty item (left out, as
    every comparison leaves it: the module docstring).
    """
    out: list[dict[str, Any]] = []
    if form_a == form_b:
        return out  # the same answers: no field can differ
    for field in scheme.fields:
        if field.type != "group":
            if field_value(form_a, field) != field_value(form_b, field):
                path = field.name
                a, b = form_a.get(path), form_b.get(path)
                out.append({"field": path, "b_field": path, "a": a, "b": b, "only": None})
            continue
        held_a, held_b = items_in(form_a, field, links_a), items_in(form_b, field, links_b)
        items_a = [item for _index, item in held_a]
        items_b = [item for _index, item in held_b]
        _equal, other, only_a, only_b = pair_frames(items_a, items_b, field)
        for at_a, at_b in other:
            index_a, index_b = held_a[at_a][0], held_b[at_b][0]
            for sub in field.fields:
                value_a, value_b = items_a[at_a].get(sub.name), items_b[at_b].get(sub.name)
                if sub_value(value_a, sub) != sub_value(value_b, sub):
                    out.append(
                        {
                            "field": f"{field.name}[{index_a}].{sub.name}",
                            "b_field": f"{field.name}[{index_b}].{sub.name}",
                            "a": value_a,
                            "b": value_b,
                            "only": None,
                        }
                    )
        for at_a in only_a:
            index_a, item_a = held_a[at_a]
            path = f"{field.name}[{index_a}]"
            out.append({"field": path, "b_field": None, "a": item_a, "b": None, "only": "a"})
        for at_b in only_b:
            index_b, item_b = held_b[at_b]
            path = f"{field.name}[{index_b}]"
            out.append({"field": path, "b_field": path, "a": None, "b": item_b, "only": "b"})
    return out
