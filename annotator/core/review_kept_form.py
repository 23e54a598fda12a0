"""What a review decision changed of a document's form, and where that lands in a new merge's
form (``review_kept``).

A decision's changes to a group's items are told by the item, not by its index: a merge anew
after the annotators put a release before the others holds each item at another index, and a
decision applied by index would set (or link) another release's field. An item is found again
as merge matches items (``align_items``): the n-th copy of its frame as it was before the
decision, else the item alike it (agreeing on more than half of the fields either gives), so
that a release whose date the annotators changed since is still the release a decision on
its count was made on. A field is set only where the new merge still holds the value it had
before the decision; else the decision is not applicable (``NotApplicable``) and is dropped,
named.

A link a decision's step changed on a field it did not set is no part of what it decided: taking
a span makes the links to it hold where gold's answer is the linking annotator's
(``review_links``), so taking "187" after typing the count 187 linked the count. Where that
field's item is not in the new merge as it was (or the field is linked otherwise now), that link
alone is left out (``with_changes``' ``left_out``, said), and the decision stands: dropped
whole, the span's conflict opened again, one decision of the reviewer's undone by another.

Settling a document's last conflict takes its groups' empty items away
(``form_compare.without_empty_items``): that is no part of the decision (the kept merge's
record is cleared of them anew when it is done), and ``with_empty_items_back`` puts them back
before the decision's changes are read; else a decision emptying a group would empty it in a
new merge, items the annotators added since and all.
"""

from __future__ import annotations

import copy
from collections.abc import Hashable, Mapping, Sequence
from itertools import combinations
from typing import Any, Protocol, TypeVar

from annotator.core import forms
from annotator.core.form_compare import align_items, frame_key, has_no_value
from annotator.core.scheme import FormField, Scheme

# A group whose empty items are more than this is not searched for those a decision took away
# (the combinations grow fast): a change of that group is a change of the whole field.
_MOST_EMPTY_SEARCHED = 12

LinkTarget = TypeVar("LinkTarget")


class NotApplicable(Exception):
    """A kept decision's field is not in the new merge's record as it was before the decision
    (its item is gone or other, or the field holds another value)."""


def is_items(value: Any) -> bool:
    return value is None or (isinstance(value, list) and all(isinstance(v, dict) for v in value))


# A field's value before a decision and after it.
Change = tuple[Any, Any]


def form_changes(
    before: Mapping[str, Any], after: Mapping[str, Any]
) -> tuple[dict[str, Change], dict[str, Change], dict[str, tuple[int, list[Any]]]]:
    """The fields that changed, each with its value before and after: whole fields by name,
    a group's items field by field by path (so that a decision on one item's field leaves the
    others as a new merge has them), the items added after them apart (group -> the number of
    items before, those added)."""
    whole: dict[str, Change] = {}
    item_fields: dict[str, Change] = {}
    appended: dict[str, tuple[int, list[Any]]] = {}
    for name in sorted(before.keys() | after.keys()):
        old, new = before.get(name), after.get(name)
        if old == new:
            continue
        if is_items(old) and is_items(new) and len(new or []) >= len(old or []):
            old_items, new_items = old or [], new or []
            for index, (was, now) in enumerate(zip(old_items, new_items, strict=False)):
                for leaf in sorted(was.keys() | now.keys()):
                    if was.get(leaf) != now.get(leaf):
                        item_fields[f"{name}[{index}].{leaf}"] = (was.get(leaf), now.get(leaf))
            if len(new_items) > len(old_items):
                appended[name] = (len(old_items), new_items[len(old_items) :])
        else:
            whole[name] = (old, new)
    return whole, item_fields, appended


def with_empty_items_back(
    before: Mapping[str, Any],
    after: Mapping[str, Any],
    links: Mapping[str, LinkTarget],
) -> tuple[dict[str, Any], dict[str, LinkTarget]]:
    """``after`` (a form a decision settling a document's last conflict made) and its
    ``links`` with the empty items of ``before`` that went put back where they were (the
    later items' link paths following): those were taken away as empty, not by the decision.
    A group whose shortening empty items do not explain is left as it is."""
    form, moved = dict(after), dict(links)
    for name in sorted(before.keys() & after.keys()):
        old, new = before[name], after[name]
        if not (is_items(old) and is_items(new)) or len(new or []) >= len(old or []):
            continue
        gone = _empty_items_gone(old or [], new or [])
        if gone is not None:
            form[name], moved = _put_back(name, old or [], new or [], gone, moved)
    return form, moved


