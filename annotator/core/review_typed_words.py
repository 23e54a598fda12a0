"""A typed item field linked to the gold span whose words it holds.

A reviewer's trial typed ``released_by`` = "Front de Libération du Sahel Central" in the item
editor (``e`` on ``releases``), the words of gold span s3 (an actor), and gold kept the value
with no link: the links of a typed item came only from the version item it began as
(``review_typed.made_links``). The annotate screen links a value filled from a span (ctrl+l);
a value typed in review now gets the same link when it can say which span it is: a field with
no link from its version item is linked to the one gold span of its ``from_label`` whose words
it holds (whitespace runs alike, ``span_words.holds_words_of``), or, for a count or date
field, whose value it is. When several gold spans hold them (two "Russia" actors), none is
linked and the count is kept (``WordsFound.several``: the editor shows ``⛓ ? 2 spans``): no
rule tells which one the reviewer meant, and a wrong link is worse than none (ctrl+l on the
annotate screen lets one pick). A list links each of its items that holds the words of one
span only and is not held by a span it is linked to already. A link the version item gives
keeps precedence while it holds (``made_links``): words are looked at only where it gives none.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from annotator.core.form_compare import normal
from annotator.core.models import GoldRecord, Span
from annotator.core.scheme import FormField
from annotator.core.span_words import holds_words_of

# The field types a typed value is matched to a span by the span's value, not its words.
VALUED = ("integer", "date")


@dataclass
class WordsFound:
    """What the words of typed fields linked, by form path (``releases[2].released_by``)."""

    linked: dict[str, list[str]] = field(default_factory=dict)  # the spans linked by words
    several: dict[str, int] = field(default_factory=dict)  # ambiguous: how many spans match


def spans_matching(record: GoldRecord, leaf: FormField, value: Any) -> list[Span]:
    """The gold spans of ``leaf``'s label that give ``value`` (one value, or one list item):
    a count or date its value, another field its words, whitespace aside."""
    if leaf.from_label is None or value in (None, "", []):
        return []
    labelled = [span for span in record.spans if span.label == leaf.from_label]
    if leaf.type in VALUED:
        return [span for span in labelled if normal(span.value) == normal(value)]
    return [span for span in labelled if holds_words_of(value, span)]


def words_links(
    record: GoldRecord, leaf: FormField, value: Any, linked: Sequence[str] = ()
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
