"""``compact`` whose rename (or write) fails leaves no hidden ``.NAME.compact-TIME`` behind and
names the journal: a journal made immutable (chattr +i) said "annotator:
s/.imm.jsonl.compact-…: Operation not permitted" and left that file."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import orjson
import pytest

from annotator.core import store
from annotator.core.errors import AnnotatorError
from tests.conftest import make_record

DONE = {"status": "done", "form": {"event_type": "exchange"}}


def _journal(folder: Path) -> tuple[Path, bytes]:
    path = folder / "alice.jsonl"
    older = make_record(status="in_progress")
    data = b"".join(orjson.dumps(item) + b"\n" for item in (older, make_record(**DONE)))
    path.write_bytes(data)
    return path, data


def _refused(*_args: object) -> None:
    raise PermissionError(errno.EPERM, "Operation not permitted", "the temp file")


# The rename onto the journal, and the temp file's write.
@pytest.mark.parametrize(("module", "failing"), [(os, "replace"), (store, "write_all")])
def test_a_failed_compact_removes_its_temp_file_and_names_the_journal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, module: object, failing: str
) -> None:
    journal, data = _journal(tmp_path)
    monkeypatch.setattr(module, failing, _refused)
    with pytest.raises(AnnotatorError) as raised:
        store.compact(journal)
    monkeypatch.undo()
    assert str(raised.value) == (
        f"{journal}: cannot compact: Operation not permitted; the journal is as it was"
    )
    assert sorted(os.listdir(tmp_path)) == ["alice.jsonl"]  # no temp file, no lock
    assert journal.read_bytes() == data


def test_a_temp_file_that_cannot_be_made_is_said_with_the_journal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal, data = _journal(tmp_path)
    real_open = os.open

    def refuse_the_temp(path: str | Path, flags: int, mode: int = 0o777) -> int:
        if ".compact-" in str(path):
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return real_open(path, flags, mode)

    monkeypatch.setattr(store.os, "open", refuse_the_temp)
    with pytest.raises(AnnotatorError, match=rf"^{journal}: cannot compact: cannot write \.alice"):
        store.compact(journal)
    monkeypatch.undo()
    assert sorted(os.listdir(tmp_path)) == ["alice.jsonl"]
    assert journal.read_bytes() == data


def test_compact_still_compacts(tmp_path: Path) -> None:
    journal, _data = _journal(tmp_path)
    assert store.compact(journal)[:2] == (2, 1)
    assert sorted(os.listdir(tmp_path)) == ["alice.jsonl"]
