"""Where the annotator's work is saved, in words: the journal's path as the annotator can use
it, and how many documents of the corpus stand at each status. ``annotate`` prints it after the
screen closes, and the welcome names the journal: a trial's annotator quit and asked "where is
my journal?", nothing printed and the name taken from the login unsaid.

A document's status is one rule (``doc_status``), the session's list's, the exit line's and
``stats --corpus``'s; the exit line hashes again the texts whose files changed during the
session (``exit_summary``)."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # stats reads the rule here without loading the session's modules
    from annotator.core.models import Record
    from annotator.core.session_progress import DocStatus, SessionProgress

# A file system may keep a file's times to the second or two (FAT keeps two): a file whose
# times are this close before the session began is hashed again all the same.
_TIMES_KEPT_TO_NS = 2_000_000_000

# The statuses in the order the summary names them, each as it reads there.
_STATUS_WORDS: tuple[tuple[DocStatus, str], ...] = (
    ("done", "done"),
    ("skipped", "skipped"),
    ("in_progress", "in progress"),
    ("stale", "stale"),
    ("new", "new"),
)


class Progressing(Protocol):
    """What the summary reads of a session (``AnnotationSession``)."""

    @property
    def ids(self) -> list[str]: ...

    def status_of(self, doc_id: str) -> DocStatus: ...


def shown_path(path: Path, cwd: Path | None = None) -> str:
    """``path`` as the annotator can type it from where the command ran: relative to the
    working directory when inside it (``annotations/root.jsonl``), else absolute."""
    here = (cwd or Path.cwd()).resolve()
    absolute = path.resolve()
    if absolute.is_relative_to(here):
        return os.fspath(absolute.relative_to(here))
    return os.fspath(absolute)


def doc_status(record: Record | None, text_sha256: str | None) -> DocStatus:
    """A document's status from its latest record and the sha256 of its text now (None: not
    hashed, the record taken at its word): no record, or one holding nothing, is new; one made
    for another text is stale, not done, whatever its status says. The rule of annotate's list
    and exit line (``SessionProgress.status_of``, which a test holds to it) and of ``stats
    --corpus``: a trial's stats counted a stale record done where the exit line said stale."""
    if record is None or record.holds_nothing():
        return "new"  # a stale one holding nothing too: opened, it is a blank (enter)
    if text_sha256 is not None and text_sha256 != record.doc_sha256:
        return "stale"
    return record.status


class RecordsInCorpus:
    """A corpus's documents as the summary reads them (``Progressing``), from records and the
    sha256 of their texts (``doc_status``): ``stats --corpus`` counts with it."""

    def __init__(
        self, ids: list[str], records: Mapping[str, Record], text_sha256: Mapping[str, str]
    ) -> None:
        self._ids = ids
        self._records = records
        self._text_sha256 = text_sha256

    @property
    def ids(self) -> list[str]:
        return self._ids

    def status_of(self, doc_id: str) -> DocStatus:
        return doc_status(self._records.get(doc_id), self._text_sha256.get(doc_id))


def status_counts(session: Progressing) -> dict[DocStatus, int]:
    """How many documents of the corpus stand at each status (every status, 0 too)."""
    counts: dict[DocStatus, int] = {status: 0 for status, _words in _STATUS_WORDS}
    for doc_id in session.ids:
        counts[session.status_of(doc_id)] += 1
    return counts


def documents_words(total: int) -> str:
    return f"{total} document" + ("" if total == 1 else "s")


def status_words(counts: Mapping[DocStatus, int]) -> str:
    """``14 documents: 12 done, 1 skipped, 1 in progress``: the statuses held (``status_counts``)
    in a fixed order, as the exit line and ``stats --corpus`` say them."""
    held = [f"{counts[status]} {words}" for status, words in _STATUS_WORDS if counts[status]]
    return f"{documents_words(sum(counts.values()))}: {', '.join(held)}"


