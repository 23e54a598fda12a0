"""A typed item field linked to the gold span whose words it holds.

A reviewer's trial typed ``released_by`` = "Front de Libération du Sahel Central" in the item
editor (``e`` on ``releases``), the words of gold span s3 (an actor), and gold kept the value
with no link: the links of a typed item came only from the version item it began as
(``review_typed.made_links``). The annotate screen links a value filled from a span (ctrl+l);
a value typed in review now gets the same link when it can say which span it is: a field with
no link from its version item is linked to the one gold span of its ``from_label`` whose words
it holds (``span_words.spans_alike``: its words as they are, whitespace aside; else case
aside; else as the search finds them, accents, straight or curly quotes and dashes aside: the
first of these where any span matches), or, for a count or date field, whose value it is.
When several gold spans hold them at that tier (two "Russia" actors), none is
linked and the count is kept (``WordsFound.several``: the editor shows ``⛓ ? 2 spans``): no
rule tells which one the reviewer meant, and a wrong link is worse than none (ctrl+l on the
annotate screen lets one pick). A list links each of its items that holds the words of one
span only and is not held by a span it is linked to already. A link the version item gives
keeps precedence while it holds (``made_links``): words are looked at only where it gives none.

A typed value linked to a span whose words it holds, whitespace aside (by its words, or kept
from a version, or carried by merge's rule), is stored as those words single-spaced, as the
annotation screen fills a field from a span (``span_words``): "Zoë  N'Diaye" typed with two
spaces was linked to the span "Zoë N'Diaye" and kept both spaces (``as_linked_words``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from annotator.core.form_compare import normal
from annotator.core.list_links import Spanned, linked_in_text_order
from annotator.core.models import GoldRecord, Span
from annotator.core.scheme import FormField
from annotator.core.span_words import holds_words_of, single_spaced, span_words, spans_alike

# The field types a typed value is matched to a span by the span's value, not its words.
VALUED = ("integer", "date")


@dataclass
class WordsFound:
    """What the words of typed fields linked, by form path (``releases[2].released_by``)."""

    linked: dict[str, list[str]] = field(default_factory=dict)  # the spans linked by words
    several: dict[str, int] = field(default_factory=dict)  # ambiguous: how many spans match


def spans_matching(record: Spanned, leaf: FormField, value: Any) -> list[Span]:
    """The gold spans of ``leaf``'s label that give ``value`` (one value, or one list item):
    a count or date its value, another field its words, whitespace aside."""
    if leaf.from_label is None or value in (None, "", []):
        return []
    labelled = [span for span in record.spans if span.label == leaf.from_label]
    if leaf.type in VALUED:
        return [span for span in labelled if normal(span.value) == normal(value)]
    if not isinstance(value, str):
        return []
    # Words as they are, else case aside, else as the search reads both, the first tier any
    # span matches at (``span_words.best_alike``): "Russia" is s1's alone beside another
    # span's "RUSSIA", and "JÓZEF NOWAK" "Józef Nowak"'s beside "Jozef Nowak".
    return spans_alike(value, labelled)


def value_of_words(spans: Sequence[Span], leaf: FormField, typed: str) -> Any:
    """The value a count or date ``typed`` as the words of gold ``spans`` of ``leaf``'s label
    (whitespace aside) is read as: theirs, when they give one (None: no such span, or they
    give none or differ). One rule for counts and dates, as the README's ``e`` row says ("a
    count or date: the span's value"): a trial's date typed "Sunday", gold s2's words, was
    refused as no date, where "six" was read as 6 only because it spells a number."""
    if leaf.type not in VALUED or leaf.from_label is None or not typed.strip():
        return None
    values = {normal(span.value): span.value for span in typed_spans(spans, leaf, typed)}
    return next(iter(values.values())) if len(values) == 1 else None


def typed_spans(spans: Sequence[Span], leaf: FormField, typed: Any) -> list[Span]:
    """The ``spans`` of ``leaf``'s label text typed in a review's editor is the words of, at
    its best tier (``span_words.spans_alike``: whitespace, then case, then accents, straight
    or curly quotes and dashes aside): a trial's "two days later" was refused as no date where
    gold's s2 read "Two days later", and "drava people's authority" typed with the keyboard's
    apostrophe was left unlinked beside gold's "Drava People’s Authority"."""
    return spans_alike(typed, [span for span in spans if span.label == leaf.from_label])


def as_span_words(spans: Sequence[Span], leaf: FormField, typed: str) -> str:
    """``typed`` (a text, or a list's item) as the words of the gold ``spans`` of ``leaf``'s
    label it is at its best tier (``typed_spans``): those words, so that it is
    linked to them and stored as when filled from the span; ``typed`` itself when it is a
    span's words as they are, none's, or those of spans written differently ("Russia",
    "RUSSIA")."""
    if leaf.from_label is None or not typed.strip():
        return typed
    words = {span_words(span) for span in typed_spans(spans, leaf, typed)}
    if len(words) != 1 or single_spaced(typed) in words:
        return typed
    return next(iter(words))


