"""A gold file under review, held as its bytes, so that a file changed from outside while the
review runs is neither read back wrong nor left behind.

A review reads a document's record, its earlier lines (undo, a merge anew) and the span ids it
has had from the gold file by place, long after opening (``gold_store``). A gold file replaced,
emptied or cut short meanwhile (``cp other_gold.jsonl gold.jsonl`` in another shell) gave those
reads other bytes: a traceback (``review_span_ids._highest_of`` on an empty line), or another
document's line; and the writer's guard refused to write again a file it did not hold, so every
decision after was NOT SAVED.

So the gold store keeps the file's bytes as it wrote or read them (``HeldBytes``: the lines are
read from it, never from the file), and its writer's guard is ``GoldGuard``: the journal guard
(``journal_guard``: lock ours, same inode, not shorter, ends in a newline, before each line),
which writes the gold file again whole from those bytes, every line of it (earlier sessions'
decisions included, so undo and ``merge``'s refusal to replace decisions still have them), the
new line last. Each offset stays where it was, so the lines keep their places. What it found
there is kept aside (``.replaced-TIME``, ``.torn-TIME``) and said once, as for a journal.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

from annotator.core.journal_guard import JournalGuard
from annotator.core.journal_left import read_at
from annotator.core.lock import JournalLock
from annotator.core.models import Record, record_line


class HeldBytes:
    """The gold file's bytes as this review last left it (offsets are the file's). Added to on
    the writer's thread, read on the review's: a lock keeps each read whole."""

    def __init__(self, data: bytes = b"") -> None:
        self._data = bytearray(data)
        self._lock = threading.Lock()

    @classmethod
    def of_file(cls, path: Path) -> HeldBytes:
        """The file at ``path`` as it is now, read straight into the bytes held (a review
        resuming on a large gold file held it twice while it copied it)."""
        held = cls()
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            held._data = bytearray(size)
            got = handle.readinto(held._data)
            del held._data[got:]
            held._data += handle.read()  # grown meanwhile (another program's: the guard sees)
        return held

    def lines(self, offset: int = 0) -> Iterator[bytes]:
        """Each line from ``offset`` on, with its newline (the last may lack it). Read while
        nothing is added: on opening, before the writer starts."""
        data = self._data
        while offset < len(data):
            end = data.find(b"\n", offset)
            end = len(data) if end < 0 else end + 1
            yield bytes(data[offset:end])
            offset = end

    def cut(self, size: int) -> None:
        """Leave out everything from ``size`` on (a torn tail set aside)."""
        with self._lock:
            del self._data[size:]

    def __len__(self) -> int:
        return len(self._data)

    def extend(self, data: bytes) -> None:
        with self._lock:
            self._data += data

    def read(self, offset: int, length: int) -> bytes:
        with self._lock:
            return bytes(self._data[offset : offset + length])

    def whole(self) -> bytes:
        with self._lock:
            return bytes(self._data)


class GoldGuard(JournalGuard):
    """The journal guard of a gold file under review: written again from ``held``, every line
    the file had (see the module docstring)."""

    FILE_IS = "gold file"
    WRITTEN_BY = "review"

    def __init__(
        self, path: Path, lock: JournalLock, held: HeldBytes, owed_newline: bool = False
    ) -> None:
        super().__init__(path, lock, None, owed_newline=owed_newline)
        self.held = held

    def _check_open(self, fd: int, record: Record | None) -> bool:
        # The journal guard tells a file by its inode and size: another gold file copied over
        # this one in place (``cp other.jsonl gold.jsonl``: the same inode) passed for lines
        # appended after ours, or for ours cut short, and its bytes were lost when ours were
        # written again. Here what is held tells them: a file that is not ours so far is kept
        # aside and ours written again, as a file put in its place is.
        known = self.known
        if known is not None and known.size == len(self.held):
            status = os.fstat(fd)
            same = (status.st_dev, status.st_ino) == (known.device, known.inode)
            if same and not self._ours_so_far(fd, status.st_size):
                return self._replaced(fd, record)
        return super()._check_open(fd, record)

    def _ours_so_far(self, fd: int, size: int) -> bool:
        """Whether the file holds what this review left in it, up to ``size``: cut short, all
        of it is read (seldom); else the first and last few KB of what it left are compared
        (a line's time and place differ between two files: a pread of each, every line)."""
        held = len(self.held)
        if size < held:
            return read_at(fd, 0, size) == self.held.read(0, size)
        ends = [(0, min(_SAMPLE, held)), (max(0, held - _SAMPLE), min(_SAMPLE, held))]
        return all(read_at(fd, at, length) == self.held.read(at, length) for at, length in ends)

    def appended(self, data: bytes, record: Record | None) -> None:
        super().appended(data, record)
        self.held.extend(data)

    def _tail(self, record: Record | None) -> bytes:
        """What follows the held bytes when the file is written again: a newline the last line
        is owed, and ``record``'s line."""
        owed = b"\n" if self.owed_newline else b""
        return owed + (record_line(record) if record is not None else b"")

    def _whole(self, record: Record | None, why: str) -> tuple[bytes, str]:
        data = self.held.whole() + self._tail(record)
        count = data.count(b"\n")
        return data, (
            f"the {count:,} line{'s' if count != 1 else ''} this review holds of it (every "
            "line it had, earlier sessions' decisions too)"
        )

    def _write_again(self, record: Record | None, why: str) -> bool:
        tail = self._tail(record)  # before the write again says no newline is owed
        written = super()._write_again(record, why)
        self.held.extend(tail)
        return written


# Bytes compared at each end of what the review left in the file, before each line it appends.
_SAMPLE = 4096
