"""What a store closing with lines the disk refused does with them: a rescue file, and words.

A quit in NOT SAVED (the ``--out`` folder made read-only, the disk full) used to write the
latest record of every document changed in the session to a rescue file while the writer still
retried, wait out the store's closing timeout (11 s and more, silent), and keep the lock. A
record saved on the way out (the time spent on the open document) was in neither file.

Now the store's writer stops after a few tries (``writer``), and closing writes the lines it
left, in order, to a new file: appending it to the journal gives the journal every line of the
session, as if the disk had taken them. Then the lock is released, and the words say what was
saved, what was not, where it is and how to append it, and how to remove a lock that could not
be removed. A journal gone meanwhile (its folder removed, and not made again) holds none of the
lines before: the rescue file then holds every document's latest line as well. The next
opening of the journal for writing appends it, or refuses to open naming it (``rescue_taken``):
the words may go to a terminal that is gone by then.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shlex
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from annotator.core.journal_guard import utc_stamp
from annotator.core.writer import fsync_directory, write_new_file


@dataclass
class Unsaved:
    """What a store's closing could not write: ``unwritten`` of the ``written + unwritten``
    lines this session saved (the first ``written`` are in the journal), ``why`` the disk
    refused them, and ``rescue``, the file holding them (None: no folder took it)."""

    written: int
    unwritten: int
    why: str
    rescue: Path | None = None
    tried: tuple[Path, ...] = ()  # the folders the rescue file was tried in
    # The journal was gone: the rescue file holds these many lines, the latest of every
    # document it held (but those a line not written replaces), then those (0: only those).
    whole: int = 0


def rescue_folders() -> list[Path]:
    """Where a rescue file goes: the home folder, else ``/tmp`` (the journal's folder is the
    one refusing)."""
    folders = []
    with contextlib.suppress(RuntimeError, KeyError):  # no home folder known
        folders.append(Path.home())
    folders.append(Path("/tmp"))
    return folders


def rescue_prefix(journal: Path) -> str:
    """``annotator-rescue-<journal's name>-``: how every rescue file of a journal of that name
    begins, older ones included (``rescue_taken``)."""
    stem = re.sub(r"[^A-Za-z0-9._@-]", "_", journal.stem)
    return f"annotator-rescue-{stem}-"


def journal_tag(journal: Path) -> str:
    """A short hash of the journal's absolute path, every link followed: two folders may hold
    an ``ann6.jsonl``, and a rescue file named by the stem alone could be appended to the
    wrong one."""
    return hashlib.sha256(os.fsencode(os.path.realpath(journal))).hexdigest()[:8]


def rescue_name(journal: Path) -> str:
    """``annotator-rescue-<journal's name>-<journal_tag>-<UTC time>.jsonl``: which journal it
    belongs to, and a new name at each closing (never appended to another's)."""
    return f"{rescue_prefix(journal)}{journal_tag(journal)}-{utc_stamp()}.jsonl"


def write_rescue(data: bytes, journal: Path, folders: Iterable[Path]) -> Path | None:
    """``data`` in a new file (durably) in the first of ``folders`` that takes it."""
    return write_rescue_named(rescue_name(journal), data, folders)


def write_rescue_named(name: str, data: bytes, folders: Iterable[Path]) -> Path | None:
    """``data`` in a new file ``name`` (durably) in the first of ``folders`` that takes it."""
    for folder in folders:
        path = folder / name
        try:
            write_new_file(path, data, 0o600)
            fsync_directory(folder)
        except FileExistsError:
            continue  # not ours to remove
        except OSError:
            path.unlink(missing_ok=True)
            continue
        return path
    return None


def replace_rescue(path: Path, data: bytes) -> None:
    """Put ``data`` in place of the rescue file ``path`` crash-safely: a hidden temp file
    beside it (never found as a rescue file), fsynced, renamed over it."""
    temp = path.with_name(f".{path.name}.new")
    temp.unlink(missing_ok=True)
    try:
        write_new_file(temp, data, 0o600)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        raise
    fsync_directory(path.parent)


class LiveRescue:
    """The rescue file kept while saving fails (NOT SAVED, retrying): the changes not on disk
    then lived in memory alone, and a ``kill -9``, an OOM kill or a power cut lost them all,
    minutes of work, with no rescue file (only a closing wrote one). Now the first refusal
    writes them to a rescue file, of the name and place a closing's has; each change saved
    while saving fails writes it again whole (temp, fsync, rename), and once the journal has
    taken them all the file is removed. The next opening appends a file left by a crash
    (``rescue_taken``), the lines the journal took meanwhile left out."""

    def __init__(
        self,
        journal: Path,
        lines: Callable[[], bytes],
        folders: Callable[[], list[Path]] = rescue_folders,
    ) -> None:
        self.journal = journal
        self._lines = lines  # the lines not on disk, as a closing's rescue file holds them
        self._folders = folders
        self._lock = threading.Lock()  # the screen's thread and the writer's both keep it
        self.path: Path | None = None

    def keep(self) -> Path | None:
        """Write the lines not on disk now to the rescue file (none: remove it); the file."""
        with self._lock:
            data = self._lines()  # read under the lock: the latest state is written last
            if not data:
                self._remove()
            elif self.path is None:
                self.path = write_rescue(data, self.journal, self._folders())
            else:
                with contextlib.suppress(OSError):  # its earlier state stays, and is appended
                    replace_rescue(self.path, data)
            return self.path

    def keep_if_failing(self) -> None:
        """After a change is saved: kept up to date while a rescue file is kept."""
        if self.path is not None:
            self.keep()

    def drop(self) -> None:
        """The journal holds every change: the file is no longer needed."""
        with self._lock:
            self._remove()

    def _remove(self) -> None:
        if self.path is None:
            return
        with contextlib.suppress(OSError):  # left: the next opening finds it in the journal
            self.path.unlink(missing_ok=True)
            fsync_directory(self.path.parent)
        self.path = None


def _count(number: int, what: str) -> str:
    return f"1 {what.removesuffix('s')}" if number == 1 else f"{number} {what}"


def closing_words(
    journal: Path,
    unsaved: Unsaved | None,
    lock_left: tuple[Path, str] | None,
    what: str = "changes",
    where: str = "journal",
) -> list[str]:
    """The lines said once a store closed: nothing when all went well. ``what`` and ``where``
    name the lines and the file ("decisions", "gold file" for a review); ``lock_left``, the
    lock file that could not be removed, and why."""
    said = []
    if unsaved is not None and not unsaved.unwritten:
        said.append(
            f"{journal}: all {_count(unsaved.written, what)} made in this session were "
            f"written, but the {where} failed its last check on closing ({unsaved.why})."
        )
    elif unsaved is not None:
        total = _count(unsaved.written + unsaved.unwritten, what)
        if unsaved.whole:
            said.append(
                f"{journal}: gone, and it could not be made again ({unsaved.why}); "
                f"{unsaved.unwritten} of the {total} made in this session NOT written."
            )
        elif unsaved.written:
            first = "the first is" if unsaved.written == 1 else f"the first {unsaved.written} are"
            said.append(
                f"{journal}: {unsaved.unwritten} of the {total} made in this session NOT "
                f"written ({unsaved.why}); {first} in the {where}."
            )
        else:
            said.append(f"{journal}: {total} made in this session, NOT written ({unsaved.why}).")
        one = unsaved.unwritten == 1
        left = "The one not written" if one else f"The {unsaved.unwritten} not written"
        if unsaved.whole:
            left, one = f"Every document's latest line and those ({unsaved.whole} lines)", False
        if unsaved.rescue is not None:
            rescue, target = shlex.quote(str(unsaved.rescue)), shlex.quote(str(journal))
            said.append(
                f"{left} {'is' if one else 'are'} in {unsaved.rescue}. Once {journal} can be "
                f"written, append that file to the {where}: cat {rescue} >> {target}"
            )
        else:
            tried = ", ".join(map(str, unsaved.tried)) or "no folder"
            lost = "it is" if one else "they are"
            said.append(
                f"{left} COULD NOT be rescued ({tried} refused a rescue file): {lost} lost."
            )
    if lock_left is not None:
        lock, why = lock_left
        said.append(
            f"The lock {lock} could not be removed ({why}): once its folder can be written, "
            f"remove it: rm {shlex.quote(str(lock))}"
        )
    return said
