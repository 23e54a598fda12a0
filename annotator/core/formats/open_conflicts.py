"""What an export cannot write of a gold record under review: its open conflicts.

A gold record with open conflicts holds only what the annotators agreed on; the disputed spans
and answers wait in ``conflicts`` for ``annotator review``. Every format but ``jsonl`` (which
writes the record whole) leaves them out, so a disputed ``Kyiv`` is unlabelled text there, a
negative example to a model trained on it. That is said, one line per document (a summary past
``DETAIL_UP_TO`` documents, as what a format cannot carry is), never left silent.

A disputed form answer is said only where the form is written (brat, for a document with
spans): a format that writes no form (conll, hf, spacy, prodigy, doccano, labelstudio) says the
form is not carried in its own line, and "2 open conflicts not written — field event_type,
releases: …" beside it told of answers it would never have written, settled or not.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from annotator.core.display import quoted
from annotator.core.formats.common import Item, Reporter, each_or_summary
from annotator.core.item_brief import lone_item_brief, lone_item_of
from annotator.core.models import GoldRecord
from annotator.core.scheme import FormField, Scheme, load_default_scheme

# Conflicts named in a document's line; more are counted.
NAMED_UP_TO = 3
SETTLE = "settle {} with annotator review"


def describe_conflict(conflict: dict[str, Any], text: str, scheme: Scheme | None) -> str:
    """``span 780–784 'Kyiv'``, ``field event_type``, ``releases: the item ann1 gave
    (Kestria → Norvania, 95)`` (an item only some gave, a conflict of its own: ``field
    releases`` said the same of each; named as ``item_group`` finds its scheme says), or the
    conflict's kind alone."""
    kind = str(conflict.get("kind", "conflict"))
    region = conflict.get("region")
    if (
        kind == "span"
        and isinstance(region, list)
        and len(region) == 2
        and all(isinstance(edge, int) and not isinstance(edge, bool) for edge in region)
    ):
        start, end = region
        return f"span {start}–{end} {quoted(text[start:end], 30)}"
    path = conflict.get("path")
    if kind == "field" and isinstance(path, str):
        brief = lone_item_brief(conflict, item_group(conflict, path, scheme))
        return f"{path}: {brief}" if brief is not None else f"field {path}"
    return kind


def item_group(conflict: dict[str, Any], path: str, scheme: Scheme | None) -> FormField | None:
    """The group whose ``brief`` names the item of a conflict over one: the scheme's field at
    ``path``; without a scheme (export needs none), the default scheme's when its fields hold
    every field the versions' items fill (as hf's labels follow it when it holds every label
    exported), else None: the item is named plainly, no words of another scheme's put on it."""
    lone = lone_item_of(conflict)
    field = (scheme or default_scheme()).field(path) if lone is not None else None
    if lone is None or field is None or field.type != "group":
        return None
    names = {sub.name for sub in field.fields}
    return field if scheme is not None or all(set(item) <= names for item in lone[1]) else None


@cache
def default_scheme() -> Scheme:
    """The default scheme, read once (an export may name many conflicts)."""
    return load_default_scheme()


def writes_form(fmt: str, item: Item) -> bool:
    """Whether export format ``fmt`` writes ``item``'s form: jsonl whole, brat in the notes of a
    document's first span (so not for a document without spans); the others none at all."""
    return fmt == "jsonl" or (fmt == "brat" and bool(item.record.spans))


def unwritten_conflicts(item: Item, form_written: bool = True) -> list[dict[str, Any]]:
    """The record's open conflicts whose settling would change what the export writes: every
    one, or only the span conflicts when the form is not written."""
    record = item.record
    if not isinstance(record, GoldRecord):
        return []
    if form_written:
        return list(record.conflicts)
    return [conflict for conflict in record.conflicts if conflict.get("kind") == "span"]


def conflicts_line(item: Item, scheme: Scheme | None, form_written: bool = True) -> str | None:
    """The document's line, e.g. ``article: 1 open conflict not written (span 780–784 'Kyiv');
    settle it with annotator review``; None when the record has no open conflict (none but of
    the form, when ``form_written`` is False). ``scheme``: export's, None without one."""
    record = item.record
    conflicts = unwritten_conflicts(item, form_written)
    if not conflicts:
        return None
    count = len(conflicts)
    named = [describe_conflict(c, item.document.text, scheme) for c in conflicts[:NAMED_UP_TO]]
    if count > NAMED_UP_TO:
        named.append(f"{count - NAMED_UP_TO} more")
    what = "1 open conflict" if count == 1 else f"{count} open conflicts"
    settle = SETTLE.format("it" if count == 1 else "them")
    listed = ", ".join(named)
    # A list ending in a bracket of its own (an item's brief) follows a dash, as
    # review_outcome.with_detail's details do: "(… (Kestria → Norvania, 95)); settle" read badly.
    if listed.endswith((")", "]")):
        return f"{record.doc_id}: {what} not written — {listed}; {settle}"
    return f"{record.doc_id}: {what} not written ({listed}); {settle}"


def report_open_conflicts(
    items: Sequence[Item], report: Reporter, fmt: str, scheme: Scheme | None
) -> None:
    """Say which documents' open conflicts an export to ``fmt`` leaves out (each line in
    ``details``); ``scheme``: export's, None without one."""
    found: list[tuple[Item, str]] = []
    total = 0
    forms = False  # whether any document's form is written (its field conflicts counted)
    for item in items:
        form_written = writes_form(fmt, item)
        forms |= form_written
        line = conflicts_line(item, scheme, form_written)
        if line is not None:
            found.append((item, line))
            total += len(unwritten_conflicts(item, form_written))
    lines = [line for _item, line in found]
    report.details.extend(lines)

    # Where no form is written, its conflicts are not counted: said, as a trial's doccano
    # export read 98 open conflicts of a gold file whose brat export read 108.
    which = "open conflicts" if forms else "open span conflicts"

    def summary() -> str:
        return (
            f"{which} not written: {total} in {len(found)} document(s) "
            f"(first: {found[0][0].record.doc_id}); " + SETTLE.format("them")
        )

    for said in each_or_summary(lines, summary, report.verbose):
        report.warn(said)
