"""doccano JSONL: ``{"id", "text", "label": [[start, end, label]], "meta"}``, or ``entities``.

A row's spans are read from each of ``label``, ``labels`` and ``entities`` it has (a row with
two of them loses neither). Spans under any other key (a Prodigy file's ``spans``, a ``Label``
column) go to the document's meta and are reported, naming what reads them; when no row holds
spans where doccano reads them, an import with ``--annotations`` is refused.

The ``entities`` style is doccano's relation-extraction layout: ``entities`` holds
``{"id", "label", "start_offset", "end_offset"}`` and ``relations`` links them: written from the
brat R lines a record keeps in its note, and read into the note as such lines
(``doccano_relations``); what else of brat's lines a record keeps is counted, not written
(``kept_brat_words``). Offsets are code points unless
``--offsets utf16`` says the tool counted UTF-16 units. doccano shows its relation example as
pretty-printed JSON rather than JSONL; such a file (one object or a list) is read as well.
doccano's own import lets the user name the text and label columns (``Column Data``, ``Column
Label``); so does ours (``text_key``, ``label_key``): a row without that label field is a text
nobody annotated, and a file where no row has it is said.

doccano 1.x wrote ``annotations``: ``{"label": 2, "start_offset", "end_offset", "user"}``, the
label a number whose name is in the doccano project only. Such spans are read when ``--map``
names every id in the file (``--map 2=actor``: the span comes as label ``2``, which the map
renames); else they are said as a key not read (``import_span_keys``), with the ids to name.
The spans of all the file's users are read into the one record of each document, said.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import orjson

from annotator.core.errors import AnnotatorError
from annotator.core.formats.common import (
    ImportedDoc,
    ImportedSpan,
    Item,
    Reporter,
    jsonl_bytes,
    line_id,
    read_bytes,
    require_int,
    require_str,
    span_fields,
    without_bom,
)
from annotator.core.formats.doccano_relations import read_relations, relation_rows
from annotator.core.formats.held_kinds import said_key
from annotator.core.formats.import_checks import BadSpan, ImportReporter
from annotator.core.formats.import_json import json_lines
from annotator.core.formats.import_span_keys import UnreadSpanKeys, label_ids, span_style
from annotator.core.formats.kept_brat_words import report_kept_left_out
from annotator.core.formats.offsets import Utf16Offsets, say_code_points, written_spans
from annotator.core.formats.relation_lines import (
    as_brat_spans,
    kept_relations,
    report_relations_left_out,
)


def export_rows(items: Sequence[Item], style: str, utf16: bool, report: Reporter) -> bytes:
    say_code_points(items, "doccano", utf16, report)
    rows = []
    for item in items:
        text = item.document.text
        spans = written_spans(text, item.record.spans, utf16)
        row: dict[str, Any] = {"id": item.record.doc_id, "text": text}
        if style == "entities":
            row["entities"] = [
                {"id": number, "label": span.label, "start_offset": start, "end_offset": end}
                for number, (span, start, end) in enumerate(spans)
            ]
            kept = kept_relations(item.record.note, item.record.spans, text)
            numbers = {span.id: number for number, (span, _start, _end) in enumerate(spans)}
            row["relations"] = relation_rows(kept.relations, numbers)
            report_relations_left_out(item, "doccano", report, kept)
        else:
            row["label"] = [[start, end, span.label] for span, start, end in spans]
            report_kept_left_out(item, "doccano", report)
        row["meta"] = item.document.meta
        rows.append(row)
    return jsonl_bytes(rows)


def _rows(path: Path) -> list[tuple[str, int, dict[str, Any]]]:
    """(where, number, row) per JSONL line; a pretty-printed JSON object or list is read too."""
    raw = without_bom(read_bytes(path))
    if raw.lstrip()[:1] in (b"{", b"[") and raw.strip().count(b"\n") > 0:
        try:
            whole = orjson.loads(raw)
        except orjson.JSONDecodeError:
            whole = None
        if isinstance(whole, dict | list):
            rows = [whole] if isinstance(whole, dict) else whole
            if all(isinstance(row, dict) for row in rows):
                return [(f"{path}: entry {n}", n, row) for n, row in enumerate(rows, 1)]
    return [(f"{path}:{number}", number, row) for number, row in json_lines(path)]


def read(
    path: Path,
    utf16: bool,
    report: ImportReporter,
    text_key: str = "text",
    label_key: str | None = None,
    annotations: bool = False,
    mapped: frozenset[str] = frozenset(),
) -> list[ImportedDoc]:
    """The rows of ``path``: the text in ``text_key``, spans in ``label_key`` (None: ``label``,
    ``labels`` and ``entities``, each that the row has; doccano 1.x's ``annotations`` too when
    ``mapped``, the labels ``--map`` names, holds every label id there). Spans under another key
    are reported (``UnreadSpanKeys``), refused when they are all there are and ``annotations``
    wants records."""
    rows = _rows(path)
    users = _ids_read(rows, mapped) if label_key is None else None
    # The fields read as the text and the labels; every other field goes to meta, the usual
    # text/label fields too when other keys were named (a row's own document-level "label"
    # beside "column_label" was dropped unsaid).
    read_as_labels = {"label", "labels", "entities"} if label_key is None else {label_key}
    read_as_labels |= {_V1} if users is not None else set()
    known = {"id", "relations", "meta", text_key, *read_as_labels}
    reads = "label, labels or entities" if label_key is None else label_key
    unread = UnreadSpanKeys("doccano", reads, label_key, mapped)
    docs: list[ImportedDoc] = []
    labelled = False
    for where, number, row in rows:
        if text_key not in row:
            # Every field the row has ("none" said so of a row holding label and meta); the
            # options are named when one of them could be the text.
            present = ", ".join(map(said_key, sorted(row))) or "none"
            others = any(k not in known for k in row)
            named = "" if text_key == "text" else " as --text-key says"
            keys = "; name the text's field with --text-key KEY, the labels' with --label-key KEY"
            raise AnnotatorError(
                f"{where}: {text_key}: required field is missing (doccano rows hold the text "
                f'in "{text_key}"{named}; fields here: {present}'
                f"{keys if others else ''})"
            )
        text = require_str(row[text_key], where, text_key)
        doc_id = _doc_id(row, path, number)
        meta = row.get("meta") or {}
        if not isinstance(meta, dict):
            raise AnnotatorError(f"{where}: meta: expected an object")
        meta = {**meta, **{k: v for k, v in row.items() if k not in known}}
        unread.row(row, where, read_as_labels)
        offsets = Utf16Offsets(text) if utf16 else None
        spans = _spans(row, where, offsets, label_key, users is not None)
        labelled |= label_key is not None and label_key in row
        kept = _relations(row, where, spans, label_key is None and users is None, report)
        if kept:
            spans = as_brat_spans(spans or [], text)
        docs.append(ImportedDoc(doc_id, text, where, meta=meta, spans=spans, kept=kept))
    if label_key is not None and not labelled:
        report.warn(f"{path}: --label-key {label_key}: no row has it; no labels imported")
    if users is not None and len(users) > 1:
        report.warn(
            f"{path}: {_V1}: the spans of {len(users)} doccano users (user ids "
            f"{', '.join(map(str, sorted(users)))}) are read together, one record a document "
            "(the file gives each row's spans of every user)"
        )
    unread.finish(path, report, annotations, "kept in the document's meta")
    return docs


def _relations(
    row: dict[str, Any],
    where: str,
    spans: list[ImportedSpan] | None,
    entities_only: bool,
    report: ImportReporter,
) -> list[str]:
    """The row's relations as brat R lines between its entities, given span ids ``T1``,
    ``T2``... (``doccano_relations``), for the record's note; none when it has none. Relations
    of a row whose spans are not all entities (ids to name) are not imported, said."""
    relations = row.get("relations") or []
    if not relations:
        return []
    entities = row.get("entities")
    others = [key for key in ("label", "labels") if key in row]
    usable = entities_only and not others and isinstance(entities, list) and spans is not None
    if not usable:
        count = len(relations) if isinstance(relations, list) else 1
        report.not_carried(
            f"{where}: {count} relation(s) not imported (the row's spans are not its entities "
            "alone, which relations link)",
            "relation(s)",
            count,
        )
        return []
    assert spans is not None and isinstance(entities, list)
    for number, span in enumerate(spans, 1):
        span.span_id = f"T{number}"
    ids = [entity.get("id") if isinstance(entity, dict) else None for entity in entities]
    lines, problems = read_relations(relations, ids, spans, where)
    for problem in problems:
        report.not_carried(f"{problem}; not imported", "relation(s)")
    if not lines:
        return []
    report.not_carried(
        f"{where}: {len(lines)} relation(s) kept in the record's note as brat R lines, not "
        "imported as spans (doccano and brat exports write them back)",
        "relation(s) kept in the note",
        len(lines),
    )
    return lines


# doccano 1.x's key of spans whose labels are ids.
_V1 = "annotations"


def _ids_read(
    rows: Sequence[tuple[str, int, dict[str, Any]]], mapped: frozenset[str]
) -> set[Any] | None:
    """The users of doccano 1.x's spans when they are read (some row holds them, and ``mapped``
    names every label id of them), else None."""
    found = [row[_V1] for _where, _number, row in rows if span_style(row.get(_V1)) == "ids"]
    ids = {str(i) for spans in found for i in label_ids(spans)}
    if not ids or not ids <= mapped:
        return None
    return {span.get("user") for spans in found for span in spans}


def _doc_id(row: dict[str, Any], path: Path, number: int) -> str:
    value = row.get("id")
    if isinstance(value, str) and value:
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return line_id(path.stem, number)


def _spans(
    row: dict[str, Any],
    where: str,
    offsets: Utf16Offsets | None,
    label_key: str | None,
    v1: bool = False,
) -> list[ImportedSpan] | None:
    """The row's spans from every key read that it has (a row with both ``label`` and
    ``entities`` gives both: neither is dropped); None when it has none of them."""
    keys = ["label", "labels"] if label_key is None else [label_key]
    present = [key for key in keys if key in row]
    has_entities = label_key is None and "entities" in row
    has_ids = v1 and _V1 in row
    if not present and not has_entities and not has_ids:
        return None
    out: list[ImportedSpan] = []
    if has_ids:
        _label_ids(row[_V1], where, offsets, out)
    if has_entities:
        _entities(row["entities"], where, offsets, out)
    for key in present:
        _triples(row[key], key, where, offsets, out)
    return out


def _entities(
    entities: Any, where: str, offsets: Utf16Offsets | None, out: list[ImportedSpan]
) -> None:
    if not isinstance(entities, list):
        raise AnnotatorError(f"{where}: entities: expected a list")
    for index, entity in enumerate(entities):
        field = f"entities.{index}"
        start, end, label = span_fields(entity, where, field, ("start_offset", "end_offset"))
        _add(out, start, end, label, f"{where}: {field}", "label", offsets)


def _label_ids(
    spans: Any, where: str, offsets: Utf16Offsets | None, out: list[ImportedSpan]
) -> None:
    """doccano 1.x's spans, each labelled by its label id (as a string, for ``--map``)."""
    if not isinstance(spans, list):
        raise AnnotatorError(f"{where}: {_V1}: expected a list")
    for index, span in enumerate(spans):
        field = f"{_V1}.{index}"
        label = span.get("label") if isinstance(span, dict) else None
        if isinstance(label, bool) or not isinstance(label, int):
            raise AnnotatorError(f"{where}: {field}.label: expected a label id, got {label!r}")
        start, end, _ = span_fields({**span, "label": ""}, where, field, _OFFSETS)
        _add(out, start, end, str(label), f"{where}: {field}", "label", offsets)


