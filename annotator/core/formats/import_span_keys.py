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
"""

from __future__ import annotations

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
    label}``; None for anything else (an empty list holds no span to lose)."""
    if not isinstance(value, list) or not value:
        return None
    if all(_is_triple(item) for item in value):
        return "triples"
    for style, (start, end) in (("objects", ("start", "end")), ("offsets", _DOCCANO)):
        if all(_is_object(item, start, end) for item in value):
            return style
    return None


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


def _is_object(item: Any, start: str, end: str) -> bool:
    return (
        isinstance(item, dict)
        and _is_int(item.get(start))
        and _is_int(item.get(end))
        and isinstance(item.get("label"), str)
    )


@dataclass
class _Found:
    spans: int = 0
    rows: int = 0
    first: str = ""  # where the first row holding them is
    hint: str = ""


@dataclass
class UnreadSpanKeys:
    """The keys of one file's rows that hold spans the format ``fmt`` does not read.

    ``reads`` says where ``fmt`` reads spans (for the lines); ``label_key`` is doccano's
    ``--label-key`` when given."""

    fmt: str
    reads: str
    label_key: str | None = None
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
            if not seen.hint:
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

    def finish(self, path: Path, report: ImportReporter, annotations: bool, kept: str) -> None:
        """Say each key once; refuse (AnnotatorError) when they are all the spans there are and
        ``annotations`` wants records. ``kept`` says where the key went (``kept in meta``)."""
        if not self.found:
            return
        lines = {
            key: (
                f"{seen.first}: {key}: {seen.spans} span(s) in {seen.rows} row(s) not read as "
                f"labels ({self.fmt} reads {self.reads}); {seen.hint}"
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
