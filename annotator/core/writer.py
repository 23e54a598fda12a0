"""The one ordered writer: appends records to a journal from a single thread, in order.

Callers never block on disk: ``submit`` queues the line. The thread appends it and fsyncs. A
failed append is undone (the file is cut back to its size before the attempt) and retried, so a
later state can never land before an earlier one and no change is dropped while the process runs.
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from annotator.core.models import Record, record_line

WriteState = Literal["saved", "saving", "error"]
StatusCallback = Callable[[WriteState, str | None], None]


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
    ) -> None:
        self.path = path
        self.state: WriteState = "saved"
        self.error: str | None = None
        self._on_status = on_status
        self._retry_seconds = retry_seconds
        self._prefix = prefix  # a newline owed by a last line written without one
        self._state_lock = threading.Lock()
        self._queue: queue.Queue[Record | None] = queue.Queue()
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
        flushed = self.flush(timeout)
        self._stop.set()
        self._queue.put(None)
        self._thread.join(timeout=1.0)
        return flushed

    def _run(self) -> None:
        while True:
            record = self._queue.get()
            if record is None:
                self._queue.task_done()
                return
            data = self._prefix + record_line(record)
            while True:
                try:
                    append_durably(self.path, data)
                except OSError as error:
                    self._set_state("error", f"{self.path}: {error.strerror or error}; retrying")
                    if self._stop.wait(self._retry_seconds) and self._stop.is_set():
                        # Closing with a failing disk: keep trying, never drop the line.
                        self._stop.clear()
                    continue
                break
            self._prefix = b""
            self._queue.task_done()
            if self._queue.unfinished_tasks == 0:
                self._set_state("saved", None)

    def _set_state(self, state: WriteState, error: str | None) -> None:
        with self._state_lock:
            if state == self.state and error == self.error:
                return
            self.state, self.error = state, error
        if self._on_status is not None:
            self._on_status(state, error)
