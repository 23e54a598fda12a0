"""A store takes away the folders it made for its journal on closing only while they are empty
(``rmdir``), and releases only its own lock: a session started meanwhile in the same --out keeps
its lock, so the folder it writes in stays.

Reported: an ``annotate`` that exited took away the ``annotations/`` folder it made, and a
session started meanwhile then failed "cannot save .../annotations/root.jsonl: No such file or
directory". It happened when the first session's lock had been removed by hand (as the "locked
by" line says to when a session is gone) and the second took the lock: the first, closing,
removed the second's lock file as its own, found the folder empty, and took it away.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import LockedError
from annotator.core.lock import JournalLock, lock_path
from annotator.core.store import Store, remove_empty_folders
from tests.test_store import notes, record


def test_a_lock_removed_by_hand_and_taken_by_another_session_stays_its(tmp_path: Path) -> None:
    journal = tmp_path / "out" / "annotations" / "root.jsonl"
    first = Store(journal, "root")
    lock_path(journal).unlink()  # by hand, as if the first session were gone
    second = Store(journal, "root")
    assert first.close()
    assert lock_path(journal).exists()  # the second session's, left where it is
    with pytest.raises(LockedError):
        Store(journal, "root")  # so no third writer comes in
    second.save(record("kept", annotator="root"))
    assert second.close()
    assert notes(journal) == ["kept"]
    assert not lock_path(journal).exists()


def test_a_lock_gone_on_closing_is_no_error(tmp_path: Path) -> None:
    journal = tmp_path / "annotations" / "root.jsonl"
    lock = JournalLock(journal)
    journal.parent.mkdir()
    lock.acquire()
    lock_path(journal).unlink()
    lock.release()
    assert list(journal.parent.iterdir()) == []


def test_a_session_opened_between_release_and_removal_keeps_the_folder(tmp_path: Path) -> None:
    journal = tmp_path / "out" / "annotations" / "root.jsonl"
    first = Store(journal, "root")
    first._lock.release()  # the first closing: its lock released, the folder not yet taken
    second = Store(journal, "root")
    remove_empty_folders(first._made_folders)  # the first closing goes on
    second.save(record("kept", annotator="root"))
    assert second.close()
    assert notes(journal) == ["kept"]


def test_two_sessions_that_both_made_the_folder_each_keep_it_for_the_other(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "out" / "annotations"
    alice = Store(folder / "alice.jsonl", "alice")
    bob = Store(folder / "bob.jsonl", "bob")
    bob._made_folders = list(alice._made_folders)  # both started before either made it
    assert alice.close()
    bob.save(record("kept", annotator="bob"))
    assert bob.close()
    assert notes(folder / "bob.jsonl") == ["kept"]
    assert [path.name for path in folder.iterdir()] == ["bob.jsonl"]
