"""Before each append, check the journal is still the file this session has been writing.

A journal is appended to for hours while a person works, and things outside the app can change
it meanwhile: its folder removed (and made again), the file truncated or emptied, another
program appending half a line, the file replaced by another. Appending blindly then lost work
silently: a new file held only the newest line, or the line was glued onto a torn one (both
unreadable, and the next start refused the journal), while the status said "saved".

So the ordered writer asks ``JournalGuard.check`` before each line, with cheap checks only (a
read of the lock file, ``fstat``, ``pread``s of the first and last 4 KB and of the last byte;
the file is read whole only when found shorter or longer):

- the lock file is still this process's: removed, it is taken again (said); another live
  process's now, nothing is written (``JournalRefused``: NOT SAVED, with why) until it is gone;
- the file is gone, replaced (another device or inode), shorter than this session left it, or
  no longer ends in the newline of its last line: the journal is written again whole (temp file,
  fsync, rename) from the latest record of every document the session holds, the new line
  last, and said. A non-empty file put in its place is kept aside first (``.replaced-TIME``),
  and so is one changed in place that is not what the session left there (``journal_left``:
  another file copied over it, the same inode; a file only cut short holds nothing else);
- bytes appended by someone else after this session's last line are moved aside
  (``.torn-TIME``, as a torn tail is on opening) and the journal cut back to that line: a new
  line never starts in the middle of another.

Each thing done is said once (``notices``), for the screen to show; what was set right as the
person left (the quit's last lines, closing's check) is said at the command's exit instead
(``set_right_on_closing``): the screen is gone by then. Each notice names the file as what it
is (``FILE_IS``: a journal, a gold file under review), as the lines around it do.
"""

from __future__ import annotations

import datetime as dt
import os
import shlex
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import orjson

from annotator.core.errors import LockedError
from annotator.core.hard_links import kept_old_line, other_names
from annotator.core.journal import latest_key
from annotator.core.journal_left import LeftBytes
from annotator.core.lock import JournalLock
from annotator.core.models import Record, record_line
from annotator.core.write_target import linked_file
from annotator.core.writer import JournalRefused, fsync_directory, write_new_file


def utc_stamp() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")


@dataclass
class KnownFile:
    """The journal as this session last left it: which file, and how long."""

    device: int
    inode: int
    size: int

    @classmethod
    def of(cls, status: os.stat_result) -> KnownFile:
        return cls(status.st_dev, status.st_ino, status.st_size)


def known_file(path: Path) -> KnownFile | None:
    """The journal's identity and size now; None when it does not exist yet."""
    try:
        return KnownFile.of(os.stat(path))
    except FileNotFoundError:
        return None


def set_right_on_closing(closing: str, notices: Sequence[str]) -> str:
    """The exit's one line for what the journal's checks set right as ``closing`` ("the
    session", "the review") ended (the store's notices given as the quit wrote the last lines
    and as the store closed, told to a screen gone by then: the file was written again, or
    bytes moved aside, and nothing said), "" when nothing was. ``annotate`` and ``review``
    say it so."""
    if not notices:
        return ""
    return f"on closing {closing}, {'; '.join(notices)}"


def keep_aside(journal: Path, kind: str, data: bytes) -> Path:
    """Write ``data`` durably to a new ``<journal>.<kind>-<UTC time>`` beside the file."""
    journal = linked_file(journal)
    aside = journal.with_name(f"{journal.name}.{kind}-{utc_stamp()}")
    write_new_file(aside, data)
    return aside


def _read_all(fd: int) -> bytes:
    chunks = []
    offset = 0
    while chunk := os.pread(fd, 1 << 20, offset):
        chunks.append(chunk)
        offset += len(chunk)
    return b"".join(chunks)


def _lock_bytes(lock: JournalLock | None) -> bytes | None:
    if lock is None:
        return None
    try:
        return lock.path.read_bytes()
    except FileNotFoundError:
        return None


