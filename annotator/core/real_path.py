"""A path named on the command line as the file it names, every symbolic link followed, to tell
whether two paths are one file (an output that is an input). ``Path.resolve`` raised
RuntimeError ("Symlink loop") in Python 3.11 for a loop of links (``ln -s b a; ln -s a b``):
``merge -o a``, ``merge --corpus a``, ``review -o a`` and ``import --annotations a`` were a
traceback. One rule instead: one line naming the path, exit 1."""

from __future__ import annotations

import os
from pathlib import Path

from annotator.core.errors import AnnotatorError

# How a loop of links is said, after the path and what could not be done with it.
LOOP = "its symbolic links go round in a loop"


def real_path(path: Path, doing: str) -> Path:
    """``path`` absolute, every symbolic link on it followed (the file need not exist).
    AnnotatorError ``PATH: DOING: its symbolic links go round in a loop`` (``doing``: "cannot
    read", "cannot write") when links on it lead back to one another."""
    real = Path(os.path.realpath(path))
    if _link_left(real):
        raise AnnotatorError(f"{path}: {doing}: {LOOP}")
    return real


def goes_round(path: Path) -> bool:
    """Whether symbolic links on ``path`` lead back to one another (a loop)."""
    return _link_left(Path(os.path.realpath(path)))


def _link_left(real: Path) -> bool:
    # realpath follows every link it can; one left on the way is one it found going round.
    return any(part.is_symlink() for part in (real, *real.parents))
