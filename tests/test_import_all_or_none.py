"""An import writes its corpus, scheme and records all or none. A curator trial found a failed
records file (a read-only folder, a file where its folder goes, a folder in its place) left the
corpus and the scheme written, exit 1, so that the next run was refused "already exists"; and a
folder where the scheme goes left the corpus without its scheme and records.

Read-only folders are made by monkeypatching (tests may run as root, whom chmod does not stop).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.formats import safe_writes
from annotator.core.formats.importing import import_documents

SOURCE = b'{"id":"d1","text":"Russia freed 146 prisoners.","label":[[0,6,"actor"]]}\n'


def listing(folder: Path) -> list[str]:
    """Every path under ``folder``, hidden ones too."""
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


def source(tmp_path: Path) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_bytes(SOURCE)
    return path


def run_import(tmp_path: Path, corpus: Path, records: Path, **options: Any) -> list[str]:
    """Import ``in.jsonl`` as doccano; what it said."""
    said: list[str] = []
    import_documents(source(tmp_path), "doccano", corpus, annotations=records,
                     annotator="alice", on_warning=said.append, **options)  # fmt: skip
    return said


def test_a_records_file_that_cannot_be_written_leaves_no_corpus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "ro").mkdir()
    real = safe_writes.tempfile.mkstemp

    def mkstemp(*args: Any, **kwargs: Any) -> tuple[int, str]:
        if Path(kwargs["dir"]) == tmp_path / "ro":  # as chattr +i makes it, root or not
            raise PermissionError(errno.EPERM, os.strerror(errno.EPERM), "ro/.a.jsonl.tmp")
        return real(*args, **kwargs)

    monkeypatch.setattr(safe_writes.tempfile, "mkstemp", mkstemp)
    corpus, records = tmp_path / "w" / "c.jsonl", tmp_path / "ro" / "a.jsonl"
    with pytest.raises(AnnotatorError) as refused:
        run_import(tmp_path, corpus, records)
    assert str(refused.value) == (
        f"{records}: cannot write: Operation not permitted (nothing was written)"
    )
    assert listing(tmp_path) == ["in.jsonl", "ro"]  # no corpus, no scheme, no folder w
    # Run again with records that can be written: not refused "already exists".
    run_import(tmp_path, corpus, tmp_path / "w" / "a.jsonl")
    assert listing(tmp_path / "w") == ["a.jsonl", "c.jsonl", "c.scheme.toml"]


@pytest.mark.parametrize("force", [False, True])
def test_a_folder_or_a_file_in_the_way_is_refused_before_the_source_is_read(
    tmp_path: Path, force: bool
) -> None:
    (tmp_path / "afile").write_text("x\n")
    (tmp_path / "adir").mkdir()
    corpus = tmp_path / "w" / "c.jsonl"
    for records, line in [
        (tmp_path / "adir", f"{tmp_path / 'adir'}: is a folder, not a file"),
        (
            tmp_path / "afile" / "sub" / "a.jsonl",
            f"{tmp_path / 'afile' / 'sub'}: cannot write: a file stands where a folder is needed",
        ),
    ]:
        said: list[str] = []
        with pytest.raises(AnnotatorError) as refused:
            import_documents(source(tmp_path), "doccano", corpus, annotations=records,
                             annotator="alice", force=force, on_warning=said.append)  # fmt: skip
        assert str(refused.value) == line
        assert said == []  # refused before a line about the source
        assert listing(tmp_path) == ["adir", "afile", "in.jsonl"]


def test_a_folder_where_the_scheme_goes_leaves_no_corpus(tmp_path: Path) -> None:
    scheme = tmp_path / "w" / "c.scheme.toml"
    scheme.mkdir(parents=True)
    with pytest.raises(AnnotatorError) as refused:
        run_import(tmp_path, tmp_path / "w" / "c.jsonl", tmp_path / "w" / "a.jsonl", force=True)
    assert str(refused.value) == f"{scheme}: is a folder, not a file"
    assert listing(tmp_path / "w") == ["c.scheme.toml"]


def test_a_failed_rename_with_force_puts_back_the_files_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, records = tmp_path / "c.jsonl", tmp_path / "a.jsonl"
    scheme = tmp_path / "c.scheme.toml"
    for path in (corpus, records, scheme):
        path.write_bytes(b"earlier\n")
    real = os.replace

    def replace(src: Any, dst: Any) -> None:
        if Path(dst) == records and str(src).endswith(".tmp"):  # an immutable records file
            raise PermissionError(errno.EPERM, os.strerror(errno.EPERM), str(src), None, str(dst))
        real(src, dst)

    monkeypatch.setattr(safe_writes.os, "replace", replace)
    with pytest.raises(AnnotatorError) as refused:
        run_import(tmp_path, corpus, records, force=True)
    assert str(refused.value) == (
        f"{records}: cannot write: Operation not permitted (nothing was written)"
    )
    assert [path.read_bytes() for path in (corpus, records, scheme)] == [b"earlier\n"] * 3
    assert listing(tmp_path) == ["a.jsonl", "c.jsonl", "c.scheme.toml", "in.jsonl"]
