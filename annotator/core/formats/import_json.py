"""JSON Lines read for import (doccano, Prodigy, our JSONL), with messages that name the line.

Each line is decoded as UTF-8 before it is parsed, so that a Latin-1 file is said the way every
other format says it, ``FILE:LINE: invalid UTF-8 at byte N of the line`` (N from 0, as
``annotator validate`` says it: a trial read byte 58, counted from the start of the file, beside
validate's byte 13 for the same byte), not as orjson's ``str is not valid UTF-8: surrogates not
allowed``. A line is parsed on its own, so orjson's ``line 1 column 51`` would always say line 1
next to ``FILE:2:``: only the column is kept.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from annotator.core.docbin_sniff import docbin_hint
from annotator.core.errors import AnnotatorError
from annotator.core.formats.common import read_bytes, without_bom


def json_lines(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each non-blank line of a JSONL file (a leading BOM dropped);
    the first problem is one AnnotatorError line naming the file and line."""
    raw = read_bytes(path)
    data = without_bom(raw)
    for number, line in enumerate(data.split(b"\n"), start=1):
        if not line.strip():
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as error:
            # A .spacy file given with another --format: say what reads it.
            raise AnnotatorError(
                f"{path}:{number}: invalid UTF-8 at byte {error.start} of the line"
                + docbin_hint(raw)
            ) from None
        try:
            row = orjson.loads(line)
        except orjson.JSONDecodeError as error:
            hint = ""
            if number == 1 and line.strip() in (b"{", b"["):
                hint = " (this looks like pretty-printed JSON, not one JSON object per line)"
            raise AnnotatorError(
                f"{path}:{number}: invalid JSON: {error.msg}: column {error.colno}{hint}"
            ) from None
        if not isinstance(row, dict):
            raise AnnotatorError(
                f"{path}:{number}: expected a JSON object, got {type(row).__name__}"
            )
        yield number, row