def words_links(
    record: Spanned, leaf: FormField, value: Any, linked: Sequence[str] = ()
) -> tuple[list[str], int]:
    """The spans ``value`` links ``leaf`` to by its words (module docstring), and the most
    spans one of its values matched when it could not say which (0: none was ambiguous).
    ``linked``: spans the field is linked to already (a list's items they hold are left)."""
    values = value if leaf.type == "list" and isinstance(value, list) else [value]
    held = [span for span in record.spans if span.id in linked]
    ids: list[str] = []
    several = 0
    for one in values:
        if leaf.type == "list" and any(holds_words_of(one, span) for span in held):
            continue
        matching = spans_matching(record, leaf, one)
        if len(matching) > 1:
            several = max(several, len(matching))
        elif matching and matching[0].id not in (*linked, *ids):
            ids.append(matching[0].id)
    return ids, several


def with_words_links(
    record: GoldRecord,
    group: FormField,
    items: Sequence[Mapping[str, Any]],
    earlier: int,
    made: Mapping[str, list[str]],
) -> tuple[dict[str, list[str]], WordsFound]:
    """``made`` (the typed ``items``' links from their version items, gold's items from
    index ``earlier``) with the links their words give where it has none (a list: beside
    its own), and what the words linked or could not."""
    out = {path: list(ids) for path, ids in made.items()}
    found = WordsFound()
    for number, item in enumerate(items):
        for sub in group.fields:
            path = f"{group.name}[{earlier + number}].{sub.name}"
            linked = out.get(path, [])
            if linked and sub.type != "list":
                continue  # the version item's link holds: it keeps precedence
            ids, several = words_links(record, sub, item.get(sub.name), linked)
            if ids:
                out[path] = [*linked, *ids]
                found.linked[path] = ids
            if several:
                found.several[path] = several
    return out, found


def as_linked_words(record: Spanned, leaf: FormField, value: Any, linked: Sequence[str]) -> Any:
    """``value`` typed for ``leaf`` as it is stored linked to the spans ``linked``: a text, or
    each item of a list, that holds one's words (whitespace aside) is those words single-spaced
    (the module docstring); a count or date, and a text holding none's words, as typed."""
    spans = [span for span in record.spans if span.id in linked]
    if leaf.type in VALUED or not spans:
        return value

    def stored(one: Any) -> Any:
        # Linked by its words at their best tier (``spans_matching``): those spans' words
        # when they are written alike, else as typed.
        words = {span_words(span) for span in spans_alike(one, spans)}
        return next(iter(words)) if len(words) == 1 else one

    return [stored(one) for one in value] if isinstance(value, list) else stored(value)


def item_as_taken(record: Spanned, group: FormField, item: Mapping[str, Any]) -> dict[str, Any]:
    """A version's ``item`` of ``group`` as gold stores it taken (merge's rule linking it by
    its words): each text, or a list's item, whose words are those of gold spans of one
    wording at its best tier (``spans_matching``) those words. Carol's "drava people's
    authority" taken is gold's "Drava People’s Authority": compared as typed, it was no item
    alike bob's taken before, and gold held the two the same with no word."""
    out = dict(item)
    for sub in group.fields:
        value = item.get(sub.name)
        if sub.from_label is None or sub.type in VALUED or value in (None, "", []):
            continue

        def stored(one: Any, sub: FormField = sub) -> Any:
            words = {span_words(span) for span in spans_matching(record, sub, one)}
            return next(iter(words)) if len(words) == 1 else one

        out[sub.name] = [stored(one) for one in value] if isinstance(value, list) else stored(value)
    return out


def items_as_linked_words(
    record: GoldRecord,
    group: FormField,
    items: Sequence[Mapping[str, Any]],
    earlier: int,
    links: Mapping[str, list[str]],
) -> list[dict[str, Any]]:
    """Typed ``items`` (gold's from index ``earlier``), each field ``as_linked_words`` by
    ``links`` (form path -> span ids)."""
    return [
        {
            sub.name: as_linked_words(
                record, sub, item.get(sub.name), links.get(f"{group.name}[{at}].{sub.name}", [])
            )
            for sub in group.fields
        }
        for at, item in enumerate(items, start=earlier)
    ]


def field_as_linked(settled: GoldRecord, field: FormField) -> GoldRecord:
    """``settled`` with the top-level ``field`` it was typed for as stored once linked (the
    links are merge's rule's, known once settled): ``as_linked_words``, and a list in the
    order of its linked spans in the text, as the annotation screen keeps it."""
    value = settled.form.get(field.name)
    if value in (None, []):
        return settled
    value = as_linked_words(settled, field, value, settled.links.get(field.name, []))
    value, links = linked_in_text_order(settled, value, settled.links, field.name)
    return settled.model_copy(update={"form": {**settled.form, field.name: value}, "links": links})
