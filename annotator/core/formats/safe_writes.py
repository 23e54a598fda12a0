"""Crash-safe writes of whole files, for exports and imports, all of a run's files or none.

Every target is checked before a folder is made or a byte written (``check_targets``): a folder
standing where a file goes, a file where a folder must be made, a named pipe or a device
(``write_target``; a symbolic link is written through). Then each file goes to a temp file
beside it, fsynced; only when every temp file is written are they renamed over their names, and
each folder fsynced. So a crash leaves every file either as it was or complete, and a write that
fails part-way (a read-only folder, a full disk) takes back what this run did: the temp files
removed, files it made removed, files it replaced put back (each kept by a hard link until the
renames are done), folders it made removed. A failure is one line naming the path as given,
never a hidden temp file.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from contextlib import suppress
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.hard_links import kept_old_line, other_names
from annotator.core.out_folders import missing_folders
from annotator.core.write_target import write_target
from annotator.core.writer import fsync_directory, write_all

FOLDER_NEEDED = "a file stands where a folder is needed"


def _is_folder(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except OSError:  # missing, or no permission to look: the write says what is wrong
        return False


def check_targets(paths: Sequence[Path]) -> list[Path]:
    """The file each of ``paths`` is renamed onto (``write_target``), each checked before
    anything is written: AnnotatorError, one line naming the path as given, for a folder where
    the file goes, a file where a folder on the way must be made, a named pipe or a device."""
    targets: list[Path] = []
    for path in paths:
        target = write_target(path)
        if _is_folder(target):
            raise AnnotatorError(f"{path}: is a folder, not a file")
        try:
            missing_folders(target.parent)
        except OSError as error:
            raise AnnotatorError(f"{path}: cannot write: {error.strerror or error}") from None
        targets.append(target)
    return targets


def write_atomic(path: Path, data: bytes) -> list[str]:
    """Replace ``path`` with ``data`` so that a crash leaves the old file or the new, never half;
    the line saying its other names keep the old contents, if it had any (``write_together``)."""
    return write_together([(path, data)])


def write_files(out: Path, files: Mapping[str, bytes]) -> tuple[list[Path], list[str]]:
    """Write files under folder ``out``, all or none; the paths written, and the lines
    ``write_together`` returns (a file replaced whose other names keep the old contents).

    The temp files are written and fsynced by a few threads at once (a brat export is
    thousands of small files, and fsync waits on the disk, not on Python)."""
    if out.exists() and not out.is_dir():
        raise AnnotatorError(f"{out}: exists and is not a folder")
    names = [out / relative for relative in files]
    return names, write_together(list(zip(names, files.values(), strict=True)))


def write_together(writes: Sequence[tuple[Path, bytes]]) -> list[str]:
    """Write each ``(path, data)`` crash-safely, all or none (see the module docstring).
    AnnotatorError, one line naming the path as given, when a target is refused or a write
    fails; then nothing of this run is left, or the line names what could not be taken back.
    Returns a line for each file replaced that had other names (hard links): the rename gives
    the path a new file, and the others keep the old contents (``hard_links.other_names``)."""
    given = [path for path, _data in writes]
    targets = check_targets(given)
    made = _make_folders(targets)
    try:
        temps = _write_temps(given, targets, [data for _path, data in writes])
        # Counted before the renames (and the links ``_keep_old`` makes for a moment).
        before = [other_names(path) for path in given]
        _rename_all(given, targets, temps)
    except BaseException:
        _remove_folders(made)
        raise
    folders = {target.parent for target in targets} | {folder.parent for folder in made}
    for folder in sorted(folders, key=lambda p: len(p.parts), reverse=True):
        try:
            fsync_directory(folder)
        except OSError as error:
            raise AnnotatorError(f"{folder}: cannot write: {error.strerror or error}") from None
    return [said for names in before if (said := kept_old_line(names))]


def _failed(path: Path, error: OSError, together: int, suffix: str = "") -> AnnotatorError:
    """The one line for a write to ``path`` that failed; with other files written together,
    it says that none was (or ``suffix``, what could not be taken back)."""
    if isinstance(error, IsADirectoryError):  # a folder made there since it was checked
        line = f"{path}: is a folder, not a file"
    else:
        line = f"{path}: cannot write: {error.strerror or error}"
    if suffix:
        return AnnotatorError(f"{line}; {suffix}")
    return AnnotatorError(f"{line} (nothing was written)" if together > 1 else line)


def _make_folders(targets: Sequence[Path]) -> list[Path]:
    """Make the folders the targets need, outermost first; those made. A failure removes
    them again and is one line naming the folder."""
    missing = {folder for target in targets for folder in missing_folders(target.parent)}
    made: list[Path] = []
    for folder in sorted(missing, key=lambda p: len(p.parts)):
        try:
            folder.mkdir()
        except FileExistsError:  # made meanwhile by another: a folder is what is wanted
            if _is_folder(folder):
                continue
            _remove_folders(made)
            raise AnnotatorError(f"{folder}: cannot write: {FOLDER_NEEDED}") from None
        except OSError as error:
            _remove_folders(made)
            reason = FOLDER_NEEDED if isinstance(error, NotADirectoryError) else error.strerror
            raise AnnotatorError(f"{folder}: cannot write: {reason or error}") from None
        made.append(folder)
    return made


def _remove_folders(made: Sequence[Path]) -> None:
    for folder in reversed(made):
        with suppress(OSError):  # something else put a file there meanwhile: it stays
            folder.rmdir()


def _write_temp(target: Path, data: bytes) -> Path:
    """``data`` in a new temp file beside ``target``, fsynced; the caller renames it."""
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        write_all(fd, data)
        os.fchmod(fd, 0o644)
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        Path(name).unlink(missing_ok=True)
        raise
    os.close(fd)
    return Path(name)


def _write_temps(
    given: Sequence[Path], targets: Sequence[Path], data: Sequence[bytes]
) -> list[Path]:
    """Every temp file, or none: a failure (or an interrupt) removes those written."""
    if len(targets) == 1:  # no thread for one file
        try:
            return [_write_temp(targets[0], data[0])]
        except OSError as error:
            raise _failed(given[0], error, 1) from None
    futures: list[Future[Path]] = []
    pool = ThreadPoolExecutor(max_workers=8)
    try:
        for target, content in zip(targets, data, strict=True):
            futures.append(pool.submit(_write_temp, target, content))
        wait(futures)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        written = [f.result() for f in futures if not f.cancelled() and f.exception() is None]
        if len(written) < len(targets):
            for temp in written:
                temp.unlink(missing_ok=True)
    for path, future in zip(given, futures, strict=True):
        problem = future.exception()
        if isinstance(problem, OSError):
            raise _failed(path, problem, len(targets)) from None
        if problem is not None:
            raise problem
    return written


def _keep_old(target: Path) -> Path | None:
    """A hard link to the file ``target`` replaces, to put it back if a later rename fails;
    None for a new file, or where the file system makes no hard link."""
    for _attempt in range(3):
        keep = target.with_name(f".{target.name}.{os.urandom(4).hex()}.old")
        try:
            os.link(target, keep, follow_symlinks=False)
        except FileExistsError:
            continue
        except OSError:
            return None
        return keep
    return None


def _rename_all(given: Sequence[Path], targets: Sequence[Path], temps: Sequence[Path]) -> None:
    """Rename every temp file over its target; a failed rename puts back what the earlier
    ones replaced and removes what they made."""
    existed = [os.path.lexists(target) for target in targets]
    # One file has nothing to put back: its rename is the only one, and a failed one leaves
    # the old file in place.
    together = len(targets) > 1
    kept = [
        _keep_old(t) if there and together else None
        for t, there in zip(targets, existed, strict=True)
    ]
    done = 0
    try:
        for temp, target in zip(temps, targets, strict=True):
            os.replace(temp, target)
            done += 1
    except BaseException as error:
        lost = _take_back(given[:done], targets[:done], existed[:done], kept[:done])
        for leftover in [*temps[done:], *filter(None, kept[done:])]:
            leftover.unlink(missing_ok=True)
        if not isinstance(error, OSError):
            raise
        suffix = ""
        if lost:
            more = f" and {len(lost) - 1} other file(s)" if len(lost) > 1 else ""
            suffix = f"{lost[0]}{more} of this run were written and could not be taken back"
        raise _failed(given[done], error, len(targets), suffix) from None
    for keep in filter(None, kept):
        keep.unlink(missing_ok=True)


def _take_back(
    given: Sequence[Path],
    targets: Sequence[Path],
    existed: Sequence[bool],
    kept: Sequence[Path | None],
) -> list[Path]:
    """Undo the renames done: the old file put back, a new one removed; the paths (as given)
    that could not be."""
    lost: list[Path] = []
    for path, target, there, keep in reversed(
        list(zip(given, targets, existed, kept, strict=True))
    ):
        try:
            if keep is not None:
                os.replace(keep, target)
            elif not there:
                target.unlink()
            else:
                lost.append(path)
        except OSError:
            lost.append(path)
    return lost
