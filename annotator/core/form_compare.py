"""Comparing event forms: normalised values, frames of repeatable groups, empty items, the
items that are the same item across annotators (``align_items``; when two items are alike is
``form_items_alike``'s rule). The fields that differ (``diff``) are ``form_differences``'; field
agreement (``agree``) is ``form_agreement``'s.

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
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import Any

from annotator.core.form_align_closest import Pair, join_closest
from annotator.core.form_items_alike import frames_agreement
from annotator.core.form_items_alike import name_within as name_within  # review's notices
from annotator.core.scheme import FormField, Scheme

Links = Mapping[str, Sequence[str]]
# A record's links, or what gives them when asked (a compact record decodes them: only an item
# with no value needs them).
LinksOf = Links | Callable[[], Links]
Item = tuple[int, dict[str, Any]]  # a group item and its index in its own form


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


# A text -> its normal form: a text met again (an actor's name, on most documents) is looked
# up, not made again (merge made 75,000 on 10,000 documents). Emptied when full.
_TEXTS: dict[str, str | None] = {}


def _text(value: str) -> str | None:
    """A text answer normalised: whitespace collapsed, ends trimmed, composed (NFC)."""
    if value in _TEXTS:
        return _TEXTS[value]
    collapsed = " ".join(value.split())
    if not collapsed.isascii():  # ASCII is its own NFC: the common case skips the check
        collapsed = unicodedata.normalize("NFC", collapsed)
    if len(_TEXTS) >= 4096:
        _TEXTS.clear()
    known = _TEXTS[value] = collapsed or None
    return known


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
        # An empty item's links are an empty list: that is what made it empty.
        links = links_without_items(links, group.name, gone)
    return form, links


def links_without_items(
    links: Mapping[str, list[str]], group: str, gone: set[int]
) -> dict[str, list[str]]:
    """``links`` without those of ``group``'s items ``gone``, the later items' paths moved to
    their indexes once those items are removed (``releases[3].count`` is ``releases[2].count``
    when ``releases[1]`` goes)."""
    moved: dict[str, list[str]] = {}
    prefix = f"{group}["
    for path, span_ids in links.items():
        if path.startswith(prefix):
            number, _, rest = path[len(prefix) :].partition("]")
            if number.isdecimal():
                position = int(number)
                if position in gone:
                    continue
                before = sum(1 for index in gone if index < position)
                if before:
                    path = f"{prefix}{position - before}]{rest}"
        moved[path] = span_ids
    return moved


def empty_item_indexes(form: dict[str, Any], group: FormField, links: LinksOf | None) -> list[int]:
    """The indexes of ``group``'s items in ``form`` that are empty (the module docstring)."""
    raw = form.get(group.name) or ()
    held = {index for index, _item in items_in(form, group, links)}
    return [index for index, item in enumerate(raw) if isinstance(item, dict) and index not in held]


Cluster = tuple[Item | None, ...]
"""The same item as each annotator gave it (``align_items``): one place per annotator, in the
order the annotators were given, each their item with its index in their form, or None."""


