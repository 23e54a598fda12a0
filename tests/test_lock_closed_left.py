"""A lock its session could not remove (its folder made read-only) is marked closed in the file,
and the next start takes it over saying so: not "that annotate session did not close; …
typing in its last second may be missing", as a trial's next start said (chmod 555
annotations, q, chmod 755, annotate) of a session that had closed with every change written
and said at its exit that the lock could not be removed.

The folder is made to refuse by monkeypatching (tests may run as root, whom chmod does not
stop): only the lock's removal is refused, as in a folder that cannot be written.
"""

from __future__ import annotations

import errno
import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.core.lock import JournalLock, lock_path
from annotator.core.store import Store
from tests.test_store_closing_refused import record

DENIED = os.strerror(errno.EACCES)


def refuse_removing(lock: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_unlink = Path.unlink

    def unlink(path: Path, missing_ok: bool = False) -> None:
        if path == lock:
            raise PermissionError(errno.EACCES, DENIED, str(path))
        real_unlink(path, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink)


def closed_leaving_the_lock(journal: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """A session on ``journal`` that saved a change and closed, its lock not removed: the
    lock file's facts."""
    store = Store(journal, "alice")
    store.save(record("only"))
    with monkeypatch.context() as refused:
        refuse_removing(lock_path(journal), refused)
        assert store.close()  # every change written
    assert store.lock_left == (lock_path(journal), DENIED)  # said at the exit, as before
    facts: dict[str, Any] = orjson.loads(lock_path(journal).read_bytes())
    return facts


def test_the_lock_left_by_a_session_that_closed_is_taken_over_as_closed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = tmp_path / "alice.jsonl"
    facts = closed_leaving_the_lock(journal, monkeypatch)
    assert (facts["pid"], facts["doing"]) == (os.getpid(), "an annotate session of this journal")
    assert facts["closed"] >= facts["since"]
    # As the trial's process, gone by the next start.
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    lock_path(journal).write_bytes(orjson.dumps({**facts, "pid": gone.pid}))
    with Store(journal, "alice") as again:
        assert again.messages == [
            f"{journal}: took over the lock left by process {gone.pid} on "
            f"{socket.gethostname()}, which closed but could not remove it (its folder could "
            "not be written then)"
        ]
    assert not lock_path(journal).exists()


def test_a_lock_marked_closed_is_taken_over_while_its_process_still_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The process closed its session and is saying its exit's lines: it writes no more.
    journal = tmp_path / "alice.jsonl"
    closed_leaving_the_lock(journal, monkeypatch)
    lock = JournalLock(journal)
    lock.acquire()
    assert lock.message == (
        f"{journal}: took over the lock left by process {os.getpid()} on "
        f"{socket.gethostname()}, which closed but could not remove it (its folder could not "
        "be written then)"
    )
    lock.release()
