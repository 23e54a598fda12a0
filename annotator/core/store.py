"""The annotation store: one annotator's journal opened for writing.

Opening takes the lock, refuses a journal with damaged complete lines (nothing is rewritten
behind a person's back) or a rescue file appending would undo a record of (``rescue_taken``),
before anything is changed; then it sets a torn tail aside to ``<journal>.torn-<UTC time>``
(saying so), appends the journal's rescue files, and loads the last record of every document,
and the span ids its earlier lines held (a session never gives them again). Saving appends
through the one ordered writer, which checks before each line that the journal is still the
file it has been writing (``journal_guard``) and writes it again from the records held here
when it was removed or damaged while open. Closing is prompt whatever the disk does: lines it
still refuses then go to a rescue file, and the lock is released. While saving fails, the
changes not on disk are kept in a rescue file as they are made: a crash then loses none, and
the next opening appends it (both: ``store_unwritten``).
"""

from __future__ import annotations

import datetime as dt
import os
import shlex
from collections import Counter
from collections.abc import Sequence
from contextlib import suppress
from operator import attrgetter
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.hard_links import kept_old_line, other_names, other_names_line
from annotator.core.journal import (
    JournalContents,
    LineProblem,
    TornTail,
    latest_key,
    latest_lines,
    lines_past_mark,
    read_journal,
)
from annotator.core.journal_guard import JournalGuard, keep_aside, utc_stamp
from annotator.core.lock import ANNOTATE_SESSION, JournalLock, session_left_words
from annotator.core.models import Record, record_line
from annotator.core.rescue_taken import judge_rescues
from annotator.core.rescue_typing import keep_refused_typing, refused_typing_said
from annotator.core.store_rescue import Unsaved
from annotator.core.store_unwritten import UnwrittenLines
from annotator.core.validate_shape import not_a_journal
from annotator.core.write_target import linked_file, write_target
from annotator.core.writer import StatusCallback, fsync_directory, write_all


def set_torn_tail_aside(journal: Path, torn: TornTail) -> Path:
    """Copy the torn bytes to ``<journal>.torn-<time>``, then cut them from the journal (a
    link's: beside the file it leads to)."""
    journal = linked_file(journal)
    aside = keep_aside(journal, "torn", torn.data)
    fd = os.open(journal, os.O_WRONLY)
    try:
        os.ftruncate(fd, torn.offset)
        os.fsync(fd)
    finally:
        os.close(fd)
    fsync_directory(journal.parent)
    return aside


def _refuse_damaged(contents: JournalContents) -> None:
    shape = not_a_journal(contents.path, contents)  # a corpus, another tool's file
    if shape is not None:
        raise AnnotatorError(shape)
    if contents.problems:
        raise damaged_refusal(contents.problems, contents.path)


def damaged_refusal(problems: Sequence[LineProblem], path: Path) -> AnnotatorError:
    """The refusal of a journal or gold file with damaged lines (``problems``, not empty): the
    first, how many more, and the way on, as README gives it: only a person can tell what a
    damaged line held (a trial's refusal gave the JSON reader's words alone)."""
    more = len(problems) - 1
    extra = f" (and {more} more)" if more else ""
    quoted = shlex.quote(str(path))
    way = (
        f"; mend or remove it by hand after a copy (cp {quoted} {quoted}.bak): "
        f"`annotator validate {quoted}` lists every such line"
    )
    return AnnotatorError(problems[0].format(path) + extra + way)


def open_for_writing(journal: Path, lock: JournalLock) -> tuple[JournalContents, list[str]]:
    """Read a locked journal for appending: damage and a rescue file that cannot be appended
    refused (``rescue_taken``) before anything is changed, then its torn tail set aside and
    its rescue files appended. A session's lock taken over says what the journal holds of
    its work (``session_left_words``)."""
    messages: list[str] = []
    contents = JournalContents(path=journal)
    if journal.exists():
        contents = read_journal(journal)
        _refuse_damaged(contents)
    # Judged before anything is moved: a rescue file refused leaves the journal as it was,
    # its torn tail too (a trial's refused compact had moved it, unsaid).
    rescues = judge_rescues(journal, lambda: contents)
    rescues.refuse()
    if lock.message:
        records = [record for _line, record in contents.records]
        now = dt.datetime.now(dt.UTC)
        rescued = [rescue.path for rescue in rescues.rescues if not rescue.in_journal]
        left = session_left_words(lock.taken_over, records, now, rescued)
        messages.append(lock.message + left)
    aside = None
    if contents.torn is not None:
        aside = set_torn_tail_aside(journal, contents.torn)
        messages.append(
            f"{journal}:{contents.torn.line}: an incomplete last line (interrupted write) "
            f"was moved to {aside}; every complete line is kept"
        )
        contents = read_journal(journal)
    # Before anything is written: lines a closing could not write come before any new one.
    said, appended = rescues.append(moved=aside)
    messages += said
    messages += refused_typing_said(journal)  # a field's text a hangup could not save
    return (read_journal(journal) if appended else contents), messages


