"""A file given to ``annotator validate`` that is not a journal, said in one line.

Validating a corpus of documents (the arguments swapped, or ``--corpus`` forgotten) or another
tool's export gave every missing field of every line: nine lines a document, 1,800 for a corpus
of 200, none saying what was wrong. A file is taken for something else when no line of it is a
record and its first line holds none of the keys a record line must have (``RECORD_KEYS``), or
is not a JSON object at all; a journal with a few bad lines still has each listed. What reads
the file is named with its ``--format`` when its look tells it: a spaCy DocBin (binary, said
as "invalid UTF-8" and "incomplete last line" before), Hugging Face rows, a Label Studio
export, CoNLL, CoNLL-U, a brat ``.ann``. What a JSON file holds is told as export tells it
before replacing it (``export_replacing.held_in``, by ``held_kinds.kind_of``): validate, an
import refused with the wrong ``--format`` and the refusals to replace a file name one thing.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import orjson

from annotator.core.docbin_sniff import DOCBIN_READER, DOCBIN_WORDS, file_looks_like_docbin
from annotator.core.formats.export_replacing import held_in
from annotator.core.formats.held_kinds import CORPUS_DOCUMENTS, kind_of, said_keys
from annotator.core.journal import JournalContents, bom_length

# Keys every record line holds and no document or other tool's row does (Prodigy's rows hold
# ``spans``, Label Studio's a ``status``-less ``annotations``: those are not telling).
RECORD_KEYS = ("schema_version", "doc_id", "doc_sha256", "annotator")


# How every record line begins (orjson keeps the model's order).
_RECORD_START = b'{"schema_version"'


def not_a_journal(
    file: Path, contents: JournalContents, with_text_read: bool = False
) -> str | None:
    """``FILE:LINE: this looks like ...`` when ``file`` is plainly not a journal, else None.
    ``with_text_read``: the caller reads an export with text (validate), so it is not said."""
    if contents.records or not (contents.problems or contents.torn):
        return None
    if not contents.problems and contents.torn and record_cut_short(contents.torn.data):
        return None
    return _shape(file, len(contents.problems), with_text_read)


def shape_at(file: Path, line: int, torn: bytes | None = None) -> str | None:
    """``not_a_journal``'s line for a reader that stops at the first bad line, ``line``: said
    when it is the file's first (a corpus, another tool's file); None for a later one, of a
    journal with a bad line. stats, export, agree and compact said a corpus given for a
    journal as "c.jsonl:1: schema_version: required field is missing", where validate and
    rename named its kind and the command that reads it. ``torn``: the line, when it is an
    incomplete last line (none, a record's cut short: ``record_cut_short``)."""
    if torn is not None and record_cut_short(torn):
        return None
    found = _first_line(file)
    if found is None or (found[0] != line and not file_looks_like_docbin(file)):
        return None
    return _shape(file, 1)


def record_cut_short(torn: bytes) -> bool:
    """Whether an incomplete last line is a record's cut short: it begins as every record line
    does, or is cut before the end of that. A journal whose first write was cut (``{`` alone)
    is a journal; a JSON array on one line without a line end, read as such a line, is not
    (compact emptied one, its bytes set aside)."""
    return _RECORD_START.startswith(torn.strip()[: len(_RECORD_START)])


def _shape(file: Path, problems: int, with_text_read: bool = False) -> str | None:
    """``not_a_journal`` of a file none of whose lines read is a record, ``problems`` of them
    unreadable (one: the first, where a reader stopped)."""
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
        kind = kind_of(data)
        # A record's kind read by ``import --format jsonl`` is one with its text.
        with_text = kind is not None and kind.fmt == "jsonl" and kind.plural != CORPUS_DOCUMENTS
        if kind is not None and with_text and not with_text_read:
            # A record with its text: read as a journal's line, a trial's stats said only
            # "text: unknown field" of a file validate accepts.
            return (
                f"{where}: this is {kind.what} with its text, as export --format jsonl "
                "--with-text writes it, not a journal: give the journal or gold file it was "
                "exported from (annotator validate checks it; annotator import --format jsonl "
                "reads it back)"
            )
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
        return (
            f"{where}: this looks like a JSON file (an array, or pretty-printed), not a "
            "journal (one record per line); another tool's export is read by "
            f"{_reader(import_format(file))}"
        )
    # Text that is no JSON at all (not a broken object, array or string, nor bytes not
    # UTF-8): a notes file among the journals.
    plain_text = data is None and stripped[:1].isalpha() and _not_json(stripped)
    if problems > 1 or plain_text:
        guess = _line_format(stripped)
        read = f"; annotator import --format {guess} reads such files" if guess else ""
        if guess == "brat":
            read = "; annotator import --format brat reads their folder (.txt and .ann files)"
        if problems == 1:
            # A file of one line, or a reader stopped at its first: a README.txt among the
            # journals was said as the JSON parser's "invalid literal, expected 'null'".
            return f"{where}: not a journal: its first line is no JSON ({_short(stripped)}){read}"
        return (
            f"{where}: not a journal: no line of it is a JSON record ({problems} "
            f"line(s) unreadable; the first: {_short(stripped)}){read}"
        )
    return None


def _not_json(line: bytes) -> bool:
    """Whether ``line`` is text no JSON reader takes (``null`` is JSON: a record's reader
    says of it what it is)."""
    try:
        orjson.loads(line)
    except orjson.JSONDecodeError:
        return True
    return False


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


def import_format(file: Path) -> str | None:
    """The ``annotator import --format`` that the file at ``file`` looks like it was written
    for: a DocBin's bytes; for JSON, the format of the first record, document or annotated
    text among its first lines or entries, as export's refusal to replace the file finds it
    (``held_in``); a text file's first line; None when its look tells none (a folder, a file
    that cannot be read, JSON of another shape, a journal without its texts)."""
    if not file.is_file():
        return None
    if file_looks_like_docbin(file):
        return "spacy"
    found = _first_line(file)
    if found is None:
        return None
    stripped = found[1].strip()
    held = held_in(file)
    if held is not None and held.line:  # line 0: nothing of it could be read
        if held.fmt == "jsonl" and not _json_object(stripped):
            return None  # our documents or records in an array: --format jsonl reads lines
        return held.fmt
    try:
        orjson.loads(stripped)
    except orjson.JSONDecodeError:  # a text file's line, or pretty-printed JSON's first
        return None if stripped in (b"[", b"{") else _line_format(stripped)
    return None  # JSON of another shape


def _json_object(line: bytes) -> bool:
    """Whether ``line`` is a JSON object by itself (a JSON-lines file's line)."""
    try:
        return isinstance(orjson.loads(line), dict)
    except orjson.JSONDecodeError:
        return False


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
    kind = kind_of(data)
    if kind is not None and kind.plural == CORPUS_DOCUMENTS:
        return (
            "this looks like a corpus file of documents (id, text), not a journal; "
            f"did you mean --corpus {file}?"
        )
    return (
        f"this looks like another tool's file ({said_keys(keys)}), not a journal of records "
        f"({', '.join(RECORD_KEYS)}, ...); {_reader(import_format(file))} reads such files"
    )


def _reader(guess: str | None) -> str:
    return f"annotator import --format {guess}" if guess else "annotator import"


def _short(raw: bytes, limit: int = 40) -> str:
    text = raw.decode("utf-8", "replace")
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")
