"""What a Prodigy task holds that a record cannot carry: counted per key, said once per key.

A record and its document carry a task's ``text``, ``meta`` (the document's meta), ``spans``
(``start``, ``end``, ``label``, ``text``, ``answer``) and ``answer``. The export writes again what
follows from them: ``_input_hash`` (Prodigy's hash of the text), ``tokens`` (the project's,
cut at the spans' edges), the spans' ``token_start`` and ``token_end`` (indices into those
tokens) and ``_view_id`` ``ner_manual``; a task whose value differs from what the export
writes is counted. ``_timestamp`` (when the answer was saved, Unix seconds) becomes the record's
``updated_at`` (``answered_at``), which the export writes back (``unix_seconds``); one that is
no such time is counted. Every other key
(``_session_id``, ``_annotator_id``, ``_task_hash``, a span's ``source``...) is counted as not
carried. One line per key for the whole file, not one per task: a Prodigy database export has
the same keys on every task.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.formats.import_checks import ImportReporter
from annotator.core.formats.wstokens import exact_pieces

# Keys the import carries (or checks, as a span's text), and keys the export writes again.
TASK_CARRIED = frozenset(
    {"text", "meta", "spans", "answer", "_input_hash", "tokens", "_view_id", "_timestamp"}
)
SPAN_CARRIED = frozenset({"start", "end", "label", "text", "answer", "token_start", "token_end"})

_WHY = {
    "_task_hash": "export writes its own (docs/formats.md, Hashes)",
    "_input_hash": "not Prodigy's hash of the task's text, which export writes",
    "tokens": "export writes the project's tokens, and token_start and token_end into them",
    "_view_id": "export writes ner_manual",
    "meta": "merged into the document of an earlier task, whose meta has another value",
    "_timestamp": "not a time in seconds since 1970 (Unix time, as Prodigy writes it), which a "
    "record's updated_at takes",
}
_DEFAULT_WHY = "a record has no place for it"

# 10000-01-01T00:00:00Z: past it no ISO time of four-digit years, as a record's updated_at is.
_YEAR_10000 = 253402300800


def answered_at(row: dict[str, Any]) -> float | None:
    """The task's ``_timestamp``: when Prodigy saved the answer, in seconds since 1970 (UTC),
    when it is such a time (a finite number, not negative, not true), else None."""
    stamp = row.get("_timestamp")
    if not isinstance(stamp, int | float) or isinstance(stamp, bool):
        return None
    if not math.isfinite(stamp) or not 0 <= stamp < _YEAR_10000:
        return None
    return float(stamp)


def utc_time(seconds: float) -> str:
    """``2021-10-12T00:52:59Z`` (with microseconds when the seconds have a fraction), as a
    record's ``updated_at`` is written (Label Studio's come so too)."""
    moment = dt.datetime.fromtimestamp(seconds, dt.UTC)
    if moment.microsecond:
        return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def unix_seconds(utc: str) -> int:
    """A record's ``updated_at`` as Prodigy's ``_timestamp``: whole seconds since 1970, as
    Prodigy writes it (``int(time.time())``), a fraction of a second dropped
    (``export.times_left_out`` says so)."""
    return (dt.datetime.fromisoformat(utc) - _EPOCH) // dt.timedelta(seconds=1)


def has_fraction(utc: str) -> bool:
    """Whether ``updated_at`` holds a fraction of a second, which ``_timestamp`` cannot."""
    return dt.datetime.fromisoformat(utc).microsecond != 0


@dataclass
class _Seen:
    count: int = 0
    first: int = 0  # line number of the first task that has it


@dataclass
class LeftOutKeys:
    """The task and span keys of one file that the import does not carry."""

    tasks: dict[str, _Seen] = field(default_factory=dict)  # "what" -> how many tasks
    spans: dict[str, _Seen] = field(default_factory=dict)  # span key -> how many spans

    def task(
        self,
        row: dict[str, Any],
        number: int,
        text: str,
        hashed: int,
        said: set[str] | frozenset[str] = frozenset(),
    ) -> None:
        """``row``, line ``number``, whose text is ``text`` and Prodigy input hash ``hashed``;
        its keys in ``said`` are reported elsewhere (spans under another key)."""
        for key in row:
            if key not in TASK_CARRIED and key not in said:
                _count(self.tasks, key, number)
        if "_timestamp" in row and answered_at(row) is None:
            _count(self.tasks, "_timestamp", number)
        if "_input_hash" in row and row["_input_hash"] != hashed:
            _count(self.tasks, "_input_hash", number)
        view = row.get("_view_id", "ner_manual")
        if view != "ner_manual":
            _count(self.tasks, f"_view_id {view!r}", number)
        if "tokens" in row and not _same_tokens(row["tokens"], text, row.get("spans")):
            _count(self.tasks, "tokens", number)

    def merged(self, kept: dict[str, Any], meta: dict[str, Any], number: int) -> None:
        """A task merged into a document whose meta is ``kept``: its other meta is lost."""
        for key, value in meta.items():
            if key not in kept or kept[key] != value:
                _count(self.tasks, f"meta.{key}", number)

    def span(self, span: dict[str, Any], number: int) -> None:
        for key in span:
            if key not in SPAN_CARRIED:
                _count(self.spans, key, number)

    def report(self, path: Path, report: ImportReporter) -> None:
        for what, seen in self.tasks.items():
            key = what.split(" ")[0].split(".")[0]
            why = _WHY.get(key, _DEFAULT_WHY)
            report.part_not_carried(
                f"{path}: {what}: {seen.count} task(s) (first: line {seen.first}); not carried: "
                f"{why}",
                _other(what),
                seen.count,
            )
        for key, seen in self.spans.items():
            report.part_not_carried(
                f"{path}: spans' {key}: {seen.count} span(s) (first: line {seen.first}); not "
                f"carried: {_DEFAULT_WHY}",
                key + " of {} span(s)",
                seen.count,
            )


def _count(counts: dict[str, _Seen], what: str, number: int) -> None:
    seen = counts.setdefault(what, _Seen(first=number))
    seen.count += 1


def _other(what: str) -> str:
    """The summary's words, ``{}`` for the count: ``other tokens of {} task(s)``,
    ``_session_id of {} task(s)``, ``meta.source of {} task(s) (another value, merged)``."""
    if what.startswith("meta."):
        return what + " of {} task(s) (another value, merged)"
    if what in ("tokens", "_input_hash"):
        return "other " + what + " of {} task(s)"
    return what + " of {} task(s)"


@dataclass(frozen=True)
class _Edges:
    start: int
    end: int


def _same_tokens(tokens: Any, text: str, spans: Any) -> bool:
    """Whether the task's tokens are the ones export writes (``text``, ``start``, ``end``;
    ``ws`` and ``id`` where given): the project's, cut at the edges of the spans imported."""
    if not isinstance(tokens, list):
        return False
    edges = [
        _Edges(span["start"], span["end"])
        for span in (spans if isinstance(spans, list) else [])
        if isinstance(span, dict)
        and span.get("answer", "accept") == "accept"
        and all(type(span.get(key)) is int for key in ("start", "end"))
    ]
    ours = exact_pieces(text, edges)
    if len(tokens) != len(ours):
        return False
    for number, (theirs, mine) in enumerate(zip(tokens, ours, strict=True)):
        if not isinstance(theirs, dict):
            return False
        wanted = {
            "text": mine.text,
            "start": mine.start,
            "end": mine.end,
            "ws": mine.ws,
            "id": number,
        }
        if any(theirs.get(key, value) != value for key, value in wanted.items()):
            return False
        if set(theirs) - set(wanted):
            return False
    return True