def _missing_folders(folder: Path) -> list[Path]:
    """``folder`` and those of its parents that do not exist, innermost first."""
    missing = []
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    return missing


def _take_lock_making_folders(lock: JournalLock) -> list[Path]:
    """Make the journal's folder and take its lock; the folders made, innermost first.

    Another store closing may take away an empty folder between the two steps (it made it,
    wrote nothing): then the folder is made again and the lock taken again."""
    made: list[Path] = []
    try:
        for attempt in range(3):
            made += [
                folder for folder in _missing_folders(lock.journal.parent) if folder not in made
            ]
            lock.journal.parent.mkdir(parents=True, exist_ok=True)
            try:
                lock.acquire()
            except FileNotFoundError:
                if attempt == 2:
                    raise
                continue
            break
    except BaseException:
        remove_empty_folders(made)
        raise
    # Innermost first, as removing them needs.
    return sorted(made, key=lambda folder: len(folder.parts), reverse=True)


def remove_empty_folders(folders: list[Path]) -> None:
    """Remove each folder (innermost first) while it is empty; a folder holding anything,
    such as another session's lock or journal, stays."""
    for folder in folders:
        try:
            folder.rmdir()
        except FileNotFoundError:
            continue
        except OSError:
            return


_SPAN_ID = attrgetter("id")


def earlier_span_ids(
    contents: JournalContents, annotator: str, latest: dict[str, Record]
) -> dict[str, set[str]]:
    """doc id -> the span ids ``annotator``'s earlier lines of the document held that its
    ``latest`` record does not (spans deleted, records replaced); only documents with some."""
    held: dict[str, set[str]] = {}
    for _line, record in contents.records:
        if record.spans and record.annotator == annotator:
            ids = held.get(record.doc_id)
            if ids is None:
                ids = held[record.doc_id] = set()
            ids.update(map(_SPAN_ID, record.spans))  # a tenth of a second for 500,000 spans
    earlier = {}
    for doc_id, ids in held.items():
        last = latest.get(doc_id)  # None: a gold line another reviewer wrote later replaced it
        ids.difference_update(map(_SPAN_ID, last.spans if last is not None else ()))
        if ids:
            earlier[doc_id] = ids
    return earlier


