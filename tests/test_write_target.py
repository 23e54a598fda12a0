"""Where a crash-safe write lands (``write_target``): through a symbolic link onto the file it
leads to, the link kept; a named pipe, a device or a socket refused in one line before it is
read or written. A curator trial found each write's rename replaced the link, the pipe, even a
device node, with a file of its own."""

from __future__ import annotations

import os
import socket
import stat
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.errors import AnnotatorError
from annotator.core.formats.safe_writes import write_atomic, write_files
from annotator.core.goldfile import replace_locked
from annotator.core.lock import JournalLock
from annotator.core.review_open import open_review
from annotator.core.store import Store
from annotator.core.write_target import write_target
from tests.test_review_session_data import fixed_now, write_review_case


def linked(tmp_path: Path, name: str = "link.jsonl") -> tuple[Path, Path]:
    """A file ``real/file.jsonl`` holding ``old``, and a link to it in another folder."""
    (tmp_path / "real").mkdir()
    real = tmp_path / "real" / "file.jsonl"
    real.write_bytes(b"old\n")
    link = tmp_path / name
    link.symlink_to(os.path.relpath(real, link.parent))  # relative, as people make them
    return link, real


def names(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def test_a_file_or_a_new_path_is_its_own_target(tmp_path: Path) -> None:
    (tmp_path / "f.jsonl").write_text("x\n")
    for path in (tmp_path / "f.jsonl", tmp_path / "new.jsonl", tmp_path / "no" / "new.jsonl"):
        assert write_target(path) is path
    assert write_target(tmp_path) is tmp_path  # a folder: the caller says what it wanted


def test_a_link_leads_to_its_file_through_every_link(tmp_path: Path) -> None:
    link, real = linked(tmp_path)
    second = tmp_path / "again.jsonl"
    second.symlink_to(link.name)
    assert write_target(link) == real.resolve()
    assert write_target(second) == real.resolve()


def test_a_named_pipe_a_socket_and_a_device_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fifo = tmp_path / "ff"
    os.mkfifo(fifo)
    with pytest.raises(AnnotatorError) as refused:
        write_target(fifo)
    assert str(refused.value) == f"{fifo}: is not a regular file (a named pipe): give a file path"
    sock = tmp_path / "s"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(sock))
        with pytest.raises(AnnotatorError, match=r"^.*/s: is not a regular file \(a socket\)"):
            write_target(sock)
    # A link to the pipe is refused by the name given.
    link = tmp_path / "to-pipe"
    link.symlink_to("ff")
    with pytest.raises(AnnotatorError, match=r"to-pipe: is not a regular file \(a named pipe\)"):
        write_target(link)
    # A device, without touching one: the folder's "null" is said to be a character device.
    fake = tmp_path / "null"
    real_lstat = os.lstat

    def lstat(path: os.PathLike[str] | str) -> os.stat_result:
        if Path(path) == fake:
            return os.stat_result((stat.S_IFCHR | 0o666, 0, 0, 1, 0, 0, 0, 0, 0, 0))
        return real_lstat(path)

    monkeypatch.setattr("annotator.core.write_target.os.lstat", lstat)
    with pytest.raises(AnnotatorError) as refused:
        write_target(fake)
    assert str(refused.value) == f"{fake}: is not a regular file (a device): give a file path"


def test_a_loop_of_links_and_a_link_into_no_folder_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    with pytest.raises(AnnotatorError, match="its symbolic links go round in a loop"):
        write_target(tmp_path / "a")
    away = tmp_path / "away"
    away.symlink_to(Path("nowhere") / "file.jsonl")
    with pytest.raises(AnnotatorError, match="whose folder does not exist"):
        write_target(away)
    assert not (tmp_path / "nowhere").exists()


def test_write_atomic_writes_through_a_link_and_keeps_it(tmp_path: Path) -> None:
    link, real = linked(tmp_path)
    write_atomic(link, b"new\n")
    assert link.is_symlink() and real.read_bytes() == b"new\n"
    assert names(tmp_path) == ["link.jsonl", "real"] and names(real.parent) == ["file.jsonl"]
    dangling = tmp_path / "later.jsonl"
    dangling.symlink_to(Path("real") / "later.jsonl")
    write_atomic(dangling, b"made\n")  # as a shell's ``>``: the file is made where it points
    assert dangling.is_symlink() and (real.parent / "later.jsonl").read_bytes() == b"made\n"


