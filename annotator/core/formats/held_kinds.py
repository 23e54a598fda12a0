"""What a JSON object found in an export's output is, told by its keys, and its words: a
record, a gold record or a corpus document of ours, or another tool's annotated text (a Label
Studio task, a Prodigy task, a doccano row, an hf row). Each is someone's data: a journal, or
a file of annotations made in (or exported for) another tool, often the only copy. An export
replaces such a file only with ``--force`` (``export_replacing``).

The shapes are the ones our exports write and the tools' own files share: a Label Studio task
holds its text under ``data``; a Prodigy task has ``text`` with ``spans``, an ``answer`` or
its hashes; a doccano row ``text`` with ``label`` or ``entities``; an hf row ``tokens`` with
their ``ner_tags`` (any ``*_tags``). JSON of another shape (hf's labels.json, notes) is none.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# A corpus's document holds these keys only (``models.Document``).
_DOCUMENT = frozenset(("id", "text", "meta"))
_PRODIGY_KEYS = ("spans", "answer", "_input_hash", "_task_hash")
# How gold records are said (``Kind.plural``): merge tells a damaged gold file by it.
GOLD_RECORDS = "gold records of reviewer"


@dataclass(frozen=True)
class Kind:
    """What one object is: ``what`` (``a record of annotator 'alice'``) and ``plural``
    (``records of annotator 'alice'``), as the refusal and the export screen's hint say it."""

    what: str
    plural: str


def kind_of(data: dict[str, Any]) -> Kind | None:
    """What ``data`` is, or None for JSON of another shape."""
    annotator, doc_id = data.get("annotator"), data.get("doc_id")
    if isinstance(annotator, str) and isinstance(doc_id, str):
        # As ``journal.parse_record_line`` tells a gold line.
        if "sources" in data:
            return Kind(
                f"a gold record of reviewer {annotator!r}",
                f"{GOLD_RECORDS} {annotator!r}",
            )
        return Kind(f"a record of annotator {annotator!r}", f"records of annotator {annotator!r}")
    ident, text = data.get("id"), data.get("text")
    if isinstance(ident, str) and ident and isinstance(text, str) and data.keys() <= _DOCUMENT:
        return Kind(f"a corpus document {ident!r}", "a corpus's documents")
    task = data.get("data")
    if isinstance(task, dict) and any(isinstance(value, str) for value in task.values()):
        meta = data.get("meta")
        ours = meta.get("doc_id") if isinstance(meta, dict) else None  # our export's
        return Kind(f"a Label Studio task{_of(ours or ident)}", "Label Studio tasks")
    if isinstance(text, str) and any(key in data for key in _PRODIGY_KEYS):
        meta = data.get("meta")
        return Kind(
            f"a Prodigy task{_of(meta.get('doc_id') if isinstance(meta, dict) else None)}",
            "Prodigy tasks",
        )
    if isinstance(text, str) and any(isinstance(data.get(k), list) for k in ("label", "entities")):
        return Kind(f"a doccano row{_of(ident)}", "doccano rows")
    tags = any(key.endswith("_tags") and isinstance(data[key], list) for key in data)
    if isinstance(data.get("tokens"), list) and tags:
        return Kind(f"an hf row{_of(ident)}", "hf rows")
    return None


def _of(ident: object) -> str:
    """`` of document 'd1'`` for a document's name, `` (id 7)`` for a tool's number."""
    if isinstance(ident, str) and ident:
        return f" of document {ident!r}"
    if isinstance(ident, int) and not isinstance(ident, bool):
        return f" (id {ident})"
    return ""
