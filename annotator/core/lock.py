"""The journal lock: ``<journal>.lock`` names the writing process, so a second one is refused."""

from __future__ import annotations

import datetime as dt
import errno
import math
import os
import socket
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import orjson

from annotator.core.errors import LockedError
from annotator.core.models import Record
from annotator.core.write_target import linked_file
from annotator.core.writer import write_all

# A lock file still empty or garbled after this long was left by a crash while it was made.
_GARBLED_GRACE_SECONDS = 10.0

# The locks this process holds or is taking (by id): while there is one, a signal that ends a
# session is kept for the session to close first (``ending_signals``), never left behind.
_holding: set[int] = set()


def holding_a_lock() -> bool:
    """Whether this process holds a journal's lock, or is taking one."""
    return bool(_holding)


# What an annotate session's lock says it is doing: a lock of one no longer running was left by
# a session that did not close (killed, the machine off), whose last typing may not be saved.
ANNOTATE_SESSION = "an annotate session of this journal"


def lock_path(journal: Path) -> Path:
    """``<journal>.lock`` beside the file the journal's path leads to: a session on the file
    and a write through a symbolic link to it take the same lock."""
    journal = linked_file(journal)
    return journal.with_name(journal.name + ".lock")


def lock_not_made(journal: Path, error: OSError) -> str | None:
    """The line for a lock file that could not be made beside ``journal`` (``error`` raised
    making it names it), naming the lock and its folder; None when ``error`` is about
    something else. A trial's journal folder made read-only, the journal itself readable and
    writable, said "…/eve.jsonl: cannot open: Permission denied": what failed was making
    ``eve.jsonl.lock`` in the folder, and nothing said so."""
    lock = lock_path(journal)
    if error.filename is None or Path(os.fsdecode(error.filename)) != lock:
        return None
    why = error.strerror or str(error)
    # A read-only file system (a mount) said only its error: the folder is named all the same.
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (
            f"{journal}: cannot create its lock file {lock.name} in {lock.parent} ({why}): "
            f"the lock is made beside the file; make {lock.parent} writable, then start again "
            "(nothing was written)"
        )
    return f"{journal}: cannot create its lock file {lock} ({why}); nothing was written"


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@dataclass(frozen=True)
class TakenOver:
    """The lock of a process no longer running, taken over: what it said it was doing and
    since when it held the lock (None: its lock file did not say)."""

    doing: str | None
    since: float | None


def _since(holder: dict[str, object]) -> float | None:
    since = holder.get("since")
    if isinstance(since, int | float) and not isinstance(since, bool) and math.isfinite(since):
        return float(since)
    return None


@dataclass
class JournalLock:
    """Held while a process may append to the journal; ``message`` says if a lock was taken over.
    ``doing`` says what holds it (``an export``), written in the lock file so that a process
    refused by it can say what it waits for; a lock file without it (an older process's, or
    one taken without it) is "another annotator process"."""

    journal: Path
    message: str | None = None
    doing: str | None = None
    taken_over: TakenOver | None = None  # the last lock taken over, when it was a process's
    _held: bool = False
    _payload: bytes = b""  # what this process wrote in the lock file: how it knows its own

    @property
    def path(self) -> Path:
        return lock_path(self.journal)

    def acquire(self) -> None:
        # Counted from before the file is made: no moment holds it uncounted.
        _holding.add(id(self))
        try:
            self._take()
        except BaseException:
            if not self._held:  # one taken again (by the guard) is counted until released
                _holding.discard(id(self))
            raise

    def _take(self) -> None:
        self.taken_over = None
        host = socket.gethostname()
        facts: dict[str, object] = {"host": host, "pid": os.getpid(), "since": time.time()}
        if self.doing:
            facts["doing"] = self.doing
        payload = orjson.dumps(facts)
        for _attempt in range(3):
            try:
                fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                self._judge_existing(host)
                continue
            try:
                try:
                    write_all(fd, payload)
                    os.fsync(fd)
                finally:
                    os.close(fd)
            except BaseException:
                # Made here and not written (a full disk): left empty, it stood in the next
                # try's way for 10 s as "being written by another process", and kept the
                # folder made for it from being taken away.
                self.path.unlink(missing_ok=True)
                raise
            self._held = True
            self._payload = payload
            return
        raise LockedError(f"{self.journal}: could not take the lock {self.path}")

    def _judge_existing(self, host: str) -> None:
        """Remove a lock whose process is gone (with a message); raise when it is alive."""
        try:
            raw = self.path.read_bytes()
            age = time.time() - self.path.stat().st_mtime
        except FileNotFoundError:
            return
        try:
            holder = orjson.loads(raw)
            holder_host, holder_pid = str(holder["host"]), int(holder["pid"])
        except (orjson.JSONDecodeError, KeyError, TypeError, ValueError):
            if age < _GARBLED_GRACE_SECONDS:
                raise LockedError(
                    f"{self.journal}: locked ({self.path} is being written by another process)"
                ) from None
            self.path.unlink(missing_ok=True)
            self.message = f"{self.journal}: took over a damaged lock file {self.path}"
            return
        doing = holder.get("doing") if isinstance(holder, dict) else None
        if isinstance(holder, dict) and holder.get("closed") is not None:
            # Its process closed and could not remove it (``_mark_closed``): it holds nothing,
            # on this machine or another, whether the process still runs (saying its exit).
            self.path.unlink(missing_ok=True)
            self.message = (
                f"{self.journal}: took over the lock left by process {holder_pid} on "
                f"{holder_host}, which closed but could not remove it (its folder could not be "
                "written then)"
            )
            return
        if holder_host == host and not _process_alive(holder_pid):
            self.path.unlink(missing_ok=True)
            self.message = (
                f"{self.journal}: took over the lock of process {holder_pid} on {holder_host}, "
                "which is no longer running"
            )
            self.taken_over = TakenOver(
                doing if isinstance(doing, str) else None,
                _since(holder) if isinstance(holder, dict) else None,
            )
            return
        where = "this machine" if holder_host == host else holder_host
        # Not "a session": an export, an import, a merge or a rename holds it as well.
        doing = doing if isinstance(doing, str) and doing else "another annotator process"
        # How to tell it is gone: removing the lock of a process only stopped (ctrl+z, a
        # suspended session) let a second writer in, and its lines were then set aside as torn.
        on = "" if holder_host == host else f" on {holder_host}"
        raise LockedError(
            f"{self.journal}: locked by process {holder_pid} on {where}: {doing} is writing "
            f"it (if it is gone, as `ps -p {holder_pid}`{on} shows, remove {self.path}; a "
            "stopped process is not gone)"
        )

    def release(self) -> None:
        """Remove the lock file if it is still this process's. One removed by hand (as the
        "locked by" line says to when a session is gone) and taken by another session while
        this one still ran is that session's: removing it let a third writer in, and let the
        store take away the ``annotations/`` folder the other session was about to write in
        ("cannot save .../annotations/root.jsonl: No such file or directory"). One that
        cannot be removed is marked closed (``_mark_closed``), and the error raised."""
        if not self._held:
            return
        self._held = False
        try:
            if self.path.read_bytes() != self._payload:
                return
            self.path.unlink(missing_ok=True)
        except FileNotFoundError:
            return
        except OSError:
            self._mark_closed()  # its folder cannot be written: the file stays, said closed
            raise
        finally:
            _holding.discard(id(self))  # once the file is gone, not before

    def _mark_closed(self) -> None:
        """Write into this process's lock file, which cannot be removed (its folder made
        read-only), that it closed: the next process takes it over as left by one that closed
        (``_judge_existing``). The next start said "that annotate session did not close; …
        typing in its last second may be missing" of a session that had closed, every change
        written, and said at its exit that the lock could not be removed.

        The marked facts are the same with ``closed`` added, so longer: written over the old
        from the start, in one write, they leave nothing of it, and no moment holds the file
        empty (as truncating it first would: a crash then left a lock "being written").
        Unmarked when the file cannot be written either: it is then taken over as before."""
        facts = orjson.loads(self._payload)
        facts["closed"] = time.time()
        try:
            fd = os.open(self.path, os.O_WRONLY)
        except OSError:
            return
        try:
            write_all(fd, orjson.dumps(facts))
            os.fsync(fd)
        except OSError:
            pass
        finally:
            os.close(fd)