def test_write_atomic_refuses_a_pipe_and_writes_nothing(tmp_path: Path) -> None:
    fifo = tmp_path / "ff"
    os.mkfifo(fifo)
    with pytest.raises(AnnotatorError, match="is not a regular file"):
        write_atomic(fifo, b"data\n")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and names(tmp_path) == ["ff"]


def test_write_files_checks_every_file_before_writing_any(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    link, real = linked(tmp_path, "out/b.txt")
    os.mkfifo(out / "c.txt")
    files = {"a.txt": b"a\n", "b.txt": b"b\n", "c.txt": b"c\n"}
    with pytest.raises(AnnotatorError, match=r"c\.txt: is not a regular file \(a named pipe\)"):
        write_files(out, files)
    assert names(out) == ["b.txt", "c.txt"] and real.read_bytes() == b"old\n"
    (out / "c.txt").unlink()
    assert write_files(out, files) == ([out / "a.txt", out / "b.txt", out / "c.txt"], [])
    assert link.is_symlink() and real.read_bytes() == b"b\n"


def test_replace_locked_replaces_the_file_a_link_leads_to(tmp_path: Path) -> None:
    link, real = linked(tmp_path)
    replace_locked(link, [b"one\n", b"two\n"], tmp_path)
    assert link.is_symlink() and real.read_bytes() == b"one\ntwo\n"
    assert names(real.parent) == ["file.jsonl"]


def test_a_link_and_its_file_take_one_lock(tmp_path: Path) -> None:
    link, real = linked(tmp_path)
    assert JournalLock(link).path == JournalLock(real).path.resolve()
    held = JournalLock(real)
    held.acquire()
    try:
        with pytest.raises(AnnotatorError, match="locked by process"):
            Store(link, "alice")
    finally:
        held.release()


def test_a_store_on_a_pipe_is_refused_before_it_is_read(tmp_path: Path) -> None:
    # Reading a named pipe waits for a writer that never comes: refused before the lock too.
    journal = tmp_path / "annotations" / "alice.jsonl"
    journal.parent.mkdir()
    os.mkfifo(journal)
    with pytest.raises(AnnotatorError, match="is not a regular file"):
        Store(journal, "alice")
    assert names(journal.parent) == ["alice.jsonl"]


def test_a_review_makes_its_new_gold_file_where_a_link_points(tmp_path: Path) -> None:
    case = write_review_case(tmp_path)
    (tmp_path / "kept").mkdir()
    gold = tmp_path / "g.jsonl"
    gold.symlink_to(Path("kept") / "gold.jsonl")
    files = [case["alice"], case["bob"]]
    session = open_review(
        files, case["corpus"], gold, "rita", scheme_path=case["scheme"], now=fixed_now
    )
    try:
        real = tmp_path / "kept" / "gold.jsonl"
        assert gold.is_symlink() and real.is_file() and real.stat().st_size > 0
        assert names(tmp_path / "kept") == ["gold.jsonl", "gold.jsonl.lock"]
    finally:
        assert session.close()
    assert names(tmp_path / "kept") == ["gold.jsonl"]


def test_export_to_a_device_is_refused_and_the_device_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # ``-o /dev/full`` replaced the device node itself; faked here: "full" is said a device.
    case = write_review_case(tmp_path)
    fake = tmp_path / "full"
    fake.write_bytes(b"")  # stands for the node: it must be left as it is
    real_lstat = os.lstat

    def lstat(path: os.PathLike[str] | str) -> os.stat_result:
        if Path(path) == fake:
            return os.stat_result((stat.S_IFCHR | 0o666, 0, 0, 1, 0, 0, 0, 0, 0, 0))
        return real_lstat(path)

    monkeypatch.setattr("annotator.core.write_target.os.lstat", lstat)
    before = names(tmp_path)
    status = main(["export", str(case["alice"]), "--format", "jsonl", "-o", str(fake)])
    captured = capsys.readouterr()
    assert (status, captured.out) == (1, "")
    assert captured.err == f"{fake}: is not a regular file (a device): give a file path\n"
    assert names(tmp_path) == before and fake.read_bytes() == b""
