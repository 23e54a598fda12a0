"""A journal's rescue files, dealt with when it is opened for writing, before anything is written.

A store that closed while the disk refused its lines left them in a rescue file
(``store_rescue``), and said so on a terminal that may be gone by then (an SSH drop). The next
session opened the journal without them: it showed the document as the journal had it, gave a
new span an id the rescued record gives to another, and once it had saved, appending the rescue
file as told made the old rescued record the document's latest line: the new work dropped.

Now opening a journal (annotate, compact, a review's gold file) looks for its rescue files in
the rescue folders, oldest first, and for each one:

- every record it holds is in the journal already (appended by hand): it is renamed
  ``<name>.appended``, and that is said;
- no record is earlier than the journal's record of its document (times are to the second): the
  file is appended, as ``cat RESCUE >> JOURNAL`` would (the one crash-safe append: all or
  none), renamed ``<name>.appended``, and that is said in one line;
- else opening is refused, in one line naming the file and both ways on (keep the journal's
  later work and set the file aside, or append it by hand).

A record with no ``updated_at`` (the rescued one or the journal's) is not known to be later:
refused. A rescue file named by the journal's stem alone (written before names held
``journal_tag``) may be another folder's journal's: it is said, never appended.

The files are judged (``judge_rescues``) before anything is moved or written: a refused compact,
annotate or review leaves the file as it was, its torn tail too (it was moved aside first, and said
only on a run that went on). Commands that read journals and write none (validate, stats,
export, agree, diff, merge, a review's reading of the annotators' journals) say each rescue
file pending in one line, and how it will be taken (``rescues_pending``): what they read lacks
its changes, and a reviewer could merge before the annotator started again. They append
nothing: the journal is the annotator's to open. A rescue file of a journal whose session runs
now (it holds the lock) is that session's, kept while its saving fails: said as such, never as
one to append (the session writes its lines itself; appended by hand, they were there twice).
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import shlex
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.journal import (
    JournalContents,
    TornTail,
    latest_key,
    latest_lines,
    read_journal,
)
from annotator.core.lock_holder import Holder, running_holder
from annotator.core.models import GoldRecord, Record, record_line
from annotator.core.store_rescue import journal_tag, rescue_folders, rescue_prefix
from annotator.core.writer import append_durably, fsync_directory

# What follows a journal's name (and tag) in a rescue file's name: the UTC time it was written.
_STAMP = re.compile(r"[0-9]{8}T[0-9]{12}Z\.jsonl")
APPENDED = ".appended"  # a rescue file appended is renamed so: kept, and not found again


def found_rescues(journal: Path) -> tuple[list[Path], list[Path]]:
    """This journal's rescue files in the rescue folders, oldest first; and those named by a
    journal of its name only (older ones: which folder's is not known)."""
    prefix, tag = rescue_prefix(journal), journal_tag(journal)
    ours: list[tuple[str, Path]] = []
    unsure: list[Path] = []
    seen: set[str] = set()
    for folder in rescue_folders():
        where = os.path.realpath(folder)
        if where in seen:  # the home folder is /tmp
            continue
        seen.add(where)
        try:
            names = os.listdir(folder)
        except OSError:  # not there, not readable: no rescue file was written there
            continue
        for name in names:
            rest = name[len(prefix) :] if name.startswith(prefix) else None
            if rest is None:
                continue
            if _STAMP.fullmatch(rest):
                unsure.append(folder / name)
            elif rest.startswith(f"{tag}-") and _STAMP.fullmatch(rest[len(tag) + 1 :]):
                ours.append((rest, folder / name))
    return [path for _rest, path in sorted(ours)], sorted(unsure)


def _time(record: Record) -> dt.datetime | None:
    return None if record.updated_at is None else dt.datetime.fromisoformat(record.updated_at)


def _earlier(record: Record, before: Record) -> bool:
    """``record`` may be an earlier state of the document than ``before``. Times are to the
    second: a change made in the second of the journal's last line of the document is taken
    for a later one, as a rescue file's first lines are as a rule."""
    if record == before:
        return False
    now, then = _time(record), _time(before)
    return now is None or then is None or now < then


@dataclass
class _Rescue:
    path: Path
    records: list[Record]
    data: bytes  # its lines, the newline it may begin with (owed by the journal then) left out
    in_journal: bool = False  # every record is in the journal already
    # A document the journal holds a record of later than the rescued one (or of no known
    # time): appending the file would undo it.
    later_of: str | None = None


class _UnreadableRescue(AnnotatorError):
    """A rescue file that cannot be appended as it is: which, and its first problem."""

    def __init__(self, journal: Path, path: Path, problem: str) -> None:
        super().__init__(
            f"{journal}: its rescue file {path} cannot be appended as it is ({problem}): "
            f"set it right or move it aside (mv {_q(path)} {_q(path)}.kept), then start again"
        )
        self.path, self.problem = path, problem


def _read_rescue(journal: Path, path: Path) -> _Rescue:
    contents = read_journal(path)
    problem = contents.problems[0].format(path) if contents.problems else None
    if contents.torn is not None:
        problem = f"{path}:{contents.torn.line}: an incomplete last line"
    if problem is not None:
        raise _UnreadableRescue(journal, path, problem)
    data = path.read_bytes().lstrip(b"\n")
    data += b"" if data.endswith(b"\n") or not data else b"\n"
    records = [record for _line, record in contents.records]
    return _Rescue(path, records, data)


def _q(path: Path) -> str:
    return shlex.quote(str(path))


def _refusal(journal: Path, rescue: Path, doc_id: str) -> AnnotatorError:
    return AnnotatorError(
        f"{journal}: its rescue file {rescue} holds changes a session could not write, but "
        f"the journal holds a record of {doc_id} later than the rescued one (or of no known "
        "time): appending the file would undo it. To keep the journal as it is, set the file "
        f"aside: mv {_q(rescue)} {_q(rescue)}.kept; to take the rescued changes instead: "
        f"cat {_q(rescue)} >> {_q(journal)}; then start again"
    )


def _unsure_words(journal: Path, path: Path) -> str:
    return (
        f"{path}: a rescue file of a journal named {journal.name}, from before rescue files "
        f"said which folder's: if it holds changes of {journal} not appended yet, append it "
        f"before any other change is made (cat {_q(path)} >> {_q(journal)}); once it is dealt "
        f"with, rename it (mv {_q(path)} {_q(path)}{APPENDED}) and this is not said again"
    )


@dataclass
class JudgedRescues:
    """A journal's rescue files, each judged against the journal's records: nothing moved or
    written yet. ``damaged``: the journal's first damaged or incomplete line (None: none);
    ``ends_with_newline``: whether the journal judged by ends with one."""

    journal: Path
    rescues: list[_Rescue]
    unsure: list[Path]
    damaged: int | None = None
    ends_with_newline: bool = True

    def refuse(self) -> None:
        """Raise the refusal of the first rescue file appending would undo a record of."""
        for rescue in self.rescues:
            if rescue.later_of is not None:
                raise _refusal(self.journal, rescue.path, rescue.later_of)

    def append(self, moved: Path | None = None) -> tuple[list[str], bool]:
        """Append the files not in the journal yet (after the newline a last line without one
        owes), rename every file ``.appended``; the lines to say, and whether the journal was
        appended to. ``moved``: where the journal's torn tail was moved since it was judged
        (it ends with a newline then), said if this fails."""
        self.refuse()
        said = [_unsure_words(self.journal, path) for path in self.unsure]
        appending = [rescue for rescue in self.rescues if not rescue.in_journal]
        if appending:
            owed = b"" if self.ends_with_newline or moved else b"\n"
            try:
                append_durably(self.journal, owed + b"".join(each.data for each in appending))
            except OSError as error:
                but = f" but for its incomplete last line, moved to {moved}" if moved else ""
                raise AnnotatorError(
                    f"{self.journal}: cannot append its rescue file {appending[0].path}: "
                    f"{error.strerror or error}; the journal is as it was{but}"
                ) from None
        for rescue in self.rescues:
            said.append(_set_aside(self.journal, rescue))
        return said, bool(appending)


def judge_rescues(
    journal: Path, read: Callable[[], JournalContents] | None = None
) -> JudgedRescues:
    """Find ``journal``'s rescue files and judge each against its records (``read`` gives its
    contents: by default it is read, only when a rescue file is found): in the journal
    already, to be appended, or later than a record of it (``_Rescue.later_of``). A rescue
    file that cannot be read as it is raises (one line naming it)."""
    ours, unsure = found_rescues(journal)
    if not ours:
        return JudgedRescues(journal, [], unsure)
    if read is not None:
        contents = read()
    else:
        contents = read_journal(journal) if journal.exists() else JournalContents(journal)
    damaged = contents.problems[0].line if contents.problems else None
    if damaged is None and contents.torn is not None:
        damaged = contents.torn.line
    rescues = [_read_rescue(journal, path) for path in ours]
    latest = {latest_key(record): record for _line, record in latest_lines(contents.records)}
    keys = {latest_key(record) for rescue in rescues for record in rescue.records}
    lines_held = {
        record_line(record) for _line, record in contents.records if latest_key(record) in keys
    }
    tail = [record_line(record) for _line, record in contents.records[-256:]]
    for rescue in rescues:
        rescue.in_journal = all(record_line(each) in lines_held for each in rescue.records)
        if rescue.in_journal:
            continue
        _leave_out_written(rescue, tail)
        # A file's own records in turn, then the journal's: a later file is judged as if
        # this one were appended, unless this one is refused.
        taken: dict[tuple[str, ...], Record] = {}
        for record in rescue.records:
            key = latest_key(record)
            before = taken[key] if key in taken else latest.get(key)
            if before is not None and _earlier(record, before):
                rescue.later_of = record.doc_id
                break
            taken[key] = record
        if rescue.later_of is None:
            latest.update(taken)
    return JudgedRescues(journal, rescues, unsure, damaged, contents.ends_with_newline)


def _leave_out_written(rescue: _Rescue, tail: list[bytes]) -> None:
    """Leave out the rescue file's first lines that are the journal's last ones: the file kept
    while saving failed (``store_rescue.LiveRescue``) is written again only after the journal
    takes a line, and a crash in between leaves it holding lines the journal has. Appended
    whole, they were there twice."""
    lines = [line + b"\n" for line in rescue.data.split(b"\n") if line.strip()]
    if len(lines) != len(rescue.records):
        return  # blank or odd lines: appended as they are
    ours = [record_line(record) for record in rescue.records]
    for count in range(min(len(ours) - 1, len(tail)), 0, -1):
        if ours[:count] == tail[-count:]:
            rescue.records = rescue.records[count:]
            rescue.data = b"".join(lines[count:])
            return


def take_rescues(journal: Path, set_torn_aside: Callable[[TornTail], Path]) -> list[str]:
    """Deal with a gold file's rescue files (see the module docstring) as a journal's opening
    does (``store.open_for_writing``); the file is locked, and read whole only when a rescue
    file is found. They are judged before anything is changed; then a torn last line (a crash
    while writing) is set aside by ``set_torn_aside`` (which says so), and they are appended.
    A file with a damaged complete line is refused. Returns the lines to say."""
    read: list[JournalContents] = []

    def contents() -> JournalContents:
        read.append(read_journal(journal) if journal.exists() else JournalContents(journal))
        return read[-1]

    judged = judge_rescues(journal, contents)
    moved = None
    if judged.rescues:
        judged.refuse()
        if read[0].problems:
            raise AnnotatorError(
                f"{journal}: its rescue file {judged.rescues[0].path} is to be appended, but "
                f"the file's line {read[0].problems[0].line} is damaged: run "
                f"`annotator validate {journal}`"
            )
        if read[0].torn is not None:
            moved = set_torn_aside(read[0].torn)
    return judged.append(moved)[0]


def rescues_pending(files: Iterable[Path]) -> list[str]:
    """One line for each rescue file of ``files`` not in them yet, for a command that reads
    journals and writes none: which file, that what is read lacks its changes, and how they
    are taken (the next annotate, or a review of a gold file, appends it; or ``cat``), or why
    that opening will refuse. Nothing is appended: the journal is its annotator's to open.
    Files named by a journal's stem alone are left to the opening (they may be another
    folder's journal's)."""
    said: list[str] = []
    for file in dict.fromkeys(files):  # a file given twice is said once
        try:
            judged = judge_rescues(file, partial(_contents_if_readable, file))
        except _UnreadableRescue as error:
            path = _q(error.path)
            said.append(
                f"{file}: read without its rescue file {error.path}, which cannot be appended "
                f"as it is ({error.problem}): the next opening of it for writing refuses until "
                f"the file is set right or moved aside (mv {path} {path}.kept)"
            )
            continue
        except AnnotatorError as error:  # not readable at all: the reading goes on
            said.append(f"{file}: read without a rescue file of it, which cannot be read: {error}")
            continue
        pending = [each for each in judged.rescues if not each.in_journal]
        # A session holding the lock now appended every rescue file as it opened: these are
        # the ones it keeps while saving fails, and it writes their lines itself.
        holder = running_holder(file) if pending else None
        said += [_pending_words(file, each, holder) for each in pending]
    return said


def _contents_if_readable(file: Path) -> JournalContents:
    """The file's records, or none when it cannot be read (the command reading it says why)."""
    try:
        return read_journal(file) if file.is_file() else JournalContents(file)
    except (AnnotatorError, OSError):
        return JournalContents(file)


def _pending_words(journal: Path, rescue: _Rescue, holder: Holder | None = None) -> str:
    count = len(rescue.records)
    gold = any(isinstance(record, GoldRecord) for record in rescue.records)
    what = "decision" if gold else "change"
    held = f"1 {what}" if count == 1 else f"{count} {what}s"
    if holder is not None:
        # Appended by hand now, its lines would be there twice once the session writes them.
        on = f" on {holder.host}" if holder.host else ""
        return (
            f"{journal}: read without {held} that {holder.doing or 'another annotator process'} "
            f"(process {holder.pid}{on}, running now) has not saved yet: it keeps them in its "
            f"rescue file {rescue.path} while saving fails, and writes them itself once it can "
            "(do not append that file while it runs)"
        )
    session = "review" if gold else "session"
    opening = "`annotator review` writing it" if gold else "`annotator annotate` of it"
    path = _q(rescue.path)
    append = f"cat {path} >> {_q(journal)}"
    head = (
        f"{journal}: read without its rescue file {rescue.path} ({held} a {session} could not "
        "write, not in it yet)"
    )
    if rescue.later_of is None:
        return f"{head}: the next {opening} appends the file; or append it now: {append}"
    return (
        f"{head}: the journal holds a record of {rescue.later_of} later than the rescued "
        f"one, so the next {opening} refuses to start until the file is set aside "
        f"(mv {path} {path}.kept) or appended by hand ({append})"
    )


def _set_aside(journal: Path, rescue: _Rescue) -> str:
    """Rename an appended rescue file ``<name>.appended``; the line saying what was done."""
    path = rescue.path
    count = len(rescue.records)
    gold = any(isinstance(record, GoldRecord) for record in rescue.records)
    what, who = ("decision", "a review") if gold else ("change", "a session")
    changes = f"1 {what}" if count == 1 else f"{count} {what}s"
    done = f"{journal}: its rescue file {path} ({changes} {who} could not write) was " + (
        "appended to it already" if rescue.in_journal else "appended to it now"
    )
    aside = path.with_name(path.name + APPENDED)
    try:
        if aside.exists():
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(aside))
        path.rename(aside)
        fsync_directory(path.parent)
    except OSError as error:
        # Found again next time, and known then to be in the journal: nothing is appended twice.
        return f"{done}; it could not be renamed ({error.strerror or error}): remove it"
    return f"{done}; the file is kept as {aside.name}"
