"""A copy kept aside that the disk refuses leaves no file behind: a trial's full disk left an
empty ``FILE.replaced-TIME`` beside the file it failed to keep, there to be taken for its copy
(the refusal said "nothing written", rightly of the file itself)."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from annotator.core import writer
from annotator.core.errors import AnnotatorError
from annotator.core.formats.import_outputs import kept_aside


def test_a_copy_the_disk_refuses_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = tmp_path / "alice.jsonl"
    journal.write_bytes(b'{"doc_id": "d1"}\n')

    def disk_full(fd: int, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writer, "write_all", disk_full)
    with pytest.raises(AnnotatorError) as refused:
        kept_aside(journal, journal.read_bytes(), "a test")
    assert "cannot keep the file aside before replacing it (No space left on device)" in str(
        refused.value
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == ["alice.jsonl"]
