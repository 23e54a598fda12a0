"""Spans under a key the format does not read: reported, or refused when they are all there is.

A row of a JSONL format (doccano, Prodigy) may hold its spans under a key the reader does not
take as labels: a Prodigy file read as doccano (``spans``), a doccano file read as Prodigy
(``label``), our own record lines (``export --with-text``), a ``Label`` column. Such a key holds
a list of ``[start, end, label]`` lists, or of objects with integer ``start`` and ``end`` (or
``start_offset`` and ``end_offset``) and a string ``label``. Left alone, the import would bring
in the texts and no labels, exit 0: annotated work read as if nobody had annotated it. So each
such key is said once for the file (how many spans, in how many rows, the first line) with the
format or option that reads it; when no row held a span where the format reads them and the
spans are to become records (``--annotations``), the import is refused instead.

doccano 1.x exported its spans under ``annotations``, each label as the number doccano gave it
(``{"label": 2, "start_offset": 0, "end_offset": 2, "user": 1}``): the names are in the doccano
project, not in the file. Such spans are said with their label ids and the ``--map ID=NAME``
that names them; doccano reads them when every id is named so (``doccano.read``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.errors import AnnotatorError
from annotator.core.formats.import_checks import ImportReporter

# The keys of our own record lines (``export --with-text``) beside their spans.
_RECORD_KEYS = frozenset({"doc_id", "annotator", "doc_sha256", "schema_version"})


def span_style(value: Any) -> str | None:
    """``triples`` for a non-empty list of ``[start, end, label]``, ``objects`` for one of
    ``{start, end, label}`` objects, ``offsets`` for doccano's ``{start_offset, end_offset,
    label}``, ``ids`` for those of doccano 1.x, whose label is a number; None for anything else
    (an empty list holds no span to lose)."""
    if not isinstance(value, list) or not value:
        return None
    if all(_is_triple(item) for item in value):
        return "triples"
    for style, (start, end) in (("objects", ("start", "end")), ("offsets", _DOCCANO)):
        if all(_is_object(item, start, end) for item in value):
            return style
    if all(_is_object(item, *_DOCCANO, label=_is_int) for item in value):
        return "ids"
    return None


def label_ids(value: list[dict[str, Any]]) -> set[int]:
    """The label ids of doccano 1.x spans (``span_style`` ``ids``)."""
    return {item["label"] for item in value}


_DOCCANO = ("start_offset", "end_offset")


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_triple(item: Any) -> bool:
    return (
        isinstance(item, list)
        and len(item) == 3
        and _is_int(item[0])
        and _is_int(item[1])
        and isinstance(item[2], str)
    )


def _is_str(value: Any) -> bool:
    return isinstance(value, str)


def _is_object(item: Any, start: str, end: str, label: Callable[[Any], bool] = _is_str) -> bool:
    return (
        isinstance(item, dict)
        and _is_int(item.get(start))
        and _is_int(item.get(end))
        and label(item.get("label"))
    )


@dataclass
class _Found:
    spans: int = 0
    rows: int = 0
    first: str = ""  # where the first row holding them is
    hint: str = ""
    ids: set[int] = field(default_factory=set)  # doccano 1.x's label ids


@dataclass
class UnreadSpanKeys:
    """The keys of one file's rows that hold spans the format ``fmt`` does not read.

    ``reads`` says where ``fmt`` reads spans (for the lines); ``label_key`` is doccano's
    ``--label-key`` when given; ``named`` the label ids ``--map`` names."""

    fmt: str
    reads: str
    label_key: str | None = None
    named: frozenset[str] = frozenset()
    found: dict[str, _Found] = field(default_factory=dict)
    read: int = 0  # rows holding spans where the format reads them

    def row(self, row: dict[str, Any], where: str, read_keys: set[str]) -> set[str]:
        """Note the keys of ``row`` (at ``where``) outside ``read_keys`` that hold spans;
        returns them."""
        if any(span_style(row.get(key)) for key in read_keys):
            self.read += 1
        unread = set()
        for key, value in row.items():
            style = span_style(value)
            if key in read_keys or style is None:
                continue
            unread.add(key)
            seen = self.found.setdefault(key, _Found(first=where))
            if style == "ids":
                seen.ids |= label_ids(value)
            elif not seen.hint:
                seen.hint = self._hint(key, style, row)
            seen.spans += len(value)
            seen.rows += 1
        return unread

    def _hint(self, key: str, style: str, row: dict[str, Any]) -> str:
        """What reads spans like these."""
        if key == "spans" and _RECORD_KEYS & row.keys():
            return "looks like the record lines of export --with-text: use --format jsonl"
        reader = {
            ("spans", "objects"): "prodigy",
            ("label", "triples"): "doccano",
            ("labels", "triples"): "doccano",
            ("entities", "offsets"): "doccano",
        }.get((key, style))
        if reader is not None and reader != self.fmt:
            return f"looks like {reader}'s {key}: use --format {reader}"
        if reader is not None:  # doccano's own key, beside a --label-key naming another
            return f"doccano reads {key} without --label-key"
        if style == "triples":
            doccano = "" if self.fmt == "doccano" else "--format doccano "
            return f"[start, end, label] lists: use {doccano}--label-key {key}"
        return "no format reads spans under this key: rename it (prodigy reads spans)"

    def _ids_hint(self, ids: set[int]) -> str:
        """What to do with doccano 1.x's spans: name their labels with --map."""
        unnamed = sorted(i for i in ids if str(i) not in self.named)
        maps = " ".join(f"--map {i}=NAME" for i in unnamed)
        why = (
            "doccano 1.x's spans, whose labels are numbers (doccano's label ids; the label "
            "names are in the doccano project, not in the file)"
        )
        if self.fmt != "doccano":
            return f"{why}: use --format doccano {maps}"
        if len(unnamed) < len(ids):
            return f"{why}: name them all to read them, {maps} too"
        return f"{why}: name them to read them, {maps}"

    def finish(self, path: Path, report: ImportReporter, annotations: bool, kept: str) -> None:
        """Say each key once; refuse (AnnotatorError) when they are all the spans there are and
        ``annotations`` wants records. ``kept`` says where the key went (``kept in meta``)."""
        if not self.found:
            return
        lines = {
            key: (
                f"{seen.first}: {key}: {seen.spans} span(s) in {seen.rows} row(s) not read as "
                f"labels ({self.fmt} reads {self.reads}); "
                f"{self._ids_hint(seen.ids) if seen.ids else seen.hint}"
            )
            for key, seen in self.found.items()
        }
        if annotations and not self.read:
            key = next(iter(lines))
            others = len(lines) - 1
            also = f" (and {others} other key(s) holding spans)" if others else ""
            raise AnnotatorError(
                f"{lines[key]}{also}; nothing written: no row holds spans where {self.fmt} "
                "reads them, so no labels would be imported"
            )
        for key, line in lines.items():
            report.not_carried(f"{line}; {kept}", f"span(s) under {key}", self.found[key].spans)
