"""The fields of an hf row an import does not read, said once a file.

A row is read for ``id``, ``tokens``, ``ner_tags`` and, when there, ``spaces`` and
``whitespace`` (what an hf export writes). Other datasets' rows hold more: CoNLL-2003's
``pos_tags`` and ``chunk_tags``, a ``source``. They were dropped without a word; each such
field is now one line for the file, counting the rows holding it, as Prodigy's task keys are.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.formats.held_kinds import said_key
from annotator.core.formats.import_checks import ImportReporter

ROW_FIELDS = frozenset({"id", "tokens", "ner_tags", "spaces", "whitespace"})


@dataclass
class OtherFields:
    """The fields of a file's rows other than ``ROW_FIELDS``: each with the rows holding it
    and the line of the first."""

    seen: dict[str, list[int]] = field(default_factory=dict)  # key -> [rows, first line]

    def read(self, row: dict[str, Any], number: int) -> None:
        for key in row:
            if key not in ROW_FIELDS:
                self.seen.setdefault(key, [0, number])[0] += 1

    def say(self, path: Path, report: ImportReporter) -> None:
        for key, (rows, first) in self.seen.items():
            report.not_carried(
                f"{path}: {said_key(key)}: {rows} row(s) (first: line {first}); not carried: a "
                "record holds the text and its labelled spans",
                f"row(s) with {said_key(key)}",
                rows,
            )
