"""A run's crash-safe writes are all or none (``safe_writes``): every target is checked before a
byte goes, a write that fails part-way takes back what the run did (temp files, new files,
replaced files, folders made), and the one line names the path as given. A curator trial found
a folder where a brat file goes left four hidden temp files and a partial export behind, and a
read-only folder's error named the hidden temp file.

Read-only folders are made by monkeypatching (tests may run as root, whom chmod does not stop).
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path
from typing import Any

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.formats import safe_writes
from annotator.core.formats.safe_writes import (
    check_targets,
    write_atomic,
    write_files,
    write_together,
)


def listing(folder: Path) -> list[str]:
    """Every path under ``folder``, hidden ones too."""
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


def refuse_temps_in(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """``folder`` read-only to temp files, as ``chattr +i`` makes it: the error names the temp
    file, as the real one does."""
    real = tempfile.mkstemp

    def mkstemp(*args: Any, **kwargs: Any) -> tuple[int, str]:
        if Path(kwargs["dir"]) == folder:
            name = folder / f"{kwargs['prefix']}x1y2z3{kwargs['suffix']}"
            raise PermissionError(errno.EPERM, os.strerror(errno.EPERM), str(name))
        return real(*args, **kwargs)

    monkeypatch.setattr(safe_writes.tempfile, "mkstemp", mkstemp)


def refuse_rename_onto(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    """Renaming a temp file onto ``target`` fails (an immutable file, say); the error names
    both, as the real one does."""
    real = os.replace

    def replace(src: Any, dst: Any) -> None:
        if Path(dst) == target and str(src).endswith(".tmp"):
            raise PermissionError(errno.EPERM, os.strerror(errno.EPERM), str(src), None, str(dst))
        real(src, dst)

    monkeypatch.setattr(safe_writes.os, "replace", replace)


def test_a_folder_where_a_file_goes_is_refused_before_any_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "d1.ann").mkdir(parents=True)
    files = {"annotation.conf": b"c\n", "d1.txt": b"t\n", "d1.ann": b"a\n", "d2.txt": b"u\n"}
    with pytest.raises(AnnotatorError) as refused:
        write_files(out, files)
    assert str(refused.value) == f"{out / 'd1.ann'}: is a folder, not a file"
    assert listing(out) == ["d1.ann"]  # no file, no hidden temp file


def test_write_atomic_onto_a_folder_names_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "adir"
    folder.mkdir()
    with pytest.raises(AnnotatorError) as refused:
        write_atomic(folder, b"x\n")
    assert str(refused.value) == f"{folder}: is a folder, not a file"
    assert listing(tmp_path) == ["adir"]


def test_a_read_only_folder_is_named_by_the_path_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "ro").mkdir()
    monkeypatch.chdir(tmp_path)
    refuse_temps_in(monkeypatch, Path("ro"))
    with pytest.raises(AnnotatorError) as refused:
        write_atomic(Path("ro/x.jsonl"), b"x\n")
    assert str(refused.value) == "ro/x.jsonl: cannot write: Operation not permitted"


def test_a_failed_temp_file_leaves_nothing_of_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "kept.txt").write_bytes(b"kept\n")
    real = safe_writes.write_all

    def write_all(fd: int, data: bytes) -> None:
        if data == b"full\n":
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(fd, data)

    monkeypatch.setattr(safe_writes, "write_all", write_all)
    files = {f"d{n}.txt": b"t\n" for n in range(20)} | {"sub/d.ann": b"full\n"}
    with pytest.raises(AnnotatorError) as refused:
        write_files(out, files)
    assert str(refused.value) == (
        f"{out / 'sub' / 'd.ann'}: cannot write: No space left on device (nothing was written)"
    )
    assert listing(out) == ["kept.txt"]  # the folder sub it made is gone too


def test_a_failed_rename_puts_back_what_the_run_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, scheme, records = (tmp_path / name for name in ("c.jsonl", "c.toml", "a.jsonl"))
    corpus.write_bytes(b"old corpus\n")
    records.write_bytes(b"old records\n")
    refuse_rename_onto(monkeypatch, records)
    with pytest.raises(AnnotatorError) as refused:
        write_together([(corpus, b"new\n"), (scheme, b"new\n"), (records, b"new\n")])
    assert str(refused.value) == (
        f"{records}: cannot write: Operation not permitted (nothing was written)"
    )
    assert corpus.read_bytes() == b"old corpus\n" and records.read_bytes() == b"old records\n"
    assert listing(tmp_path) == ["a.jsonl", "c.jsonl"]  # the new scheme gone, no hidden file
    monkeypatch.undo()
    write_together([(corpus, b"new\n"), (scheme, b"new\n"), (records, b"new\n")])
    assert listing(tmp_path) == ["a.jsonl", "c.jsonl", "c.toml"]
    assert {path.read_bytes() for path in (corpus, scheme, records)} == {b"new\n"}


def test_what_could_not_be_taken_back_is_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A file system without hard links: the replaced file cannot be kept to put back.
    first, second = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    first.write_bytes(b"old\n")

    def no_link(*args: Any, **kwargs: Any) -> None:
        raise OSError(errno.EPERM, os.strerror(errno.EPERM))

    monkeypatch.setattr(safe_writes.os, "link", no_link)
    refuse_rename_onto(monkeypatch, second)
    with pytest.raises(AnnotatorError) as refused:
        write_together([(first, b"new\n"), (second, b"new\n")])
    assert str(refused.value) == (
        f"{second}: cannot write: Operation not permitted; {first} of this run were written "
        "and could not be taken back"
    )
    assert listing(tmp_path) == ["one.jsonl"]


def test_folders_made_for_a_failed_write_are_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "ro").mkdir()
    refuse_temps_in(monkeypatch, tmp_path / "ro")
    with pytest.raises(AnnotatorError, match=r"ro/b\.jsonl: cannot write: Operation not perm"):
        write_together(
            [(tmp_path / "new" / "sub" / "a.jsonl", b"a\n"), (tmp_path / "ro" / "b.jsonl", b"b\n")]
        )
    assert listing(tmp_path) == ["ro"]


def test_an_interrupt_while_writing_leaves_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = safe_writes.write_all

    def write_all(fd: int, data: bytes) -> None:
        if data == b"stop\n":
            raise KeyboardInterrupt
        real(fd, data)

    monkeypatch.setattr(safe_writes, "write_all", write_all)
    files = {f"d{n}.txt": b"t\n" for n in range(10)} | {"z.txt": b"stop\n"}
    with pytest.raises(KeyboardInterrupt):
        write_files(tmp_path / "out", files)
    assert listing(tmp_path) == []


def test_check_targets_names_the_path_given(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x")
    (tmp_path / "adir").mkdir()
    (tmp_path / "to-dir").symlink_to("adir")
    assert check_targets([tmp_path / "new" / "a.jsonl"]) == [tmp_path / "new" / "a.jsonl"]
    with pytest.raises(AnnotatorError) as refused:
        check_targets([tmp_path / "ok.jsonl", tmp_path / "afile" / "sub" / "a.jsonl"])
    blocked = tmp_path / "afile" / "sub"
    assert str(refused.value) == f"{blocked}: cannot write: a file stands where a folder is needed"
    with pytest.raises(AnnotatorError) as refused:
        check_targets([tmp_path / "to-dir"])
    assert str(refused.value) == f"{tmp_path / 'to-dir'}: is a folder, not a file"
