"""Label Studio JSON written: a task a document, its record one annotation whose results are
the spans, for the labelling config ``<Labels name="label" toName="text">`` over ``<Text
name="text" value="$text"/>`` (docs/formats.md has it whole). A result's ``id`` is its span's,
and the annotation's ``lead_time`` and ``updated_at`` the record's time spent and last change:
the import (``labelstudio``) reads all three back. The brat R lines the record keeps between its
spans are relation results after the spans' (``labelstudio_relations``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import orjson

from annotator.core.formats.common import Item, Reporter
from annotator.core.formats.labelstudio_fields import EXPORT_TAGS
from annotator.core.formats.labelstudio_relations import relation_results
from annotator.core.formats.offsets import say_code_points, written_spans
from annotator.core.formats.relation_lines import kept_relations, report_relations_left_out


def export_tasks(items: Sequence[Item], utf16: bool, report: Reporter) -> bytes:
    say_code_points(items, "labelstudio", utf16, report)
    tasks = []
    for item in items:
        text = item.document.text
        kept = kept_relations(item.record.note, item.record.spans, text)
        report_relations_left_out(item, "labelstudio", report, kept)
        result = []
        for span, start, end in written_spans(text, item.record.spans, utf16):
            result.append(
                {
                    "id": span.id,
                    "from_name": EXPORT_TAGS[0],
                    "to_name": EXPORT_TAGS[1],
                    "type": "labels",
                    "value": {
                        "start": start,
                        "end": end,
                        "text": span.text,
                        "labels": [span.label],
                    },
                }
            )
        result.extend(relation_results(kept.relations))
        meta: dict[str, Any] = {"doc_id": item.record.doc_id, **item.document.meta}
        tasks.append(
            {
                "data": {"text": text},
                "meta": meta,
                "annotations": [{"result": result, "was_cancelled": False, **_times(item)}],
            }
        )
    return orjson.dumps(tasks, option=orjson.OPT_INDENT_2) + b"\n"


def _times(item: Item) -> dict[str, Any]:
    """The record's time spent and last change under Label Studio's names for them (an
    annotation's ``lead_time`` in seconds, ``updated_at``), which the import reads back; none
    when the record has none. A record has no ``created_at``: none is made up."""
    times: dict[str, Any] = {}
    if item.record.seconds_spent:
        times["lead_time"] = item.record.seconds_spent
    if item.record.updated_at is not None:
        times["updated_at"] = item.record.updated_at
    return times
