"""Comparing event forms: normalised values, frames of repeatable groups, field agreement.

Normalised values (what "the same answer" means for agreement, diff and merge): text has its
runs of whitespace collapsed and ends trimmed, and is compared in Unicode's composed form (NFC:
"Renée" typed with "é" or with "e" and a combining accent is one answer, as a reader sees it);
an empty text is no answer (None); a ``list``
field is compared as a multiset (order does not matter); an item of a repeatable group is a
*frame*, the tuple of its fields' normalised values in scheme order, and a group is compared as
a multiset of frames. Integers and dates are compared as they are (the scheme already keeps
them in one form).

Empty items (one rule for merge, diff, agree, review, ``d`` and ``validate``): a group item
with no value in any field (every one None, ``[]`` or spaces) and no link to any of its fields
is empty (``add_group_item`` makes one; left so, it says nothing). ``items_in`` leaves it out,
so it is no frame to compare and never reaches gold; a count linked to "hundreds" with no value
is not empty (it says where the count is). Items keep their index in their own form
(``items_in`` gives it beside each), so paths and messages name an annotator's own items:
their ``releases[2]`` stays ``releases[2]`` when their ``releases[1]`` is empty.

Field agreement (``agree``): per top-level field, Krippendorff's alpha over documents (units)
and annotators (coders), a document an annotator has no compared record of being missing data.
Choice, text, date and list fields are nominal, and an empty answer is one of the values (an
annotator who left a field empty said something). Integer fields are interval, and an empty
answer is missing data (it has no place on the scale). ``agreement`` is the share of pairs of
annotators, over documents, giving equal answers. A group has no alpha: its figure is the
exact-frame F1 (pooled over documents per pair, then the mean over pairs), under the group's
name.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable, Hashable, Mapping, Sequence
from functools import partial
from itertools import combinations
from typing import TYPE_CHECKING, Any

from annotator.core.alpha import Level, alpha_of_units
from annotator.core.scheme import FormField, Scheme

if TYPE_CHECKING:  # compare reads journals: the annotation screen, which uses the rule on
    # empty items here, has no need of it
    from annotator.core.compare import Unit

Links = Mapping[str, Sequence[str]]
# A record's links, or what gives them when asked (a compact record decodes them: only an item
# with no value needs them).
LinksOf = Links | Callable[[], Links]
Item = tuple[int, dict[str, Any]]  # a group item and its index in its own form

# An empty answer, as a nominal value (None means "missing" to the alpha functions).
EMPTY: Hashable = ("<empty>",)


def normal(value: Any) -> Hashable:
    """A hashable, normalised form of a form or span value (see the module docstring)."""
    if value is None or type(value) is int:  # the common cases first: this runs per value
        return None if value is None else int(value)
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, list):
        return tuple(sorted((normal(item) for item in value), key=repr))
    if isinstance(value, dict):
        return tuple(sorted((key, normal(item)) for key, item in value.items()))
    assert value is None or isinstance(value, Hashable)
    return value


def _text(value: str) -> str | None:
    """A text answer normalised: whitespace collapsed, ends trimmed, composed (NFC)."""
    collapsed = " ".join(value.split())
    if not collapsed.isascii():  # ASCII is its own NFC: the common case skips the check
        collapsed = unicodedata.normalize("NFC", collapsed)
    return collapsed or None


def frame_key(item: dict[str, Any], group: FormField) -> tuple[Hashable, ...]:
    """One group item as a frame: its fields' normalised values in scheme order.

    (``sub_value`` of each field, with its common cases inline: this runs per item.)
    """
    out: list[Hashable] = []
    for name, is_list in _sub_fields(group):
        value = item.get(name)
        if value is None:
            out.append(() if is_list else None)
        elif type(value) is int:
            out.append(value)
        elif type(value) is str:
            out.append(_text(value))
        else:
            out.append(normal(value))
    return tuple(out)


# id(group) -> (group, its fields' names and whether each is a list); the group is kept so
# that its id cannot be reused by another.
_SUB_FIELDS: dict[int, tuple[FormField, tuple[tuple[str, bool], ...]]] = {}


def _sub_fields(group: FormField) -> tuple[tuple[str, bool], ...]:
    known = _SUB_FIELDS.get(id(group))
    if known is None or known[0] is not group:
        if len(_SUB_FIELDS) > 256:
            _SUB_FIELDS.clear()
        known = (group, tuple((sub.name, sub.type == "list") for sub in group.fields))
        _SUB_FIELDS[id(group)] = known
    return known[1]


def sub_value(value: Any, sub: FormField) -> Hashable:
    """The normalised value of a group item's field (an absent list is an empty one)."""
    if sub.type == "list" and value is None:
        return ()
    return normal(value)


def field_value(form: dict[str, Any], field: FormField) -> Hashable:
    """The normalised answer of a top-level field that is not a group (a group's items are
    compared one by one, as frames: ``frame_key``)."""
    assert field.type != "group", field.name
    raw = form.get(field.name)
    if field.type == "list":
        return normal(raw or [])
    return normal(raw)