def saved_summary(
    session: Progressing, journal: Path, cwd: Path | None = None, changed: Sequence[str] = ()
) -> str:
    """``saved to annotations/root.jsonl (14 documents: 12 done, 1 skipped, 1 in progress)``:
    the statuses held, in a fixed order; with nothing saved yet, where it will be. ``changed``:
    the documents whose records the session took for current and that are stale for their
    texts on disk now (``exit_summary``), said after the counts."""
    counts = status_counts(session)
    where = shown_path(journal, cwd)
    total = len(session.ids)
    if counts["new"] == total:
        # No journal yet (nothing was changed): "is saved to" named a file that is not there.
        saved = "is saved" if journal.exists() else "will be saved"
        return f"nothing annotated yet ({documents_words(total)}); your work {saved} to {where}"
    return f"saved to {where} ({status_words(counts)}{_changed_words(changed)})"


def _changed_words(changed: Sequence[str]) -> str:
    """Why records the session took for current count stale: a trial's article file was edited
    while it was open, d finished the record for the text as it opened, and the exit line said
    "1 done" where the next session listed it stale."""
    if not changed:
        return ""
    if len(changed) == 1:
        return f"; stale since its text changed on disk: {changed[0]}"
    return f"; {len(changed)} stale since their texts changed on disk, first: {changed[0]}"


def exit_summary(
    session: SessionProgress, journal: Path, started_ns: int, cwd: Path | None = None
) -> str:
    """``saved_summary`` once the screen is closed, true of the texts on disk now: the texts
    of documents with records whose files changed since the session began (``started_ns``,
    ``time.time_ns()`` before its corpus was opened) are hashed again, and so are those the
    session had not hashed yet. The session hashes a text when it reads it; a record finished
    for a text since edited on disk counted done, where the next session lists it stale."""
    records = session.store.records
    corpus = session.corpus
    changed_files: dict[Path, bool] = {}
    to_hash = set(session.texts_to_check())
    for doc_id in records:
        if doc_id not in corpus:
            continue
        file = corpus.file_of(doc_id)  # one JSONL file holds every document of its corpus
        if file not in changed_files:
            changed_files[file] = _changed_since(file, started_ns)
        if changed_files[file]:
            to_hash.add(doc_id)
    ordered = sorted(to_hash, key=corpus.position)
    on_disk = _OnDiskNow(session, dict(session.text_hashes(ordered)))
    changed = [
        doc_id
        for doc_id in ordered
        if on_disk.status_of(doc_id) == "stale" and session.status_of(doc_id) != "stale"
    ]
    return saved_summary(on_disk, journal, cwd, changed)


def _changed_since(file: Path, started_ns: int) -> bool:
    """Whether ``file`` may have been written since ``started_ns``: its change time (a copy
    keeping an old modification time still sets it) or its modification time (the one kept on
    Windows, whose change time is when the file was made). One that cannot be looked at is
    read again (reading it says nothing: ``text_hashes`` leaves it out)."""
    try:
        found = os.stat(file)
    except OSError:
        return True
    return max(found.st_mtime_ns, found.st_ctime_ns) >= started_ns - _TIMES_KEPT_TO_NS


class _OnDiskNow:
    """The session's statuses (``Progressing``), those of the texts hashed again taken from
    their hashes now (``doc_status``)."""

    def __init__(self, session: SessionProgress, text_sha256: dict[str, str]) -> None:
        self._session = session
        self._text_sha256 = text_sha256

    @property
    def ids(self) -> list[str]:
        return self._session.ids

    def status_of(self, doc_id: str) -> DocStatus:
        sha256 = self._text_sha256.get(doc_id)
        if sha256 is None:
            return self._session.status_of(doc_id)
        return doc_status(self._session.store.records.get(doc_id), sha256)


def welcome_words(annotator: str, journal: Path, cwd: Path | None = None) -> str:
    """The welcome's first words: who annotates, and where the work goes as it is done."""
    where = shown_path(journal, cwd)
    return f"Annotating as {annotator}; each change is saved to {where}."
