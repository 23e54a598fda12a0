"""The documents of a JSONL corpus (one a line), read where their lines start (``corpus``).

Opening the file indexes it: each id's line, byte offset and length, and the file's stamp
(``text_on_disk.file_stamp``: size, mtime, inode). A file edited during a session (annotate,
review, a long export) moved those lines: reading at the old places gave false errors
(``c.jsonl:2: invalid JSON``) and, with line lengths that happened to line up, another
document's text under the id asked for (a label saved on the wrong text). So each read:

- stats the file first and indexes it again when its stamp is not the index's;
- checks the line it read holds the id asked for, and the stamp is still the index's after the
  read: else the file changed under it (or within one tick of a coarse clock), and it indexes
  again and reads anew, a few times at most;
- never returns a document of another id: a document no longer in the file says so, naming the
  file and the id.

The ids are the file's as it opened (the session's list of documents): a document added since
is read by the next session; a document whose text changed reads as its new text, which
``text_on_disk`` says of it as of a ``.txt`` article edited on disk.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from io import BufferedReader
from pathlib import Path
from typing import IO, Any

import orjson
from pydantic import ValidationError

from annotator.core.dateline import dated_meta, meta_date_problem
from annotator.core.docbin_sniff import CORPUS_HINT, file_looks_like_docbin
from annotator.core.errors import AnnotatorError
from annotator.core.formats.common import ID_AS_FILE_NAME, unsafe_id
from annotator.core.journal import lines_past_mark, parse_json_line
from annotator.core.models import Document
from annotator.core.text_on_disk import FileStamp, file_stamp

# How many times a read indexes the file again before it says the file keeps changing.
_READ_TRIES = 3


@dataclass(frozen=True)
class JsonlLine:
    """Where a document's line is: its number (1-based), byte offset and length."""

    number: int
    offset: int
    length: int


@dataclass(frozen=True)
class JsonlIndex:
    """The lines of a JSONL file by id, as it was at ``stamp`` (taken before it was read: a
    write during the read shows as a stamp changed). Indexed again mid-session, a line that
    cannot be read is kept in ``unreadable`` (the first few), and an id on two lines in
    ``twice``, said when that id is asked for, rather than refusing every other document."""

    stamp: FileStamp | None
    lines: dict[str, JsonlLine]
    unreadable: tuple[str, ...] = ()
    twice: dict[str, tuple[int, int]] = field(default_factory=dict)


def index_jsonl(path: Path, strict: bool = True) -> JsonlIndex:
    """Index ``path``. ``strict`` (as it opens): its first problem is an AnnotatorError naming
    its line; else (indexed again mid-session) problems are kept in the index."""
    stamp = file_stamp(path)
    lines: dict[str, JsonlLine] = {}
    unreadable: list[str] = []
    twice: dict[str, tuple[int, int]] = {}
    # Saved by an editor that writes a byte order mark: its first line is a document all the
    # same, as a journal's is a record (``journal.bom_length``); offsets stay the file's. A
    # read that fails names the file (/proc/self/mem said only "Input/output error").
    with lines_past_mark(path) as (handle, offset):
        for number, raw in enumerate(handle, start=1):
            length = len(raw)
            offset, start = offset + length, offset
            if not raw.strip():
                continue
            doc_id, problem = _line_id(raw, strict)
            if doc_id is None:
                if strict:
                    raise AnnotatorError(_problem_at(path, number, problem))
                if len(unreadable) < 3:
                    unreadable.append(f"line {number}: {problem}")
                continue
            first = lines.get(doc_id)
            if first is not None:
                if strict:
                    raise AnnotatorError(
                        f"{path}:{number}: id: duplicate document id {doc_id!r} "
                        f"(first on line {first.number})"
                    )
                twice.setdefault(doc_id, (first.number, number))
                continue
            lines[doc_id] = JsonlLine(number, start, length)
    return JsonlIndex(stamp, lines, tuple(unreadable), twice)


def open_jsonl_file(path: Path) -> BufferedReader:
    """The JSONL file, open; an AnnotatorError naming it when it cannot be read (gone since
    the corpus was opened, a network disk down): the app crashed on it mid-session."""
    try:
        return path.open("rb")
    except OSError as error:
        raise AnnotatorError(f"{path}: cannot read: {error.strerror or error}") from None


