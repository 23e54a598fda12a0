"""Where the annotator's work is saved, in words: the journal's path as the annotator can use
it, and how many documents of the corpus stand at each status. ``annotate`` prints it after the
screen closes, and the welcome names the journal: a trial's annotator quit and asked "where is
my journal?", nothing printed and the name taken from the login unsaid.

A document's status is one rule (``doc_status``), the session's list's, the exit line's and
``stats --corpus``'s; the exit line lists the corpus again and hashes again the texts whose
files changed during the session (``exit_summary``), so that it counts what ``stats --corpus``
run after it counts, and says which documents came or went (``CorpusMoves``)."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from annotator.core.corpus import Corpus, open_corpus
from annotator.core.errors import AnnotatorError

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


def status_said(status: str) -> str:
    """A record's status as the exit line and ``stats`` say it ("in progress", not
    "in_progress")."""
    return next((words for held, words in _STATUS_WORDS if held == status), status)


def spans_words(count: int) -> str:
    return f"{count} span" + ("" if count == 1 else "s")


def documents_words(total: int) -> str:
    return f"{total} document" + ("" if total == 1 else "s")


def status_words(counts: Mapping[DocStatus, int]) -> str:
    """``14 documents: 12 done, 1 skipped, 1 in progress``: the statuses held (``status_counts``)
    in a fixed order, as the exit line and ``stats --corpus`` say them."""
    held = [f"{counts[status]} {words}" for status, words in _STATUS_WORDS if counts[status]]
    return f"{documents_words(sum(counts.values()))}: {', '.join(held)}"


@dataclass(frozen=True)
class CorpusMoves:
    """The documents that came into the corpus or left it while the session was open (``name``:
    the corpus as given), and of those that left, the ones whose records hold work: the exit
    line counts the corpus as it is then, as ``stats --corpus`` run after it does, and says
    these (a trial's exit line counted a document whose file was moved away during the
    session, where stats said "1 record(s) for documents not in d4")."""

    name: str
    came: Sequence[str] = ()
    went: Sequence[str] = ()
    went_with_records: Sequence[str] = ()

    def words(self) -> str:
        said = ""
        if len(self.went) == 1:
            said += f"; {self.went[0]} left {self.name} during the session"
            if self.went_with_records:
                said += ", its record kept in the journal"
        elif self.went:
            said += (
                f"; {len(self.went)} documents left {self.name} during the session, first: "
                f"{self.went[0]}"
            )
            if self.went_with_records:
                said += f" ({len(self.went_with_records)} with records kept in the journal)"
        if len(self.came) == 1:
            said += (
                f"; {self.came[0]} came into {self.name} during the session: the next session "
                "lists it"
            )
        elif self.came:
            said += (
                f"; {len(self.came)} documents came into {self.name} during the session, first: "
                f"{self.came[0]}: the next session lists them"
            )
        return said


def saved_summary(
    session: Progressing,
    journal: Path,
    cwd: Path | None = None,
    changed: Sequence[str] = (),
    moves: CorpusMoves | None = None,
) -> str:
    """``saved to annotations/root.jsonl (14 documents: 12 done, 1 skipped, 1 in progress)``:
    the statuses held, in a fixed order; with nothing saved yet, where it will be. ``changed``:
    the documents whose records the session took for current and that are stale for their
    texts on disk now (``exit_summary``), said after the counts; ``moves``: the documents that
    came or went during the session, said last."""
    counts = status_counts(session)
    where = shown_path(journal, cwd)
    total = len(session.ids)
    moved = moves.words() if moves is not None else ""
    if counts["new"] == total and not (moves is not None and moves.went_with_records):
        # No journal yet (nothing was changed): "is saved to" named a file that is not there.
        saved = "is saved" if journal.exists() else "will be saved"
        return (
            f"nothing annotated yet ({documents_words(total)}); your work {saved} to {where}{moved}"
        )
    return f"saved to {where} ({status_words(counts)}{_changed_words(changed)}){moved}"


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
    """``saved_summary`` once the screen is closed, true of the corpus and the texts on disk
    now: the corpus is listed again (``corpus_now``: documents may have come or gone), the
    texts of documents with records whose files changed since the session began
    (``started_ns``, ``time.time_ns()`` before its corpus was opened) are hashed again, and so
    are those the session had not hashed yet, or did not list. The session hashes a text when
    it reads it; a record finished for a text since edited on disk counted done, where the
    next session lists it stale."""
    opened = session.corpus
    now, cannot = _corpus_now(opened, started_ns)
    records = session.store.records
    changed_files: dict[Path, bool] = {}
    to_hash = set(session.texts_to_check())
    came_with_records: list[str] = []
    for doc_id in records:
        if doc_id not in now:
            continue
        if doc_id not in opened:
            came_with_records.append(doc_id)  # its record, of an earlier session, not checked
            continue
        file = opened.file_of(doc_id)  # one JSONL file holds every document of its corpus
        if file not in changed_files:
            changed_files[file] = _changed_since(file, started_ns)
        if changed_files[file]:
            to_hash.add(doc_id)
    ordered = sorted((doc_id for doc_id in to_hash if doc_id in now), key=now.position)
    hashes = dict(session.text_hashes(ordered))
    hashes.update(_hashes_in(now, came_with_records))
    on_disk = _OnDiskNow(session, now.ids, hashes)
    changed = [
        doc_id
        for doc_id in ordered
        if on_disk.status_of(doc_id) == "stale" and session.status_of(doc_id) != "stale"
    ]
    went = [doc_id for doc_id in opened.ids if doc_id not in now]
    moves = CorpusMoves(
        os.fspath(opened.path),
        [doc_id for doc_id in now.ids if doc_id not in opened],
        went,
        [doc_id for doc_id in went if doc_id in records and not records[doc_id].holds_nothing()],
    )
    return saved_summary(on_disk, journal, cwd, changed, moves) + cannot


def _corpus_now(opened: Corpus, started_ns: int) -> tuple[Corpus, str]:
    """The corpus as it is now, and what to say when it cannot be opened (then the one the
    session opened is counted). A JSONL file unchanged since the session began lists the same
    documents: not read again."""
    if opened.txt_file(opened.ids[0]) is None and not _changed_since(opened.path, started_ns):
        return opened, ""
    try:
        return open_corpus(opened.path), ""
    except AnnotatorError as error:
        return opened, f"; counted as {opened.path} was when the session opened: now {error}"


def _hashes_in(corpus: Corpus, doc_ids: Sequence[str]) -> dict[str, str]:
    """doc id -> sha256 of its text in ``corpus`` now; one that cannot be read left out."""
    hashes: dict[str, str] = {}
    for doc_id in doc_ids:
        try:
            hashes[doc_id] = corpus.get(doc_id).sha256
        except (AnnotatorError, KeyError):
            continue
    return hashes


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


class _OnDiskNow(RecordsInCorpus):
    """The documents of the corpus now (``ids``) and their statuses: ``RecordsInCorpus``'s of
    the session's records for the texts hashed again (``text_sha256``), the session's own for
    the others it listed (a document it did not list: its record at its word)."""

    def __init__(self, session: SessionProgress, ids: list[str], text_sha256: dict[str, str]):
        super().__init__(ids, session.store.records, text_sha256)
        self._session = session

    def status_of(self, doc_id: str) -> DocStatus:
        if doc_id not in self._text_sha256 and doc_id in self._session.corpus:
            return self._session.status_of(doc_id)
        return super().status_of(doc_id)


def welcome_words(annotator: str, journal: Path, cwd: Path | None = None) -> str:
    """The welcome's first words: who annotates, and where the work goes as it is done."""
    where = shown_path(journal, cwd)
    return f"Annotating as {annotator}; each change is saved to {where}."
