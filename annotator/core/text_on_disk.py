"""Whether an article's file still holds the text the annotation session read from it.

The session reads an article each time it opens (n, p, u, l read it again) and keeps the text
on screen as read: every span is checked against that text and every record saved for it
carries its ``doc_sha256``. An article file edited on disk meanwhile (a typo fixed, a corpus
imported again) went unsaid until the next session, its record then stale. So:

- while an article is open, its file is looked at now and then (``changed_while_open``, in a
  worker): its stat first, its text hashed only when the stat changed. A new text is said
  once: the labels stay on the text as opened, saved for it, and opening the article again
  reads the new text, where ctrl+k carries them over. A file gone (moved, deleted) or that
  cannot be read is said once too;
- when an article opens again and its text is not the one the session read before
  (``entered``), that is said: the new text is shown, and a record saved for the old one is
  stale here (the screen's banner offers ctrl+k and ctrl+r).

A document of a JSONL corpus is looked at through that one file (``Corpus.file_of``): an edit
to any of its lines changes its stamp, and the document is then read again (``corpus_jsonl``
finds its line anew) and hashed, said only when its own text is not the one shown.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.models import Document

# What ``_told`` holds of a document whose open file was said gone or unreadable (no sha256).
_CANNOT_READ = "cannot be read"


@dataclass(frozen=True)
class FileStamp:
    """What a stat says of a file that changes when it is written or replaced."""

    mtime_ns: int
    size: int
    inode: int


def file_stamp(path: Path) -> FileStamp | None:
    """``path``'s stamp, or None when it cannot be looked at (gone, unreadable)."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return FileStamp(found.st_mtime_ns, found.st_size, found.st_ino)


@dataclass(frozen=True)
class TextRead:
    """A text as the session read it: its file, the file's stamp just before the read (a write
    during the read then shows as a change, checked by hash), its sha256, and when."""

    file: Path
    stamp: FileStamp | None
    sha256: str
    at: dt.datetime


def _now() -> dt.datetime:
    return dt.datetime.now().astimezone()


