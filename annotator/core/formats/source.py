"""The records an export starts from: a gold file or an annotator's journal.

Every line must be a valid Record (a gold line, with ``sources``, a GoldRecord); the last line of
each document wins, as everywhere else (``journal.latest_key``: in a gold file whoever the
reviewer, in a journal per annotator). A damaged line or a torn last line stops the
export with one clear line: an export never skips records silently.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from annotator.core.errors import AnnotatorError, UsageError
from annotator.core.formats.common import read_bytes
from annotator.core.journal import (
    bom_length,
    cr_line_endings,
    latest_lines,
    parse_json_line,
    record_problems,
)
from annotator.core.models import STATUSES, GoldRecord, Record
from annotator.core.validate_shape import shape_at


def read_records(path: Path) -> list[tuple[int, Record]]:
    """Every record of ``path`` with its line number; the first problem is an AnnotatorError."""
    data = read_bytes(path, "expected a gold file or a journal")
    data = data[bom_length(data) :]  # as every reader of a journal (line numbers unchanged)
    out: list[tuple[int, Record]] = []
    lines = data.split(b"\n")
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        last = number == len(lines)
        try:
            fields = parse_json_line(raw)
        except ValueError as error:
            # CR line endings make one line of the file, which is no interrupted write.
            torn = last and not cr_line_endings(raw)
            # How to go on is said, as validate says it.
            said = f"{path}:{number}: {error}" + (
                f" (an incomplete last line: an interrupted write; `annotator compact {path}` "
                "sets it aside)"
                if torn
                else ""
            )
            shape = shape_at(path, number, torn=raw if torn else None)
            raise AnnotatorError(shape or said) from None
        model: type[Record] = GoldRecord if "sources" in fields else Record
        try:
            out.append((number, model.model_validate(fields)))
        except ValidationError as error:
            where, message = record_problems(error)[0]
            said = f"{path}:{number}: {where}: {message}"
            raise AnnotatorError(shape_at(path, number) or said) from None
    return out


def parse_statuses(spec: str) -> tuple[str, ...]:
    """``done``, ``done,skipped`` or ``all``."""
    if spec.strip() == "all":
        return STATUSES
    names = tuple(part.strip() for part in spec.split(",") if part.strip())
    unknown = [name for name in names if name not in STATUSES]
    if unknown or not names:
        raise UsageError(
            f"--status: {spec!r}: expected one or more of {', '.join(STATUSES)} "
            "(comma-separated) or all"
        )
    return names


@dataclass
class Selection:
    """The records an export takes (line number, record; by doc id), and the facts about the
    rest: documents left out for another status (status -> count, in ``STATUSES`` order) and
    whether the source is a gold file; ``doc_ids``: every document with a record of the
    annotator chosen (of any annotator without one), whatever its status."""

    records: list[tuple[int, Record]]
    left_out: dict[str, int]
    gold: bool
    doc_ids: frozenset[str] = frozenset()


def select_records(path: Path, annotator: str | None, statuses: Iterable[str]) -> Selection:
    """The latest record of each document with one of ``statuses``.

    An annotator's journal: each annotator's latest line per document, of one annotator (a
    journal of several needs ``annotator``). A gold file: each document's latest line, whoever
    the reviewer (``journal.latest_key``); ``annotator`` keeps the documents whose latest line
    is that reviewer's.
    """
    latest = latest_lines(read_records(path))
    names = sorted({record.annotator for _number, record in latest})
    gold = any(isinstance(record, GoldRecord) for _number, record in latest)
    if annotator is not None:
        if annotator not in names:
            found = ", ".join(names) or "none"
            raise AnnotatorError(f"{path}: no records of annotator {annotator!r} (found: {found})")
    elif len(names) > 1 and not gold:
        raise AnnotatorError(
            f"{path}: records of several annotators ({', '.join(names)}): "
            "pick one with --annotator NAME"
        )
    wanted = set(statuses)
    chosen = []
    others: Counter[str] = Counter()
    doc_ids: set[str] = set()
    for number, record in latest:
        if annotator is not None and record.annotator != annotator:
            continue
        doc_ids.add(record.doc_id)
        if record.status in wanted:
            chosen.append((number, record))
        else:
            others[record.status] += 1
    chosen.sort(key=lambda pair: pair[1].doc_id)
    left_out = {status: others[status] for status in STATUSES if others[status]}
    return Selection(chosen, left_out, gold, frozenset(doc_ids))
