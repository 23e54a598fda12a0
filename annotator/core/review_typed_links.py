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

from annotator.core.models import GoldRecord
from annotator.core.review_decisions import drafted, field_of, find_conflict
from annotator.core.review_links import Annotations
from annotator.core.review_typed import (
    BadValue,
    TypedItem,
    is_blank,
    keeps_a_link,
    listed,
    typed_value,
    with_typed_items,
)
from annotator.core.scheme import Scheme


class ItemLinks(dict[str, list[str]]):
    """A typed item's links: sub-field name -> the gold span ids it will be linked to; and,
    by sub-field name, those linked by the words typed (``review_typed_words``: said once
    saved) and the fields whose words match several spans, how many (none linked: the box
    shows ``⛓ ? 2 spans``)."""

    def __init__(self) -> None:
        super().__init__()
        self.by_words: dict[str, list[str]] = {}
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
                item[sub.name] = typed_value(sub, texts.get(sub.name, ""), known)
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
            if path in found.several and not ids:
                out[number].several[sub.name] = found.several[path]
    return out


def words_said(links: Sequence[ItemLinks]) -> str:
    """The links the words typed made, for the message after saving (``""``: none), and the
    fields several spans give, left unlinked: ``item 1 released_by linked to s3 (its
    words)``."""
    parts: list[str] = []
    for number, item in enumerate(links, start=1):
        named = f"item {number} " if len(links) > 1 else ""
        for name, ids in item.by_words.items():
            parts.append(f"{named}{name} linked to {' '.join(ids)} (its words)")
        for name, count in item.several.items():
            parts.append(f"{named}{name} not linked: {count} spans give it")
    return "; ".join(parts)