class TextsOnDisk:
    """The text last read of each article file, and whether its file holds another now.

    ``read`` is safe in a worker thread; ``entered`` and ``told`` belong to the screen's
    thread; ``changed_while_open`` reads the disk and is meant for a worker."""

    def __init__(
        self,
        read: Callable[[str], Document],
        file_of: Callable[[str], Path | None],
        now: Callable[[], dt.datetime] = _now,
    ) -> None:
        self._read = read
        self._file_of = file_of
        self._now = now
        # Stamped as read, until the screen enters the document: (doc id, sha256) -> read.
        self._pending: dict[tuple[str, str], TextRead] = {}
        self._entered: dict[str, TextRead] = {}  # doc id -> the text last shown of it
        self._told: dict[str, str] = {}  # doc id -> sha256 of the new text said while open
        # doc id -> the stamp its open file had when last hashed, and the sha256 then
        self._looked: dict[str, tuple[FileStamp, str]] = {}
        # doc id -> the stamp (None: gone) at which its open file last could not be read
        self._failed: dict[str, FileStamp | None] = {}

    def read(self, doc_id: str) -> Document:
        """The document, read now; its file stamped first (a worker may call it)."""
        file = self._file_of(doc_id)
        stamp = file_stamp(file) if file is not None else None
        at = self._now()
        document = self._read(doc_id)
        if file is not None:
            self._pending[(doc_id, document.sha256)] = TextRead(file, stamp, document.sha256, at)
        return document

    def entered(self, document: Document, stale_spans: int | None) -> str | None:
        """``document`` (as ``read`` gave it) is the one on screen now. The line to say when
        the session showed another text of it before; ``stale_spans``: the spans of its record
        when that is stale for this text (None: it is not, or there is none)."""
        doc_id, sha256 = document.id, document.sha256
        before = self._entered.get(doc_id)
        read = self._pending.pop((doc_id, sha256), None)
        if read is not None:
            self._entered[doc_id] = read
        self._told.pop(doc_id, None)
        self._looked.pop(doc_id, None)
        self._failed.pop(doc_id, None)
        if before is None or before.sha256 == sha256:
            return None
        said = f"{_changed(doc_id, before)}: "
        if stale_spans is None:
            return said + "this is its new text"
        return (
            f"{said}this is its new text, and your record ({stale_spans} "
            f"span{'' if stale_spans == 1 else 's'}), saved for the text as it was, is stale "
            "here: ctrl+k twice carries it over"
        )

    def changed_while_open(self, doc_id: str, stale: bool = False) -> str | None:
        """Whether the file of ``doc_id``, open on screen, now holds another text than the one
        shown, or none (``_cannot_read``): the line to say, once per new text; else None.
        ``stale``: its record is stale there (nothing is labelled on it until ctrl+k or
        ctrl+r). Its stat first: only a file whose stat changed is read and hashed (a worker
        may call it; it reads the disk)."""
        shown = self._entered.get(doc_id)
        if shown is None:
            return None
        stamp = file_stamp(shown.file)
        if stamp is None:
            return self._cannot_read(doc_id, shown, None, "", stale)
        if stamp == shown.stamp:
            self._back(doc_id)
            return None  # unchanged
        looked = self._looked.get(doc_id)
        if looked is not None and looked[0] == stamp:
            sha256 = looked[1]  # hashed at this stat already: not read every few seconds
        else:
            try:
                sha256 = self._read(doc_id).sha256
            except (AnnotatorError, KeyError) as error:
                return self._cannot_read(doc_id, shown, stamp, str(error), stale)
            self._looked[doc_id] = (stamp, sha256)
        self._back(doc_id)
        if sha256 == shown.sha256:
            return None  # written again with the same text (saved unchanged, touched)
        if self._told.get(doc_id) == sha256:
            return None
        self._told[doc_id] = sha256
        if stale:
            return f"{_changed(doc_id, shown)}: leave it and open it again for the new text"
        return (
            f"{_changed(doc_id, shown)}: you are labelling the text as it opened, and your "
            "labels are saved for that text; leave it and open it again for the new one, where "
            "ctrl+k carries them over"
        )

    def _back(self, doc_id: str) -> None:
        """The open file reads again: gone or unreadable again, that is said again."""
        self._failed.pop(doc_id, None)
        if self._told.get(doc_id) == _CANNOT_READ:
            del self._told[doc_id]

    def _cannot_read(
        self, doc_id: str, shown: TextRead, stamp: FileStamp | None, problem: str, stale: bool
    ) -> str | None:
        """The open article's file is gone (``stamp`` None: moved or deleted) or its text
        cannot be read (``problem``: gone from its JSONL file, say). Said once, at the second
        look that finds the file so (a file half written, or put back in place by an editor,
        is not): a trial moved an open article's file away and the screen said nothing, where
        an edit was said. The labels are still saved, for the text as it opened."""
        if doc_id not in self._failed or self._failed[doc_id] != stamp:
            self._failed[doc_id] = stamp
            return None
        if self._told.get(doc_id) == _CANNOT_READ:
            return None
        self._told[doc_id] = _CANNOT_READ
        named = _file_words(doc_id, shown)
        if stamp is None:
            said = f"{named} was moved or deleted since it opened at {shown.at:%H:%M}"
        else:
            said = f"{named} cannot be read now: {problem}"
        if stale:
            return f"{said}; your stale record of it stays in the journal as it was"
        return f"{said}; your labels are still saved to the journal, for the text as it opened"


def _changed(doc_id: str, read: TextRead) -> str:
    """``sub/e.txt changed on disk since it opened at 12:03``."""
    return f"{_file_words(doc_id, read)} changed on disk since it opened at {read.at:%H:%M}"


def _file_words(doc_id: str, read: TextRead) -> str:
    """``sub/e.txt``: the file as the corpus names it (its name alone may be another folder's
    too); ``b in c.jsonl`` for a document of a JSONL corpus (a folder corpus's files are its
    ``.txt`` ones, a JSONL corpus never is)."""
    return f"{doc_id}.txt" if read.file.suffix == ".txt" else f"{doc_id} in {read.file.name}"
