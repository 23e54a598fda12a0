"""Prodigy JSONL: ``text``, ``meta``, ``tokens``, ``spans`` with token indices, hashes, ``answer``,
``_timestamp`` (a record's ``updated_at``, in whole seconds).

Hashes. Prodigy identifies a task's input by ``_input_hash``, a signed 32-bit MurmurHash3
(``mmh3.hash``) of ``text=`` followed by the JSON of the text (``json.dumps``, ASCII escapes):
computed here exactly so, and checked against every hash of the Prodigy files in the tests.
``_task_hash`` depends on Prodigy internals we could not reproduce from published files; it is
computed here as the MurmurHash3 of the input hash in decimal followed by ``spans=`` and the
compact, key-sorted JSON of the spans' ``start``, ``end`` and ``label``. It is stable (same spans,
same hash) and different for different spans, which is what Prodigy uses it for (finding a task
already answered); ``prodigy db-in`` keeps it, and ``--rehash`` recomputes Prodigy's own.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any, cast

import orjson

from annotator.core.errors import AnnotatorError
from annotator.core.formats.common import (
    ImportedDoc,
    ImportedSpan,
    Item,
    Reporter,
    jsonl_bytes,
    line_id,
    require_str,
    span_fields,
)
from annotator.core.formats.import_checks import BadSpan, ImportReporter
from annotator.core.formats.import_json import json_lines
from annotator.core.formats.import_span_keys import UnreadSpanKeys
from annotator.core.formats.kept_brat_words import report_kept_left_out
from annotator.core.formats.prodigy_keys import LeftOutKeys, answered_at, unix_seconds, utc_time
from annotator.core.formats.wstokens import exact_pieces

_MASK = 0xFFFFFFFF


def murmurhash3_32(data: bytes, seed: int = 0) -> int:
    """MurmurHash3 x86 32-bit, signed, as ``mmh3.hash`` returns it."""
    c1, c2 = 0xCC9E2D51, 0x1B873593
    hash_ = seed & _MASK
    size = len(data)
    body = size - size % 4
    for offset in range(0, body, 4):
        k = int.from_bytes(data[offset : offset + 4], "little")
        k = (k * c1) & _MASK
        k = ((k << 15) | (k >> 17)) & _MASK
        k = (k * c2) & _MASK
        hash_ ^= k
        hash_ = ((hash_ << 13) | (hash_ >> 19)) & _MASK
        hash_ = (hash_ * 5 + 0xE6546B64) & _MASK
    tail = data[body:]
    if tail:
        k = int.from_bytes(tail, "little")
        k = (k * c1) & _MASK
        k = ((k << 15) | (k >> 17)) & _MASK
        k = (k * c2) & _MASK
        hash_ ^= k
    hash_ ^= size
    hash_ ^= hash_ >> 16
    hash_ = (hash_ * 0x85EBCA6B) & _MASK
    hash_ ^= hash_ >> 13
    hash_ = (hash_ * 0xC2B2AE35) & _MASK
    hash_ ^= hash_ >> 16
    return hash_ - (1 << 32) if hash_ & 0x80000000 else hash_


@cache
def _hasher() -> Callable[[bytes], int]:
    """A compiled MurmurHash3 when one is installed (``mmh3``, or ``murmurhash`` with spaCy)."""
    try:
        import mmh3  # type: ignore[import-untyped, import-not-found, unused-ignore]

        return cast(Callable[[bytes], int], mmh3.hash)
    except ImportError:
        pass
    try:
        from murmurhash.mrmr import hash_bytes  # type: ignore[import-untyped, import-not-found, unused-ignore]

        return cast(Callable[[bytes], int], hash_bytes)
    except ImportError:
        return murmurhash3_32


def input_hash(text: str) -> int:
    """Prodigy's ``_input_hash`` of a task whose input is ``text``."""
    key = "text=" + json.dumps(text)
    return _hasher()(key.encode("utf-8", "surrogatepass"))


