"""The one ordered writer: appends records to a journal from a single thread, in order.

Callers never block on disk: ``submit`` queues the line. The thread appends it and fsyncs. A
failed append is undone (the file is cut back to its size before the attempt) and retried, so a
later state can never land before an earlier one and no change is dropped while the process runs.

With a ``guard`` (``journal_guard.JournalGuard``, as a store gives it), each line is appended
only once the journal is checked to be the file this writer has been writing, and set right when
it is not; closing checks it once more, so "saved" at the end is true of the file as it is.

Closing is bounded by design, not by a timeout: each line still queued is written, and one the
disk refuses is tried ``_CLOSING_TRIES`` times, a short pause apart, then the writer stops and
leaves it, and every line after it, in ``unwritten`` (in order) for the store's rescue file.
Closing used to wait out its timeout on a queue that could not drain (a quit in NOT SAVED sat
silent for 11 s and more after printing its rescue line) and then kept the lock.
"""

from __future__ import annotations

import os
import queue
import threading
import time
from collections import deque
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

# Closing: a line the disk refuses is tried this many times, ``_CLOSING_PAUSE`` s apart, then left
# (``unwritten``). Two, so that a refusal already on its way as the quit began is not the only try.
_CLOSING_TRIES = 2
_CLOSING_PAUSE = 0.2
# A flush gives up once this many tries made after it began were refused (the disk keeps
# refusing): a quit in NOT SAVED asked after its whole timeout (3 s) of silence.
_FLUSH_REFUSALS = 2


def write_all(fd: int, data: bytes) -> None:
    """Write every byte of ``data`` to ``fd``: one ``os.write`` may write only part of it
    (Linux writes at most about 2 GiB per call, and a full disk can stop it part-way)."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def write_new_file(path: Path, data: bytes, mode: int = 0o644) -> None:
    """``data`` in a new file ``path`` (one there already: FileExistsError), fsynced before
    this returns; its directory entry is the caller's to sync (``fsync_directory``). When the
    write fails the file, made here, is removed: a full disk left an empty ``.replaced-TIME``
    beside the file it failed to keep, there to be taken for its copy."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        write_all(fd, data)
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        path.unlink(missing_ok=True)
        raise
    os.close(fd)


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
        # Guards what a flush and a close read of the thread's progress, and wakes a flush at
        # each line written and each try refused.
        self._progress = threading.Condition()
        self._pending: deque[Record] = deque()  # submitted, not on disk yet, in order
        self._refusals = 0  # tries the disk (or the guard) refused, ever
        self.written = 0  # lines appended (or written again whole) since opening
        self.refused: str | None = None  # why the last try was refused, without "retrying"
        self.check_refused: str | None = None  # closing's last check of the journal, refused
        self._closing = threading.Event()
        self._wake = threading.Event()  # cuts a pause between tries short (closing)
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="journal-writer", daemon=True)
        self._thread.start()

    def submit(self, record: Record) -> None:
        self._set_state("saving", None)
        # Records are frozen, so serialising on the writer thread keeps that cost (several ms
        # for a record of thousands of spans) off the caller's thread. Queued under the lock:
        # ``_pending`` is in the queue's order whoever submits.
        with self._progress:
            self._pending.append(record)
            self._queue.put(record)

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every queued line is written; False when it timed out, or when
        ``_FLUSH_REFUSALS`` tries made since the call were refused (saving goes on retrying)."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._progress:
            refusals = self._refusals
            while self._queue.unfinished_tasks:
                if self._refusals - refusals >= _FLUSH_REFUSALS or not self._thread.is_alive():
                    return False
                left = None if deadline is None else deadline - time.monotonic()
                if left is not None and left <= 0:
                    return False
                self._progress.wait(left)
            return not self._pending  # a closed writer's queue is empty, its lines left

    @property
    def pending(self) -> int:
        return self._queue.unfinished_tasks

    @property
    def unwritten(self) -> list[Record]:
        """The records submitted and not on disk, in order (after ``close``: for good)."""
        with self._progress:
            return list(self._pending)

    def unwritten_bytes(self) -> bytes:
        """``unwritten``'s lines as they are to be appended to the journal: after the newline
        the journal's last line still lacks, if it does (a blank line is skipped on reading)."""
        lines = [record_line(record) for record in self.unwritten]
        return self._prefix + b"".join(lines) if lines else b""

    def close(self, timeout: float | None = None) -> bool:
        """Write what is queued, then stop (see the module docstring: a refusing disk ends it
        after a few tries). False when some lines are left in ``unwritten``, or the journal
        failed its last check (``check_refused``); ``timeout`` only bounds a write hanging in
        the system (the thread is then left, and its lines counted as unwritten)."""
        if not self._closed:
            self._closed = True
            with self._progress:
                if self._guard is not None:
                    self._queue.put(_CHECK)
                self._queue.put(None)
            self._closing.set()
            self._wake.set()
        self._thread.join(timeout)
        return not self._thread.is_alive() and not self.unwritten and self.check_refused is None

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                self._done()
                return
            record = item if isinstance(item, Record) else None
            if not self._tried(record):
                self._give_up(item)
                return
            if record is not None:
                self._prefix = b""
                with self._progress:
                    self._pending.popleft()
                    self.written += 1
            self._tell_notices()  # before task_done: a flush returns with them told
            self._done()
            if self._queue.unfinished_tasks == 0:
                self._set_state("saved", None)

    def _done(self) -> None:
        self._queue.task_done()
        with self._progress:
            self._progress.notify_all()

    def _tried(self, record: Record | None) -> bool:
        """Write ``record``'s line (None: check the journal), retrying while it is refused;
        False when closing and it was refused ``_CLOSING_TRIES`` times since."""
        refused_closing = 0
        while True:
            try:
                self._write(record)
            except OSError as error:
                self.refused = f"{self.path}: {error.strerror or error}"
            except JournalRefused as error:
                self.refused = str(error)
            else:
                return True
            self._set_state("error", f"{self.refused}; retrying")
            with self._progress:
                self._refusals += 1
                self._progress.notify_all()
            pause = self._retry_seconds
            if self._closing.is_set():
                refused_closing += 1
                if refused_closing >= _CLOSING_TRIES:
                    return False
                pause = min(pause, _CLOSING_PAUSE)
            self._wake.wait(pause)
            self._wake.clear()

    def _give_up(self, item: object) -> None:
        """Closing, ``item`` still refused: stop, leaving it and every line after it in
        ``unwritten`` (the queue is emptied, so that nothing waits on it)."""
        if item is _CHECK:
            self.check_refused = self.refused
        self._tell_notices()
        while True:
            self._done()
            try:
                self._queue.get_nowait()
            except queue.Empty:
                return

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
