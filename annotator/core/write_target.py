"""Where a write to a person's path lands: the file itself, or the file a symbolic link names.

Every crash-safe write (export, import, merge, a review's new gold file, compact, schema
--write) puts a temp file beside the file and renames it over the file's name. Done on the path
as given, that rename replaced whatever had the name: a symbolic link became a file of its own
(the file it named left as it was, a second copy to diverge), a named pipe became a file its
reader never saw, a device node was replaced (``-o /dev/null`` would break the machine). So each
such write asks ``write_target`` first:

- a symbolic link is written through, as a shell's ``>`` writes through it: the temp file goes
  beside the file it leads to and is renamed onto that file, and the link is kept;
- a named pipe, a device, a socket (anything but a regular file or a folder) is refused in one
  line, before anything is read from it or written: nothing would be crash-safe about it, and
  reading a named pipe waits for a writer that never comes.

A folder is left to the caller, which says what it wanted instead. Journals are locked by the
file a link leads to too (``lock.lock_path``), so a write through a link and a session on the
file itself take the same lock.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from annotator.core.errors import AnnotatorError


def linked_file(path: Path) -> Path:
    """``path``, or, when it is a symbolic link, the path it leads to through every link
    (absolute; the file there need not exist yet)."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file or a folder"


def write_target(path: Path) -> Path:
    """The path a crash-safe write to ``path`` renames its temp file onto: ``path`` itself, or
    the file its link leads to (see the module docstring). AnnotatorError, one line naming
    ``path``, for anything there but a regular file or a folder, for a loop of links, and for
    a link to a file whose folder does not exist (the write would make a folder tree where the
    link points, unseen). Reads no file: only what the paths are."""
    target = linked_file(path)
    try:
        mode = os.lstat(target).st_mode
    except (FileNotFoundError, NotADirectoryError):
        if target is not path and not target.parent.is_dir():
            raise AnnotatorError(
                f"{path}: cannot write: it links to {target}, whose folder does not exist"
            ) from None
        return target  # a new file (made where the link points, as ``>`` makes it)
    except OSError:
        return target  # no permission to look: the write itself says what is wrong
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return target
    if stat.S_ISLNK(mode):  # realpath stops at a link that leads back to itself
        raise AnnotatorError(f"{path}: cannot write: its symbolic links go round in a loop")
    raise AnnotatorError(f"{path}: is not a regular file ({_kind(mode)}): give a file path")