def task_hash(input_hash_: int, spans: Sequence[dict[str, Any]]) -> int:
    """This project's ``_task_hash`` (see the module docstring)."""
    core = [{"end": s["end"], "label": s["label"], "start": s["start"]} for s in spans]
    key = f"{input_hash_}spans=" + orjson.dumps(core, option=orjson.OPT_SORT_KEYS).decode()
    return _hasher()(key.encode("utf-8", "surrogatepass"))


def task(item: Item) -> dict[str, Any]:
    """The Prodigy task of one record. ``answer`` is ``accept`` for a ``done`` record only: an
    ``in_progress`` one (a gold document with open conflicts) is not finished and a ``skipped``
    one was passed over, so both are ``ignore``, which Prodigy keeps but does not train on.
    A record's ``updated_at`` is its ``_timestamp`` (whole seconds), as the import reads it."""
    document, record = item.document, item.record
    text = document.text
    # The project's tokens cut at each span's edges, as a spaCy export's words are, so every
    # span is exactly tokens token_start..token_end (Prodigy's own tokens of Ex-Yahoo are Ex,
    # -, Yahoo: a span Yahoo pointed at the token Ex-Yahoo). Prodigy rebuilds the text from
    # tokens and ws (one space): other whitespace is tokens of its own, and a zero-width space
    # is in the token beside it (``wstokens.attach_invisible_breaks``).
    pieces = exact_pieces(text, record.spans)
    first_at = {piece.start: number for number, piece in enumerate(pieces)}
    last_at = {piece.end: number for number, piece in enumerate(pieces)}
    spans = [
        {
            "start": span.start,
            "end": span.end,
            "token_start": first_at[span.start],
            "token_end": last_at[span.end],
            "label": span.label,
            "text": span.text,
        }
        for span in record.spans
    ]
    spans.sort(key=lambda s: (s["start"], s["end"], s["label"]))
    hashed = input_hash(text)
    written: dict[str, Any] = {
        "text": text,
        "meta": {"doc_id": record.doc_id, **document.meta},
        "_input_hash": hashed,
        "_task_hash": task_hash(hashed, spans),
        "tokens": [
            {
                "text": piece.text,
                "start": piece.start,
                "end": piece.end,
                "id": number,
                "ws": piece.ws,
            }
            for number, piece in enumerate(pieces)
        ],
        "spans": spans,
        "_view_id": "ner_manual",
        "answer": "accept" if record.status == "done" else "ignore",
    }
    if record.updated_at is not None:
        written["_timestamp"] = unix_seconds(record.updated_at)
    return written


def export_rows(items: Sequence[Item], report: Reporter) -> bytes:
    rows = []
    for item in items:
        # The answer carries whether it is done (accept) or not (ignore).
        report_kept_left_out(item, "prodigy", report, frozenset({"status"}))
        rows.append(task(item))
    return jsonl_bytes(rows)


ANSWERS = ("accept", "reject", "ignore")


