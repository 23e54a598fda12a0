"""Corpora: a folder of ``.txt`` files or a ``.jsonl`` file of documents, read lazily.

Opening a corpus lists ids (and, for JSONL, where each line starts); a text is read only when its
document is fetched, so a corpus of 10,000 documents opens without holding every text in memory.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import orjson
from pydantic import ValidationError

from annotator.core.docbin_sniff import CORPUS_HINT, corpus_docbin_hint, file_looks_like_docbin
from annotator.core.errors import AnnotatorError
from annotator.core.journal import bom_length
from annotator.core.models import Document

_DATELINE_RE = re.compile(r"^\s*date (\d{4}-\d{2}-\d{2})(?=\s|$)")


def lf_text(text: str) -> str:
    """``text`` with CRLF and CR made LF: the one line-ending rule of a corpus, by which a
    ``.txt`` is read, every import makes a text LF, and a stale record is told apart."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def normalise_txt(raw: bytes, path: Path) -> str:
    """Decode a ``.txt`` article: UTF-8 with an optional BOM; CRLF and CR become LF."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        hint = corpus_docbin_hint(raw)  # a DocBin named .txt: say what makes a corpus of it
        raise AnnotatorError(f"{path}: invalid UTF-8 at byte {error.start}{hint}") from None
    return lf_text(text.removeprefix("\ufeff"))


def dateline_date(text: str) -> str | None:
    """The ISO day of a leading ``date YYYY-MM-DD`` line, when it is a calendar day."""
    match = _DATELINE_RE.match(text)
    if match is None:
        return None
    try:
        dt.date.fromisoformat(match.group(1))
    except ValueError:
        return None
    return match.group(1)


@dataclass(frozen=True)
class _JsonlEntry:
    line: int
    offset: int
    length: int


class Corpus:
    """Documents by id, in id order (code points). Texts are read on demand."""

    def __init__(self, path: Path, ids: list[str], entries: dict[str, Path | _JsonlEntry]):
        self.path = path
        self.ids = ids
        self._entries = entries
        self._index = {doc_id: position for position, doc_id in enumerate(ids)}
        self._handle: IO[bytes] | None = None  # a JSONL corpus's file, while ``kept_open``

    def __len__(self) -> int:
        return len(self.ids)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._entries

    def position(self, doc_id: str) -> int:
        """The 0-based place of ``doc_id`` in corpus order."""
        return self._index[doc_id]

    def txt_file(self, doc_id: str) -> Path | None:
        """The ``.txt`` file of ``doc_id`` in a folder corpus (None in a JSONL one)."""
        entry = self._entries[doc_id]
        return entry if isinstance(entry, Path) else None

    @contextmanager
    def kept_open(self) -> Iterator[None]:
        """Read the documents fetched inside from one open file (a JSONL corpus): comparing
        fetches every document, and opening the file for each cost a review's opening on
        10,000 documents a tenth of a second."""
        if self._handle is not None or self.path.is_dir():
            yield
            return
        with self._open_jsonl_file() as handle:
            self._handle = handle
            try:
                yield
            finally:
                self._handle = None

    def _open_jsonl_file(self) -> IO[bytes]:
        """The JSONL file, open; an AnnotatorError naming it when it cannot be read (gone since
        the corpus was opened, a network disk down): the app crashed on it mid-session."""
        try:
            return self.path.open("rb")
        except OSError as error:
            raise AnnotatorError(f"{self.path}: cannot read: {error.strerror or error}") from None

    def get(self, doc_id: str) -> Document:
        """The document ``doc_id``, read now; KeyError when the corpus has no such id."""
        entry = self._entries[doc_id]
        if isinstance(entry, Path):
            return _txt_document(doc_id, entry)
        try:
            if self._handle is not None:
                self._handle.seek(entry.offset)
                raw = self._handle.read(entry.length)
            else:
                with self._open_jsonl_file() as handle:
                    handle.seek(entry.offset)
                    raw = handle.read(entry.length)
        except OSError as error:
            raise AnnotatorError(f"{self.path}: cannot read: {error.strerror or error}") from None
        return _jsonl_document(raw, self.path, entry.line)

    def __iter__(self) -> Iterator[Document]:
        for doc_id in self.ids:
            yield self.get(doc_id)


def open_corpus(path: Path) -> Corpus:
    """Open a folder of ``.txt`` files or a ``.jsonl`` file of documents."""
    if path.is_dir():
        return _open_folder(path)
    if path.is_file():
        if path.suffix.lower() == ".txt":
            raise AnnotatorError(f"{path}: a corpus is a folder of .txt files or a .jsonl file")
        return _open_jsonl(path)
    raise AnnotatorError(f"{path}: no such corpus (a folder of .txt files or a .jsonl file)")


def _open_folder(folder: Path) -> Corpus:
    entries: dict[str, Path | _JsonlEntry] = {}
    for file in folder.rglob("*.txt"):
        if not file.is_file():
            continue
        doc_id = file.relative_to(folder).with_suffix("").as_posix()
        entries[doc_id] = file
    if not entries:
        raise AnnotatorError(f"{folder}: no .txt files in this folder{_docbin_in(folder)}")
    return Corpus(folder, sorted(entries), entries)


def _docbin_in(folder: Path) -> str:
    """`` (x.spacy: this looks like a spaCy DocBin: ...)`` for a folder holding DocBins and no
    .txt file, naming the first; else nothing."""
    for file in sorted(folder.rglob("*.spacy")):
        if file_looks_like_docbin(file):
            return f" ({file.relative_to(folder).as_posix()}: {CORPUS_HINT})"
    return ""


def _txt_document(doc_id: str, file: Path) -> Document:
    try:
        raw = file.read_bytes()
    except OSError as error:
        raise AnnotatorError(f"{file}: cannot read: {error.strerror or error}") from None
    text = normalise_txt(raw, file)
    return Document(id=doc_id, text=text, meta=txt_meta(Path(doc_id + file.suffix), text))


def txt_meta(file: Path, text: str) -> dict[str, Any]:
    """The meta of a ``.txt`` document (``text``, LF): its file's path within the corpus folder
    (``sub/e.txt``: the name alone is the same for ``e.txt`` beside it) and its dateline's day."""
    meta: dict[str, Any] = {"source": file.as_posix()}
    date = dateline_date(text)
    if date is not None:
        meta["date"] = date
    return meta