def _empty_items_gone(old: list[Any], new: list[Any]) -> tuple[int, ...] | None:
    """The indexes of ``old``'s items without a value whose removal (those after added at the
    end) makes ``new`` with the fewest items changed; None: no such removal."""
    empty = [index for index, item in enumerate(old) if has_no_value(item)]
    if len(empty) > _MOST_EMPTY_SEARCHED:
        return None
    best: tuple[int, int, tuple[int, ...]] | None = None
    for size in range(len(old) - len(new), len(empty) + 1):
        for gone in combinations(empty, size):
            kept = [item for index, item in enumerate(old) if index not in gone]
            changed = sum(1 for was, now in zip(kept, new, strict=False) if was != now)
            if best is None or (changed, size) < best[:2]:
                best = (changed, size, gone)
    return None if best is None else best[2]


def _put_back(
    group: str,
    old: list[Any],
    new: list[Any],
    gone: tuple[int, ...],
    links: Mapping[str, LinkTarget],
) -> tuple[list[Any], dict[str, LinkTarget]]:
    items: list[Any] = []
    index_of: dict[int, int] = {}  # index in ``new`` -> index with the items put back
    taken = iter(range(len(new)))
    for index, item in enumerate(old):
        if index in gone:
            items.append(item)
        else:
            at = next(taken)
            index_of[at] = len(items)
            items.append(new[at])
    for at in taken:  # added by the decision
        index_of[at] = len(items)
        items.append(new[at])
    moved: dict[str, LinkTarget] = {}
    for path, linked in links.items():
        found = forms.item_path(path)
        if found is not None and found[0] == group:
            path = f"{group}[{index_of[found[1]]}].{found[2]}"
        moved[path] = linked
    return items, moved


def group_field(scheme: Scheme, name: str) -> FormField | None:
    return next((one for one in scheme.fields if one.name == name and one.type == "group"), None)


def item_now(
    form: Mapping[str, Any], before: Mapping[str, Any], group: FormField, index: int
) -> int:
    """The index in ``form`` of the item at ``index`` of ``before``'s group: the item merge
    would pair with it (``align_items``, ``before``'s items against ``form``'s): the n-th item
    of ``form`` with the frame the n-th copy of that frame had in ``before``, else one whose
    fields agree with it on more than half of those either gives. A frame holds every field,
    so an item whose date the annotators changed since (agreed now, or in another dispute)
    was found nowhere, and a decision on its count was dropped though its item and its
    conflict were alike; which decision held depended on the order they were made in."""
    old = before.get(group.name) or []
    if index >= len(old) or not isinstance(old[index], dict):
        raise NotApplicable(f"{group.name}[{index}]")
    frame = frame_key(old[index], group)
    copies = sum(1 for item in old[:index] if _frame(item, group) == frame)
    new = form.get(group.name) or []
    for at, item in enumerate(new):
        if _frame(item, group) == frame:
            if not copies:
                return at
            copies -= 1
    parties = [
        [(at, item) for at, item in enumerate(items) if isinstance(item, dict)]
        for items in (old, new)
    ]
    for was, now in align_items(parties, group):
        if was is not None and was[0] == index and now is not None:
            return now[0]
    raise NotApplicable(f"{group.name}[{index}]")


def _frame(item: Any, group: FormField) -> tuple[Hashable, ...] | None:
    return frame_key(item, group) if isinstance(item, dict) else None