class JsonlDocuments:
    """The documents of one JSONL file, read at their lines (see the module). ``get`` is safe
    in several threads at once (annotate reads in workers), outside ``kept_open``."""

    def __init__(self, path: Path, index: JsonlIndex) -> None:
        self.path = path
        self._index = index
        self._lock = threading.Lock()  # one indexing at a time; the index is swapped whole
        self._handle: IO[bytes] | None = None  # the file, while ``kept_open``

    @contextmanager
    def kept_open(self) -> Iterator[None]:
        """Read the documents fetched inside from one open file: comparing fetches every
        document, and opening the file for each cost a review's opening on 10,000 documents a
        tenth of a second. Indexed again meanwhile, the file is opened again (an editor may
        have put a new file in its place)."""
        if self._handle is not None:
            yield
            return
        self._handle = open_jsonl_file(self.path)
        try:
            yield
        finally:
            handle, self._handle = self._handle, None
            if handle is not None:
                handle.close()

    def get(self, doc_id: str) -> Document:
        """The document ``doc_id`` as the file holds it now (an AnnotatorError when it holds
        no such document any more, or cannot be read)."""
        again = False  # index again though the stamp is the same (a coarse clock's tick)
        for _ in range(_READ_TRIES):
            index = self._current(again)
            line = index.lines.get(doc_id)
            if line is None or doc_id in index.twice:  # which of its lines is it? said
                raise AnnotatorError(self._not_found(doc_id, index))
            raw = self._read_at(line)
            if file_stamp(self.path) != index.stamp:
                again = False  # changed during the read: the stamp says so next time round
                continue
            data = _line_object(raw)
            if isinstance(data, str) or data.get("id") != doc_id:
                again = True  # changed, yet the stamp is the same
                continue
            return _jsonl_document(data, self.path, line.number)
        raise AnnotatorError(
            f"{self.path}: {doc_id!r} could not be read: the file kept changing on disk as it "
            "was read; try again once it is saved"
        )

    def _current(self, again: bool) -> JsonlIndex:
        """The index of the file as it is now: indexed again when its stamp changed."""
        with self._lock:
            stamp = file_stamp(self.path)
            if stamp is None:
                open_jsonl_file(self.path).close()  # says why it cannot be read
            if not again and stamp == self._index.stamp:
                return self._index
            self._index = index_jsonl(self.path, strict=False)
            if self._handle is not None:
                # Perhaps another file put in place of the one kept open: read the new one.
                old, self._handle = self._handle, open_jsonl_file(self.path)
                old.close()
            return self._index

    def _read_at(self, line: JsonlLine) -> bytes:
        try:
            if self._handle is not None:
                self._handle.seek(line.offset)
                return self._handle.read(line.length)
            with open_jsonl_file(self.path) as handle:
                handle.seek(line.offset)
                return handle.read(line.length)
        except OSError as error:
            raise AnnotatorError(f"{self.path}: cannot read: {error.strerror or error}") from None

    def _not_found(self, doc_id: str, index: JsonlIndex) -> str:
        """One line naming the file and the id: gone from it, on two lines, or perhaps on a
        line that cannot be read now."""
        twice = index.twice.get(doc_id)
        if twice is not None:
            return (
                f"{self.path}:{twice[1]}: id: duplicate document id {doc_id!r} (first on line "
                f"{twice[0]}); the file changed on disk since it was opened"
            )
        unreadable = f" ({'; '.join(index.unreadable)})" if index.unreadable else ""
        return (
            f"{self.path}: no document {doc_id!r} in it now: the file changed on disk since it "
            f"was opened{unreadable}"
        )


def _problem_at(path: Path, number: int, problem: str) -> str:
    """``path:number: problem``; a spaCy DocBin given as a corpus is said to be one ("invalid
    UTF-8 at byte 0 of the line" says nothing of what the file was; its head is read on this
    error only)."""
    unreadable = problem.startswith(("invalid JSON", "invalid UTF-8"))
    if number == 1 and unreadable and file_looks_like_docbin(path):
        return f"{path}: {CORPUS_HINT} (a corpus is a folder of .txt files or a .jsonl file)"
    return f"{path}:{number}: {problem}"


def _line_id(raw: bytes, strict: bool) -> tuple[str | None, str]:
    """The document id of a line, else None and what is wrong with the line; ``strict`` (the
    corpus opening) looks at its ``meta.date`` too, so that a bad one is refused before any
    screen shows (indexed again mid-session, reading the document says it)."""
    data = _line_object(raw)
    if isinstance(data, str):
        return None, data
    doc_id = data.get("id")
    if "id" not in data:
        # The arguments swapped (``validate CORPUS --corpus JOURNAL``) reach here first.
        journal = "doc_id" in data and "doc_sha256" in data
        hint = " (this looks like a journal line, not a corpus document)" if journal else ""
        return None, f"id: required field is missing{hint}"
    if not isinstance(doc_id, str) or not doc_id:
        return None, "id: must be a non-empty string"
    if unsafe_id(doc_id):
        # import's rule, said as the corpus opens: annotate and validate took ``../../esc``,
        # and only a brat export refused it, naming neither file nor line.
        return None, (
            f"id: {doc_id!r} {ID_AS_FILE_NAME}, which a document id must be (a brat export "
            "writes ID.txt): give it another id"
        )
    meta = data.get("meta")
    date_problem = meta_date_problem(meta) if strict and isinstance(meta, dict) else None
    if date_problem is not None:
        return None, f"meta.date: {date_problem}"
    return doc_id, ""


def _line_object(raw: bytes) -> dict[str, Any] | str:
    """The JSON object of a line, else what is wrong with it, in a journal's words
    (``parse_json_line``: "invalid UTF-8 at byte N of the line", "got an array"); orjson's
    "str is not valid UTF-8: surrogates not allowed" said a Latin-1 or UTF-16 file was bad
    JSON. A line that parses is read once: only a refused one is looked at again."""
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        data = None
    if isinstance(data, dict):
        return data
    try:
        return parse_json_line(raw)
    except ValueError as error:
        return str(error)


def _jsonl_document(data: dict[str, Any], path: Path, number: int) -> Document:
    """The document of a line, its ``meta.date`` read from its text's dateline when the line
    gives none (``dateline.dated_meta``: as a ``.txt``'s is, and an import's); one the line
    gives that is no day is refused, naming the line (the file edited since it opened)."""
    try:
        document = Document.model_validate(data)
    except ValidationError as error:
        item = error.errors()[0]
        where = ".".join(str(part) for part in item["loc"])
        raise AnnotatorError(f"{path}:{number}: {where}: {item['msg']}") from None
    date_problem = meta_date_problem(document.meta)
    if date_problem is not None:
        raise AnnotatorError(f"{path}:{number}: meta.date: {date_problem}")
    dated_meta(document.meta, document.text)
    return document
