"""The project's own JSONL: records as they are, optionally with the text (``--with-text``).

With the text each line is the record's fields plus ``text`` and ``meta`` (the document's), so
one file carries everything; such a line is no longer a bare Record (``annotator validate`` reads
records, not these): it is a ``RecordWithText`` (``GoldRecordWithText`` from gold), each with a
shipped JSON Schema of its own, since record.schema.json and gold_record.schema.json refuse
unknown fields. Import reads either documents (``{"id", "text", "meta"}``) or such lines,
keeping the record's ``updated_at`` and ``seconds_spent`` too (``RecordLineDoc``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import Field, ValidationError

from annotator.core.errors import AnnotatorError
from annotator.core.formats.common import (
    ImportedDoc,
    ImportedSpan,
    Item,
    jsonl_bytes,
)
from annotator.core.formats.import_json import json_lines
from annotator.core.journal import record_problems
from annotator.core.models import Document, GoldRecord, Record

if TYPE_CHECKING:  # import_checks imports this module (RecordLineDoc)
    from annotator.core.formats.import_checks import ImportReporter

# What a gold record holds that an annotator's record cannot, as the summary counts it.
GOLD_NOT_KEPT = "gold record(s)' sources and conflicts"


class RecordWithText(Record):
    """A line of ``export --format jsonl --with-text`` from a journal: the record, and the text
    and meta of its document (the text its ``doc_sha256`` is of)."""

    text: str
    meta: dict[str, Any] = Field(default_factory=dict)


class GoldRecordWithText(GoldRecord):
    """A line of ``export --format jsonl --with-text`` from a gold file: the gold record (its
    ``sources`` and ``conflicts`` too), and the text and meta of its document."""

    text: str
    meta: dict[str, Any] = Field(default_factory=dict)


@dataclass
class RecordLineDoc(ImportedDoc):
    """A document read from one of our record lines: also its text's hash and its annotator
    (and, as every ``ImportedDoc``, when and how long it was annotated)."""

    doc_sha256: str | None = None  # checked against the text by the import
    annotator: str | None = None  # who wrote the record: the import's default --annotator


def export_rows(items: Sequence[Item], with_text: bool) -> bytes:
    rows = []
    for item in items:
        row: dict[str, Any] = item.record.model_dump(mode="json")
        if with_text:
            row["text"] = item.document.text
            row["meta"] = item.document.meta
        rows.append(row)
    return jsonl_bytes(rows)


def read(path: Path, report: ImportReporter) -> list[ImportedDoc]:
    docs: list[ImportedDoc] = []
    for number, data in json_lines(path):
        where = f"{path}:{number}"
        if "doc_id" in data:
            docs.append(_record_line(data, where, report))
            continue
        try:
            document = Document.model_validate(data)
        except ValidationError as error:
            field, message = record_problems(error)[0]
            raise AnnotatorError(f"{where}: {field}: {message}") from None
        docs.append(ImportedDoc(document.id, document.text, where, meta=dict(document.meta)))
    return docs


def _record_line(data: dict[str, Any], where: str, report: ImportReporter) -> ImportedDoc:
    fields = dict(data)
    text = fields.pop("text", None)
    meta = fields.pop("meta", {})
    if not isinstance(text, str):
        problem = "required field is missing" if text is None else "expected a string"
        raise AnnotatorError(
            f"{where}: text: {problem} (a record line needs its text: export with --with-text)"
        )
    if not isinstance(meta, dict):
        raise AnnotatorError(f"{where}: meta: expected an object")
    model: type[Record] = GoldRecord if "sources" in fields else Record
    try:
        record = model.model_validate(fields)
    except ValidationError as error:
        field, message = record_problems(error)[0]
        raise AnnotatorError(f"{where}: {field}: {message}") from None
    if isinstance(record, GoldRecord) and (record.conflicts or record.sources.annotators):
        # Every line of merge's gold file has them: up to DETAIL_UP_TO documents are named,
        # more are one line (a 10,000-document gold file printed 10,000), as exports say it.
        first = f"{where}: document {record.doc_id}"
        report.not_carried(
            f"{first}: sources, conflicts: not kept (a gold record's: the import writes one "
            "annotator's records)",
            GOLD_NOT_KEPT,
            summary=lambda documents: (
                f"{documents} document(s) are gold records: sources, conflicts: not kept (the "
                f"import writes one annotator's records; first: {first})"
            ),
        )
    spans = [
        ImportedSpan(
            span.start,
            span.end,
            span.label,
            f"{where}: spans.{index}",
            surface=span.text,
            value=span.value,
            span_id=span.id,
        )
        for index, span in enumerate(record.spans)
    ]
    return RecordLineDoc(
        record.doc_id,
        text,
        where,
        meta=meta,
        spans=spans,
        form=dict(record.form),
        links={path: list(ids) for path, ids in record.links.items()},
        note=record.note,
        status=record.status,
        flagged=record.flagged,
        updated_at=record.updated_at,
        seconds_spent=record.seconds_spent,
        doc_sha256=record.doc_sha256,
        annotator=record.annotator,
    )
