"""Two form edits that typing made long (a newcomer's count: about 14 keys for one, 10 for the
other, and a stray ``, `` left behind):

- ``swap_sides``: the two fields of one group item filled from the same label (the giver and
  the receiver of a release: ``released_by`` / ``received_by``), which are often entered the
  wrong way round, exchange their values and their links. The pairs are read from the scheme,
  not named here: two fields of a group, and only two, with the same ``from_label``.
- ``without_list_item``: a list field loses the item at the cursor of its text, with the link
  of the span it came from, if any. The text is read as ``list_text`` reads it, so a quoted
  item holding commas is one item.

Each returns a new record (one undo step for the session) and what to say about it.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from annotator.core import forms
from annotator.core.display import quoted
from annotator.core.errors import AnnotatorError
from annotator.core.list_links import TYPED, marker_words
from annotator.core.list_text import list_items, typed_list
from annotator.core.models import Record
from annotator.core.scheme import FormField, Scheme


def paired_fields(group: FormField) -> set[str]:
    """The names of the fields of ``group``'s items that have a pair (see the module
    docstring): the form shows the swap key in those."""
    by_label: dict[str, list[str]] = {}
    for field in group.fields:
        if field.from_label is not None:
            by_label.setdefault(field.from_label, []).append(field.name)
    # Three actors of one item: which two to swap is not for a key to guess.
    return {name for names in by_label.values() if len(names) == 2 for name in names}


def other_side(scheme: Scheme, path: str) -> str | None:
    """The path of the field paired with the one at ``path`` (``paired_fields``):
    ``releases[0].received_by`` for ``releases[0].released_by``; None when it has none."""
    where = forms.item_path(path)
    top = scheme.field(where[0]) if where is not None else None
    if where is None or top is None or top.type != "group":
        return None
    group, index, name = where
    if name not in paired_fields(top):
        return None
    label = next(field.from_label for field in top.fields if field.name == name)
    other = next(f.name for f in top.fields if f.from_label == label and f.name != name)
    return f"{group}[{index}].{other}"


def _in_form_order(scheme: Scheme, path: str, other: str) -> tuple[str, str]:
    top, _index, _leaf = forms.resolve_path(scheme, path)
    names = [field.name for field in top.fields]
    first, second = sorted((path, other), key=lambda each: names.index(each.rsplit(".", 1)[1]))
    return first, second


class Edited(NamedTuple):
    """A record edited, and the sentence saying what was done."""

    record: Record
    said: str


def swap_sides(record: Record, path: str, scheme: Scheme) -> Edited:
    """The record with the field at ``path`` and its pair (``other_side``) exchanged, values
    and links; said ``releases #1 swapped: released_by 'Tenvar', received_by 'Maro'``, each
    field by its name in the scheme with what it holds now, the first in the form's order first.
    (``swapped (Norvania → Kestria)`` read as giver → receiver in a trial.)"""
    other = other_side(scheme, path)
    if other is None:
        if forms.item_path(path) is None:
            # A top-level field (event_type) is in no item: "no other field of its label in
            # its item" named a label and an item it does not have.
            raise AnnotatorError(
                f"{forms.path_words(path)} is in no group's item: it has nothing to swap with"
            )
        raise AnnotatorError(
            f"{forms.path_words(path)} has no other field of its label in its item to swap with"
        )
    first, second = _in_form_order(scheme, path, other)
    first_value = forms.field_value(record, first, scheme)
    second_value = forms.field_value(record, second, scheme)
    first_links = record.links.get(first, [])
    second_links = record.links.get(second, [])
    group, index, first_name = forms.item_path(first) or ("", 0, first)
    second_name = second.rsplit(".", 1)[1]
    item = f"{group} #{index + 1}"
    if first_value == second_value and first_links == second_links:
        raise AnnotatorError(
            f"{item}: {first_name} and {second_name} hold the same; nothing to swap"
        )
    swapped = forms.set_keeping_links(record, first, second_value, scheme)
    swapped = forms.set_keeping_links(swapped, second, first_value, scheme)
    links = {key: ids for key, ids in record.links.items() if key not in (first, second)}
    if second_links:
        links[first] = list(second_links)
    if first_links:
        links[second] = list(first_links)
    swapped = swapped.model_copy(update={"links": links})
    now_first, now_second = _said_value(second_value), _said_value(first_value)
    said = f"{item} swapped: {first_name} {now_first}, {second_name} {now_second}"
    return Edited(swapped, said)


def _said_value(value: Any) -> str:
    """Quoted, as undo names a field's value: a list's commas are not read as the message's."""
    shown = forms.typed_text(value)
    return quoted(shown, 40) if shown else "(empty)"


