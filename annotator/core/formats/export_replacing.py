"""Which existing outputs an export may replace: not a file of annotators' records unasked.

An export writes over what is at its output, as a format's file is made again on each export.
A file holding records (an annotator's journal, a gold file, or a jsonl export of them) is
another matter: ``-o`` naming a journal by mistake replaced its records with the export's, and
import, rename and merge all refuse such a thing. So it is replaced only with ``--force``; a
CoNLL, hf or brat file of an earlier export is replaced as before. What a file holds is told by
its first line, as a person looking at it would tell it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import orjson

from annotator.core.errors import AnnotatorError
from annotator.core.journal import bom_length

# A first line longer than this is read no further: records of a long article with
# ``--with-text`` fit; a line cut there is taken for no record (nothing refused for it).
FIRST_LINE_LIMIT = 64 * 1024 * 1024


def records_held(path: Path) -> str | None:
    """What the first line with anything on it of the file at ``path`` is when it is a record
    (``a record of annotator 'X'``, ``a gold record of reviewer 'X'``); None for anything else,
    a file that cannot be read included (the write then says what is wrong)."""
    try:
        with path.open("rb") as handle:
            handle.read(bom_length(handle.peek(3)))
            line = b""
            while not line.strip():
                line = handle.readline(FIRST_LINE_LIMIT)
                if not line:
                    return None
    except OSError:
        return None
    try:
        data = orjson.loads(line)
    except orjson.JSONDecodeError:
        return None
    if not isinstance(data, dict):
        return None
    annotator, doc_id = data.get("annotator"), data.get("doc_id")
    if not isinstance(annotator, str) or not isinstance(doc_id, str):
        return None
    if "sources" in data:  # as ``journal.parse_record_line`` tells a gold line
        return f"a gold record of reviewer {annotator!r}"
    return f"a record of annotator {annotator!r}"


def refuse_replacing_records(paths: Sequence[Path], force: bool) -> None:
    """Refuse, before anything is written, to replace a file of ``paths`` holding records,
    unless ``force``; one line saying what the first such file holds."""
    if force:
        return
    for path in paths:
        if not path.is_file():
            continue
        held = records_held(path)
        if held is not None:
            raise AnnotatorError(
                f"{path}: its first line is {held}: choose another name, or pass --force to "
                "replace the file (nothing was written)"
            )
