"""A rescue file kept while saving fails (``store_rescue.LiveRescue``).

A crash trial made the journal read-only: the status line said NOT SAVED (retrying), the
changes lived in memory alone, and a ``kill -9`` lost them all, no rescue file written; the
next start said only that typing in its last second may be missing. Now the first refusal
writes the changes not on disk to a rescue file, each later change writes it again, and the
journal taking them all removes it. The disk is made to refuse by monkeypatching
(``test_store_closing_refused.Disk``): tests may run as root, whom chmod does not stop.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator.core.journal import read_journal
from annotator.core.models import Record, record_line
from annotator.core.store import Store
from annotator.core.store_rescue import rescue_name
from tests.conftest import make_record
from tests.test_store_closing_refused import Disk, close

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def disk(monkeypatch: pytest.MonkeyPatch) -> Disk:
    return Disk(monkeypatch)


def rec(note: str, doc_id: str = "a", at: str = "2026-11-27T10:00:00Z") -> Record:
    return Record.model_validate(make_record(note=note, doc_id=doc_id, updated_at=at))


def wait_for(condition: object, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def test_a_refused_save_is_in_a_rescue_file_at_once_kept_up_to_date_and_removed_once_saved(
    tmp_path: Path, home: Path, disk: Disk
) -> None:
    journal = tmp_path / "alice.jsonl"
    store = Store(journal, "alice")
    first, second, third = rec("first"), rec("second", "b"), rec("third")
    store.save(first)
    assert store.flush(10) and store.rescue_kept is None
    disk.refusing = True
    store.save(second)
    wait_for(lambda: store.state == "error" and store.rescue_kept is not None)
    kept = store.rescue_kept
    assert kept is not None and kept.parent == home
    assert kept.name.startswith("annotator-rescue-alice-")
    assert kept.read_bytes() == record_line(second)
    # Written again, at once, as each change is saved while saving fails.
    store.save(third)
    assert kept.read_bytes() == record_line(second) + record_line(third)
    assert sorted(home.iterdir()) == [kept]  # its temp file is gone

    disk.refusing = False
    assert store.flush(10)
    wait_for(lambda: store.rescue_kept is None)  # the writer's thread removes it
    assert list(home.iterdir()) == []
    assert store.close()
    # The journal holds each line once; opening it again appends nothing.
    again = Store(journal, "alice")
    again.close()
    assert journal.read_bytes() == b"".join(map(record_line, [first, second, third]))
    assert again.messages == []


def test_closing_while_failing_brings_the_kept_file_up_to_date_rather_than_a_second(
    tmp_path: Path, home: Path, disk: Disk
) -> None:
    journal = tmp_path / "alice.jsonl"
    store = Store(journal, "alice")
    disk.refusing = True
    store.save(rec("one"))
    wait_for(lambda: store.rescue_kept is not None)
    kept = store.rescue_kept
    store.save(rec("two", "b"))
    assert not close(store, disk)
    assert store.unsaved is not None and store.unsaved.rescue == kept
    assert list(home.iterdir()) == [kept]
    assert kept is not None
    assert kept.read_bytes() == record_line(rec("one")) + record_line(rec("two", "b"))


def test_lines_the_journal_took_before_a_crash_are_not_appended_twice(
    tmp_path: Path, home: Path
) -> None:
    # The kept file is written again only after the journal took a line: a crash in between
    # leaves it holding a line the journal has, its first.
    journal = tmp_path / "alice.jsonl"
    taken, left = rec("taken"), rec("left", "b")
    journal.write_bytes(record_line(rec("before", "c")) + record_line(taken))
    rescue = home / rescue_name(journal)
    rescue.write_bytes(record_line(taken) + record_line(left))
    store = Store(journal, "alice")
    store.close()
    notes = [record.note for _line, record in read_journal(journal).records]
    assert notes == ["before", "taken", "left"]
    assert store.messages == [
        f"{journal}: its rescue file {rescue} (1 change a session could not write) was "
        f"appended to it now; the file is kept as {rescue.name}.appended"
    ]


KILLED = """
import errno, os, sys, time
from pathlib import Path
from annotator.core import writer
from annotator.core.models import Record
from annotator.core.store import Store
from tests.conftest import make_record

def rec(note, doc_id):
    return Record.model_validate(make_record(note=note, doc_id=doc_id,
        updated_at="2026-11-27T10:00:0%dZ" % len(note)))

store = Store(Path(sys.argv[1]), "alice")
store.save(rec("a", "a"))
assert store.flush(10)
def refused(path, data):
    raise PermissionError(errno.EPERM, os.strerror(errno.EPERM), str(path))
writer.append_durably = refused
store.save(rec("bb", "b"))
store.save(rec("ccc", "a"))
while store.rescue_kept is None or store.rescue_kept.read_bytes().count(b"\\n") < 2:
    time.sleep(0.01)
print(store.rescue_kept, flush=True)
time.sleep(60)
"""


def test_a_session_killed_while_failing_leaves_its_changes_to_the_next_start(
    tmp_path: Path, home: Path
) -> None:
    journal = tmp_path / "alice.jsonl"
    env = {**os.environ, "HOME": str(home), "PYTHONPATH": str(ROOT)}
    killed = subprocess.Popen(
        [sys.executable, "-c", KILLED, str(journal)], stdout=subprocess.PIPE, env=env, cwd=ROOT
    )
    assert killed.stdout is not None
    kept = Path(killed.stdout.readline().decode().strip())
    killed.send_signal(signal.SIGKILL)  # kill -9: no closing, no rescue file but the kept one
    killed.wait(10)
    killed.stdout.close()
    assert kept.parent == home and kept.exists()

    store = Store(journal, "alice")
    store.close()
    assert [record.note for _line, record in read_journal(journal).records] == ["a", "bb", "ccc"]
    took_over, appended = store.messages
    assert f"took over the lock of process {killed.pid}" in took_over
    assert took_over.endswith(
        f"; the changes it had not saved are in its rescue file {kept}, appended now; typing "
        "in its last second may be missing"
    )
    assert appended.startswith(f"{journal}: its rescue file {kept} (2 changes a session")