class Store:
    """One annotator's records, saved to ``journal`` in order as they change."""

    # Set by ``close`` (class defaults: ``GoldStore`` opens without ``Store.__init__``).
    unsaved: Unsaved | None = None  # what closing could not write, and where it went instead
    lock_left: tuple[Path, str] | None = None  # the lock file closing could not remove, and why
    _closed_well: bool | None = None
    # The lines not on disk: in a rescue file while saving fails, rescued on closing.
    _unwritten: UnwrittenLines

    def __init__(
        self,
        journal: Path,
        annotator: str,
        on_status: StatusCallback | None = None,
    ) -> None:
        # A named pipe or a device refused before it is read (a link is appended through).
        write_target(journal)
        self.journal = journal
        self.annotator = annotator
        self._lock = JournalLock(journal, doing=ANNOTATE_SESSION)
        # The folders this store made for the journal: taken away again on closing if nothing
        # was written (opening and quitting leaves no empty ``annotations/`` behind).
        self._made_folders = _take_lock_making_folders(self._lock)
        try:
            contents, self.messages = open_for_writing(journal, self._lock)
            # Another name of the journal is not kept out by the lock beside this one.
            self.messages.extend([said] if (said := other_names_line(journal)) else [])
        except BaseException:
            self._release()
            raise
        self.records: dict[str, Record] = {
            doc_id: record
            for (who, doc_id), record in contents.latest().items()
            if who == annotator
        }
        # Span ids are never given again within a document (``AnnotationSession``), and the
        # journal is read whole here: what its earlier lines held is kept, not read again.
        self.earlier_span_ids = earlier_span_ids(contents, annotator, self.records)
        prefix = b"" if contents.ends_with_newline else b"\n"
        # The latest line of every document, whoever's: the journal can be written again whole
        # from them when it is removed or damaged while open (``journal_guard``).
        held = {latest_key(record): record for _line, record in latest_lines(contents.records)}
        # Other annotators' documents in this file (not loaded): the session says so at the start.
        self.others = Counter(key[1] for key in held if key[0] == "journal" and key[1] != annotator)
        guard = JournalGuard(journal, self._lock, held, owed_newline=bool(prefix))
        # ``held`` is kept up to date by the guard (on the writer's thread).
        self._unwritten = UnwrittenLines(journal, held)
        self._writer = self._unwritten.start_writer(on_status, prefix, guard)

    @property
    def state(self) -> str:
        return self._writer.state

    @property
    def error(self) -> str | None:
        return self._writer.error

    @property
    def notices(self) -> list[str]:
        """What was set right about the journal while it was open (each said once)."""
        return self._writer.notices

    def save(self, record: Record) -> None:
        """Remember ``record`` as the document's latest and queue it for appending."""
        if record.annotator != self.annotator:
            raise AnnotatorError(
                f"{self.journal}: record of {record.annotator!r} in {self.annotator!r}'s journal"
            )
        self.records[record.doc_id] = record
        self._writer.submit(record)
        self._unwritten.saved()  # while saving fails, a crash now keeps this change too

    def keep_refused_typing(self, shown: list[str], why: str = "the hang-up") -> Path | None:
        """Text fields show that they refuse, at a close no one was asked about (a hangup):
        kept in a note the next opening says (``rescue_typing``), never dropped unsaid."""
        return keep_refused_typing(self.journal, shown, why)

    @property
    def rescue_kept(self) -> Path | None:
        """The rescue file holding the changes not on disk while saving fails (None: none)."""
        return self._unwritten.kept

    def flush(self, timeout: float | None = None) -> bool:
        return self._writer.flush(timeout)

    def close(self, timeout: float | None = 10.0) -> bool:
        """Write everything queued and release the lock; False if some lines could not be
        written (``unsaved``). Prompt whatever the disk does: the writer gives a refused line a
        few tries (``writer``), and ``timeout`` only bounds a write hanging in the system.

        Lines left unwritten go to a rescue file (``store_rescue``) before the lock is
        released: they are then kept outside the journal, and the lock of a session that is
        gone only stood in the next one's way. A lock that cannot be removed (its folder made
        read-only) is left in ``lock_left``, to be said. Closing again changes nothing."""
        if self._closed_well is not None:
            return self._closed_well
        written = self._writer.close(timeout)
        self.unsaved = self._unwritten.closed(written)
        self._release()
        self._closed_well = written
        return written

    def _release(self) -> None:
        """Release the lock, then take away the folders made on opening if they are empty."""
        try:
            self._lock.release()
        except OSError as error:
            # Its folder made read-only (a quit in NOT SAVED): said, with how to remove it,
            # rather than raised on the way out.
            self.lock_left = (self._lock.path, str(error.strerror or error))
        remove_empty_folders(self._made_folders)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def compact(journal: Path) -> tuple[int, int, list[str]]:
    """Rewrite a journal keeping the last line of each document (temp file, fsync, rename).

    Returns (lines before, lines after, messages). Holds the lock while it works. A link's
    file is compacted (the link kept); a named pipe or a device is refused (``write_target``).
    """
    journal = write_target(journal)
    # A journal that is not there or cannot be read is said as every reader says it, before a
    # lock is made beside it (/proc/self/mem said "/proc/self/mem.lock: No such file"). This
    # opens it and reads one buffer, no more; what is rewritten is read again under the lock,
    # by its path: a handle kept from here may be of a file another compact has replaced
    # since (os.replace), and rewriting what that held would drop the lines appended after.
    with lines_past_mark(journal):
        pass
    lock = JournalLock(journal, doing="a compact")
    try:
        lock.acquire()
    except OSError as error:  # a full disk said "annotator: No space left on device", no file
        raise AnnotatorError(
            f"{journal}: cannot compact: cannot write the lock {lock.path.name} beside it: "
            f"{error.strerror or error}; the journal is as it was"
        ) from None
    try:
        contents, messages = open_for_writing(journal, lock)
        latest = contents.latest()
        data = b"".join(record_line(record) for record in latest.values())
        if said := _write_compacted(journal, data):
            messages.append(said)
        return len(contents.records), len(latest), messages
    finally:
        lock.release()


def _write_compacted(journal: Path, data: bytes) -> str:
    """Replace ``journal`` by ``data`` through a hidden temp file beside it, which no failure
    leaves behind (a journal made immutable left ``.NAME.compact-TIME`` and named only it).
    Returns the line saying the journal's other names keep the old contents, or "" (one name:
    ``hard_links.other_names``).

    Not ``writer.write_new_file``: a temp file that cannot be made is said as such ("cannot
    write .NAME.compact-TIME beside it"), a write or rename that fails as the compact's
    failure, and that function gives the same OSError for both."""
    temp = journal.with_name(f".{journal.name}.compact-{utc_stamp()}")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except OSError as error:
        raise AnnotatorError(
            f"{journal}: cannot compact: cannot write {temp.name} beside it: "
            f"{error.strerror or error}; the journal is as it was"
        ) from None
    try:
        try:
            write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        before = other_names(journal)
        os.replace(temp, journal)
    except BaseException as error:
        with suppress(OSError):  # what could not be removed is no worse than the failure said
            temp.unlink(missing_ok=True)
        if not isinstance(error, OSError):
            raise
        raise AnnotatorError(
            f"{journal}: cannot compact: {error.strerror or error}; the journal is as it was"
        ) from None
    fsync_directory(journal.parent)
    return kept_old_line(before)
