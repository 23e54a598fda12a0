"""The guard's notices name the file as what it is: a journal's say "the journal" and "this
session", a gold file's under review "the gold file" and "this review", as the review's other
lines do. Bytes appended to a gold file were said "the journal goes on after this session's
last line", and its lock removed "was removed while the journal was open"."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.gold_guard import GoldGuard, HeldBytes
from annotator.core.journal_guard import JournalGuard
from annotator.core.lock import JournalLock, lock_path
from tests.test_store import record

LINE = b'{"doc_id": "d1"}\n'


def guard_of(kind: str, path: Path) -> JournalGuard:
    """A journal's guard or a gold file's over ``path`` (one line), holding its lock."""
    path.write_bytes(LINE)
    lock = JournalLock(path)
    lock.acquire()
    if kind == "gold file":
        return GoldGuard(path, lock, HeldBytes(LINE))
    return JournalGuard(path, lock, {})


@pytest.mark.parametrize(("kind", "written_by"), [("journal", "session"), ("gold file", "review")])
def test_bytes_appended_are_said_of_the_file_they_were_appended_to(
    tmp_path: Path, kind: str, written_by: str
) -> None:
    path = tmp_path / "file.jsonl"
    guard = guard_of(kind, path)
    with path.open("ab") as handle:
        handle.write(b'{"doc_id": "d')
    assert guard.check(None) is False  # set right, nothing written again
    [torn] = tmp_path.glob("file.jsonl.torn-*")
    assert path.read_bytes() == LINE and torn.read_bytes() == b'{"doc_id": "d'
    assert guard.notices == [
        f"{path}: 13 bytes another program added while it was open were moved to {torn}; the "
        f"{kind} goes on after this {written_by}'s last line"
    ]


@pytest.mark.parametrize("kind", ["journal", "gold file"])
def test_a_lock_removed_is_said_of_the_file_it_locks(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "file.jsonl"
    guard = guard_of(kind, path)
    lock_path(path).unlink()
    assert guard.check(record("n", doc_id="d1")) is False  # checked before a line
    assert lock_path(path).exists()
    assert guard.notices == [
        f"{lock_path(path)} was removed while the {kind} was open: the lock is taken again"
    ]
