"""Reading JSONL journals: one Record per line, the last line for a document wins.

Which line is "the last for a document" (``latest_key``): in an annotator's journal, the last of
each (annotator, document); in a gold file (lines with ``sources``), the last of each document
whoever wrote it, as a review reads it (a review takes older reviewers' lines over by writing
them again under its reviewer's name, so their older lines stay in the file, superseded).

A journal is append-only. A crash mid-append can leave a last line without its newline that does
not parse: the *torn tail*. Reading reports it separately; it is never mistaken for a record.
"""

from __future__ import annotations

from codecs import BOM_UTF8
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from io import BufferedReader
from pathlib import Path
from typing import Any

import orjson
from pydantic import ValidationError

from annotator.core.errors import AnnotatorError
from annotator.core.models import GoldRecord, Record


@dataclass(frozen=True)
class LineProblem:
    """A problem with one line: ``path`` inside the record (may be empty) and a message."""

    line: int
    path: str
    message: str

    def format(self, file: Path) -> str:
        where = f"{file}:{self.line}"
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


@dataclass(frozen=True)
class TornTail:
    """An incomplete last line: where it starts (byte offset) and its line number."""

    line: int
    offset: int
    data: bytes


@dataclass
class JournalContents:
    path: Path
    records: list[tuple[int, Record]] = field(default_factory=list)
    problems: list[LineProblem] = field(default_factory=list)
    torn: TornTail | None = None
    size: int = 0
    ends_with_newline: bool = True

    def latest(self) -> dict[tuple[str, str], Record]:
        """The last record of each document (``latest_key``), keyed by (annotator, doc_id),
        in order of their last line."""
        return {
            (record.annotator, record.doc_id): record
            for _line, record in latest_lines(self.records)
        }


def latest_key(record: Record) -> tuple[str, ...]:
    """What a later line replaces: a gold line replaces the document's earlier gold line
    whoever wrote it; a journal line, the same annotator's earlier line for the document."""
    if isinstance(record, GoldRecord):
        return ("gold", record.doc_id)
    return ("journal", record.annotator, record.doc_id)


def latest_lines(lines: Iterable[tuple[int, Record]]) -> list[tuple[int, Record]]:
    """The last (line number, record) of each document (``latest_key``), in order of line."""
    out: dict[tuple[str, ...], tuple[int, Record]] = {}
    for line, record in lines:
        key = latest_key(record)
        out.pop(key, None)
        out[key] = (line, record)
    return list(out.values())


def bom_length(head: bytes) -> int:
    """How many bytes at the start of a journal or gold file (``head``: its first bytes) are a
    UTF-8 byte order mark, 0 or 3: every reader of them skips it. An editor on Windows writes
    one on a hand edit; the first line is a record all the same. Line numbers stay the file's
    (the mark holds no newline), and so do byte offsets when the reader counts the mark."""
    return len(BOM_UTF8) if head.startswith(BOM_UTF8) else 0


def cannot_read(path: Path, error: OSError) -> AnnotatorError:
    """The one line for a file that cannot be read, naming it: an error raised by a read (not
    by opening) names no file ("annotator: Input/output error" said nothing of which)."""
    if isinstance(error, FileNotFoundError):
        return AnnotatorError(f"{path}: no such file")
    if isinstance(error, IsADirectoryError):  # rename and export said so; the others did not
        return AnnotatorError(
            f"{path}: is a folder; give the journal files in it ({path / '*.jsonl'})"
        )
    return AnnotatorError(f"{path}: cannot read: {error.strerror or error}")


@contextmanager
def lines_past_mark(path: Path) -> Iterator[tuple[BufferedReader, int]]:
    """``path`` open for reading line by line, past a leading byte order mark (its length
    given: offsets stay the file's). Any OSError opening or reading it inside the block is
    ``cannot_read``'s line (a read's error would name no file)."""
    try:
        with path.open("rb") as handle:
            yield handle, len(handle.read(bom_length(handle.peek(3))))
    except OSError as error:
        raise cannot_read(path, error) from None


