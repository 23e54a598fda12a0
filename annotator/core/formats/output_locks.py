"""The locks of the files an export, an import or a split writes whole, held while it writes.

A running ``annotate`` or ``review`` holds its journal's lock (``<file>.lock``) and appends to
the file it opened; a file renamed over it meanwhile was lost to it (the reviewer's decisions
gone, then its next line read as damage). So each output's lock is taken before it is written,
as merge and compact take theirs: an output a live process holds is refused in one line naming
the file and the holder, with nothing written; a lock whose process is gone is taken over and
said; and while the write runs, no session can start on the file.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.lock import JournalLock, lock_path


@contextmanager
def outputs_locked(paths: Sequence[Path], doing: str) -> Iterator[list[str]]:
    """Hold the lock of each of ``paths`` (``doing`` says what holds them: ``an export``);
    the lines to say, one per stale lock taken over. LockedError, naming the file and its
    holder, when a live process holds one: the locks taken are let go and nothing is written.
    No lock where an output's folder does not exist yet: no session can be writing there (the
    write makes it)."""
    locks: list[JournalLock] = []
    seen: set[Path] = set()
    try:
        for path in paths:
            folder = path.parent if str(path.parent) else Path(".")
            if not folder.is_dir():
                continue
            held = lock_path(path)
            if held in seen:  # one file by two names: its lock once (a second take refuses)
                continue
            seen.add(held)
            lock = JournalLock(path, doing=doing)
            try:
                lock.acquire()
            except OSError as error:
                raise AnnotatorError(
                    f"{path}: cannot write here: {error.strerror or error}"
                ) from None
            locks.append(lock)
        yield [lock.message for lock in locks if lock.message]
    finally:
        for lock in reversed(locks):
            lock.release()


def export_lock_targets(paths: Sequence[Path], fmt: str) -> list[Path]:
    """The outputs of an export whose locks it takes: every one, except a brat export's
    documents (``ID.txt`` and ``ID.ann``, thousands of small files, none a file a session
    writes) whose lock file is not there; one whose lock file is there is judged, and refused
    while its process lives."""
    if fmt != "brat":
        return list(paths)
    return [p for p in paths if p.suffix not in (".txt", ".ann") or lock_path(p).exists()]
