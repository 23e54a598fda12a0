"""What the format modules share: items to export, documents read in, reports (crash-safe writes
are ``safe_writes``)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from annotator.core.docbin_sniff import docbin_hint
from annotator.core.errors import AnnotatorError
from annotator.core.models import Document, Record

Sink = Callable[[str], None]


class Reporter:
    """Collects the warning lines of one export or import and passes each to ``sink`` at once.

    What a format cannot carry is the same for many documents, so it is tallied instead
    (``left_out``) and said by ``finish`` as one summary line per format (``summarise``); each
    document's own line stays in ``details`` (and is passed on at once when ``verbose``).
    """

    def __init__(self, sink: Sink | None = None, *, verbose: bool = False) -> None:
        self.lines: list[str] = []
        self.details: list[str] = []  # one line per document, for what is summarised
        self.verbose = verbose
        self._sink = sink
        self._left_out: dict[str, list[DocLeftOut]] = {}

    def warn(self, message: str) -> None:
        self.lines.append(message)
        if self._sink is not None:
            self._sink(message)

    def left_out(self, fmt: str, entry: DocLeftOut) -> None:
        """One document's parts that ``fmt`` cannot carry (said in summary by ``finish``)."""
        self.details.append(entry.line(fmt))
        if self.verbose:
            self.warn(entry.line(fmt))
        else:
            self._left_out.setdefault(fmt, []).append(entry)

    def finish(self) -> None:
        """Say what was tallied: a summary line per format (every line for a few documents)."""
        for fmt, entries in self._left_out.items():
            for line in summarise(fmt, entries):
                self.warn(line)
        self._left_out.clear()


# At most this many documents with something a format cannot carry get a line each.
DETAIL_UP_TO = 5


def each_or_summary(
    lines: list[str], summary: Callable[[], str], verbose: bool = False
) -> list[str]:
    """What to say of a thing many documents have: each one's line (``lines``) for up to
    DETAIL_UP_TO documents, or all of them with ``verbose``; else the one ``summary()`` line."""
    return lines if verbose or len(lines) <= DETAIL_UP_TO else [summary()]


@dataclass(frozen=True)
class DocLeftOut:
    """What one document holds that a format cannot carry: (part of EXTRAS, how many), and
    for a part that needs them, the words that say what of it (part, words)."""

    doc_id: str
    parts: tuple[tuple[str, int], ...]
    said: tuple[tuple[str, str], ...] = ()
    # The note's brat lines not written, by kind (``relation``: 2), and whether it holds a
    # person's text too (``kept_brat_words``), for the summary of many documents.
    kept_kinds: tuple[tuple[str, int], ...] = ()
    typed_note: bool = True

    def line(self, fmt: str) -> str:
        own = dict(self.said)
        words = ", ".join(own.get(part) or _part_words(part, count) for part, count in self.parts)
        return f"{self.doc_id}: {fmt} cannot carry {words}; not written"


def _part_words(part: str, count: int) -> str:
    if part == "form":
        return f"the form ({count} field(s))"
    if part in ("note", "flagged"):
        return "the note" if part == "note" else "the flag"
    if part == "status":
        return "the status (not done: imported back, it would be done)"
    return f"{part} ({count})"


def summarise(fmt: str, entries: list[DocLeftOut]) -> list[str]:
    """The lines saying what ``fmt`` could not carry of ``entries``: one line per document for
    up to DETAIL_UP_TO documents, else one line with each part's count and documents, e.g.
    ``prodigy cannot carry: the form (2 field(s)) of 30 document(s), span values (180) in 30
    document(s); not written (first: d00001)``."""
    return each_or_summary([entry.line(fmt) for entry in entries], lambda: _summary(fmt, entries))


def _summary(fmt: str, entries: list[DocLeftOut]) -> str:
    counts: dict[str, list[int]] = {}
    for entry in entries:
        for part, count in entry.parts:
            counts.setdefault(part, []).append(count)
    words = []
    for part in EXTRAS:
        if part not in counts:
            continue
        found, docs = counts[part], len(counts[part])
        if part == "form":
            low, high = min(found), max(found)
            fields = f"{low}" if low == high else f"{low}-{high}"
            words.append(f"the form ({fields} field(s)) of {docs} document(s)")
        elif part == "note":
            words.append(_notes_summary([e for e in entries if "note" in dict(e.parts)]))
        elif part == "flagged":
            words.append(f"{_part_words(part, 1)} of {docs} document(s)")
        elif part == "status":
            words.append(f"the status of {docs} document(s) not done")
        else:
            words.append(f"{part} ({sum(found)}) in {docs} document(s)")
    return f"{fmt} cannot carry: {', '.join(words)}; not written (first: {entries[0].doc_id})"


