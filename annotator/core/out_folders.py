"""The folders an output needs that do not exist yet (import, export, merge and review make them
and say so): one walk up to the nearest folder that exists, one refusal when a file stands in
the way."""

from __future__ import annotations

from pathlib import Path

from annotator.core.errors import AnnotatorError


def missing_folders(folder: Path) -> list[Path]:
    """``folder`` and the folders above it that do not exist, up to the nearest one that does,
    innermost first ([] when ``folder`` exists). AnnotatorError naming the folder that cannot be
    made when that nearest path is a file."""
    missing: list[Path] = []
    current = folder
    while not current.exists() and current != current.parent:
        missing.append(current)
        current = current.parent
    if not current.is_dir():
        blocked = missing[-1] if missing else current
        raise AnnotatorError(f"{blocked}: cannot write: a file stands where a folder is needed")
    return missing
