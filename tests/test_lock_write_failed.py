"""A lock file that could not be written (a full disk) is removed by the process that made it.

It was left empty: for 10 s every command on the journal was refused as if "another process"
were writing the lock, then took it over as damaged; compact said only "No space left on
device", naming no file; annotate left the annotations/ folder it made for the journal.

The disk is made to refuse by monkeypatching (tests may run as root, whom chmod does not stop).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from annotator.core import lock as lock_module
from annotator.core.errors import AnnotatorError
from annotator.core.lock import JournalLock, lock_path
from annotator.core.models import record_line
from annotator.core.session import open_session
from annotator.core.store import Store, compact
from tests.test_session_data import write_texts
from tests.test_store_closing_refused import record


class FullDisk:
    """The lock's writes refused with ENOSPC while ``full``."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.full = True
        real = lock_module.write_all

        def write_all(fd: int, data: bytes) -> None:
            if self.full:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            real(fd, data)

        monkeypatch.setattr(lock_module, "write_all", write_all)


def test_a_lock_that_could_not_be_written_is_removed_and_the_next_take_is_clean(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = tmp_path / "alice.jsonl"
    disk = FullDisk(monkeypatch)
    with pytest.raises(OSError, match="No space left on device"):
        JournalLock(journal).acquire()
    assert not lock_path(journal).exists()
    disk.full = False
    lock = JournalLock(journal)
    lock.acquire()  # not "being written by another process", not "took over a damaged lock"
    assert lock.message is None and lock_path(journal).read_bytes()
    lock.release()


def test_compact_names_the_lock_it_could_not_write_and_leaves_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = tmp_path / "ann2.jsonl"
    journal.write_bytes(record_line(record("1")) + record_line(record("2")))
    before = journal.read_bytes()
    disk = FullDisk(monkeypatch)
    with pytest.raises(AnnotatorError) as refused:
        compact(journal)
    assert str(refused.value) == (
        f"{journal}: cannot compact: cannot write the lock ann2.jsonl.lock beside it: No space "
        "left on device; the journal is as it was"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ann2.jsonl"]
    assert journal.read_bytes() == before
    disk.full = False
    assert compact(journal) == (2, 1, [])


def test_annotate_on_a_full_disk_leaves_no_lock_and_no_annotations_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = write_texts(tmp_path)
    out = tmp_path / "out3"
    FullDisk(monkeypatch)
    with pytest.raises(AnnotatorError) as refused:
        open_session(corpus, "ann6", None, out)
    journal = out / "annotations" / "ann6.jsonl"
    assert str(refused.value) == f"{journal}: cannot open: No space left on device"
    assert not out.exists()


def test_a_store_in_an_existing_folder_leaves_no_empty_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = tmp_path / "alice.jsonl"
    disk = FullDisk(monkeypatch)
    with pytest.raises(OSError):
        Store(journal, "alice")
    assert list(tmp_path.iterdir()) == []
    disk.full = False
    with Store(journal, "alice") as store:
        assert store.messages == []
