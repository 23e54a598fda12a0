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
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.journal import JournalContents, latest_key, latest_lines, read_journal
from annotator.core.models import Record, record_line
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
    in_journal: bool  # every record is in the journal already


def _read_rescue(journal: Path, path: Path) -> _Rescue:
    contents = read_journal(path)
    problem = contents.problems[0].format(path) if contents.problems else None
    if contents.torn is not None:
        problem = f"{path}:{contents.torn.line}: an incomplete last line"
    if problem is not None:
        raise AnnotatorError(
            f"{journal}: its rescue file {path} cannot be appended as it is ({problem}): "
            f"set it right or move it aside (mv {_q(path)} {_q(path)}.kept), then start again"
        )
    data = path.read_bytes().lstrip(b"\n")
    data += b"" if data.endswith(b"\n") or not data else b"\n"
    records = [record for _line, record in contents.records]
    return _Rescue(path, records, data, in_journal=False)


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


def take_rescues(
    journal: Path, read: Callable[[], JournalContents] | None = None
) -> tuple[list[str], bool]:
    """Deal with ``journal``'s rescue files (see the module docstring); the journal is
    locked, and ``read`` gives its contents (by default it is read, only when a rescue file
    is found). Returns the lines to say, and whether the journal was appended to (to be read
    again)."""
    ours, unsure = found_rescues(journal)
    said = [_unsure_words(journal, path) for path in unsure]
    if not ours:
        return said, False
    if read is not None:
        contents = read()
    else:
        contents = read_journal(journal) if journal.exists() else JournalContents(journal)
    damaged = contents.problems[0].line if contents.problems else None
    if damaged is None and contents.torn is not None:
        damaged = contents.torn.line
    if damaged is not None:  # a gold file's (a journal's are set right or refused before)
        raise AnnotatorError(
            f"{journal}: its rescue file {ours[0]} is to be appended, but the file's line "
            f"{damaged} is damaged or incomplete: run `annotator validate {journal}`"
        )
    rescues = [_read_rescue(journal, path) for path in ours]
    latest = {latest_key(record): record for _line, record in latest_lines(contents.records)}
    keys = {latest_key(record) for rescue in rescues for record in rescue.records}
    lines_held = {
        record_line(record) for _line, record in contents.records if latest_key(record) in keys
    }
    for rescue in rescues:
        rescue.in_journal = all(record_line(each) in lines_held for each in rescue.records)
        if rescue.in_journal:
            continue
        for record in rescue.records:
            before = latest.get(latest_key(record))
            if before is not None and _earlier(record, before):
                raise _refusal(journal, rescue.path, record.doc_id)
            latest[latest_key(record)] = record
    appending = [rescue for rescue in rescues if not rescue.in_journal]
    if appending:
        owed = b"" if contents.ends_with_newline else b"\n"
        try:
            append_durably(journal, owed + b"".join(rescue.data for rescue in appending))
        except OSError as error:
            raise AnnotatorError(
                f"{journal}: cannot append its rescue file {appending[0].path}: "
                f"{error.strerror or error}; the journal is as it was"
            ) from None
    for rescue in rescues:
        said.append(_set_aside(journal, rescue))
    return said, bool(appending)


def _set_aside(journal: Path, rescue: _Rescue) -> str:
    """Rename an appended rescue file ``<name>.appended``; the line saying what was done."""
    path = rescue.path
    count = len(rescue.records)
    changes = "1 change" if count == 1 else f"{count} changes"
    done = f"{journal}: its rescue file {path} ({changes} a session could not write) was " + (
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