def _notes_summary(noted: list[DocLeftOut]) -> str:
    """``the note of 3 document(s), 12 relation(s), 4 event(s) kept from brat in 9
    document(s)``: a person's notes and the brat lines an import kept apart."""
    typed = sum(entry.typed_note for entry in noted)
    kinds: dict[str, int] = {}
    for entry in noted:
        for kind, count in entry.kept_kinds:
            kinds[kind] = kinds.get(kind, 0) + count
    said = [f"the note of {typed} document(s)"] if typed else []
    if kinds:
        counted = ", ".join(f"{count} {kind}(s)" for kind, count in kinds.items())
        having = sum(bool(entry.kept_kinds) for entry in noted)
        said.append(f"{counted} kept from brat in {having} document(s)")
    return ", ".join(said)


@dataclass(frozen=True)
class Item:
    """One document and the record to export for it."""

    document: Document
    record: Record


@dataclass
class ImportedSpan:
    """A span as another tool wrote it: code-point offsets once the reader has converted them."""

    start: int
    end: int
    label: str
    where: str  # "FILE:LINE" (or "FILE") for messages
    surface: str | None = None  # the text the tool says the span covers, checked on import
    value: int | str | None = None
    span_id: str | None = None


@dataclass
class ImportedDoc:
    """A document read from another tool's file, with its spans when it was annotated.

    ``spans`` is None when the document carries no annotation at all (no record is written
    for it); an empty list is an annotation that found nothing.
    """

    doc_id: str
    text: str
    where: str
    meta: dict[str, Any] = field(default_factory=dict)
    spans: list[ImportedSpan] | None = None
    form: dict[str, Any] = field(default_factory=dict)
    links: dict[str, list[str]] = field(default_factory=dict)
    note: str = ""
    status: str | None = None  # the source's own status (our JSONL); None: the import default
    flagged: bool = False
    # Why spans (or the record) were bad data, each its line: with --skip-bad they are left
    # out, and these lines go in the record's note (``import_checks.note_bad``), to review by.
    bad: list[str] = field(default_factory=list)
    seconds_spent: float = 0.0  # time spent, where the source says (our JSONL, Label Studio)
    updated_at: str | None = None  # when last changed, a UTC time (our JSONL, Label Studio)
    # brat lines for the record's note (``brat_kept``, ``brat.keep_in_note``): a brat .ann's
    # lines that are not spans; doccano's relations and Label Studio's as brat R lines.
    kept: list[str] = field(default_factory=list)


def line_id(stem: str, number: int) -> str:
    """A document id for entry ``number`` of a file whose entries have none: ``stem-000012``."""
    return f"{stem}-{number:06d}"


def dumps(data: Any) -> bytes:
    return orjson.dumps(data)


def jsonl_bytes(rows: Iterable[Any]) -> bytes:
    return b"".join(orjson.dumps(row) + b"\n" for row in rows)


def require_int(value: Any, where: str, name: str) -> int:
    """A strict integer offset (``3.0``, ``"3"`` and ``true`` are errors)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise AnnotatorError(f"{where}: {name}: expected an integer offset, got {value!r}")
    return value


def require_str(value: Any, where: str, name: str) -> str:
    if not isinstance(value, str):
        if value is None:
            raise AnnotatorError(f"{where}: {name}: required field is missing")
        raise AnnotatorError(f"{where}: {name}: expected a string, got {type(value).__name__}")
    return value


def span_fields(
    entry: Any, where: str, field: str, offsets: tuple[str, str] = ("start", "end")
) -> tuple[int, int, str]:
    """The start, end and label of a span object (``field``, ``spans.0``, of the entry at
    ``where``), its offsets under the keys ``offsets``: doccano's entities and Prodigy's spans
    are read by this one rule. Not an object, or an offset or the label missing or of another
    type, is one line naming the field."""
    if not isinstance(entry, dict):
        raise AnnotatorError(f"{where}: {field}: expected an object")
    start_key, end_key = offsets
    start = require_offset(entry, start_key, where, f"{field}.{start_key}")
    end = require_offset(entry, end_key, where, f"{field}.{end_key}")
    return start, end, require_str(entry.get("label"), where, f"{field}.label")


def require_offset(entry: dict[str, Any], key: str, where: str, name: str) -> int:
    """``entry[key]``, a strict integer offset; a missing one is said missing ("got None" was
    said of a Prodigy span with token_start and token_end but no start), naming the token
    indices when they are what the span has."""
    if key not in entry:
        tokens = (
            " (token_start and token_end are here: a span needs its characters, start and "
            "end, which Prodigy writes beside them)"
            if "token_start" in entry and key in ("start", "end")
            else ""
        )
        raise AnnotatorError(f"{where}: {name}: required field is missing{tokens}")
    return require_int(entry[key], where, name)


def read_bytes(path: Path, expected: str = "this format reads a file") -> bytes:
    """The file's bytes; a missing, folder or unreadable path is one AnnotatorError line
    (``expected`` says, for a folder, what was wanted instead)."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise AnnotatorError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise AnnotatorError(f"{path}: is a folder; {expected}") from None
    except OSError as error:
        raise AnnotatorError(f"{path}: cannot read: {error.strerror or error}") from None