def with_changes(
    form: dict[str, Any],
    links: Mapping[str, Sequence[Any]],
    made: DecisionChanges,
    scheme: Scheme,
    left_out: list[str] | None = None,
) -> tuple[dict[str, Any], dict[str, list[Any]]]:
    """``form`` and ``links`` (copies) with what a decision changed, its group items' fields
    and links set on those items where they are now; NotApplicable where ``form`` no longer
    holds what the decision found. A link it changed on a field it did not set that cannot be
    placed so is left out, its path (as the decision left the form) added to ``left_out``."""
    for name, (was, _value) in made.whole.items():
        if form.get(name) != was:
            raise NotApplicable(name)
    # Each item found before anything is changed: the decision's changes alter frames.
    places = {path: _place_now(path, form, made, scheme) for path in made.item_fields}
    link_places: dict[str, tuple[str, int, str] | None] = {}
    unplaced: list[str] = []
    for path in made.links:
        try:
            link_places[path] = _place_now(path, form, made, scheme)
        except NotApplicable:
            if sets_field(made, path):
                raise
            unplaced.append(path)
    form = copy.deepcopy(form)
    for path, (was, value) in made.item_fields.items():
        place = places[path]
        assert place is not None, path  # a group has item fields or a whole change, not both
        name, index, leaf = place
        item = dict(form[name][index])
        if item.get(leaf) != was:
            raise NotApplicable(path)
        if value is None:
            item.pop(leaf, None)
        else:
            item[leaf] = copy.deepcopy(value)
        form[name][index] = item
    for name, (_was, value) in made.whole.items():
        if value is None:
            form.pop(name, None)
        else:
            form[name] = copy.deepcopy(value)
    for name, (_before, items) in made.appended.items():
        held = form.get(name)
        form[name] = [*(held if isinstance(held, list) else []), *copy.deepcopy(items)]
    moved = {path: list(linked) for path, linked in links.items()}
    for path, linked in made.links.items():
        if path in unplaced:
            continue
        place = link_places[path]
        where = path
        if place is not None:
            name, index, leaf = place
            if index < 0:  # an item the decision added: after the new merge's items
                moved[f"{name}[{index + len(form.get(name) or [])}].{leaf}"] = list(linked)
                continue
            where = f"{name}[{index}].{leaf}"
        if list(links.get(where) or []) != list(made.links_before[path]):
            if sets_field(made, path):
                raise NotApplicable(path)
            unplaced.append(path)  # linked otherwise now: the new merge's link stands
            continue
        moved[where] = list(linked)
    if left_out is not None:
        left_out += unplaced
    return form, moved


def sets_field(made: DecisionChanges, path: str) -> bool:
    """Whether the decision set the value of the field a link path names (its links are then
    part of what it decided), not only changed its links (as taking a span does)."""
    if path in made.item_fields or path in made.whole:
        return True
    found = forms.item_path(path)
    if found is None:
        return False
    group, index, _leaf = found
    if group in made.whole:
        return True
    appended = made.appended.get(group)
    return appended is not None and index >= appended[0]


def _place_now(
    path: str, form: Mapping[str, Any], made: DecisionChanges, scheme: Scheme
) -> tuple[str, int, str] | None:
    """Where the item field at ``path`` (as the decision left the form) is in ``form``:
    group, index, field; None: ``path`` is no group item's field, or one of a group the
    decision changed whole (checked equal: where it was). An item the decision added is
    told by its index from the end once they are added (negative)."""
    found = forms.item_path(path)
    if found is None or found[0] in made.whole:
        return None
    name, index, leaf = found
    held_before, added = made.appended.get(name, (len(made.form_before.get(name) or []), []))
    if index >= held_before:
        return name, index - held_before - len(added), leaf
    group = group_field(scheme, name)
    if group is None:
        raise NotApplicable(path)
    return name, item_now(form, made.form_before, group, index), leaf


class DecisionChanges(Protocol):
    """What ``with_changes`` reads of a decision (``review_kept.Decision``)."""

    @property
    def form_before(self) -> Mapping[str, Any]: ...
    @property
    def whole(self) -> Mapping[str, tuple[Any, Any]]: ...
    @property
    def item_fields(self) -> Mapping[str, tuple[Any, Any]]: ...
    @property
    def appended(self) -> Mapping[str, tuple[int, list[Any]]]: ...
    @property
    def links(self) -> Mapping[str, Sequence[Any]]: ...
    @property
    def links_before(self) -> Mapping[str, Sequence[Any]]: ...
