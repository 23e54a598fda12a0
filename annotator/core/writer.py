"""The one ordered writer: appends records to a journal from a single thread, in order.

Callers never block on disk: ``submit`` queues the line. The thread appends it and fsyncs. A
failed append is undone (the file is cut back to its size before the attempt) and retried, so a
later state can never land before an earlier one and no change is dropped while the process runs.

With a ``guard`` (``journal_guard.JournalGuard``, as a store gives it), each line is appended
only once the journal is checked to be the file this writer has been writing, and set right when
it is not; closing checks it once more, so "saved" at the end is true of the file as it is.
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Literal, Protocol

from annotator.core.models import Record, record_line

WriteState = Literal["saved", "saving", "error"]
# Called with a state and, for "error", why; or with "notice" and something set right about the
# journal (said once: the state is unchanged).
StatusCallback = Callable[[WriteState | Literal["notice"], str | None], None]


class JournalRefused(Exception):
    """The journal must not be written now (another process holds its lock, or it cannot be
    set right): nothing is written, and the writer retries as it does when the disk fails."""


class Guard(Protocol):
    """What the writer asks before and after each append (``journal_guard.JournalGuard``)."""

    notices: list[str]

    def check(self, record: Record | None) -> bool: ...

    def appended(self, data: bytes, record: Record | None) -> None: ...


# Queued by ``close``: check the journal once more after the last line.
_CHECK = object()


def write_all(fd: int, data: bytes) -> None:
    """Write every byte of ``data`` to ``fd``: one ``os.write`` may write only part of it
    (Linux writes at most about 2 GiB per call, and a full disk can stop it part-way)."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def fsync_directory(folder: Path) -> None:
    """Make a new or renamed directory entry durable."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def append_durably(path: Path, data: bytes) -> None:
    """Append ``data`` and fsync; on failure the file is cut back to its size before the call."""
    created = not path.exists()
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        size = os.fstat(fd).st_size
        try:
            write_all(fd, data)
            os.fsync(fd)
        except OSError:
            os.ftruncate(fd, size)
            raise
    finally:
        os.close(fd)
    if created:
        fsync_directory(path.parent)


class JournalWriter:
    """Queue of lines drained by one thread. ``flush`` waits until everything queued is on disk."""

    def __init__(
        self,
        path: Path,
        on_status: StatusCallback | None = None,
        retry_seconds: float = 0.5,
        prefix: bytes = b"",
        guard: Guard | None = None,
    ) -> None:
        self.path = path
        self.state: WriteState = "saved"
        self.error: str | None = None
        self._on_status = on_status
        self._retry_seconds = retry_seconds
        self._prefix = prefix  # a newline owed by a last line written without one
        self._guard = guard
        self.notices: list[str] = []  # what the guard set right, in order
        self._wrote = False  # a line appended (on the thread): closing checks the journal
        self._state_lock = threading.Lock()
        self._queue: queue.Queue[Record | object | None] = queue.Queue()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="journal-writer", daemon=True)
        self._thread.start()

    def submit(self, record: Record) -> None:
        self._set_state("saving", None)
        # Records are frozen, so serialising on the writer thread keeps that cost (several ms
        # for a record of thousands of spans) off the caller's thread.
        self._queue.put(record)

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every queued line is written; False when it timed out."""
        done = threading.Event()

        def wait_for_queue() -> None:
            self._queue.join()
            done.set()

        threading.Thread(target=wait_for_queue, daemon=True).start()
        return done.wait(timeout)

    @property
    def pending(self) -> int:
        return self._queue.unfinished_tasks

    def close(self, timeout: float | None = None) -> bool:
        """Write what is queued, then stop. False when lines could not be written in time."""
        if self._guard is not None:
            self._queue.put(_CHECK)
        flushed = self.flush(timeout)
        self._stop.set()
        self._queue.put(None)
        self._thread.join(timeout=1.0)
        return flushed

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                self._queue.task_done()
                return
            record = item if isinstance(item, Record) else None
            while True:
                try:
                    self._write(record)
                except OSError as error:
                    self._set_state("error", f"{self.path}: {error.strerror or error}; retrying")
                except JournalRefused as error:
                    self._set_state("error", f"{error}; retrying")
                else:
                    break
                if self._stop.wait(self._retry_seconds) and self._stop.is_set():
                    # Closing with a failing disk: keep trying, never drop the line.
                    self._stop.clear()
            if record is not None:
                self._prefix = b""
            self._tell_notices()  # before task_done: a flush returns with them told
            self._queue.task_done()
            if self._queue.unfinished_tasks == 0:
                self._set_state("saved", None)

    def _write(self, record: Record | None) -> None:
        """Append ``record``'s line (None: only check the journal), checked by the guard."""
        if record is None and not self._wrote:
            return  # nothing of this session's to check for
        line = b"" if record is None else record_line(record)
        if self._guard is not None and self._guard.check(record):
            self._wrote = True
            return  # the journal was written again whole, this line last
        if not line:
            return
        data = self._prefix + line
        append_durably(self.path, data)
        self._wrote = True
        if self._guard is not None:
            self._guard.appended(data, record)

    def _tell_notices(self) -> None:
        if self._guard is None or not self._guard.notices:
            return
        told, self._guard.notices[:] = list(self._guard.notices), []
        self.notices.extend(told)
        if self._on_status is not None:
            self._on_status("notice", "; ".join(told))

    def _set_state(self, state: WriteState, error: str | None) -> None:
        with self._state_lock:
            if state == self.state and error == self.error:
                return
            self.state, self.error = state, error
        if self._on_status is not None:
            self._on_status(state, error)
