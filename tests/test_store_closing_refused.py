"""A store closing while the disk refuses its lines: prompt by design, nothing lost, lock freed.

A quit in NOT SAVED printed its rescue line, then waited out the store's closing timeout on a
queue that could not drain (11 s and more, silent) and kept the lock; a record saved on the way
out was in neither the journal nor the rescue file. Now the writer gives a refused line a few
tries and stops, the lines it left go to a rescue file in order, and the lock is released.

The disk is made to refuse by monkeypatching (tests may run as root, whom chmod does not stop).
"""

from __future__ import annotations

import errno
import os
import threading
from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.core import writer
from annotator.core.journal import read_journal
from annotator.core.lock import lock_path
from annotator.core.models import Record, record_line
from annotator.core.session import open_session
from annotator.core.store import Store
from annotator.core.store_rescue import Unsaved, closing_words
from annotator.core.writer import JournalWriter
from tests.conftest import make_record
from tests.test_session_data import FakeClock, fixed_now, where, write_texts


def record(note: str, doc_id: str = "a") -> Record:
    return Record.model_validate(make_record(note=note, doc_id=doc_id))


class Disk:
    """``append_durably`` as the disk is: refusing (``refusing``) or taking lines; counts the
    tries refused since ``closing`` began."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.refusing = False
        self.tries = 0
        self.refused_closing = 0
        self.closing = False
        real = writer.append_durably

        def append_durably(path: Path, data: bytes) -> None:
            self.tries += 1
            if self.refusing:
                self.refused_closing += self.closing
                raise PermissionError(errno.EPERM, os.strerror(errno.EPERM), str(path))
            real(path, data)

        monkeypatch.setattr(writer, "append_durably", append_durably)


@pytest.fixture
def disk(monkeypatch: pytest.MonkeyPatch) -> Disk:
    return Disk(monkeypatch)


def no_flush(monkeypatch: pytest.MonkeyPatch) -> None:
    """Closing must not wait on the queue (it cannot drain while the disk refuses)."""

    def flush(self: JournalWriter, timeout: float | None = None) -> bool:
        raise AssertionError("closing waited on the queue")

    monkeypatch.setattr(JournalWriter, "flush", flush)


def close(store: Store, disk: Disk) -> bool:
    disk.closing = True
    # The timeout only bounds a write hanging in the system: a closing that waited on the
    # queue would use it up and leave the writer's thread running (asserted below).
    return store.close(timeout=60)


def test_closing_while_the_disk_refuses_stops_after_a_few_tries_and_rescues_in_order(
    tmp_path: Path, home: Path, disk: Disk, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = tmp_path / "annotations" / "alice.jsonl"
    store = Store(journal, "alice")
    saved = [record("first", "a")]
    store.save(saved[0])
    assert store.flush(10)
    disk.refusing = True
    saved += [record("second", "b"), record("third", "a"), record("fourth", "c")]
    for each in saved[1:]:
        store.save(each)
    no_flush(monkeypatch)

    assert not close(store, disk)

    assert not store._writer._thread.is_alive()
    # The first line's tries, the others never tried (one more: a try refused as it began).
    assert 1 <= disk.refused_closing <= writer._CLOSING_TRIES + 1
    assert store.unsaved is not None and store.unsaved.rescue is not None
    rescue = store.unsaved.rescue
    assert rescue.parent == home and rescue.name.startswith("annotator-rescue-alice-")
    assert (store.unsaved.written, store.unsaved.unwritten) == (1, 3)
    assert store.unsaved.why == "Operation not permitted"
    # Appending the rescue file to the journal gives it every line of the session, in order.
    assert journal.read_bytes() + rescue.read_bytes() == b"".join(map(record_line, saved))
    assert not lock_path(journal).exists() and store.lock_left is None
    assert closing_words(journal, store.unsaved, store.lock_left) == [
        f"{journal}: 3 of the 4 changes made in this session NOT written (Operation not "
        "permitted); the first is in the journal.",
        f"The 3 not written are in {rescue}. Once {journal} can be written, append that file "
        f"to the journal: cat {rescue} >> {journal}",
    ]
    assert not store.close()  # closing again: the same, no second rescue file
    assert list(home.iterdir()) == [rescue]


def test_the_rescue_starts_with_the_newline_the_journal_still_owes(
    tmp_path: Path, home: Path, disk: Disk
) -> None:
    journal = tmp_path / "alice.jsonl"
    journal.write_bytes(record_line(record("before")).rstrip(b"\n"))  # no newline at the end
    store = Store(journal, "alice")
    disk.refusing = True
    store.save(record("after"))
    assert not close(store, disk)
    assert store.unsaved is not None and store.unsaved.rescue is not None
    journal.write_bytes(journal.read_bytes() + store.unsaved.rescue.read_bytes())  # cat >>
    contents = read_journal(journal)
    assert not contents.problems and contents.torn is None
    assert [each.note for _line, each in contents.records] == ["before", "after"]


def test_a_disk_taking_lines_again_before_closing_saves_them_all_without_a_rescue(
    tmp_path: Path, home: Path, disk: Disk
) -> None:
    journal = tmp_path / "alice.jsonl"
    store = Store(journal, "alice")
    disk.refusing = True
    saved = [record("first"), record("second", "b")]
    for each in saved:
        store.save(each)
    assert not store.flush(10)  # refused twice: it says so without waiting out its timeout
    assert store.state == "error"
    disk.refusing = False
    assert close(store, disk)
    assert journal.read_bytes() == b"".join(map(record_line, saved))
    assert store.unsaved is None and list(home.iterdir()) == []
    assert not lock_path(journal).exists()


def test_closing_with_nothing_to_write_writes_nothing_and_frees_the_lock(
    tmp_path: Path, home: Path, disk: Disk, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = tmp_path / "alice.jsonl"
    store = Store(journal, "alice")
    disk.refusing = True  # never asked
    no_flush(monkeypatch)
    assert close(store, disk)
    assert disk.tries == 0 and not store._writer._thread.is_alive()
    assert not lock_path(journal).exists() and not journal.exists()
    assert store.unsaved is None and list(home.iterdir()) == []


def test_a_lock_that_cannot_be_removed_is_said_with_how_to_remove_it(
    tmp_path: Path, home: Path, disk: Disk, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = tmp_path / "alice.jsonl"
    store = Store(journal, "alice")
    lock = lock_path(journal)
    real_unlink = Path.unlink

    def unlink(path: Path, missing_ok: bool = False) -> None:
        if path == lock:  # its folder made read-only
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        real_unlink(path, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink)
    disk.refusing = True
    store.save(record("only"))
    assert not close(store, disk)
    assert lock.exists() and store.lock_left == (lock, "Permission denied")
    said = closing_words(journal, store.unsaved, store.lock_left)
    assert said[-1] == (
        f"The lock {lock} could not be removed (Permission denied): once its folder can be "
        f"written, remove it: rm {lock}"
    )


def test_a_rescue_no_folder_takes_is_said_lost(
    tmp_path: Path, disk: Disk, monkeypatch: pytest.MonkeyPatch
) -> None:
    nowhere = [tmp_path / "gone", tmp_path / "gone-too"]
    monkeypatch.setattr("annotator.core.store_unwritten.rescue_folders", lambda: nowhere)
    journal = tmp_path / "alice.jsonl"
    store = Store(journal, "alice")
    disk.refusing = True
    store.save(record("only"))
    assert not close(store, disk)
    assert store.unsaved == Unsaved(0, 1, "Operation not permitted", None, tuple(nowhere))
    assert closing_words(journal, store.unsaved, None, "decisions", "gold file")[0] == (
        f"{journal}: 1 decision made in this session, NOT written (Operation not permitted)."
    )
    assert closing_words(journal, store.unsaved, None, "decisions", "gold file")[-1] == (
        f"The one not written COULD NOT be rescued ({nowhere[0]}, {nowhere[1]} refused a "
        "rescue file): it is lost."
    )
    assert not lock_path(journal).exists()


def test_lines_saved_from_several_threads_are_rescued_in_the_order_they_were_queued(
    tmp_path: Path, home: Path, disk: Disk
) -> None:
    journal = tmp_path / "alice.jsonl"
    store = Store(journal, "alice")
    disk.refusing = True
    queued: list[bytes] = []
    order = threading.Lock()

    def save_some(who: str) -> None:
        for number in range(50):
            with order:  # the order they are saved in, as the store is told
                each = record(f"{who}{number}", doc_id=who)
                store.save(each)
                queued.append(record_line(each))

    threads = [threading.Thread(target=save_some, args=(who,)) for who in "xyz"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not close(store, disk)
    assert store.unsaved is not None and store.unsaved.rescue is not None
    assert store.unsaved.rescue.read_bytes() == b"".join(queued)


def test_closing_words_when_only_the_last_check_failed() -> None:
    said = closing_words(Path("j.jsonl"), Unsaved(3, 0, "locked by process 7"), None)
    assert said == [
        "j.jsonl: all 3 changes made in this session were written, but the journal failed its "
        "last check on closing (locked by process 7)."
    ]


def test_a_close_whose_write_hangs_is_bounded_by_its_timeout(
    tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A write stuck in the system (a network folder gone): the timeout bounds the wait, and
    # the line on its way is rescued (appending it again is harmless: the last line wins).
    release = threading.Event()

    def stuck(path: Path, data: bytes) -> Any:
        release.wait(30)
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(writer, "append_durably", stuck)
    journal = tmp_path / "alice.jsonl"
    store = Store(journal, "alice")
    store.save(record("stuck"))
    try:
        assert not store.close(timeout=0.2)
        assert store.unsaved is not None and store.unsaved.rescue is not None
        assert store.unsaved.rescue.read_bytes() == record_line(record("stuck"))
        assert store.unsaved.why == "still writing"
    finally:
        release.set()


def test_the_time_saved_as_a_session_closes_is_rescued_after_its_changes(
    tmp_path: Path, home: Path, disk: Disk
) -> None:
    # The rescue was written by the screen before the session closed: the record saving the
    # time spent on the open document, made as it closed, was in neither file.
    clock = FakeClock()
    corpus = write_texts(tmp_path)
    session = open_session(corpus, "alice", None, tmp_path / "out", clock=clock, now=fixed_now)
    session.open("a")
    disk.refusing = True
    session.label_selection(*where(session, "Russia"), "actor")
    clock.seconds += 30
    session.activity()
    assert not session.close()
    unsaved = session.store.unsaved
    assert unsaved is not None and unsaved.rescue is not None
    lines = [orjson.loads(line) for line in unsaved.rescue.read_bytes().splitlines()]
    assert [len(line["spans"]) for line in lines] == [1, 1]
    assert lines[1]["seconds_spent"] == pytest.approx(lines[0]["seconds_spent"] + 30)


def test_a_full_disk_mid_line_leaves_the_journal_whole_and_the_rescue_complete(
    tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The disk fills part-way through a line: the part is cut off again (each try), and the
    # rescue file holds the whole line; the journal and it make every line, once each.
    journal = tmp_path / "alice.jsonl"
    store = Store(journal, "alice")
    saved = [record("first"), record("second", "b")]
    store.save(saved[0])
    assert store.flush(10)
    real_write = os.write

    def full(fd: int, data: bytes | memoryview) -> int:
        if Path(os.readlink(f"/proc/self/fd/{fd}")) == journal:
            real_write(fd, bytes(data)[:10])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", full)
    store.save(saved[1])
    assert not store.close(timeout=60)
    monkeypatch.setattr(os, "write", real_write)
    assert store.unsaved is not None and store.unsaved.rescue is not None
    assert store.unsaved.why == "No space left on device"
    assert journal.read_bytes() == record_line(saved[0])
    assert journal.read_bytes() + store.unsaved.rescue.read_bytes() == b"".join(
        map(record_line, saved)
    )


def test_a_journal_gone_with_its_folder_is_rescued_whole(tmp_path: Path, home: Path) -> None:
    # Its folder removed while open, and not made again: the lines before the refused ones
    # are in no file, so the rescue holds every document's latest line first.
    journal = tmp_path / "out" / "alice.jsonl"
    journal.parent.mkdir()
    bob = Record.model_validate(make_record(note="bob's", doc_id="a", annotator="bob"))
    journal.write_bytes(record_line(record("a1", "a")) + record_line(bob))
    store = Store(journal, "alice")
    store.save(record("b1", "b"))
    assert store.flush(10)
    for path in journal.parent.iterdir():
        path.unlink()
    journal.parent.rmdir()
    saved = [record("a2", "a"), record("b2", "b")]
    for each in saved:
        store.save(each)
    assert not store.close(timeout=60)
    unsaved = store.unsaved
    assert unsaved is not None and unsaved.rescue is not None
    assert (unsaved.written, unsaved.unwritten, unsaved.whole) == (1, 2, 3)
    assert unsaved.why == "No such file or directory"
    # cat RESCUE >> JOURNAL, once the folder is there again: the journal anew.
    journal.parent.mkdir()
    journal.write_bytes(unsaved.rescue.read_bytes())
    latest = read_journal(journal).latest()
    assert {key: each.note for key, each in latest.items()} == {
        ("bob", "a"): "bob's",
        ("alice", "a"): "a2",
        ("alice", "b"): "b2",
    }
    assert closing_words(journal, unsaved, None) == [
        f"{journal}: gone, and it could not be made again (No such file or directory); 2 of "
        "the 3 changes made in this session NOT written.",
        f"Every document's latest line and those (3 lines) are in {unsaved.rescue}. Once "
        f"{journal} can be written, append that file to the journal: cat {unsaved.rescue} >> "
        f"{journal}",
    ]
