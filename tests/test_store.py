from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

from annotator.core.errors import AnnotatorError, LockedError
from annotator.core.journal import read_journal
from annotator.core.lock import lock_path
from annotator.core.models import Record
from annotator.core.store import Store, compact
from annotator.core.writer import JournalWriter, write_all
from tests.conftest import make_record


def record(note: str, doc_id: str = "a", annotator: str = "alice") -> Record:
    return Record.model_validate(make_record(note=note, doc_id=doc_id, annotator=annotator))


def notes(path: Path) -> list[str]:
    return [orjson.loads(line)["note"] for line in path.read_bytes().splitlines()]


def test_appends_in_order_and_last_line_wins(tmp_path: Path) -> None:
    journal = tmp_path / "annotations" / "alice.jsonl"
    with Store(journal, "alice") as store:
        for number in range(50):
            store.save(record(str(number), doc_id=f"d{number % 3}"))
    assert notes(journal) == [str(number) for number in range(50)]
    reopened = Store(journal, "alice")
    assert {doc: r.note for doc, r in reopened.records.items()} == {
        "d0": "48",
        "d1": "49",
        "d2": "47",
    }
    reopened.close()
    assert not lock_path(journal).exists()


def test_torn_tail_is_set_aside_and_complete_lines_kept(tmp_path: Path) -> None:
    journal = tmp_path / "alice.jsonl"
    journal.write_bytes(
        orjson.dumps(make_record(note="kept")) + b"\n" + b'{"schema_version": 1, "do'
    )
    store = Store(journal, "alice")
    store.close()
    (aside,) = tmp_path.glob("alice.jsonl.torn-*")
    assert aside.read_bytes() == b'{"schema_version": 1, "do'
    assert notes(journal) == ["kept"]
    assert "alice.jsonl:2: an incomplete last line" in store.messages[0]
    assert str(aside) in store.messages[0]


def test_complete_last_line_without_newline_is_kept_and_next_append_is_separate(
    tmp_path: Path,
) -> None:
    journal = tmp_path / "alice.jsonl"
    journal.write_bytes(orjson.dumps(make_record(note="first")))
    with Store(journal, "alice") as store:
        assert store.records["a"].note == "first"
        store.save(record("second"))
    assert notes(journal) == ["first", "second"]


def test_damaged_middle_line_refuses_to_open_and_changes_nothing(tmp_path: Path) -> None:
    journal = tmp_path / "alice.jsonl"
    data = b"{bad json\n" + orjson.dumps(make_record()) + b"\n"
    journal.write_bytes(data)
    with pytest.raises(AnnotatorError, match=r"alice\.jsonl:1: invalid JSON") as refused:
        Store(journal, "alice")
    # The way on, as README gives it: only a person can tell what the line held.
    assert str(refused.value).endswith(
        f"; mend or remove it by hand after a copy (cp {journal} {journal}.bak): "
        f"`annotator validate {journal}` lists every such line"
    )
    assert journal.read_bytes() == data
    assert not lock_path(journal).exists()


def test_second_writer_is_refused_naming_the_holder(tmp_path: Path) -> None:
    journal = tmp_path / "alice.jsonl"
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        lock_path(journal).write_bytes(
            orjson.dumps({"host": socket.gethostname(), "pid": holder.pid, "since": 0})
        )
        with pytest.raises(LockedError) as caught:
            Store(journal, "alice")
        assert f"locked by process {holder.pid} on this machine" in str(caught.value)
    finally:
        holder.kill()
        holder.wait()
    store = Store(journal, "alice")  # the holder is gone now: taken over, with a message
    store.close()
    assert f"took over the lock of process {holder.pid}" in store.messages[0]


def test_lock_of_another_host_is_respected(tmp_path: Path) -> None:
    journal = tmp_path / "alice.jsonl"
    lock_path(journal).write_bytes(orjson.dumps({"host": "elsewhere", "pid": 1, "since": 0}))
    with pytest.raises(LockedError, match="locked by process 1 on elsewhere"):
        Store(journal, "alice")


def test_record_of_another_annotator_is_refused(tmp_path: Path) -> None:
    with Store(tmp_path / "alice.jsonl", "alice") as store, pytest.raises(AnnotatorError):
        store.save(record("x", annotator="bob"))