def _piece_ends(text: str) -> list[tuple[int, int]]:
    """Where each piece of a list's text (``list_text.list_items``) begins and ends, the
    comma after it not in it. A quoted piece ends at the first comma before which its text
    reads as that piece alone (its commas inside the quotes are not its end)."""
    bounds: list[tuple[int, int]] = []
    at = 0
    for piece in list_items(text):
        end = text.find(",", at)
        if piece.quoted:
            while end >= 0 and list_items(text[at:end]) != [piece]:
                end = text.find(",", end + 1)
        end = len(text) if end < 0 else end
        bounds.append((at, end))
        at = end + 1
    return bounds


def item_at(text: str, cursor: int, known: list[str]) -> int | None:
    """The index of the list item (as ``typed_list(text, known)`` reads them) that the cursor
    at ``cursor`` is in or just after; on an empty piece (``a, , b`` or a trailing ``, ``)
    the item before it, else the first. None when the text holds no item."""
    count = len(typed_list(text, known))
    if count == 0:
        return None
    for start, end in _piece_ends(text):
        if start <= cursor <= end:
            # The items read up to this piece's end, it among them: an item holding a comma
            # that is one of ``known`` ("Pavel Ostrovin, 41") reads as one over two pieces.
            return max(len(typed_list(text[:end], known)) - 1, 0)
    return count - 1


def without_list_item(
    record: Record, path: str, scheme: Scheme, text: str, cursor: int, known: list[str]
) -> Edited:
    """The record with the list field at ``path`` holding its items but the one at ``cursor``
    of ``text`` (what the field shows, which must read as the items it holds), and without
    that item's link; said ``releases #1 releasees: removed 'two Pravonian nationals' (s6)``."""
    field: FormField = forms.resolve_path(scheme, path)[2]
    if field.type != "list":
        raise AnnotatorError(f"{forms.path_words(path)} is not a list: there is no item to remove")
    items = list(forms.field_value(record, path, scheme) or [])
    if typed_list(text, known) != items:
        raise AnnotatorError(f"{forms.path_words(path)}: save the field first (enter)")
    index = item_at(text, cursor, known)
    if index is None:
        raise AnnotatorError(f"{forms.path_words(path)} holds no item to remove")
    gone = items.pop(index)
    words = marker_words(record, path, scheme)
    link = words[index] if index < len(words) and words[index] != TYPED else None
    edited = forms.set_keeping_links(record, path, items, scheme)
    if link is not None:
        edited = forms.unlink_span(edited, path, link)
    # Named as the form shows it (``releases #2 releasees``): with two releases, a bare
    # "releasees" did not say which (a trial).
    said = f"{forms.path_words(path)}: removed {quoted(gone, 40)}" + (f" ({link})" if link else "")
    return Edited(edited, said)


def item_start(text: str, index: int, known: list[str]) -> int:
    """Where item ``index`` of a list's text begins (its first character, quote and all), for
    the cursor after a removal: on the item that took the removed one's place; past the
    text's end when there is no such item."""
    for start, end in _piece_ends(text):
        if len(typed_list(text[:end], known)) == index + 1 and text[start:end].strip():
            return start + len(text[start:end]) - len(text[start:end].lstrip())
    return len(text)