def session_left_words(
    taken: TakenOver | None,
    records: Sequence[Record],
    now: dt.datetime,
    rescued: Sequence[Path] = (),
) -> str:
    """What the takeover of a session's lock adds to its line: the session did not close,
    its last saved change (the document and the time of its ``updated_at``), and that its
    last second of typing may be missing (typing is saved at a second's pause, ``typing_pause``).
    ``rescued``: the journal's rescue files appended now, which a session killed while it could
    not save leaves (``store_rescue.LiveRescue``): named, as holding what it had not saved.
    Without one, more than its last second may be missing (killed in NOT SAVED, no rescue
    file written): the words do not claim less.
    A crash trial's restart said only "took over the lock of process 3594", nothing of the
    work. "" when the lock was not a session's (an export's, a compact's: nothing typed).

    ``records`` are the journal's lines in order; the session's are those whose time is not
    before the lock's ``since`` (it alone wrote while it held the lock): the latest of them is
    its last change. None such: it saved none, and the journal's last is named as such."""
    if taken is None or taken.doing != ANNOTATE_SESSION:
        return ""
    dated = [
        (dt.datetime.fromisoformat(record.updated_at), record.doc_id)
        for record in records
        if record.updated_at is not None
    ]
    # updated_at is to the second: a change in the lock's first second is the session's.
    since = None if taken.since is None else math.floor(taken.since)
    its = [(when, doc_id) for when, doc_id in dated if since is None or when.timestamp() >= since]
    if its:
        when, doc_id = max(reversed(its), key=lambda change: change[0])  # a tie: the later line
        whose = "its" if since is not None else "the journal's"
        saved = f"{whose} last saved change: {doc_id} at {_when(when, now)}"
    elif dated:
        when, doc_id = max(reversed(dated), key=lambda change: change[0])
        saved = f"it saved no change (the journal's last: {doc_id} at {_when(when, now)})"
    else:
        saved = "it saved no change"
    if rescued:
        files = ", ".join(map(str, rescued))
        kept = "file" if len(rescued) == 1 else "files"
        return (
            f": that annotate session did not close; {saved}; the changes it had not saved are in "
            f"its rescue {kept} {files}, appended now; typing in its last second may be missing"
        )
    return (
        f": that annotate session did not close; {saved}; changes after its last saved one may "
        "be missing (typing in its last second; all of them if it could not save)"
    )


def _when(moment: dt.datetime, now: dt.datetime) -> str:
    """``15:22:26 UTC``, with the day when it was not today's (UTC)."""
    moment = moment.astimezone(dt.UTC)
    day = "" if moment.date() == now.astimezone(dt.UTC).date() else f"{moment:%Y-%m-%d} "
    return f"{day}{moment:%H:%M:%S} UTC"