def level_of(field: FormField) -> Level:
    return "interval" if field.type == "integer" else "nominal"


def field_agreement(
    units: list[Unit],
    annotators: list[str],
    scheme: Scheme,
    per_unit: list[float | None] | None = None,
) -> dict[str, Any]:
    """``{"<field>": {"alpha", "agreement", "level", "units", ...}}`` for every top-level field.

    One pass over the units; a group's frames are counted as they are met, never all held.
    ``per_unit``, when given, gets each unit's share of equal answers over its pairs of
    annotators and top-level fields (None when no field was answered by two of them).
    """
    plain = [field for field in scheme.fields if field.type != "group"]
    groups = [field for field in scheme.fields if field.type == "group"]
    tables: dict[str, list[list[Hashable | None]]] = {field.name: [] for field in plain}
    pairs = list(combinations(annotators, 2))
    # per group, per pair: [frames in both, frames of either side, documents shared]
    frame_counts = {group.name: {pair: [0, 0, 0] for pair in pairs} for group in groups}
    # per group: [pairs of annotators compared, pairs giving the same frames]
    same_frames = {group.name: [0, 0] for group in groups}
    for unit in units:
        forms = {name: record.form for name, record in unit.records.items()}
        for field in plain:
            nominal = level_of(field) == "nominal"
            row: list[Hashable | None] = []
            for name in annotators:
                form = forms.get(name)
                value = None if form is None else field_value(form, field)
                row.append(EMPTY if form is not None and value is None and nominal else value)
            tables[field.name].append(row)
        unit_pairs = unit_equal = 0
        if per_unit is not None:
            for field in plain:
                pairs_here, equal_here = _equal_pairs(tables[field.name][-1])
                unit_pairs += pairs_here
                unit_equal += equal_here
        for group in groups:
            items = {
                name: items_in(forms[name], group, partial(getattr, record, "links"))
                for name, record in unit.records.items()
            }
            counted = same_frames[group.name][:]
            _count_frames(items, group, frame_counts[group.name], same_frames[group.name])
            unit_pairs += same_frames[group.name][0] - counted[0]
            unit_equal += same_frames[group.name][1] - counted[1]
        if per_unit is not None:
            per_unit.append(unit_equal / unit_pairs if unit_pairs else None)
    out: dict[str, Any] = {}
    for field in scheme.fields:
        if field.type == "group":
            out[field.name] = _group_figures(
                frame_counts[field.name], same_frames[field.name], len(units)
            )
            continue
        table = tables[field.name]
        out[field.name] = {
            "alpha": _figure(alpha_of_units(table, level_of(field))),
            "agreement": _figure(_pair_agreement(table)),
            "level": level_of(field),
            "units": sum(1 for row in table if sum(v is not None for v in row) >= 2),
        }
    return out


def _figure(value: float | None) -> float | None:
    """A figure as ``agree`` reports every figure: rounded to 6 places."""
    return None if value is None else round(value, 6)


def _equal_pairs(row: list[Hashable | None]) -> tuple[int, int]:
    """Pairs of the answers given in one unit (None: none given), and how many are equal."""
    present = [value for value in row if value is not None]
    pairs = equal = 0
    for first, second in combinations(present, 2):
        pairs += 1
        equal += first == second
    return pairs, equal


def _pair_agreement(table: list[list[Hashable | None]]) -> float | None:
    counted = [_equal_pairs(row) for row in table]
    pairs = sum(pairs for pairs, _equal in counted)
    agreeing = sum(equal for _pairs, equal in counted)
    return agreeing / pairs if pairs else None


def is_empty(value: Any) -> bool:
    """No answer: None, an empty list, or text of spaces only (0 is an answer)."""
    return value is None or value == [] or (isinstance(value, str) and not value.strip())


def has_no_value(item: dict[str, Any]) -> bool:
    """Every field of a group item is empty (``is_empty``); links aside."""
    for value in item.values():
        if value is None or value == []:
            continue
        if type(value) is str and not value.strip():
            continue
        return False
    return True


def linked_indexes(links: Links, group: str) -> set[int]:
    """The indexes of ``group``'s items with a field linked to a span (``releases[2].count``)."""
    prefix = f"{group}["
    found = set()
    for path, span_ids in links.items():
        if span_ids and path.startswith(prefix):
            index, _, rest = path[len(prefix) :].partition("]")
            if index.isdigit() and rest.startswith("."):
                found.add(int(index))
    return found