def test_failed_append_is_retried_and_never_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = tmp_path / "alice.jsonl"
    real_write = os.write
    failures = iter([True, True, True])

    def flaky_write(fd: int, data: bytes | memoryview) -> int:
        if next(failures, False):
            real_write(fd, bytes(data)[:10])  # half a line reaches the disk, then it fails
            raise OSError(28, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr("annotator.core.writer.os.write", flaky_write)
    states: list[str] = []
    writer = JournalWriter(journal, on_status=lambda s, e: states.append(s), retry_seconds=0.01)
    writer.submit(record("first"))
    writer.submit(record("second"))
    # Retried while the session runs (closing gives a refused line only a few tries more).
    deadline = time.monotonic() + 20
    while writer.pending and time.monotonic() < deadline:
        time.sleep(0.01)
    assert writer.close(timeout=5)
    assert notes(journal) == ["first", "second"]
    assert states[0] == "saving" and "error" in states and states[-1] == "saved"


def test_compact_keeps_latest_per_document_atomically(tmp_path: Path) -> None:
    journal = tmp_path / "mixed.jsonl"
    lines = [
        make_record(note="a1"),
        make_record(note="b1", annotator="bob"),
        make_record(note="a2"),
        make_record(note="c1", doc_id="c"),
    ]
    journal.write_bytes(b"".join(orjson.dumps(line) + b"\n" for line in lines))
    before, after, _messages = compact(journal)
    assert (before, after) == (4, 3)
    assert notes(journal) == ["b1", "a2", "c1"]
    assert [path.name for path in tmp_path.iterdir()] == ["mixed.jsonl"]


def test_compact_writes_every_byte_when_the_system_writes_part_of_a_buffer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # os.write may write only part of what it is given (a call is capped near 2 GiB).
    real_write = os.write
    monkeypatch.setattr(os, "write", lambda fd, data: real_write(fd, bytes(data[:7])))
    journal = tmp_path / "mixed.jsonl"
    lines = [make_record(note="a1"), make_record(note="a2"), make_record(note="c1", doc_id="c")]
    journal.write_bytes(b"".join(orjson.dumps(line) + b"\n" for line in lines))
    assert compact(journal)[:2] == (3, 2)
    assert notes(journal) == ["a2", "c1"]


def test_write_all_writes_every_byte(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_write = os.write
    monkeypatch.setattr(os, "write", lambda fd, data: real_write(fd, bytes(data[:3])))
    path = tmp_path / "out"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT)
    try:
        write_all(fd, b"0123456789" * 5)
    finally:
        os.close(fd)
    assert path.read_bytes() == b"0123456789" * 5


def test_compact_refuses_damaged_journal(tmp_path: Path) -> None:
    journal = tmp_path / "j.jsonl"
    data = b"[]\n" + orjson.dumps(make_record()) + b"\n"
    journal.write_bytes(data)
    with pytest.raises(AnnotatorError, match=r"j\.jsonl:1: expected a JSON object"):
        compact(journal)
    assert journal.read_bytes() == data


def test_read_journal_reports_torn_tail_without_changing_it(tmp_path: Path) -> None:
    journal = tmp_path / "j.jsonl"
    data = orjson.dumps(make_record()) + b"\n" + b'{"a'
    journal.write_bytes(data)
    contents = read_journal(journal)
    assert contents.torn is not None and contents.torn.line == 2
    assert len(contents.records) == 1
    assert journal.read_bytes() == data


def test_opening_and_closing_without_a_change_leaves_no_new_folder(tmp_path: Path) -> None:
    """A trial: ``annotate`` opened from the wrong folder and quit left an empty
    ``annotations/`` there."""
    journal = tmp_path / "out" / "annotations" / "alice.jsonl"
    store = Store(journal, "alice")
    assert lock_path(journal).exists()  # the lock is taken as before
    with pytest.raises(LockedError):
        Store(journal, "alice")
    assert lock_path(journal).exists()  # a refused second writer takes nothing away
    assert store.close()
    assert list(tmp_path.iterdir()) == []


def test_folder_kept_when_written_to_or_there_before(tmp_path: Path) -> None:
    written = tmp_path / "a" / "annotations" / "alice.jsonl"
    with Store(written, "alice") as store:
        store.save(record("one"))
    assert notes(written) == ["one"]
    before = tmp_path / "b" / "annotations"
    before.mkdir(parents=True)
    with Store(before / "alice.jsonl", "alice"):
        pass
    assert before.is_dir()


def test_folder_another_session_uses_stays(tmp_path: Path) -> None:
    folder = tmp_path / "annotations"
    first = Store(folder / "alice.jsonl", "alice")
    second = Store(folder / "bob.jsonl", "bob")  # bob's lock is in the folder alice's made
    assert first.close()
    assert lock_path(folder / "bob.jsonl").exists()
    second.save(record("kept", annotator="bob"))
    assert second.close()
    assert notes(folder / "bob.jsonl") == ["kept"]
