"""What a JSON object is, told by its keys: the one rule every command tells it by. A record, a
gold record or a corpus document of ours, or another tool's annotated text (a Label Studio
task, a Prodigy task, a doccano row, an hf row), with its words and the ``annotator import
--format`` that reads it. Each is someone's data: a journal, or a file of annotations made in
(or exported for) another tool, often the only copy. An export, an import or a merge replaces
such a file only with ``--force`` (``export_replacing.held_in``); ``annotator validate`` and an
import refused with the wrong ``--format`` name the format (``validate_shape.import_format``).
Two rules told them apart before, and a file was named one tool by validate and another (or
none, so replaced unasked) by export.

The shapes are the ones the tools' readers here read and the tools' own files share (the
fixtures in tests/fixtures/): a Label Studio task holds its texts under ``data`` (a task to
import has nothing else; an export adds ``annotations``, older ones ``completions``, and
``predictions``); a Prodigy task has ``text`` with ``spans``, an ``answer``, its hashes or its
``tokens`` (a tokenized input not yet annotated); a doccano row ``text`` with a list under
``label``, ``labels``, ``entities`` or doccano 1.x's ``annotations``; an hf row ``tokens`` with
their ``ner_tags`` (any ``*_tags``: only ``ner_tags`` is imported). A key of the right name
holding the wrong type (``"label": "POS"``, a text classification) is no such thing: its tool's
reader refuses it. JSON of another shape (hf's labels.json, notes) is none.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

# A corpus's document holds these keys only (``models.Document``).
_DOCUMENT = frozenset(("id", "text", "meta"))
_LABEL_STUDIO_LISTS = ("annotations", "completions", "predictions")
_PRODIGY_KEYS = ("spans", "answer", "_input_hash", "_task_hash", "tokens")
_DOCCANO_KEYS = ("label", "labels", "entities", "annotations")
# How gold records are said (``Kind.plural``): merge tells a damaged gold file by it.
GOLD_RECORDS = "gold records of reviewer"
# How an annotator's records are said (``Kind.plural``): import tells our own records by both.
RECORDS = "records of annotator"
# How corpus documents are said (``Kind.plural``): validate asks whether --corpus was meant.
CORPUS_DOCUMENTS = "a corpus's documents"
# How many of an object's keys are named, and how long each may be said (a key of 10,000
# characters, someone's text by mistake, would flood the one line of a refusal).
KEYS_SAID = 6
KEY_SAID_UP_TO = 40
# Characters that would make a key read as two (a comma) or as the list's end.
_QUOTED_FOR = frozenset('"\\,()')


@dataclass(frozen=True)
class Kind:
    """What one object is: ``what`` (``a record of annotator 'alice'``) and ``plural``
    (``records of annotator 'alice'``), as the refusal and the export screen's hint say it, and
    ``fmt``, the ``annotator import --format`` that reads it (None: none does, as a journal
    without its texts). ``known``: False for a JSON object of no kind told here, said by its
    keys (``export_replacing``), which a kind told anywhere among a file's first lines
    outranks; ``keys``, such an object's keys (a review tells a damaged gold line by them)."""

    what: str
    plural: str
    fmt: str | None = None
    known: bool = True
    keys: tuple[str, ...] = ()


def kind_of(data: dict[str, Any]) -> Kind | None:
    """What ``data`` is, or None for JSON of another shape."""
    annotator, doc_id, text = data.get("annotator"), data.get("doc_id"), data.get("text")
    if isinstance(annotator, str) and isinstance(doc_id, str):
        # As ``journal.parse_record_line`` tells a gold line. With its text (``export --format
        # jsonl --with-text``) it is imported as it is.
        ours = "jsonl" if isinstance(text, str) else None
        if "sources" in data:
            return Kind(
                f"a gold record of reviewer {annotator!r}",
                f"{GOLD_RECORDS} {annotator!r}",
                ours,
            )
        return Kind(f"a record of annotator {annotator!r}", f"{RECORDS} {annotator!r}", ours)
    ident = data.get("id")
    if isinstance(text, str) and _of(ident) and data.keys() <= _DOCUMENT:
        # A number for its id (a corpus made by hand) is refused by the corpus's reader, but
        # the file is a user's texts all the same: said as such, and kept.
        name = f" {ident!r}" if isinstance(ident, str) else _of(ident)
        return Kind(f"a corpus document{name}", CORPUS_DOCUMENTS, "jsonl")
    task = data.get("data")
    if isinstance(task, dict) and (
        any(isinstance(value, str) for value in task.values())
        or any(key in data for key in _LABEL_STUDIO_LISTS)
    ):
        meta = data.get("meta")
        ours = meta.get("doc_id") if isinstance(meta, dict) else None  # our export's
        return Kind(f"a Label Studio task{_of(ours or ident)}", "Label Studio tasks", "labelstudio")
    tokens = data.get("tokens")
    # Before Prodigy's: an hf row may hold its text, and a Prodigy task has tokens too.
    if isinstance(tokens, list) and any(
        key.endswith("_tags") and isinstance(value, list) for key, value in data.items()
    ):
        read = "hf" if isinstance(data.get("ner_tags"), list) else None
        return Kind(f"an hf row{_of(ident)}", "hf rows", read)
    if isinstance(text, str) and any(key in data for key in _PRODIGY_KEYS):
        meta = data.get("meta")
        return Kind(
            f"a Prodigy task{_of(meta.get('doc_id') if isinstance(meta, dict) else None)}",
            "Prodigy tasks",
            "prodigy",
        )
    if isinstance(text, str) and any(isinstance(data.get(k), list) for k in _DOCCANO_KEYS):
        return Kind(f"a doccano row{_of(ident)}", "doccano rows", "doccano")
    return None


def _of(ident: object) -> str:
    """`` of document 'd1'`` for a document's name, `` (id 7)`` for a tool's number."""
    if isinstance(ident, str) and ident:
        return f" of document {ident!r}"
    if isinstance(ident, int) and not isinstance(ident, bool):
        return f" (id {ident})"
    return ""


def said_keys(keys: list[str]) -> str:
    """An object's keys as a refusal names them (``column_data, column_label``), the first
    ``KEYS_SAID`` of them. A key is said as it is when a person reads it so; one holding a
    control character (an escape code that would colour the terminal, a newline that would
    break the line in two), other unprintable characters (a right-to-left mark), a quote, a
    comma or a parenthesis, or with spaces at its ends, is said as a JSON string would be
    (``"a\\nb"``). A key longer than ``KEY_SAID_UP_TO`` is cut with ``…``."""
    named = ", ".join(said_key(key) for key in keys[:KEYS_SAID])
    return named + (", ..." if len(keys) > KEYS_SAID else "")


def said_key(key: str) -> str:
    """One key as ``said_keys`` says it (a refusal naming a row's fields uses it too)."""
    plain = key.isprintable() and key == key.strip() and not _QUOTED_FOR.intersection(key)
    if plain and key:
        return key if len(key) <= KEY_SAID_UP_TO else key[: KEY_SAID_UP_TO - 1] + "…"
    said = ""
    for character in key:
        plain_character = character.isprintable() and character not in '"\\'
        escaped = character if plain_character else json.dumps(character)[1:-1]
        if len(said) + len(escaped) > KEY_SAID_UP_TO - 2:
            return f'"{said}…"'
        said += escaped
    return f'"{said}"'