def cr_line_endings(raw: bytes) -> bool:
    """Whether ``raw``, a line that is no record, holds a carriage return alone before more
    of it: a file whose lines end in CR (an old Mac's), read as one line. It must be refused,
    not taken as one incomplete last line (an interrupted write) and moved aside."""
    return b"\r" in raw.rstrip()


# How a line of CR line endings is said by every reader (``cr_line_endings``).
CR_LINE_ENDINGS = (
    "lines end in CR alone (old Mac line endings), so the file reads as one line and none of "
    "it is taken: convert them to LF first, e.g. tr '\\r' '\\n' < FILE > NEW.jsonl"
)


def parse_json_line(raw: bytes) -> dict[str, Any]:
    """Parse one line as a JSON object; raises ValueError with a readable message."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValueError(f"invalid UTF-8 at byte {error.start} of the line") from None
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        if cr_line_endings(raw):  # a JSON line holds no CR of its own but as spacing
            raise ValueError(CR_LINE_ENDINGS) from None
        # orjson refuses NaN and Infinity as JSON does; say so plainly.
        text = raw.decode("utf-8")
        if any(word in text for word in ("NaN", "Infinity")):
            raise ValueError("invalid JSON: NaN and Infinity are not JSON numbers") from None
        raise ValueError(f"invalid JSON: {error}") from None
    if not isinstance(data, dict):
        kind = {list: "an array", str: "a string", int: "a number", float: "a number"}.get(
            type(data), "null" if data is None else type(data).__name__
        )
        raise ValueError(f"expected a JSON object, got {kind}")
    return data


def record_problems(error: ValidationError) -> list[tuple[str, str]]:
    """pydantic's errors as (path, message) pairs, path like ``spans.2.end``."""
    out = []
    for item in error.errors():
        path = ".".join(str(part) for part in item["loc"])
        message = item["msg"].removeprefix("Value error, ")
        if item["type"] == "missing":
            message = "required field is missing"
        elif item["type"] == "extra_forbidden":
            message = "unknown field"
        out.append((path, message))
    return out


def parse_record_line(raw: bytes, line: int) -> Record | list[LineProblem]:
    """A Record (a GoldRecord when the line has ``sources``), or every problem of the line."""
    try:
        data = parse_json_line(raw)
    except ValueError as error:
        return [LineProblem(line, "", str(error))]
    # Gold files hold records with provenance; the same readers and checks serve both.
    model = GoldRecord if "sources" in data else Record
    try:
        return model.model_validate(data)
    except ValidationError as error:
        return [LineProblem(line, path, message) for path, message in record_problems(error)]


def read_journal(path: Path) -> JournalContents:
    """Read every line; problems and a torn tail are reported, never dropped silently. A
    leading byte order mark is no part of the first line (line numbers and offsets as in the
    file)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise cannot_read(path, error) from None
    contents = JournalContents(path=path, size=len(data))
    for number, offset, raw, complete in lines_of(data):
        parsed = parse_record_line(raw, number)
        if isinstance(parsed, Record):
            contents.records.append((number, parsed))
            if not complete:
                contents.ends_with_newline = False
        elif complete or cr_line_endings(raw):  # CR line endings: no interrupted write
            contents.problems.extend(parsed)
        else:
            contents.torn = TornTail(number, offset, raw)
    return contents


def lines_of(data: bytes) -> Iterator[tuple[int, int, bytes, bool]]:
    """A journal's lines that hold anything but whitespace: each one's number, its offset in
    the file, its bytes (without the newline) and whether a newline ends it (the last may be
    cut short). A journal edited by hand in an editor that writes a byte order mark: its first
    line is a record all the same. Offsets stay those of the file (a torn tail is cut at its
    own)."""
    offset = bom_length(data)
    number = 0
    while offset < len(data):
        number += 1
        newline = data.find(b"\n", offset)
        complete = newline != -1
        end = newline if complete else len(data)
        raw = data[offset:end]
        if raw.strip():
            yield number, offset, raw, complete
        offset = end + 1
