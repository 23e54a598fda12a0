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

What enter writes of a field is not always what its input shows: a count or date typed as a
gold span's words is that span's value (``review_typed_words.value_of_words``: "95" is 97 once
the span "95" was given 97 with ``v``), "ninety-seven" is 97, ``uni`` a choice. A trial's box
showed ann1's count 95, enter wrote 97, and the message said "count linked to s5 (its value)".
The one-field editor says it beforehand ("enter settles with 97": ``review_enter_hint``); the
items box now does too, from ``ItemLinks.read_as`` (``enter_said``), worked out on the same
draft as the links, and the message after enter names each such change (``words_said``:
"count 95 → 97, s5's value").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from annotator.core.form_compare import sub_value
from annotator.core.forms import typed_text
from annotator.core.item_brief import whose
from annotator.core.models import GoldRecord, Span
from annotator.core.review_conflict import field_of, find_conflict
from annotator.core.review_decisions import drafted
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
from annotator.core.review_typed_whence import annotators_of, carried_ids, whence_said
from annotator.core.review_typed_words import VALUED, item_as_taken, typed_spans, value_of_words
from annotator.core.scheme import FormField, Scheme


@dataclass(frozen=True)
class ReadAs:
    """A typed field that enter writes otherwise than its input shows it: ``shown`` (the
    input's text) is written as ``written`` (as an input shows a value), and ``spans`` are the
    gold spans whose value it is, read from their words (none: read otherwise, "ninety-seven"
    as 97); ``quoted``: a text or list, said in quotes."""

    shown: str
    written: str
    spans: tuple[str, ...] = ()
    quoted: bool = False

    def said(self, text: str) -> str:
        return f"“{text}”" if self.quoted else text

    def whence(self) -> str:
        return f", {', '.join(self.spans)}'s value" if self.spans else ""


class ItemLinks(dict[str, list[str]]):
    """A typed item's links: sub-field name -> the gold span ids it will be linked to; and,
    by sub-field name, those linked by the words typed (``review_typed_words``: said once
    saved; ``by_value``: the count or date fields among them, matched by their spans' value,
    not words: a trial's message said "count linked to s6 (its words)" of a 6 linked to
    "six") and the fields whose words match several spans, how many (none linked: the box
    shows ``⛓ ? 2 spans``); ``read_as``: the fields enter writes otherwise than typed;
    ``carried``: the links kept from the version item it began as, by sub-field name, whose
    ``annotators`` gave it (``review_typed_whence``)."""

    def __init__(self) -> None:
        super().__init__()
        self.carried: dict[str, list[str]] = {}
        self.annotators: list[str] = []
        self.by_words: dict[str, list[str]] = {}
        self.by_value: set[str] = set()
        self.several: dict[str, int] = {}
        self.read_as: dict[str, ReadAs] = {}


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
    fields = drafted(record, conflict, scheme, annotations, made, form=form)[0]
    links = fields["links"]
    written = fields["form"].get(group.name) or []
    earlier = len(record.form.get(group.name) or [])
    out = [ItemLinks() for _texts in typed]
    versions = conflict.get("versions") or []
    for place, (number, _item) in enumerate(numbered):
        for sub in group.fields:
            if sub.name in unread[number]:
                continue
            if earlier + place < len(written):
                read = _read_as(record, sub, typed[number], written[earlier + place], known)
                if read is not None:
                    out[number].read_as[sub.name] = read
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
            carried = carried_ids(record, versions, group, sub, typed[number], ids or [])
            if carried := [one for one in carried if one not in by_words]:
                out[number].carried[sub.name] = carried
        out[number].annotators = annotators_of(versions, typed[number])
    return out


def whence_line(links: Sequence[ItemLinks]) -> str:
    """The line under the items naming whose the links kept from a version item are
    (``⛓ ann1's link: count s6 · s3 by the words typed``; ``""``: none kept)."""
    return whence_said(
        [
            (item.annotators, item.carried, [one for ids in item.by_words.values() for one in ids])
            for item in links
        ]
    )


def _read_as(
    record: GoldRecord,
    sub: FormField,
    texts: TypedItem,
    written: Any,
    known: Sequence[str],
) -> ReadAs | None:
    """How enter writes ``sub`` of an item typed as ``texts`` (``written``: its drafted item)
    when that is not what the input shows (None: it is, or nothing is typed)."""
    shown = texts.get(sub.name, "").strip()
    value = written.get(sub.name) if isinstance(written, dict) else None
    as_shown = typed_text(value, known).strip()
    if not shown or as_shown == shown:
        return None
    spans: tuple[str, ...] = ()
    if value_of_words(record.spans, sub, shown) is not None:
        spans = tuple(span.id for span in typed_spans(record.spans, sub, shown))
    return ReadAs(shown, as_shown, spans, quoted=sub.type in ("text", "list"))


def enter_said(links: Sequence[ItemLinks]) -> str:
    """The line the item editor shows while enter would write a field otherwise than its
    input shows it (``""``: none), as the one-field editor's enter hint says "enter settles
    with 97": ``enter writes item 1 count as 97 (s5's value), not 95``."""
    parts: list[str] = []
    for number, item in enumerate(links, start=1):
        named = f"item {number} " if len(links) > 1 else ""
        for name, read in item.read_as.items():
            whence = f" ({', '.join(read.spans)}'s value)" if read.spans else ""
            parts.append(
                f"{named}{name} as {read.said(read.written)}{whence}, not {read.said(read.shown)}"
            )
    return f"enter writes {'; '.join(parts)}" if parts else ""


def words_said(links: Sequence[ItemLinks]) -> str:
    """What enter wrote otherwise than typed (``item 1 count 95 → 97, s5's value``), the links
    the words typed made, for the message after saving (``""``: none), and the fields several
    spans give, left unlinked: ``item 1 released_by linked to s3 (its words)``, ``count
    linked to s6 (its value)``. A count read as a span's words and linked to that span is
    said once: ``count 95 → 97, s5's value, linked to s5``."""
    parts: list[str] = []
    for number, item in enumerate(links, start=1):
        named = f"item {number} " if len(links) > 1 else ""
        for name, read in item.read_as.items():
            change = f"{named}{name} {read.said(read.shown)} → {read.said(read.written)}"
            linked = item.by_words.get(name)
            if read.spans and linked is not None and tuple(linked) == read.spans:
                change += f"{read.whence()}, linked to {' '.join(linked)}"
            else:
                change += read.whence()
            parts.append(change)
        for name, ids in item.by_words.items():
            read_from = item.read_as.get(name)
            if read_from is not None and read_from.spans == tuple(ids):
                continue  # said with the change above
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
            # Compared as gold stores the item taken too (its words a span's): carol's
            # "drava people's authority" entered as the box showed it is written as `1` writes
            # it, and was said "edited" while the panel then listed it taken.
            taken = item_as_taken(record, group, item)
            same = all(
                _same_value(sub, texts, item, known, record.spans)
                or _same_value(sub, texts, taken, known, record.spans)
                for sub in group.fields
            )
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
