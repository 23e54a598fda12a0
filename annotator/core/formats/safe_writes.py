"""Crash-safe writes of whole files, for exports and imports: each goes to a temp file in the same
folder, is fsynced, renamed over its name, and the folder fsynced, so a crash leaves every file
either as it was or complete, never half written. A failed write is one line naming the file.
A symbolic link is written through and a named pipe or device refused (``write_target``).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.write_target import write_target
from annotator.core.writer import fsync_directory, write_all


@contextmanager
def _writing(target: Path) -> Iterator[None]:
    """A failed write (no such folder, permission, full disk) as one line naming the target."""
    try:
        yield
    except (FileExistsError, NotADirectoryError) as error:
        where = error.filename or target
        raise AnnotatorError(
            f"{where}: cannot write: a file stands where a folder is needed"
        ) from None
    except OSError as error:
        where = error.filename or target
        raise AnnotatorError(f"{where}: cannot write: {error.strerror or error}") from None


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves the old file or the new, never half."""
    with _writing(path):
        _write_atomic(path, data)


def _write_atomic(given: Path, data: bytes) -> None:
    path = write_target(given)
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        write_all(fd, data)
        os.fsync(fd)
        os.close(fd)
        fd = -1
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException:
        if fd != -1:
            os.close(fd)
        Path(temp).unlink(missing_ok=True)
        raise
    fsync_directory(folder)


def _write_temp(path: Path, data: bytes) -> Path:
    """``data`` in a new temp file beside ``path``, fsynced; the caller renames it."""
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        write_all(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    return temp


def write_files(out: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Write files under folder ``out``, each crash-safely; returns the paths written.

    Every file goes to a temp file first; the temp files are written and fsynced by a few
    threads at once (a brat export is thousands of small files, and fsync waits on the disk,
    not on Python), then each is renamed over its final name and each folder is fsynced once.
    A crash leaves every file either as it was or complete.
    """
    with _writing(out):
        return _write_files(out, files)


def _write_files(out: Path, files: Mapping[str, bytes]) -> list[Path]:
    from concurrent.futures import ThreadPoolExecutor

    if out.exists() and not out.is_dir():
        raise AnnotatorError(f"{out}: exists and is not a folder")
    names = [out / relative for relative in files]
    # Every file's target is known (or refused) before a folder is made or a byte written.
    paths = [write_target(name) for name in names]
    for folder in sorted({path.parent for path in paths}):
        folder.mkdir(parents=True, exist_ok=True)
    temps: list[Path] = []
    try:
        with ThreadPoolExecutor(max_workers=8) as pool:
            for temp in pool.map(_write_temp, paths, files.values()):
                temps.append(temp)
    except BaseException:
        for path in paths:
            path.with_name(f".{path.name}.{os.getpid()}.tmp").unlink(missing_ok=True)
        raise
    for temp, path in zip(temps, paths, strict=True):
        os.replace(temp, path)
    folders = {path.parent for path in paths} | {out}
    for folder in sorted(folders, key=lambda p: len(p.parts), reverse=True):
        fsync_directory(folder)
    fsync_directory(out.parent)
    return names