def read(path: Path, report: ImportReporter, annotations: bool = False) -> list[ImportedDoc]:
    """The tasks of ``path``. Spans under another key than ``spans`` (a doccano ``label``) are
    reported, refused when they are all there are and ``annotations`` wants records. A task
    without an ``answer`` was never answered (a file of suggestions to review, not a
    ``db-out``): its document comes in ``in_progress`` (unless ``--status`` says otherwise),
    said and counted once the import knows (``ImportReporter.say_not_done``). A document's
    record is as new as the latest ``_timestamp`` of its tasks read as labels (its
    ``updated_at``; ``prodigy_keys.answered_at``)."""
    docs: list[ImportedDoc] = []
    # Tasks on one input (Prodigy's binary answers: one span per task) make one document: the
    # same meta.doc_id, or, in files without ids, the same text.
    seen: dict[tuple[str, str], ImportedDoc] = {}
    left_out = LeftOutKeys()
    unread = UnreadSpanKeys("prodigy", "spans")
    unanswered: list[int] = []  # line numbers
    # The latest _timestamp of each document's tasks read as labels: its record's updated_at.
    latest: dict[str, float] = {}
    for number, row in json_lines(path):
        where = f"{path}:{number}"
        text = require_str(row.get("text"), where, "text")
        meta = row.get("meta") or {}
        if not isinstance(meta, dict):
            raise AnnotatorError(f"{where}: meta: expected an object")
        meta = dict(meta)
        # A key holding spans is said by ``unread``, naming what reads it, not as a task key.
        spans_elsewhere = unread.row(row, where, {"spans"})
        left_out.task(row, number, text, input_hash(text), spans_elsewhere)
        doc_id = meta.pop("doc_id", None)
        if isinstance(doc_id, int) and not isinstance(doc_id, bool):
            doc_id = str(doc_id)
        key = ("id", doc_id) if isinstance(doc_id, str) and doc_id else ("text", text)
        if key[0] == "text":
            doc_id = line_id(path.stem, number)
        answer = _answer(row, where, "answer")
        status = None
        if "answer" not in row:
            unanswered.append(number)
            status = "in_progress"
        spans: list[ImportedSpan] | None = []
        if answer != "accept":
            report.not_carried(
                f"{where}: answer {answer!r}: the task's spans are not imported as labels "
                "(the text is imported)",
                f"task(s) answered {answer!r}",
            )
            spans = None
        else:
            spans = _spans(row, where, report, left_out, number)
        answered = answered_at(row) if spans is not None else None
        earlier = seen.get(key)
        if earlier is not None:
            if earlier.text != text:
                raise AnnotatorError(
                    f"{where}: meta.doc_id: {doc_id!r} again (first at {earlier.where}) "
                    "with another text"
                )
            same = "same document id" if key[0] == "id" else "same text"
            report.warn(f"{where}: {same} as {earlier.where}; merged into {earlier.doc_id}")
            left_out.merged(earlier.meta, meta, number)
            if spans is not None:
                earlier.spans = [*(earlier.spans or []), *spans]
            earlier.status = earlier.status or status
            _answered(latest, earlier.doc_id, answered)
            continue
        doc = ImportedDoc(str(doc_id), text, where, meta=meta, spans=spans, status=status)
        _answered(latest, doc.doc_id, answered)
        seen[key] = doc
        docs.append(doc)
    for doc in docs:
        if doc.doc_id in latest:
            doc.updated_at = utc_time(latest[doc.doc_id])
    left_out.report(path, report)
    unread.finish(path, report, annotations, "not carried")
    if unanswered:
        report.not_done_in_source(
            f"{path}: {len(unanswered)} task(s) without an answer (first: line "
            f"{unanswered[0]}): never answered in Prodigy (suggestions to review?)",
            "unanswered task(s)",
            len(unanswered),
        )
    return docs


def _answer(entry: dict[str, Any], where: str, field: str) -> str:
    """A task's or span's ``answer``, one of Prodigy's (accept when there is none); any other
    value is bad input, not a kind of ``ignore``: a trial's ``"maybe"`` came in as one."""
    answer = entry.get("answer", "accept")
    if answer not in ANSWERS:
        raise AnnotatorError(
            f"{where}: {field}: {answer!r}: expected {', '.join(ANSWERS[:-1])} or "
            f"{ANSWERS[-1]} (Prodigy's answers)"
        )
    return str(answer)


def _answered(latest: dict[str, float], doc_id: str, answered: float | None) -> None:
    if answered is not None:
        latest[doc_id] = max(answered, latest.get(doc_id, answered))


def _spans(
    row: dict[str, Any], where: str, report: ImportReporter, left_out: LeftOutKeys, number: int
) -> list[ImportedSpan]:
    raw = row.get("spans", [])
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise AnnotatorError(f"{where}: spans: expected a list")
    out: list[ImportedSpan] = []
    for index, span in enumerate(raw):
        at = f"{where}: spans.{index}"
        start, end, label = span_fields(span, where, f"spans.{index}")
        if _answer(span, where, f"spans.{index}.answer") != "accept":
            report.not_carried(
                f"{at}: {label} {start}..{end} answered {span['answer']!r}; not imported",
                f"span(s) answered {span['answer']!r}",
            )
            continue
        left_out.span(span, number)
        if not label:
            out.append(BadSpan(start, end, label, at, problem=f"{at}.label: empty label"))
            continue
        surface = span.get("text")
        out.append(
            ImportedSpan(
                start, end, label, at, surface=surface if isinstance(surface, str) else None
            )
        )
    return out
