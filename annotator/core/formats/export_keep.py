"""Journals an export replaces with ``--force``, kept aside first.

``--force`` lets an export replace a file holding records, and an export's own earlier output is
replaced as before. But ``export --format jsonl -o annotations/carol.jsonl --force`` replaced
carol's journal, a day's work, with no copy kept, where import and rename keep such a file
aside (``import_outputs.kept_aside``). So a file replaced that is a journal is kept as
``<file>.replaced-TIME`` first, and said; replacing it is what ``--force`` asked, losing that
work is not.

A journal is told from an export by what a journal is: the file annotate opens for an
annotator (``annotations/NAME.jsonl``), or a file of records in which a document's record was
written more than once (annotate and a review append a line at each save; an export writes
each document once), or a gold file a review worked on (``gold_kept.reviewed``). A file whose
bytes are the export's is replaced with nothing to keep.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import orjson

from annotator.core.errors import AnnotatorError
from annotator.core.formats.export_replacing import held_in
from annotator.core.formats.held_kinds import GOLD_RECORDS, RECORDS
from annotator.core.formats.import_outputs import KeptAside, journal_name, kept_aside
from annotator.core.gold_kept import reviewed


def _written_twice(data: bytes) -> bool:
    """Whether some (annotator, document) has two record lines in ``data``, as a journal
    appended to at each save has. Lines that are no JSON object of a record are passed over."""
    seen: set[tuple[str, str]] = set()
    for line in data.split(b"\n"):
        if not line.strip():
            continue
        try:
            value = orjson.loads(line)
        except orjson.JSONDecodeError:
            continue
        if not isinstance(value, dict):
            continue
        annotator, doc_id = value.get("annotator"), value.get("doc_id")
        if not (isinstance(annotator, str) and isinstance(doc_id, str)):
            continue
        if (annotator, doc_id) in seen:
            return True
        seen.add((annotator, doc_id))
    return False


def journal_why(path: Path, old: bytes) -> str | None:
    """Why the file at ``path`` (holding ``old``) is a journal, in words; None when it is not
    one (see the module docstring)."""
    held = held_in(path)
    if held is None or not held.plural.startswith((RECORDS, GOLD_RECORDS)):
        return None
    name = journal_name(path)
    if name is not None:
        return f"it is {name}'s journal, the file annotate opens for {name}"
    if _written_twice(old):
        whose = "a review's gold file" if held.plural.startswith(GOLD_RECORDS) else "a journal"
        return f"it is {whose} (a document's record saved more than once), not an export"
    # A gold file compacted after a review holds each document once, its decisions known by
    # the reviewer's time (``gold_kept``): a trial's export --force replaced one unkept. An
    # earlier export of such gold, told the same way, is kept too: a copy more, nothing lost.
    if held.plural.startswith(GOLD_RECORDS) and (how := reviewed(path)) is not None:
        return f"it is a gold file a review worked on ({how})"
    return None


def keep_journals_aside(paths: Sequence[Path], new: Sequence[bytes]) -> list[KeptAside]:
    """Before ``paths`` are replaced with ``new`` (each path's bytes): each that is a journal
    (``journal_why``) and holds other bytes, kept at ``<path>.replaced-TIME``."""
    kept: list[KeptAside] = []
    for path, data in zip(paths, new, strict=True):
        try:
            old = path.read_bytes()
        except (FileNotFoundError, IsADirectoryError):
            continue
        except OSError as error:
            raise AnnotatorError(f"{path}: cannot read: {error.strerror or error}") from None
        if old == data:
            continue
        why = journal_why(path, old)
        if why is not None:
            kept.append(kept_aside(path, old, why))
    return kept
