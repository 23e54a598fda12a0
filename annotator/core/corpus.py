"""Corpora: a folder of ``.txt`` files or a ``.jsonl`` file of documents, read lazily.

Opening a corpus lists ids (and, for JSONL, where each line starts: ``corpus_jsonl``); a text is
read only when its document is fetched, so a corpus of 10,000 documents opens without holding
every text in memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from annotator.core.corpus_jsonl import JsonlDocuments, index_jsonl
from annotator.core.dateline import dated_meta
from annotator.core.dateline import dateline_date as dateline_date  # still read from here
from annotator.core.docbin_sniff import CORPUS_HINT, corpus_docbin_hint, file_looks_like_docbin
from annotator.core.errors import AnnotatorError
from annotator.core.formats.common import ID_AS_FILE_NAME, unsafe_id
from annotator.core.models import Document
from annotator.core.real_path import goes_round


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


class Corpus:
    """Documents by id, in id order (code points). Texts are read on demand: a JSONL corpus's
    where its lines are now (``corpus_jsonl``: the file may be edited during a session)."""

    def __init__(
        self, path: Path, ids: list[str], files: dict[str, Path], jsonl: JsonlDocuments | None
    ):
        self.path = path
        self.ids = ids  # as the corpus opened: the session's list of documents
        self._files = files  # a folder corpus's .txt files by id
        self._jsonl = jsonl  # a JSONL corpus's documents
        self._index = {doc_id: position for position, doc_id in enumerate(ids)}

    def __len__(self) -> int:
        return len(self.ids)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._index

    def position(self, doc_id: str) -> int:
        """The 0-based place of ``doc_id`` in corpus order."""
        return self._index[doc_id]

    def txt_file(self, doc_id: str) -> Path | None:
        """The ``.txt`` file of ``doc_id`` in a folder corpus (None in a JSONL one)."""
        return self._files.get(doc_id)

    def file_of(self, doc_id: str) -> Path:
        """The file ``doc_id``'s text is read from: its ``.txt``, or the JSONL file of every
        document (whose stamp ``text_on_disk`` looks at)."""
        return self.path if self._jsonl is not None else self._files[doc_id]

    @contextmanager
    def kept_open(self) -> Iterator[None]:
        """Read the documents fetched inside from one open file (a JSONL corpus: see
        ``JsonlDocuments.kept_open``)."""
        if self._jsonl is None:
            yield
            return
        with self._jsonl.kept_open():
            yield

    def get(self, doc_id: str) -> Document:
        """The document ``doc_id``, read now; KeyError when the corpus has no such id."""
        if doc_id not in self._index:
            raise KeyError(doc_id)
        if self._jsonl is not None:
            return self._jsonl.get(doc_id)
        return _txt_document(doc_id, self._files[doc_id])

    def __iter__(self) -> Iterator[Document]:
        for doc_id in self.ids:
            yield self.get(doc_id)


def path_kind(path: Path) -> str:
    """What stands at ``path`` when it is neither a file nor a folder, in a message's words
    ("a named pipe"), else "a file" or "a folder"; "nothing" where nothing is."""
    if path.is_symlink() and not path.exists():
        # A loop of links is no link to nothing: said so, as real_path says it.
        return "a symbolic link going round in a loop" if goes_round(path) else "a link to nothing"
    kinds = (
        (Path.is_dir, "a folder"),
        (Path.is_file, "a file"),
        (Path.is_fifo, "a named pipe"),
        (Path.is_socket, "a socket"),
        (Path.is_block_device, "a device"),
        (Path.is_char_device, "a device"),
    )
    return next((kind for test, kind in kinds if test(path)), "nothing")


def open_corpus(path: Path) -> Corpus:
    """Open a folder of ``.txt`` files or a ``.jsonl`` file of documents."""
    if path.is_dir():
        return _open_folder(path)
    if path.is_file():
        if path.suffix.lower() == ".txt":
            raise AnnotatorError(f"{path}: a corpus is a folder of .txt files or a .jsonl file")
        return _open_jsonl(path)
    kind = path_kind(path)
    if kind != "nothing":  # a named pipe was said to be "no such corpus"
        raise AnnotatorError(
            f"{path}: {kind}, not a corpus (a folder of .txt files or a .jsonl file)"
        )
    raise AnnotatorError(f"{path}: no such corpus (a folder of .txt files or a .jsonl file)")


def _open_folder(folder: Path) -> Corpus:
    files: dict[str, Path] = {}
    for file in folder.rglob("*.txt"):
        doc_id = file.relative_to(folder).with_suffix("").as_posix()
        _check_txt_file(file, doc_id)
        files[doc_id] = file
    if not files:
        raise AnnotatorError(f"{folder}: no .txt files in this folder{_docbin_in(folder)}")
    return Corpus(folder, sorted(files), files, None)


def _check_txt_file(file: Path, doc_id: str) -> None:
    """Refuse a ``.txt`` of a corpus folder that is no document: one that is not a file (a
    named pipe or a folder was left out unsaid, and the records of its id read as not in the
    corpus), or whose id cannot be a file name (``..txt`` is ``.``: import's rule)."""
    if not file.is_file():
        raise AnnotatorError(
            f"{file}: {path_kind(file)}, not a text file: every .txt in a corpus folder is a "
            "document; move it out of the folder or rename it"
        )
    if unsafe_id(doc_id):
        raise AnnotatorError(
            f"{file}: id: {doc_id!r} {ID_AS_FILE_NAME}, which a document id must be (a brat "
            "export writes ID.txt): rename the file"
        )


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
    return dated_meta({"source": file.as_posix()}, text)


def _open_jsonl(path: Path) -> Corpus:
    index = index_jsonl(path)
    if not index.lines:
        raise AnnotatorError(f"{path}: no documents in this file")
    return Corpus(path, sorted(index.lines), {}, JsonlDocuments(path, index))