def items_in(form: dict[str, Any], group: FormField, links: LinksOf | None) -> list[Item]:
    """A group's items in a form (absent: none) that are not empty (the module docstring),
    each with its index in the form. ``links``: the record's (None: it has none)."""
    items: list[Item] = []
    linked: set[int] | None = None
    for index, item in enumerate(form.get(group.name) or ()):
        if type(item) is not dict:
            continue  # not an item at all: form_problems says so
        # (``has_no_value``, inline: this runs per item of every record compared)
        for value in item.values():
            if value is None or value == [] or (type(value) is str and not value.strip()):
                continue
            break  # a value: the common case
        else:
            if linked is None:
                given = links() if callable(links) else links
                linked = linked_indexes(given, group.name) if given else set()
            if index not in linked:
                continue
        items.append((index, item))
    return items


def without_empty_items(
    form: dict[str, Any], links: dict[str, list[str]], scheme: Scheme
) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """``form`` and ``links`` without the groups' empty items (the module docstring), the later
    items' link paths following them to their new indexes; the same two when there is none.
    For a gold record that is done: an item whose only link was to a span that did not become
    gold holds nothing there, and no decision is left to give it one."""
    for group in scheme.fields:
        if group.type != "group":
            continue
        empty = empty_item_indexes(form, group, links)
        if not empty:
            continue
        gone = set(empty)
        kept = [item for index, item in enumerate(form[group.name]) if index not in gone]
        form = {**form, group.name: kept}
        new_index: dict[int, int] = {}
        for index in range(len(kept) + len(gone)):
            if index not in gone:
                new_index[index] = len(new_index)
        moved: dict[str, list[str]] = {}
        prefix = f"{group.name}["
        for path, span_ids in links.items():
            if path.startswith(prefix):
                number, _, rest = path[len(prefix) :].partition("]")
                if number.isdigit() and int(number) in gone:
                    continue  # an empty list of links: that is what made the item empty
                if number.isdigit() and int(number) in new_index:
                    path = f"{prefix}{new_index[int(number)]}]{rest}"
            moved[path] = span_ids
        links = moved
    return form, links


def empty_item_indexes(form: dict[str, Any], group: FormField, links: LinksOf | None) -> list[int]:
    """The indexes of ``group``'s items in ``form`` that are empty (the module docstring)."""
    raw = form.get(group.name) or ()
    held = {index for index, _item in items_in(form, group, links)}
    return [index for index, item in enumerate(raw) if isinstance(item, dict) and index not in held]


def _count_frames(
    items: dict[str, list[Item]],
    group: FormField,
    counts: dict[tuple[str, str], list[int]],
    same: list[int],
) -> None:
    """Count one document's frames of ``group`` for each pair of annotators: frames in
    both (as multisets), frames of either, and whether the two gave the same frames."""
    frames: dict[str, Counter[tuple[Hashable, ...]]] = {}  # made only when items differ
    for (a, b), tally in counts.items():
        items_a, items_b = items.get(a), items.get(b)
        if items_a is None or items_b is None:
            continue
        tally[2] += 1
        tally[1] += len(items_a) + len(items_b)
        same[0] += 1
        # Equal items are equal frames (the common case): no need to make them.
        if items_a == items_b:
            tally[0] += len(items_a)
            same[1] += 1
            continue
        if a not in frames:
            frames[a] = Counter(frame_key(item, group) for _index, item in items_a)
        if b not in frames:
            frames[b] = Counter(frame_key(item, group) for _index, item in items_b)
        if frames[a] == frames[b]:
            tally[0] += len(items_a)
            same[1] += 1
        else:
            tally[0] += (frames[a] & frames[b]).total()


def _group_figures(
    counts: dict[tuple[str, str], list[int]], same: list[int], units: int
) -> dict[str, Any]:
    pair_f1 = [
        2 * both / either if either else 1.0 for both, either, shared in counts.values() if shared
    ]
    return {
        "alpha": None,
        "agreement": _figure(same[1] / same[0]) if same[0] else None,
        "level": "frames",
        "units": units,
        "frame_f1": _figure(sum(pair_f1) / len(pair_f1)) if pair_f1 else None,
    }


def pair_frames(
    items_a: list[dict[str, Any]], items_b: list[dict[str, Any]], group: FormField
) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[int], list[int]]:
    """Pair two lists of group items: (equal pairs, other pairs, only in a, only in b).

    Equal frames pair first (so reordered items are no difference); the rest pair in order,
    first left-over with first left-over. Pairs are (index in a, index in b).
    """
    keys_b = [frame_key(item, group) for item in items_b]
    free_b = list(range(len(items_b)))
    equal: list[tuple[int, int]] = []
    left_a: list[int] = []
    for index_a, item in enumerate(items_a):
        key = frame_key(item, group)
        match = next((index_b for index_b in free_b if keys_b[index_b] == key), None)
        if match is None:
            left_a.append(index_a)
        else:
            free_b.remove(match)
            equal.append((index_a, match))
    other = list(zip(left_a, free_b, strict=False))
    return equal, other, left_a[len(other) :], free_b[len(other) :]


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
    empty item, left out, is before one). A group's
    item that only one annotator has (no item of the other is left to pair it with) has
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