def _open_jsonl(path: Path) -> Corpus:
    entries: dict[str, Path | _JsonlEntry] = {}
    offset = 0
    try:
        handle = path.open("rb")
    except OSError as error:
        raise AnnotatorError(f"{path}: cannot read: {error.strerror or error}") from None
    with handle:
        # Saved by an editor that writes a byte order mark: its first line is a document all
        # the same, as a journal's is a record (``journal.bom_length``); offsets stay the file's.
        offset = len(handle.read(bom_length(handle.peek(3))))
        for number, raw in enumerate(handle, start=1):
            length = len(raw)
            if raw.strip():
                doc_id = _jsonl_id(raw, path, number)
                if doc_id in entries:
                    first = entries[doc_id]
                    assert isinstance(first, _JsonlEntry)
                    raise AnnotatorError(
                        f"{path}:{number}: id: duplicate document id {doc_id!r} "
                        f"(first on line {first.line})"
                    )
                entries[doc_id] = _JsonlEntry(number, offset, length)
            offset += length
    if not entries:
        raise AnnotatorError(f"{path}: no documents in this file")
    return Corpus(path, sorted(entries), entries)


def _jsonl_id(raw: bytes, path: Path, line: int) -> str:
    data = _jsonl_object(raw, path, line)
    doc_id = data.get("id")
    if "id" not in data:
        # The arguments swapped (``validate CORPUS --corpus JOURNAL``) reach here first.
        journal = "doc_id" in data and "doc_sha256" in data
        hint = " (this looks like a journal line, not a corpus document)" if journal else ""
        raise AnnotatorError(f"{path}:{line}: id: required field is missing{hint}")
    if not isinstance(doc_id, str) or not doc_id:
        raise AnnotatorError(f"{path}:{line}: id: must be a non-empty string")
    return doc_id


def _jsonl_object(raw: bytes, path: Path, line: int) -> dict[str, Any]:
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        # ``--corpus x.spacy``: orjson's "str is not valid UTF-8: surrogates not allowed"
        # said nothing of what the file was (its head is read on this error only).
        if line == 1 and file_looks_like_docbin(path):
            raise AnnotatorError(
                f"{path}: {CORPUS_HINT} (a corpus is a folder of .txt files or a .jsonl file)"
            ) from None
        raise AnnotatorError(f"{path}:{line}: invalid JSON: {error}") from None
    if not isinstance(data, dict):
        raise AnnotatorError(f"{path}:{line}: expected a JSON object, got {type(data).__name__}")
    return data


def _jsonl_document(raw: bytes, path: Path, line: int) -> Document:
    data = _jsonl_object(raw, path, line)
    try:
        return Document.model_validate(data)
    except ValidationError as error:
        item = error.errors()[0]
        where = ".".join(str(part) for part in item["loc"])
        raise AnnotatorError(f"{path}:{line}: {where}: {item['msg']}") from None
