"""A journal's rescue files are dealt with when it is opened for writing (``rescue_taken``).

A trial's session closed on a full disk (its terminal gone with an SSH drop) left its last
changes in a rescue file, said only on that terminal. The next session opened without them,
said nothing, and gave a new span an id the rescued record gives another; appending the file
afterwards, as the README said, made the old record the document's latest line. Now the store
appends it on opening when that is safe, and refuses to open, naming the file, when it is not.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.core import rescue_taken
from annotator.core.errors import AnnotatorError
from annotator.core.journal import read_journal
from annotator.core.lock import lock_path
from annotator.core.models import Record, record_line
from annotator.core.rescue_taken import found_rescues
from annotator.core.store import Store, compact
from annotator.core.store_rescue import journal_tag, rescue_name
from tests.conftest import make_record
from tests.test_review_session_data import open_it, write_review_case
from tests.test_store_closing_refused import Disk, close


def rec(note: str, at: str | None, doc_id: str = "a", **more: Any) -> Record:
    return Record.model_validate(make_record(note=note, doc_id=doc_id, updated_at=at, **more))


def lines(*records: Record) -> bytes:
    return b"".join(map(record_line, records))


def rescue_of(journal: Path, home: Path, data: bytes) -> Path:
    path = home / rescue_name(journal)
    path.write_bytes(data)
    return path


def notes(journal: Path) -> list[str]:
    return [record.note for _line, record in read_journal(journal).records]


def test_a_rescue_file_names_its_journal_s_folder_as_well_as_its_name(tmp_path: Path) -> None:
    one, two = tmp_path / "x" / "ann6.jsonl", tmp_path / "y" / "ann6.jsonl"
    assert rescue_name(one).startswith(f"annotator-rescue-ann6-{journal_tag(one)}-")
    assert journal_tag(one) != journal_tag(two)
    (tmp_path / "link").symlink_to(tmp_path / "x")
    assert journal_tag(tmp_path / "link" / "ann6.jsonl") == journal_tag(one)


def test_the_next_store_appends_the_rescue_file_before_anything_is_written(
    tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    disk = Disk(monkeypatch)
    journal = tmp_path / "out3" / "annotations" / "ann6.jsonl"
    first = Store(journal, "alice")
    saved = [rec("s1-s10", "2026-11-27T10:00:00Z")]
    first.save(saved[0])
    assert first.flush(10)
    disk.refusing = True
    # Made in the second of the journal's last line, then later.
    saved += [rec("s1-s11", "2026-11-27T10:00:00Z"), rec("s1-s12", "2026-11-27T10:00:05Z")]
    saved.append(rec("b's", "2026-11-27T10:00:06Z", doc_id="b"))
    for each in saved[1:]:
        first.save(each)
    assert not close(first, disk)
    assert first.unsaved is not None and first.unsaved.rescue is not None
    rescue = first.unsaved.rescue
    disk.refusing = False

    with Store(journal, "alice") as again:
        # The rescued record is the document's: a new span's id comes after s12.
        assert again.records == {"a": saved[2], "b": saved[3]}
        assert again.messages == [
            f"{journal}: its rescue file {rescue} (3 changes a session could not write) was "
            f"appended to it now; the file is kept as {rescue.name}.appended"
        ]
    assert journal.read_bytes() == lines(*saved)
    assert sorted(path.name for path in home.iterdir()) == [f"{rescue.name}.appended"]
    with Store(journal, "alice") as third:  # found no more
        assert third.messages == []


def test_a_journal_without_its_last_newline_gets_it_before_the_rescued_lines(
    tmp_path: Path, home: Path
) -> None:
    journal = tmp_path / "alice.jsonl"
    journal.write_bytes(lines(rec("before", "2026-11-27T10:00:00Z")).rstrip(b"\n"))
    rescue_of(journal, home, b"\n" + lines(rec("after", "2026-11-27T10:00:01Z")))
    with Store(journal, "alice") as store:
        assert store.records["a"].note == "after"
    assert notes(journal) == ["before", "after"]
    assert not read_journal(journal).problems


@pytest.mark.parametrize(
    ("journal_time", "rescued_time"),
    [("2026-11-27T10:05:00Z", "2026-11-27T10:00:00Z"), (None, "2026-11-27T10:00:00Z")],
)
def test_a_rescue_file_older_than_the_journal_s_record_is_refused_naming_it(
    tmp_path: Path, home: Path, journal_time: str | None, rescued_time: str
) -> None:
    journal = tmp_path / "ann6.jsonl"
    journal.write_bytes(lines(rec("s1-s11 (s11 another span)", journal_time)))
    before = journal.read_bytes()
    rescue = rescue_of(journal, home, lines(rec("s1-s12", rescued_time)))
    with pytest.raises(AnnotatorError) as refused:
        Store(journal, "alice")
    assert str(refused.value) == (
        f"{journal}: its rescue file {rescue} holds changes a session could not write, but the "
        "journal holds a record of a later than the rescued one (or of no known time): "
        "appending the file would undo it. To keep the journal as it is, set the file aside: "
        f"mv {rescue} {rescue}.kept; to take the rescued changes instead: "
        f"cat {rescue} >> {journal}; then start again"
    )
    assert journal.read_bytes() == before and rescue.exists()
    assert not lock_path(journal).exists()


def test_a_rescue_file_appended_by_hand_is_set_aside_not_appended_again(
    tmp_path: Path, home: Path
) -> None:
    journal = tmp_path / "alice.jsonl"
    rescued = lines(rec("rescued", "2026-11-27T10:00:00Z"))
    rescue = rescue_of(journal, home, rescued)
    # cat RESCUE >> JOURNAL, then a later session's change of the document.
    journal.write_bytes(
        lines(rec("first", "2026-11-27T09:00:00Z"))
        + rescued
        + lines(rec("later", "2026-11-27T11:00:00Z"))
    )
    before = journal.read_bytes()
    with Store(journal, "alice") as store:
        assert store.messages == [
            f"{journal}: its rescue file {rescue} (1 change a session could not write) was "
            f"appended to it already; the file is kept as {rescue.name}.appended"
        ]
    assert journal.read_bytes() == before


def test_a_rescue_file_named_by_the_stem_alone_is_said_not_appended(
    tmp_path: Path, home: Path
) -> None:
    journal = tmp_path / "ann6.jsonl"
    journal.write_bytes(lines(rec("journal's", "2026-11-27T09:00:00Z")))
    before = journal.read_bytes()
    older = home / "annotator-rescue-ann6-20261127T100000123456Z.jsonl"
    older.write_bytes(lines(rec("rescued", "2026-11-27T10:00:00Z")))
    another = home / rescue_name(tmp_path / "elsewhere" / "ann6.jsonl")  # another folder's
    another.write_bytes(older.read_bytes())
    assert found_rescues(journal) == ([], [older])
    with Store(journal, "alice") as store:
        assert store.messages == [
            f"{older}: a rescue file of a journal named ann6.jsonl, from before rescue files "
            f"said which folder's: if it holds changes of {journal} not appended yet, append "
            f"it before any other change is made (cat {older} >> {journal}); once it is dealt "
            f"with, rename it (mv {older} {older}.appended) and this is not said again"
        ]
    assert journal.read_bytes() == before and older.exists() and another.exists()


def test_compact_appends_the_rescue_file_first(tmp_path: Path, home: Path) -> None:
    journal = tmp_path / "alice.jsonl"
    journal.write_bytes(lines(rec("1", "2026-11-27T09:00:00Z"), rec("2", "2026-11-27T09:00:01Z")))
    rescue = rescue_of(journal, home, lines(rec("3", "2026-11-27T09:00:02Z", doc_id="b")))
    assert compact(journal) == (
        3,
        2,
        [
            f"{journal}: its rescue file {rescue} (1 change a session could not write) was "
            f"appended to it now; the file is kept as {rescue.name}.appended"
        ],
    )
    assert notes(journal) == ["2", "3"]


def test_a_rescue_file_the_disk_refuses_to_append_leaves_all_as_it_was(
    tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = tmp_path / "alice.jsonl"
    journal.write_bytes(lines(rec("1", "2026-11-27T09:00:00Z")))
    rescue = rescue_of(journal, home, lines(rec("2", "2026-11-27T09:00:02Z")))

    def full(path: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(rescue_taken, "append_durably", full)
    with pytest.raises(AnnotatorError) as refused:
        Store(journal, "alice")
    assert str(refused.value) == (
        f"{journal}: cannot append its rescue file {rescue}: No space left on device; the "
        "journal is as it was"
    )
    assert notes(journal) == ["1"] and rescue.exists() and not lock_path(journal).exists()


def test_a_review_appends_its_gold_file_s_rescue_file_on_opening(
    tmp_path: Path, home: Path
) -> None:
    setup = write_review_case(tmp_path)
    open_it(setup).close()
    gold = setup["gold"]
    last = orjson.loads(gold.read_bytes().splitlines()[-1])
    assert last["updated_at"] is not None
    rescue = rescue_of(gold, home, orjson.dumps(last | {"note": "rescued"}) + b"\n")
    before = gold.read_bytes()
    session = open_it(setup)
    try:
        assert (
            f"{gold}: its rescue file {rescue} (1 decision a review could not write) was "
            f"appended to it now; the file is kept as {rescue.name}.appended"
        ) in session.messages
    finally:
        session.close()
    assert gold.read_bytes().startswith(before)
    assert b'"note":"rescued"' in gold.read_bytes()[len(before) :]


def test_two_rescue_files_are_appended_oldest_first(tmp_path: Path, home: Path) -> None:
    journal = tmp_path / "alice.jsonl"
    journal.write_bytes(lines(rec("1", "2026-11-27T09:00:00Z")))
    named = f"annotator-rescue-alice-{journal_tag(journal)}-20261127T{{}}000000Z.jsonl"
    (home / named.format("110000")).write_bytes(lines(rec("3", "2026-11-27T11:00:00Z")))
    (home / named.format("100000")).write_bytes(lines(rec("2", "2026-11-27T10:00:00Z")))
    with Store(journal, "alice") as store:
        assert store.records["a"].note == "3" and len(store.messages) == 2
    assert notes(journal) == ["1", "2", "3"]
