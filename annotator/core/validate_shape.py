"""A file given to ``annotator validate`` that is not a journal, said in one line.

Validating a corpus of documents (the arguments swapped, or ``--corpus`` forgotten) or another
tool's export gave every missing field of every line: nine lines a document, 1,800 for a corpus
of 200, none saying what was wrong. A file is taken for something else when no line of it is a
record and its first line holds none of the keys a record line must have (``RECORD_KEYS``), or
is not a JSON object at all; a journal with a few bad lines still has each listed. What reads
the file is named with its ``--format`` when its look tells it: a spaCy DocBin (binary, said
as "invalid UTF-8" and "incomplete last line" before), Hugging Face rows, a Label Studio
export, CoNLL, CoNLL-U, a brat ``.ann``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import orjson

from annotator.core.docbin_sniff import DOCBIN_READER, DOCBIN_WORDS, file_looks_like_docbin
from annotator.core.journal import JournalContents, bom_length

# Keys every record line holds and no document or other tool's row does (Prodigy's rows hold
# ``spans``, Label Studio's a ``status``-less ``annotations``: those are not telling).
RECORD_KEYS = ("schema_version", "doc_id", "doc_sha256", "annotator")
_DOCUMENT_KEYS = frozenset({"id", "text", "meta"})


def not_a_journal(file: Path, contents: JournalContents) -> str | None:
    """``FILE:LINE: this looks like ...`` when ``file`` is plainly not a journal, else None."""
    if contents.records or not (contents.problems or contents.torn):
        return None
    if file_looks_like_docbin(file):  # binary: its "lines" say nothing
        return f"{file}: {DOCBIN_WORDS}, not a journal; {DOCBIN_READER} reads such files"
    found = _first_line(file)
    if found is None:
        return None
    number, raw = found
    where = f"{file}:{number}"
    try:
        data: Any = orjson.loads(raw)
    except orjson.JSONDecodeError:
        data = None
    if isinstance(data, dict):
        if any(key in data for key in RECORD_KEYS):
            return None  # a journal's line, bad: each problem is listed
        return f"{where}: {_looks_like(data, file)}"
    stripped = raw.strip()
    if data is None and any(b'"%s"' % key.encode() in raw for key in RECORD_KEYS):
        return None  # a record's line cut short or broken: said as it is
    if isinstance(data, list) and "O" in data and all(isinstance(tag, str) for tag in data):
        return (  # export --format hf's labels.json: ["O", "B-actor", ...]
            f"{where}: this looks like the tag names of a Hugging Face export (labels.json), "
            "not a journal; annotator import --format hf reads its folder"
        )
    tasks = isinstance(data, list) and bool(data) and isinstance(data[0], dict)
    if tasks or stripped in (b"[", b"{"):  # Label Studio's export; pretty-printed JSON
        guess = _tool(data[0]) if tasks else None
        return (
            f"{where}: this looks like a JSON file (an array, or pretty-printed), not a "
            f"journal (one record per line); another tool's export is read by {_reader(guess)}"
        )
    if len(contents.problems) > 1:
        guess = _line_format(stripped)
        read = f"; annotator import --format {guess} reads such files" if guess else ""
        if guess == "brat":
            read = "; annotator import --format brat reads their folder (.txt and .ann files)"
        return (
            f"{where}: not a journal: no line of it is a JSON record ({len(contents.problems)} "
            f"line(s) unreadable; the first: {_short(stripped)}){read}"
        )
    return None


# An IOB/BIOES tag, the last column of a CoNLL token line.
_TAG = re.compile(rb"^(?:O|[BIESLU]-\S+)$")
# A brat .ann line: T1, R2, E3, A4, N5, #6, then a tab.
_BRAT_LINE = re.compile(rb"^[TREAMN#]\d+\t")


def _line_format(line: bytes) -> str | None:
    """The import format of a text file whose first line is ``line``, if it tells one."""
    if line.startswith((b"# newdoc", b"# sent_id", b"# text")) or line.count(b"\t") == 9:
        return "conllu"
    if line.startswith(b"-DOCSTART-"):
        return "conll"
    columns = line.split()
    if 2 <= len(columns) <= 6 and _TAG.match(columns[-1]):
        return "conll"
    if _BRAT_LINE.match(line):
        return "brat"
    return None


# A pretty-printed JSON file (a Label Studio export) is read whole to see its first entry,
# when no larger than this: the file has already been refused, this only names its format.
_WHOLE_JSON_BYTES = 64 * 1024 * 1024


def import_format(file: Path) -> str | None:
    """The ``annotator import --format`` that the file at ``file`` looks like it was written
    for, by the look validate tells it by: a DocBin's bytes, the keys of the first row (or of
    an array's or a pretty-printed file's first entry), a text file's first line; None when
    its look tells none (a folder, a file that cannot be read, JSON of another shape)."""
    if not file.is_file():
        return None
    if file_looks_like_docbin(file):
        return "spacy"
    found = _first_line(file)
    if found is None:
        return None
    stripped = found[1].strip()
    try:
        data: Any = orjson.loads(stripped)
    except orjson.JSONDecodeError:
        data = _whole_json(file) if stripped in (b"[", b"{") else None
        if data is None:
            return _line_format(stripped)
    if isinstance(data, list) and data and isinstance(data[0], dict):
        data = data[0]  # Label Studio's array of tasks
    return _tool(data) if isinstance(data, dict) else None


def _whole_json(file: Path) -> Any:
    """The JSON value a pretty-printed file holds, or None."""
    try:
        if file.stat().st_size > _WHOLE_JSON_BYTES:
            return None
        raw = file.read_bytes()
        return orjson.loads(raw[bom_length(raw) :])
    except (OSError, orjson.JSONDecodeError):
        return None


def _first_line(file: Path) -> tuple[int, bytes] | None:
    try:
        with file.open("rb") as handle:
            for number, raw in enumerate(handle, start=1):
                if raw.strip():
                    return number, raw[bom_length(raw) if number == 1 else 0 :]
    except OSError:
        return None
    return None


def _looks_like(data: dict[str, Any], file: Path) -> str:
    keys = list(data)
    if "text" in data and "id" in data and set(keys) <= _DOCUMENT_KEYS:
        return (
            "this looks like a corpus file of documents (id, text), not a journal; "
            f"did you mean --corpus {file}?"
        )
    named = ", ".join(keys[:6]) + (", ..." if len(keys) > 6 else "")
    return (
        f"this looks like another tool's file ({named}), not a journal of records "
        f"({', '.join(RECORD_KEYS)}, ...); {_reader(_tool(data))} reads such files"
    )


def _reader(guess: str | None) -> str:
    return f"annotator import --format {guess}" if guess else "annotator import"


def _tool(data: dict[str, Any]) -> str | None:
    """The import format a row of these keys most likely is, if any."""
    if "data" in data and ("annotations" in data or "predictions" in data):
        return "labelstudio"
    if "tokens" in data and "ner_tags" in data:  # export --format hf's data.jsonl
        return "hf"
    if "text" in data and ({"_input_hash", "_task_hash", "answer", "tokens"} & data.keys()):
        return "prodigy"
    # doccano 1.x put its spans under ``annotations``, their labels as numbers.
    if "text" in data and ({"label", "labels", "entities", "annotations"} & data.keys()):
        return "doccano"
    return None


def _short(raw: bytes, limit: int = 40) -> str:
    text = raw.decode("utf-8", "replace")
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")