def without_bom(raw: bytes) -> bytes:
    """``raw`` without a leading UTF-8 byte order mark, which editors on Windows write and JSON
    parsers refuse (as ``.txt`` corpora drop it)."""
    return raw.removeprefix(b"\xef\xbb\xbf")


def decode(raw: bytes, path: Path) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        hint = docbin_hint(raw)  # a .spacy file given with another --format
        raise AnnotatorError(f"{path}: invalid UTF-8 at byte {error.start}{hint}") from None


def read_text(path: Path) -> str:
    """A text file's content, UTF-8, a leading byte order mark dropped (editors on Windows
    write one; a ``.txt`` corpus and the JSON importers drop it too): a line format read it as
    part of its first line. A bad byte is named by its offset in the file as it is."""
    return decode(read_bytes(path), path).removeprefix("\ufeff")


_UNSAFE_PART = re.compile(r"^\.{1,2}$")


ID_AS_FILE_NAME = "cannot be a file name (empty, '.', '..' or '\\' parts)"


def unsafe_id(doc_id: str) -> bool:
    """Whether ``doc_id`` cannot be a relative file path inside a folder (a brat export writes
    ``<id>.txt``): empty, with NUL or ``\\``, or with an empty, ``.`` or ``..`` part."""
    parts = doc_id.split("/")
    return (
        not doc_id
        or "\x00" in doc_id
        or "\\" in doc_id
        or any(not part or _UNSAFE_PART.match(part) for part in parts)
    )


def safe_relative(doc_id: str) -> str:
    """``doc_id`` as a relative file path, refusing ids that would leave the output folder."""
    if unsafe_id(doc_id):
        raise AnnotatorError(f"document id {doc_id!r} {ID_AS_FILE_NAME}")
    return doc_id


# What a record holds beyond its spans' offsets and labels, for reports of what a format drops.
# The last: the lines of a brat file kept in the note that a brat export cannot write back.
BRAT_LINES = "brat lines naming spans changed or deleted since import"
EXTRAS = ("form", "links", "span values", "note", "flagged", "status", BRAT_LINES)


def left_out_parts(record: Record, carried: frozenset[str] = frozenset()) -> list[tuple[str, int]]:
    """(part of EXTRAS, how many) for each part of ``record`` a format carrying only
    ``carried`` would drop."""
    out = []
    if record.form and "form" not in carried:
        out.append(("form", len(record.form)))
    if record.links and "links" not in carried:
        out.append(("links", sum(len(ids) for ids in record.links.values())))
    values = sum(span.value is not None for span in record.spans)
    if values and "span values" not in carried:
        out.append(("span values", values))
    if record.note and "note" not in carried:
        out.append(("note", 1))
    if record.flagged and "flagged" not in carried:
        out.append(("flagged", 1))
    # Not done (a gold document with open conflicts, say): a format without a status makes
    # it look finished.
    if record.status != "done" and "status" not in carried:
        out.append(("status", 1))
    return out


def left_out(record: Record, carried: frozenset[str] = frozenset()) -> list[str]:
    """The parts of ``record`` a format that carries only ``carried`` of EXTRAS would drop."""
    return [_part_words(part, count) for part, count in left_out_parts(record, carried)]


def report_left_out(
    item: Item, fmt: str, report: Reporter, carried: frozenset[str] = frozenset()
) -> None:
    parts = left_out_parts(item.record, carried)
    if parts:
        report.left_out(fmt, DocLeftOut(item.record.doc_id, tuple(parts)))
