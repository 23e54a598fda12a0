"""The links a group's items typed in the review (``e`` on ``releases``) will have once settled.

Each field of a typed item keeps the links of the version item it began as while its value is
that item's, or one of the linked spans gives it (``review_typed.made_links``), and the
decision's links are then worked out as every decision's are (``review_links.links_after``:
merge's rule may link an item alike an annotator's other one). The reviewer could not see
which typed field would stay linked: ``typed_item_links`` says it, field by field, as the box
shows it beside each input while one types. It runs what enter runs on the same texts
(``review_typed.with_typed_items``, then ``review_decisions.drafted``: ``settled_record``'s
first steps), so what is shown is what is saved (a field with no version link is linked to
the gold span whose words it holds: ``review_typed_words``); a field whose text enter would refuse
(``abc`` for a count) shows no link, and an item left blank is left out by the same rule
(``keeps_a_link``). Only ``settled_record``'s last step is
not run: done gold drops items with no value and no link, which renumbers later items but
takes no link from a typed one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from annotator.core.form_compare import sub_value
from annotator.core.item_brief import whose
from annotator.core.models import GoldRecord, Span
from annotator.core.review_decisions import drafted, field_of, find_conflict
from annotator.core.review_links import Annotations
from annotator.core.review_typed import (
    BadValue,
    TypedItem,
    is_blank,
    keeps_a_link,
    typed_value,
    with_typed_items,
)
from annotator.core.review_typed_start import ItemTexts, listed
from annotator.core.review_typed_words import VALUED
from annotator.core.scheme import FormField, Scheme


class ItemLinks(dict[str, list[str]]):
    """A typed item's links: sub-field name -> the gold span ids it will be linked to; and,
    by sub-field name, those linked by the words typed (``review_typed_words``: said once
    saved; ``by_value``: the count or date fields among them, matched by their spans' value,
    not words: a trial's message said "count linked to s6 (its words)" of a 6 linked to
    "six") and the fields whose words match several spans, how many (none linked: the box
    shows ``⛓ ? 2 spans``)."""

    def __init__(self) -> None:
        super().__init__()
        self.by_words: dict[str, list[str]] = {}
        self.by_value: set[str] = set()
        self.several: dict[str, int] = {}


def typed_item_links(
    record: GoldRecord,
    conflict_id: str,
    typed: Sequence[TypedItem],
    scheme: Scheme,
    annotations: Annotations | None = None,
) -> list[ItemLinks]:
    """For each of ``typed`` (a group conflict's items as the box holds them), the links each
    of its fields will have once enter settles the conflict with them (module docstring); a
    field with none is not named."""
    conflict = find_conflict(record, conflict_id)
    group = field_of(scheme, conflict)
    known = listed(conflict)
    numbered: list[tuple[int, dict[str, Any]]] = []
    unread: list[set[str]] = []
    for number, texts in enumerate(typed):
        item: dict[str, Any] = {}
        bad: set[str] = set()
        for sub in group.fields:
            try:
                item[sub.name] = typed_value(sub, texts.get(sub.name, ""), known, record.spans)
            except BadValue:
                # Enter refuses it: no link is shown for it, and the rest are worked out.
                item[sub.name] = None
                bad.add(sub.name)
        unread.append(bad)
        if not is_blank(texts) or keeps_a_link(record, conflict, group, texts):
            numbered.append((number, item))
    form, made, found = with_typed_items(record, conflict, group, numbered, typed)
    links = drafted(record, conflict, scheme, annotations, made, form=form)[0]["links"]
    earlier = len(record.form.get(group.name) or [])
    out = [ItemLinks() for _texts in typed]
    for place, (number, _item) in enumerate(numbered):
        for sub in group.fields:
            if sub.name in unread[number]:
                continue
            path = f"{group.name}[{earlier + place}].{sub.name}"
            ids = links.get(path)
            if ids:
                out[number][sub.name] = list(ids)
            by_words = [one for one in found.linked.get(path, []) if one in (ids or [])]
            if by_words:
                out[number].by_words[sub.name] = by_words
                if sub.type in VALUED:
                    out[number].by_value.add(sub.name)
            if path in found.several and not ids:
                out[number].several[sub.name] = found.several[path]
    return out


def words_said(links: Sequence[ItemLinks]) -> str:
    """The links the words typed made, for the message after saving (``""``: none), and the
    fields several spans give, left unlinked: ``item 1 released_by linked to s3 (its
    words)``, ``count linked to s6 (its value)``."""
    parts: list[str] = []
    for number, item in enumerate(links, start=1):
        named = f"item {number} " if len(links) > 1 else ""
        for name, ids in item.by_words.items():
            how = "its value" if name in item.by_value else "its words"
            parts.append(f"{named}{name} linked to {' '.join(ids)} ({how})")
        for name, count in item.several.items():
            parts.append(f"{named}{name} not linked: {count} spans give it")
    return "; ".join(parts)


def items_said(
    record: GoldRecord, conflict_id: str, typed: Sequence[TypedItem], scheme: Scheme
) -> str:
    """What a group's conflict was settled with, for the message after enter (``record``:
    before it): each item kept (not left out blank) as the version's item it began as
    (``ann1's item unchanged``), changed from it (``ann1's item edited``), or written from
    scratch (``1 item typed``). A trial pressed enter on ann1's item untouched and read
    "settled c8 with 1 item(s) typed"."""
    conflict = find_conflict(record, conflict_id)
    group = field_of(scheme, conflict)
    versions = conflict.get("versions") or []
    known = listed(conflict)
    counts: dict[tuple[str, int | None], int] = {}
    for texts in typed:
        if is_blank(texts) and not keeps_a_link(record, conflict, group, texts):
            continue
        began = _began_as(versions, texts)
        if began is None:
            key: tuple[str, int | None] = ("typed", None)
        else:
            version, item = began
            same = all(_same_value(sub, texts, item, known, record.spans) for sub in group.fields)
            key = ("unchanged" if same else "edited", version)
        counts[key] = counts.get(key, 0) + 1
    parts = []
    for (how, whence), count in counts.items():
        if whence is None:
            parts.append(f"{count} item{'s' if count > 1 else ''} typed")
            continue
        names = [str(name) for name in versions[whence].get("annotators") or []]
        items = "item" if count == 1 else f"{count} items"
        parts.append(f"{whose(names)} {items} {how}")
    return ", ".join(parts) or "no item"


def _began_as(
    versions: Sequence[dict[str, Any]], texts: TypedItem
) -> tuple[int, dict[str, Any]] | None:
    """The version (its index) and its item a typed item's editing began as; None when it
    was written from scratch (or its place is no version's item)."""
    origin = texts.origin if isinstance(texts, ItemTexts) else None
    if origin is None or not 0 <= origin[0] < len(versions):
        return None
    items = versions[origin[0]].get("value") or []
    if not 0 <= origin[1] < len(items) or not isinstance(items[origin[1]], dict):
        return None
    return origin[0], items[origin[1]]


def _same_value(
    sub: FormField,
    texts: TypedItem,
    item: dict[str, Any],
    known: Sequence[str],
    spans: Sequence[Span],
) -> bool:
    """Whether ``sub``'s typed text gives the value the version's ``item`` has."""
    try:
        value = typed_value(sub, texts.get(sub.name, ""), known, spans)
    except BadValue:
        return False
    return sub_value(value, sub) == sub_value(item.get(sub.name), sub)