_OFFSETS = ("start_offset", "end_offset")


def _triples(
    triples: Any, key: str, where: str, offsets: Utf16Offsets | None, out: list[ImportedSpan]
) -> None:
    if not isinstance(triples, list):
        raise AnnotatorError(f"{where}: {key}: expected a list of [start, end, label]")
    for index, triple in enumerate(triples):
        field = f"{key}.{index}"
        if not isinstance(triple, list) or len(triple) != 3:
            raise AnnotatorError(f"{where}: {field}: expected [start, end, label]")
        start = require_int(triple[0], where, f"{field}.0")
        end = require_int(triple[1], where, f"{field}.1")
        label = require_str(triple[2], where, f"{field}.2")
        _add(out, start, end, label, f"{where}: {field}", "2", offsets)


def _add(
    out: list[ImportedSpan],
    start: int,
    end: int,
    label: str,
    at: str,
    label_key: str,
    offsets: Utf16Offsets | None,
) -> None:
    if not label:
        out.append(BadSpan(start, end, label, at, problem=f"{at}.{label_key}: empty label"))
        return
    if offsets is not None:
        start_cp, end_cp = offsets.from_utf16(start), offsets.from_utf16(end)
        if start_cp is None or end_cp is None:
            problem = f"{at}: {label} {start}..{end} (UTF-16) cuts a character in two"
            out.append(BadSpan(start, end, label, at, problem=problem))
            return
        start, end = start_cp, end_cp
    out.append(ImportedSpan(start, end, label, at))