class JournalGuard:
    """Checks (and sets right) the journal before each append; used by the writer's thread only.

    ``records``: the latest record of every document (``latest_key``) the journal held when it
    was opened, in order of their last line; each line appended is added. None when the store
    does not hold them: then a journal that needs writing again is refused, not written (a gold
    file under review holds its bytes instead: ``gold_guard.GoldGuard`` writes them again)."""

    # What the file is and what writes it, as the notices say them: a gold file's said "the
    # journal goes on after this session's last line", where the review's other lines name
    # the gold file and the review (``GoldGuard``'s).
    FILE_IS = "journal"
    WRITTEN_BY = "session"

    def __init__(
        self,
        path: Path,
        lock: JournalLock | None,
        records: dict[tuple[str, ...], Record] | None,
        owed_newline: bool = False,
    ) -> None:
        self.path = path
        self.lock = lock
        self.records = records
        self.known = known_file(path)
        # The last line was written without its newline (before this session): the writer owes
        # one, and the file may end without it meanwhile.
        self.owed_newline = owed_newline
        self.notices: list[str] = []
        self._lock_checked = False
        # What this process wrote in the lock file (``JournalLock.release`` removes the file
        # only while it holds that, so another's lock is never taken away).
        self._lock_payload = _lock_bytes(lock)
        # The journal's bytes as this session left them, in brief, to tell another file copied
        # over it in place. None when it is never written again from records: refused, or a
        # gold file's guard, which holds every byte (``GoldGuard``).
        self.left = LeftBytes.of_file(path) if records is not None else None

    def check(self, record: Record | None) -> bool:
        """Make the journal safe to append ``record``'s line to (None: just check it). True
        when the line is written already (the journal was written again with it)."""
        # A line is written only under this process's lock; a check alone (on closing) needs
        # it only to set something right: a session whose lock another took since, and whose
        # journal is as it left it, closes without a word.
        self._lock_checked = False
        if record is not None:
            self._check_lock()
        try:
            fd = os.open(self.path, os.O_RDWR)
        except FileNotFoundError:
            if self.known is None:
                return False  # a new journal: the append makes it
            return self._write_again(record, f"{self.path} was removed while open")
        try:
            return self._check_open(fd, record)
        finally:
            os.close(fd)

    def appended(self, data: bytes, record: Record | None) -> None:
        """``data`` (``record``'s line) is on disk at the end of the journal."""
        if self.known is None:
            self.known = known_file(self.path) or KnownFile(0, 0, 0)
        else:
            self.known.size += len(data)
        if self.left is not None:
            self.left.extend(data)
        self.owed_newline = False
        if record is not None:
            self._remember(record)

    def _check_lock(self) -> None:
        """The lock file still holds what this process wrote in it (a read of a few bytes).
        Removed (its folder removed and made again), it is taken again, and that is said;
        another live process's now (a second session let in meanwhile): nothing is written."""
        lock = self.lock
        if lock is None or self._lock_checked:
            return
        try:
            found: bytes | None = lock.path.read_bytes()
        except FileNotFoundError:
            found = None
        if self._lock_payload is None or found != self._lock_payload:
            lock.message = None
            try:
                lock.acquire()  # a dead process's lock is taken over, a live one's refused
            except LockedError as error:
                raise JournalRefused(f"{error}; not writing while it is held") from None
            self._lock_payload = lock.path.read_bytes()
            self.notices.append(
                lock.message
                or f"{lock.path} was removed while the {self.FILE_IS} was open: the lock is taken "
                "again"
            )
        self._lock_checked = True

    def _check_open(self, fd: int, record: Record | None) -> bool:
        status = os.fstat(fd)
        known = self.known
        if known is None:
            if status.st_size == 0:
                return False
            # Made by someone else since the journal was opened (it did not exist then).
            return self._replaced(fd, record)
        if (status.st_dev, status.st_ino) != (known.device, known.inode):
            return self._replaced(fd, record)
        if self._not_as_left(fd, known.size, status.st_size, record):
            return True
        if status.st_size < known.size:  # a cut (what is left is this session's, when compared)
            return self._write_again(
                record,
                f"{self.path} was cut short while open ({known.size:,} bytes, now "
                f"{status.st_size:,})",
            )
        if status.st_size > known.size:
            self._set_foreign_tail_aside(fd, known.size, status.st_size)
        if known.size and not self.owed_newline and os.pread(fd, 1, known.size - 1) != b"\n":
            return self._write_again(record, f"{self.path} was changed while open")
        return False

    def _not_as_left(self, fd: int, known_size: int, size: int, record: Record | None) -> bool:
        """The file (the same inode) is not what this session left in it, or not a prefix of
        it: another file copied over it in place, or changed in place. Its bytes are kept aside
        and the journal written again (True). Shorter or longer, it is compared whole (the
        longer one's first bytes were kept as the session's lines, its own gone from the file);
        the same size, by its ends."""
        left = self.left
        if left is None or left.size != known_size:
            return False  # nothing to compare with (the checks by size and last byte go on)
        ours: bool | None
        if size == known_size:
            ours = left.ends_match(fd)
            sizes = f"{size:,} bytes"
        else:
            ours = left.prefix_of(fd, min(size, known_size))
            sizes = f"{known_size:,} bytes, now {size:,}"
        if ours:
            return False
        if ours is None:
            return self._replaced(
                fd,
                record,
                "was cut short while open",
                f"{sizes}, cut before the last {known_size - left.held_from:,} bytes, which "
                f"alone this {self.WRITTEN_BY} can compare: ",
            )
        return self._replaced(
            fd,
            record,
            "was changed while open",
            f"{sizes}, not what this {self.WRITTEN_BY} wrote there: ",
        )

    def _replaced(
        self,
        fd: int,
        record: Record | None,
        how: str = "was replaced while open",
        found_is: str = "",
    ) -> bool:
        """Keep the file found at ``fd`` aside (``.replaced-TIME``), then write the journal
        again; said as ``how`` it came there and ``found_is`` (what it is), in one line."""
        self._check_lock()
        found = _read_all(fd)
        if not found:
            return self._write_again(record, f"{self.path} {how}")
        # Someone's file (a hand edit saved over it, a copy put back): kept, never overwritten.
        aside = keep_aside(self.path, "replaced", found)
        return self._write_again(
            record, f"{self.path} {how} ({found_is}the file found there is kept as {aside})"
        )

    def _set_foreign_tail_aside(self, fd: int, known_size: int, size: int) -> None:
        """Bytes after this session's last line were written by someone else: move them aside
        and cut the journal back, so the next line starts on a line of its own."""
        self._check_lock()
        foreign = os.pread(fd, size - known_size, known_size)
        aside = keep_aside(self.path, "torn", foreign)
        os.ftruncate(fd, known_size)
        os.fsync(fd)
        fsync_directory(linked_file(self.path).parent)
        docs = _whole_records(foreign)
        whole = len(docs)
        # Whole records (a rescue file appended by hand, as its advice says, while the session
        # ran): said as such, with how to add them once it is closed; a trial's notice gave
        # only a count of bytes for two complete records. Appended, each comes last of its
        # document: a change this session made to it since would be undone (a trial's cat
        # put an older record of 01 back over the span labelled after it), so that is said.
        of = ", ".join(dict.fromkeys(docs))
        held = f" ({whole} whole record{'' if whole == 1 else 's'}, of {of})" if whole else ""
        how = (
            f"; to add {'it' if whole == 1 else 'them'} once this {self.WRITTEN_BY} is closed: "
            f"cat {shlex.quote(str(aside))} >> {shlex.quote(str(self.path))} (appended, "
            f"{'it comes' if whole == 1 else 'each comes'} last of its document: leave out "
            f"the line of a document this {self.WRITTEN_BY} changed since, or that change "
            "is undone)"
            if whole
            else ""
        )
        self.notices.append(
            f"{self.path}: {len(foreign):,} bytes another program added while it was open"
            f"{held} were moved to {aside}; the {self.FILE_IS} goes on after this "
            f"{self.WRITTEN_BY}'s last line{how}"
        )

    def _remember(self, record: Record) -> None:
        if self.records is None:
            return
        key = latest_key(record)
        self.records.pop(key, None)  # kept in order of last line, as the journal is read
        self.records[key] = record

    def _write_again(self, record: Record | None, why: str) -> bool:
        """Write the journal again whole from the records held, ``record`` last."""
        self._check_lock()
        data, held = self._whole(record, why)
        target = linked_file(self.path)
        temp = target.with_name(f".{target.name}.rewrite-{utc_stamp()}")
        try:
            write_new_file(temp, data)
            before = other_names(self.path)
            os.replace(temp, target)
        except FileExistsError:
            raise  # another's file of that name: not ours to remove
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        fsync_directory(target.parent)
        self.known = known_file(target) or KnownFile(0, 0, len(data))
        if self.left is not None:
            self.left = LeftBytes(data)
        self.owed_newline = False
        self.notices.append(f"{why}: wrote it again with {held}")
        # The file written over had other names (hard links): they keep what it held.
        if said := kept_old_line(before):
            self.notices.append(said)
        return True

    def _whole(self, record: Record | None, why: str) -> tuple[bytes, str]:
        """The journal's bytes to write again, ``record``'s line last, and what they are (said);
        JournalRefused (saying ``why``) when this session does not hold them."""
        if self.records is None:
            raise JournalRefused(
                f"{why}; it cannot be written again from what this session holds, so "
                "nothing more is written to it"
            )
        if record is not None:
            self._remember(record)
        count = len(self.records)
        return b"".join(map(record_line, self.records.values())), (
            f"the {count} record{'s' if count != 1 else ''} this session holds (the latest of "
            "each document)"
        )


def _whole_records(data: bytes) -> list[str]:
    """The document ids of the records ``data`` is, when it is whole lines each a record
    (none: it is not)."""
    if not data.endswith(b"\n"):
        return []
    docs = []
    for line in data.split(b"\n"):
        if not line.strip():
            continue
        try:
            value = orjson.loads(line)
        except orjson.JSONDecodeError:
            return []
        if not isinstance(value, dict) or "doc_id" not in value:
            return []
        docs.append(str(value["doc_id"]))
    return docs
