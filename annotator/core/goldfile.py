"""Gold files: JSONL of GoldRecord lines, written whole by ``merge``, appended to by a review.

``merge`` writes a gold file crash-safely: a temporary file beside it, fsync, rename over the
old one, fsync of the folder, so a crash leaves the old file or the new one, never a mixture.
It holds the file's lock (the same ``<file>.lock`` the store takes) while it writes, so a review
running on the file is never replaced under it.

A review writes to the gold file as a journal: each settled document appends its new line. So a
document with more than one line carries reviewer decisions, and ``merge`` refuses to replace
such a file unless forced; it also refuses a file that is not a gold file at all (an
annotator's journal given as ``-o`` by mistake).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from pydantic import ValidationError

from annotator.core.errors import AnnotatorError
from annotator.core.journal import parse_json_line, record_problems
from annotator.core.lock import JournalLock
from annotator.core.models import GoldRecord, record_line
from annotator.core.store import utc_stamp
from annotator.core.writer import fsync_directory


def read_gold(path: Path) -> list[tuple[int, GoldRecord]]:
    """Every line of a gold file as (line number, record); a bad line is an error."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise AnnotatorError(f"{path}: cannot read: {error.strerror or error}") from None
    out: list[tuple[int, GoldRecord]] = []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        try:
            out.append((number, GoldRecord.model_validate(parse_json_line(raw))))
        except ValueError as error:
            if isinstance(error, ValidationError):
                where, message = record_problems(error)[0]
                raise AnnotatorError(f"{path}:{number}: {where}: {message}") from None
            raise AnnotatorError(f"{path}:{number}: {error}") from None
    return out


def refuse_to_lose_decisions(path: Path) -> None:
    """Raise when replacing ``path`` would lose a reviewer's work or a file that is not gold."""
    if not path.exists():
        return
    try:
        lines = read_gold(path)
    except AnnotatorError as error:
        raise AnnotatorError(
            f"{error}: {path} is not a gold file; refusing to replace it (pass --force to)"
        ) from None
    seen: set[str] = set()
    reviewed: set[str] = set()
    for _line, record in lines:
        if record.doc_id in seen:
            reviewed.add(record.doc_id)
        seen.add(record.doc_id)
    if reviewed:
        raise AnnotatorError(
            f"{path}: holds reviewer decisions on {len(reviewed)} document(s) (first: "
            f"{min(reviewed)}); refusing to replace them: write to another file with -o, or "
            "pass --force to start the review over"
        )


def write_gold(path: Path, records: Iterable[GoldRecord], force: bool = False) -> None:
    """Replace ``path`` with ``records``, one line each, crash-safely (see the docstring)."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise AnnotatorError(f"{path}: no such folder {folder}")
    lock = JournalLock(path)
    try:
        lock.acquire()
    except OSError as error:
        raise AnnotatorError(f"{path}: cannot write here: {error.strerror or error}") from None
    try:
        if not force:
            refuse_to_lose_decisions(path)
        temp = path.with_name(f".{path.name}.merge-{utc_stamp()}")
        try:
            # Line by line: the records may be made as they are written, never all held.
            with temp.open("xb") as handle:
                for record in records:
                    handle.write(record_line(record))
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, path)
            fsync_directory(folder)
        except BaseException as error:
            temp.unlink(missing_ok=True)
            if isinstance(error, OSError):
                reason = error.strerror or str(error)
                raise AnnotatorError(f"{path}: cannot write: {reason}") from None
            raise
    finally:
        lock.release()