def align_items(
    parties: Sequence[Sequence[Item]],
    group: FormField,
    keys: Sequence[Sequence[tuple[Hashable, ...]]] | None = None,
) -> list[Cluster]:
    """The items of several annotators (``parties``: each one's items that are not empty,
    ``items_in``, in their order) grouped into clusters of "the same item", at most one item
    of each annotator in a cluster. The rule (merge, review and diff pair items by it):

    1. Equal frames (``frame_key``) are the same item: an annotator's n-th copy of a frame
       joins the others' n-th copies.
    2. Then two items of different annotators are the same item when their fields agree on
       more than half of the fields where either of them has a value (normalised as
       ``frame_key`` normalises them; a field empty in both is left out): a count of 187
       against 210, the sides and the date alike, agree on 3 of 4; two releases of a week
       with the same sides but other dates and counts agree on 2 of 4 and stay apart. A list
       field agrees here when both hold names and one list holds the other, or more than half
       of the names either holds are in both: [Ivan, Olena] and [Ivan, Olena, Petro] (not
       [Ivan, Olena] and [Ivan, Petro]); a name inside another as whole words is the same
       name here ("Maël Brossard" within "Théodore Maël Brossard"); its lists still
       differ, so merge's item is in dispute over that field, as over a count. Such pairs
       join their items' clusters, the most similar first (the share of fields agreeing,
       then more fields agreeing), ties in the annotators' order and then their items' order,
       as long as the two clusters hold no item of one annotator and every item of the one is
       so alike every item of the other (no chain: X like Y, Y like Z).
    3. An item that joined nothing joins the cluster of the item most alike it, when that
       cluster lacks its annotator (``form_align_closest``): Monday's 50, Wednesday's 50 and
       Wednesday's 70 of three annotators are one release, in any order. Else it is alone.

    Clusters are ordered by the first annotator holding them, then by that item's place among
    theirs. The result depends on nothing but the items and their order. ``keys``: each
    item's ``frame_key``, when the caller has them already (they are made otherwise)."""
    count = len(parties)
    if keys is None:
        keys = [[frame_key(item, group) for _index, item in items] for items in parties]
    # 1. Equal frames: the n-th copy of a frame of each party, one cluster. A first copy is
    # known by its frame, a later one by (_COPY, frame, n), which no frame equals: a party
    # without two equal frames (nearly all) needs no count of its copies.
    places: dict[Hashable, list[int | None]] = {}
    for party, party_keys in enumerate(keys):
        if len(set(party_keys)) == len(party_keys):
            for place, key in enumerate(party_keys):
                places.setdefault(key, [None] * count)[party] = place
            continue
        copies: dict[Hashable, int] = {}
        for place, key in enumerate(party_keys):
            copy = copies.get(key, 0)
            copies[key] = copy + 1
            places.setdefault((_COPY, key, copy) if copy else key, [None] * count)[party] = place
    clusters = list(places.values())
    if sum(1 for cluster in clusters if None in cluster) > 1:
        clusters = _join_similar(clusters, keys, group)
    # Made party by party, item by item, the clusters are in order already; one joining
    # another keeps the place of the one made first (``_join_similar``).
    return [
        tuple([None if place is None else parties[party][place] for party, place in enumerate(one)])
        for one in clusters
    ]


_COPY = object()  # marks a later copy of a frame in ``align_items`` (no frame holds it)


def _join_similar(
    clusters: list[list[int | None]],
    keys: Sequence[Sequence[tuple[Hashable, ...]]],
    group: FormField,
) -> list[list[int | None]]:
    """Steps 2 and 3 of ``align_items``: clusters joined by pairs of similar items, most
    similar first, when every item of the one is alike every item of the other; then an item
    left alone. ``clusters``: each party's place in it, or None."""
    lists = tuple(index for index, (_name, is_list) in enumerate(_sub_fields(group)) if is_list)
    # Only clusters some party is missing from can join; a party's items are never paired.
    open_ones = [number for number, cluster in enumerate(clusters) if None in cluster]
    pairs: list[Pair] = []
    # The pairs of items alike, each ((party, place), (party, place)), the lower first: every
    # pair of items two joinable clusters hold is weighed here.
    alike: set[tuple[tuple[int, int], tuple[int, int]]] = set()
    for at, first in enumerate(open_ones):
        for second in open_ones[at + 1 :]:
            one, other = clusters[first], clusters[second]
            if any(a is not None and b is not None for a, b in zip(one, other, strict=True)):
                continue  # a party in both: they can never join
            for party_a, place_a in enumerate(one):
                if place_a is None:
                    continue
                for party_b, place_b in enumerate(other):
                    if place_b is None:
                        continue
                    agree, given = frames_agreement(
                        keys[party_a][place_a], keys[party_b][place_b], lists
                    )
                    if agree * 2 > given:
                        lower, upper = sorted([(party_a, place_a), (party_b, place_b)])
                        alike.add((lower, upper))
                        pairs.append((-agree / given, -agree, *lower, *upper, first, second))
    if not pairs:
        return clusters
    pairs.sort()
    owner = list(range(len(clusters)))  # cluster number -> the cluster it joined

    def root(number: int) -> int:
        while owner[number] != number:
            number = owner[number]
        return number

    joined = [list(cluster) for cluster in clusters]
    for *_order, first, second in pairs:
        a, b = root(first), root(second)
        if a == b or any(
            x is not None and y is not None for x, y in zip(joined[a], joined[b], strict=True)
        ):
            continue
        held_a = [(party, place) for party, place in enumerate(joined[a]) if place is not None]
        held_b = [(party, place) for party, place in enumerate(joined[b]) if place is not None]
        if (len(held_a) > 1 or len(held_b) > 1) and not all(
            (min(x, y), max(x, y)) in alike for x in held_a for y in held_b
        ):
            continue  # some item of the one is not alike some item of the other
        low, high = min(a, b), max(a, b)
        joined[low] = [
            x if x is not None else y for x, y in zip(joined[low], joined[high], strict=True)
        ]
        owner[high] = low
    join_closest(joined, owner, root, pairs)  # step 3: an item left alone (its module)
    return [cluster for number, cluster in enumerate(joined) if owner[number] == number]
