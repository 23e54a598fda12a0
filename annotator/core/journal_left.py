"""What the journal's guard keeps of the bytes a session left in its journal: enough to tell
whether the file found there is still them, or a prefix of them, without holding the file.

Another file copied over the journal in place (``cp other.jsonl ann.jsonl``: the same inode)
passed the guard's inode and size checks for the session's lines cut short (shorter: written
over, its bytes lost), for lines appended after them (longer: its first bytes were left in the
journal as the session's lines, whose own were gone from the file, the rest moved to .torn), or
for the journal as it was (the same size: appended onto). The guard compares what it finds with
what it keeps here (``JournalGuard._not_as_left``), and keeps aside what is not the session's.

A journal may be hundreds of MB of a document's successive lines, so not every byte is held
(a gold file under review is: ``gold_guard.HeldBytes``): the first 4 KB, the last 256 KB to
512 KB, and a sha256 of the bytes before those. A file found shorter or longer is compared
exactly (all of it read: seldom); one of the same size by its first and last 4 KB (two
``pread``s before each line). A file cut before the bytes held cannot be told from the
session's (only its first 4 KB are compared): the guard keeps it aside too.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

# The first bytes kept, and compared before each line with the last as many.
_SAMPLE = 4096
# The last bytes kept whole: a cut shorter than this is told exactly.
_WINDOW = 256 * 1024


class LeftBytes:
    """The journal's bytes as the session left them (``size`` of them), in brief."""

    def __init__(self, data: bytes = b"") -> None:
        self.size = 0
        self._head = b""
        self._before = hashlib.sha256()  # of the bytes before ``_tail_start``
        self._tail_start = 0
        self._tail = bytearray()  # every byte from ``_tail_start`` on
        self.extend(data)

    @classmethod
    def of_file(cls, path: Path) -> LeftBytes:
        """The file at ``path`` as it is now (none there: no bytes)."""
        left = cls()
        try:
            handle = path.open("rb")
        except FileNotFoundError:
            return left
        with handle:
            while chunk := handle.read(1 << 20):
                left.extend(chunk)
        return left

    @property
    def held_from(self) -> int:
        """The offset from which every byte is held (a cut before it cannot be told)."""
        return self._tail_start

    def extend(self, data: bytes) -> None:
        """``data`` was written after the bytes left so far."""
        if self.size < _SAMPLE:
            self._head += data[: _SAMPLE - self.size]
        self.size += len(data)
        self._tail += data
        if len(self._tail) > 2 * _WINDOW:
            cut = len(self._tail) - _WINDOW
            self._before.update(memoryview(self._tail)[:cut])
            del self._tail[:cut]
            self._tail_start += cut

    def ends_match(self, fd: int) -> bool:
        """Whether the file at ``fd`` holds the first and the last 4 KB left, each at its place:
        the check before each line of a file found the size it was left (two ``pread``s)."""
        if read_at(fd, 0, len(self._head)) != self._head:
            return False
        last = min(_SAMPLE, len(self._tail))
        return not last or read_at(fd, self.size - last, last) == self._tail[-last:]

    def prefix_of(self, fd: int, length: int) -> bool | None:
        """Whether the first ``length`` bytes of the file at ``fd`` (``length`` at most
        ``size``) are the first ``length`` left; all of them are read. None when it cannot be
        told: ``length`` ends before the bytes held, and the first 4 KB are the same."""
        if not length:
            return True
        if length < self._tail_start:
            head = min(length, len(self._head))
            return None if read_at(fd, 0, head) == self._head[:head] else False
        before = hashlib.sha256()
        offset = 0
        while offset < self._tail_start:
            chunk = read_at(fd, offset, min(1 << 20, self._tail_start - offset))
            if not chunk:
                return False
            before.update(chunk)
            offset += len(chunk)
        if before.digest() != self._before.digest():
            return False
        rest = length - self._tail_start
        return read_at(fd, self._tail_start, rest) == self._tail[:rest]


def read_at(fd: int, offset: int, length: int) -> bytes:
    """``length`` bytes at ``offset`` (fewer at the file's end): ``pread`` may give less."""
    chunks = []
    while length > 0:
        chunk = os.pread(fd, min(length, 1 << 20), offset)
        if not chunk:
            break
        chunks.append(chunk)
        offset += len(chunk)
        length -= len(chunk)
    return b"".join(chunks)
