"""A journal or gold file with more than one name (hard links): said when a session opens it,
and when a command writes it anew whole.

A file's lock is ``<file>.lock`` beside the name it is opened by (``lock.lock_path``). A second
name of the same file (``ln``, or a backup made with ``cp -al`` or rsnapshot) has a lock of its
own: a session opened through it is not kept out, and the two sessions' checks of the file
(``journal_guard``) then each take the other's lines for another program's and write the file
again, splitting it in two (no line lost, two files). And every line appended changes the
file under each of its names: a backup made of links is changed with it. Neither is refused
(a link may be meant); the opening says it, once, with the count of names.

A command that writes such a file anew whole (``compact``, ``merge``'s gold file, ``rename``,
``import --force``, a session writing its journal again; ``export``'s files and ``schema
--write``'s too, whatever they hold) renames a temp file over this name: the name gets a new
file and the others keep the old one. Not refused either: said after the write, in one line
(``other_names`` read before the rename, ``OtherNames.kept_old_line``).
"""

from __future__ import annotations

import os
import shlex
import stat
from dataclasses import dataclass
from pathlib import Path

from annotator.core.write_target import linked_file

OTHER_NAMES = "does not keep out a session or command opening it by another name"
"""The words of the line, by which the review's exit finds it (``review_exit``)."""


def other_names_line(path: Path, *, at_exit: bool = False) -> str:
    """The line for ``path`` when the file it names has more than one name, with the command
    that gives this name a file of its own (to run once the session is quit; at its exit,
    ``at_exit``, to run now); "" when it has one, or does not exist."""
    try:
        names = os.stat(path).st_nlink
    except OSError:
        return ""  # not there yet (a new journal): one made here has one name
    if names < 2:
        return ""
    # A symbolic link's file is the one copied and replaced: the link stays a link.
    own = shlex.quote(str(linked_file(path)))
    copy = shlex.quote(f"{linked_file(path)}.own")
    when = "run" if at_exit else "quit and run"
    return (
        f"{path}: this file has {names} names (hard links, made by `ln` or by backups such as "
        f"`cp -al` and rsnapshot): its lock, kept beside this name, {OTHER_NAMES}, and each "
        "change written here changes the file under every name; to give this name a file of "
        f"its own, {when}: cp -p {own} {copy} && mv {copy} {own}"
    )


@dataclass(frozen=True)
class OtherNames:
    """A file about to be written anew whole (temp file, fsync, rename) that has more than one
    name. The rename gives this name a new file; the other names keep the old one, its old
    contents, and nothing else says so: a backup made of links stops following the file, and
    a second name the user works through shows what was there before."""

    path: Path  # as the user gave it
    names: int
    inode: int
    mount: Path  # the file system's top folder: `find` there, by inode, lists the others

    def kept_old_line(self) -> str:
        """The line said once the file is written: how many names it had, that the others keep
        the old contents, and how to list them (by inode: this name is a new file now)."""
        others = self.names - 1
        which = "the other name keeps" if others == 1 else f"the other {others} names keep"
        return (
            f"{self.path}: this file had {self.names} names (hard links): it was written anew "
            f"under this name alone, and {which} the old contents; to list them: find "
            f"{shlex.quote(str(self.mount))} -xdev -inum {self.inode}"
        )


def _mount_of(folder: Path) -> Path:
    """The top folder of the file system ``folder`` is on."""
    here = Path(os.path.realpath(folder))
    while not os.path.ismount(here):
        here = here.parent
    return here


def other_names(path: Path) -> OtherNames | None:
    """``path``'s file (through a symbolic link) when it has more than one name; None when it
    has one or is not there. Read just before the rename that replaces it."""
    try:
        found = os.stat(path)
    except OSError:
        return None  # a new file: the rename replaces no name
    if found.st_nlink < 2 or not stat.S_ISREG(found.st_mode):
        return None
    return OtherNames(path, found.st_nlink, found.st_ino, _mount_of(linked_file(path).parent))


def kept_old_line(before: OtherNames | None) -> str:
    """``before.kept_old_line()``, or "" when the file had one name."""
    return before.kept_old_line() if before is not None else ""
