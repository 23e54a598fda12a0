"""The journal changed from outside while a store appends to it (``journal_guard``).

A robustness trial found that the store trusted the file it appended to: with the --out folder
removed and made again, the new journal held only the newest line (every other document's lines
gone, the lock too, so a second session opened); a truncated journal, a torn line another
program appended or an emptied one lost lines or glued the next record onto a torn one, while
the status said "saved". Each case here changes the file between two appends, as the trial did.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from annotator.core.journal import read_journal
from annotator.core.journal_guard import JournalGuard
from annotator.core.lock import lock_path
from annotator.core.store import Store
from annotator.core.writer import JournalWriter
from tests.test_store import notes, record


def opened(tmp_path: Path) -> tuple[Path, Store]:
    """A store over a journal holding documents a, b and c (b twice), one more line saved."""
    journal = tmp_path / "out" / "annotations" / "alice.jsonl"
    journal.parent.mkdir(parents=True)
    lines = [record("a1", "a"), record("b1", "b"), record("c1", "c"), record("b2", "b")]
    journal.write_bytes(b"".join(line.model_dump_json().encode() + b"\n" for line in lines))
    store = Store(journal, "alice")
    store.save(record("a2", "a"))
    assert store.flush(5)
    return journal, store


def latest_notes(journal: Path) -> dict[str, str]:
    contents = read_journal(journal)
    assert not contents.problems and contents.torn is None
    return {doc_id: r.note or "" for (_who, doc_id), r in contents.latest().items()}


def test_folder_removed_then_made_again_gets_every_record_and_the_lock_back(
    tmp_path: Path,
) -> None:
    journal, store = opened(tmp_path)
    shutil.rmtree(tmp_path / "out")
    store.save(record("c2", "c"))
    assert not store.flush(1.0)  # nowhere to write: NOT SAVED, retrying
    assert store.state == "error"
    assert not journal.exists()  # no folder made behind the person's back
    journal.parent.mkdir(parents=True)
    assert store.flush(5)
    assert store.state == "saved"
    assert latest_notes(journal) == {"a": "a2", "b": "b2", "c": "c2"}
    assert notes(journal)[-1] == "c2"
    assert lock_path(journal).exists()
    assert "the lock is taken again" in store.notices[0]
    assert "was removed while open: wrote it again with the 3 records" in store.notices[1]
    with pytest.raises(Exception, match="locked by process"):
        Store(journal, "alice")  # the lock keeps a second session out again
    store.save(record("a3", "a"))  # and appending goes on after the rewrite
    assert store.close()
    assert latest_notes(journal) == {"a": "a3", "b": "b2", "c": "c2"}
    assert not lock_path(journal).exists()


@pytest.mark.parametrize("cut", [100, None], ids=["truncate -s -100", ": > journal"])
def test_a_journal_cut_short_is_written_again_whole(tmp_path: Path, cut: int | None) -> None:
    journal, store = opened(tmp_path)
    size = journal.stat().st_size
    os.truncate(journal, 0 if cut is None else size - cut)
    store.save(record("c2", "c"))
    assert store.close()
    assert latest_notes(journal) == {"a": "a2", "b": "b2", "c": "c2"}
    assert len(notes(journal)) == 3  # one line a document: written from what the store holds
    (notice,) = store.notices
    assert "was cut short while open" in notice and "3 records" in notice
    # What is left is the session's own lines: nothing of anyone else's to keep.
    assert not list(journal.parent.glob("alice.jsonl.replaced-*"))


def test_a_torn_line_another_program_appended_is_set_aside_not_glued_onto(
    tmp_path: Path,
) -> None:
    journal, store = opened(tmp_path)
    before = journal.read_bytes()
    with journal.open("ab") as other:
        other.write(b'{"schema_version":1,"doc_id":"05-rem')
    store.save(record("c2", "c"))
    assert store.close()
    assert journal.read_bytes() == before + record("c2", "c").model_dump_json().encode() + b"\n"
    (aside,) = journal.parent.glob("alice.jsonl.torn-*")
    assert aside.read_bytes() == b'{"schema_version":1,"doc_id":"05-rem'
    (notice,) = store.notices
    assert "36 bytes another program added" in notice and str(aside) in notice
    # The next start reads every line: nothing refused, nothing glued.
    assert latest_notes(journal) == {"a": "a2", "b": "b2", "c": "c2"}


def test_a_file_put_in_its_place_is_kept_aside_and_the_journal_written_again(
    tmp_path: Path,
) -> None:
    journal, store = opened(tmp_path)
    other = journal.with_name("edited.jsonl")
    other.write_bytes(b"someone's edit\n")
    os.replace(other, journal)  # an editor saving over it
    store.save(record("c2", "c"))
    assert store.close()
    assert latest_notes(journal) == {"a": "a2", "b": "b2", "c": "c2"}
    (aside,) = journal.parent.glob("alice.jsonl.replaced-*")
    assert aside.read_bytes() == b"someone's edit\n"
    (notice,) = store.notices
    assert "was replaced while open" in notice and str(aside) in notice


def test_a_last_byte_changed_in_place_is_not_appended_onto(tmp_path: Path) -> None:
    journal, store = opened(tmp_path)
    size = journal.stat().st_size
    with journal.open("r+b") as other:
        other.seek(size - 1)
        other.write(b" ")  # the same length, its last newline gone
    changed = journal.read_bytes()
    store.save(record("c2", "c"))
    assert store.close()
    assert latest_notes(journal) == {"a": "a2", "b": "b2", "c": "c2"}
    (aside,) = journal.parent.glob("alice.jsonl.replaced-*")
    assert aside.read_bytes() == changed  # not the session's: kept before it is written again
    assert "was changed while open" in store.notices[0] and str(aside) in store.notices[0]


def test_other_annotators_lines_are_kept_when_it_is_written_again(tmp_path: Path) -> None:
    journal = tmp_path / "alice.jsonl"
    lines = [record("a1", "a"), record("bob's", "a", annotator="bob")]
    journal.write_bytes(b"".join(line.model_dump_json().encode() + b"\n" for line in lines))
    store = Store(journal, "alice")
    journal.unlink()
    store.save(record("a2", "a"))
    assert store.close()
    assert notes(journal) == ["bob's", "a2"]


def test_a_journal_removed_after_the_last_save_is_written_again_on_closing(
    tmp_path: Path,
) -> None:
    # Closing checks once more, so "saved to ..." on quitting is true of the file.
    journal, store = opened(tmp_path)
    journal.unlink()
    assert store.close()
    assert latest_notes(journal) == {"a": "a2", "b": "b2", "c": "c1"}
    assert "was removed while open" in store.notices[0]


def test_closing_without_a_save_leaves_a_removed_journal_alone(tmp_path: Path) -> None:
    journal = tmp_path / "alice.jsonl"
    journal.write_bytes(record("a1", "a").model_dump_json().encode() + b"\n")
    store = Store(journal, "alice")
    journal.unlink()
    assert store.close()
    assert not journal.exists() and store.notices == []


def test_a_lock_removed_by_hand_is_taken_again(tmp_path: Path) -> None:
    journal, store = opened(tmp_path)
    lock_path(journal).unlink()
    store.save(record("c2", "c"))
    assert store.flush(5)
    assert lock_path(journal).exists()
    assert store.notices == [
        f"{lock_path(journal)} was removed while the journal was open: the lock is taken again"
    ]
    assert store.close()
    assert not lock_path(journal).exists()
    assert notes(journal)[-1] == "c2"


def test_a_lock_another_live_process_took_stops_writing_until_it_is_gone(
    tmp_path: Path,
) -> None:
    journal, store = opened(tmp_path)
    before = journal.read_bytes()
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        lock_path(journal).unlink()
        lock_path(journal).write_bytes(
            orjson.dumps({"host": socket.gethostname(), "pid": other.pid, "since": 0})
        )
        store.save(record("c2", "c"))
        assert not store.flush(1.0)
        assert store.state == "error"
        assert store.error is not None
        assert f"locked by process {other.pid}" in store.error
        assert "not writing while it is held" in store.error
        assert journal.read_bytes() == before
    finally:
        other.kill()
        other.wait()
    assert store.flush(5)  # its process gone: the lock is taken over, the line written
    assert notes(journal)[-1] == "c2"
    assert "no longer running" in store.notices[0]
    assert store.close()


def test_a_store_that_cannot_write_it_again_refuses_rather_than_start_a_new_file(
    tmp_path: Path,
) -> None:
    # A gold file under review reads its lines back by place: it holds no records to write.
    journal = tmp_path / "gold.jsonl"
    journal.write_bytes(record("a1", "a").model_dump_json().encode() + b"\n")
    errors: list[str | None] = []
    guard = JournalGuard(journal, None, None)
    writer = JournalWriter(
        journal, on_status=lambda s, e: errors.append(e), retry_seconds=0.01, guard=guard
    )
    journal.unlink()
    writer.submit(record("a2", "a"))
    assert not writer.flush(0.5)
    assert not journal.exists()
    assert writer.error is not None
    assert "was removed while open; it cannot be written again" in writer.error
    journal.write_bytes(b"")  # an empty file in its place is still not the one it wrote
    assert not writer.flush(0.2)
    assert journal.read_bytes() == b""
    guard.records = {}  # given records to write it from, it goes on (and the thread ends)
    assert writer.close(5)
    assert notes(journal) == ["a2"]
