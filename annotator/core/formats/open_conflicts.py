"""What an export cannot write of a gold record under review: its open conflicts.

A gold record with open conflicts holds only what the annotators agreed on; the disputed spans
and answers wait in ``conflicts`` for ``annotator review``. Every format but ``jsonl`` (which
writes the record whole) leaves them out, so a disputed ``Kyiv`` is unlabelled text there, a
negative example to a model trained on it. That is said, one line per document (a summary past
``DETAIL_UP_TO`` documents, as what a format cannot carry is), never left silent.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from annotator.core.display import quoted
from annotator.core.formats.common import Item, Reporter, each_or_summary
from annotator.core.item_brief import lone_item_brief
from annotator.core.models import GoldRecord

# Conflicts named in a document's line; more are counted.
NAMED_UP_TO = 3
SETTLE = "settle {} with annotator review"


def describe_conflict(conflict: dict[str, Any], text: str) -> str:
    """``span 780–784 'Kyiv'``, ``field event_type``, ``releases: the item ann1 gave
    (Kestria → Norvania, 95)`` (an item only some gave, a conflict of its own: ``field
    releases`` said the same of each), or the conflict's kind alone."""
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
        brief = lone_item_brief(conflict)
        return f"{path}: {brief}" if brief is not None else f"field {path}"
    return kind


def conflicts_line(item: Item) -> str | None:
    """The document's line, e.g. ``article: 1 open conflict not written (span 780–784 'Kyiv');
    settle it with annotator review``; None when the record has no open conflict."""
    record = item.record
    if not isinstance(record, GoldRecord) or not record.conflicts:
        return None
    count = len(record.conflicts)
    named = [describe_conflict(c, item.document.text) for c in record.conflicts[:NAMED_UP_TO]]
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


def report_open_conflicts(items: Sequence[Item], report: Reporter) -> None:
    """Say which documents' open conflicts this export leaves out (each line in ``details``)."""
    found: list[tuple[Item, str]] = []
    for item in items:
        line = conflicts_line(item)
        if line is not None:
            found.append((item, line))
    lines = [line for _item, line in found]
    report.details.extend(lines)

    def summary() -> str:
        total = sum(len(getattr(item.record, "conflicts", ())) for item, _line in found)
        return (
            f"open conflicts not written: {total} in {len(found)} document(s) "
            f"(first: {found[0][0].record.doc_id}); " + SETTLE.format("them")
        )

    for said in each_or_summary(lines, summary, report.verbose):
        report.warn(said)
