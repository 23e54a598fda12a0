"""A journal or gold file with more than one name (hard links): said when a session opens it.

A file's lock is ``<file>.lock`` beside the name it is opened by (``lock.lock_path``). A second
name of the same file (``ln``, or a backup made with ``cp -al`` or rsnapshot) has a lock of its
own: a session opened through it is not kept out, and the two sessions' checks of the file
(``journal_guard``) then each take the other's lines for another program's and write the file
again, splitting it in two (no line lost, two files). And every line appended changes the
file under each of its names: a backup made of links is changed with it. Neither is refused
(a link may be meant); the opening says it, once, with the count of names.
"""

from __future__ import annotations

import os
import shlex
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
