"""The data model of design.md: Document, Span, Record and GoldRecord.

Field names are a public contract: other tools read these files. Every model forbids unknown
fields and is strict, so ``3.0``, ``"3"`` and ``true`` are not offsets.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

SCHEMA_VERSION = 1
STATUSES = ("in_progress", "done", "skipped")
Status = Literal["in_progress", "done", "skipped"]

# ASCII digits, nothing after the Z (``$`` would let a newline through).
_UTC_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?Z")
_SHA_RE = re.compile(r"^[0-9a-f]{64}$")


def utc_time_problem(value: str) -> str | None:
    """Why ``value`` is no ``updated_at`` (None: it is one): a UTC time, as
    ``2025-08-24T10:00:00Z``, that exists. The shape alone let ``2022-99-99T99:99:99Z`` in."""
    if not _UTC_RE.fullmatch(value):
        return "must be a UTC time like 2025-08-24T10:00:00Z"
    try:
        dt.datetime.fromisoformat(value)
    except ValueError as error:
        return f"must be a UTC time like 2025-08-24T10:00:00Z: {value!r} is no such time ({error})"
    return None


def sha256_text(text: str) -> str:
    """The lowercase hex sha256 of ``text`` encoded as UTF-8 (``doc_sha256``)."""
    # surrogatepass: a lone surrogate read from JSON must not crash hashing.
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Document(StrictModel):
    """One article. ``meta`` holds ``date`` (ISO day), ``source``, ``title``, ``url`` when known."""

    id: Annotated[str, Field(min_length=1)]
    text: str
    meta: dict[str, Any] = Field(default_factory=dict)

    @property
    def sha256(self) -> str:
        return sha256_text(self.text)


NonNegativeInt = Annotated[int, Field(ge=0)]


class Span(StrictModel):
    """A labelled stretch of a document: code-point offsets, end exclusive."""

    id: Annotated[str, Field(min_length=1)]
    start: NonNegativeInt
    end: NonNegativeInt
    label: Annotated[str, Field(min_length=1)]
    text: str
    value: int | str | None = None

    @field_validator("end")
    @classmethod
    def _end_after_start(cls, end: int, info: Any) -> int:
        start = info.data.get("start")
        if isinstance(start, int) and end <= start:
            raise ValueError(f"end {end} must be greater than start {start}")
        return end


class Record(StrictModel):
    """One annotator's work on one document: one JSONL line of a journal."""

    schema_version: int
    doc_id: Annotated[str, Field(min_length=1)]
    doc_sha256: str
    annotator: Annotated[str, Field(min_length=1)]
    status: Status
    spans: list[Span]
    flagged: bool = False
    form: dict[str, Any] = Field(default_factory=dict)
    links: dict[str, list[str]] = Field(default_factory=dict)
    note: str = ""
    updated_at: str | None = None
    seconds_spent: Annotated[float, Field(ge=0, allow_inf_nan=False)] = 0.0

    @field_validator("schema_version")
    @classmethod
    def _known_version(cls, version: int) -> int:
        if version > SCHEMA_VERSION:
            raise ValueError(
                f"schema_version {version} is newer than this annotator reads "
                f"({SCHEMA_VERSION}); upgrade annotator"
            )
        if version != SCHEMA_VERSION:
            raise ValueError(f"schema_version must be {SCHEMA_VERSION}")
        return version

    @field_validator("doc_sha256")
    @classmethod
    def _hex_sha(cls, value: str) -> str:
        if not _SHA_RE.match(value):
            raise ValueError("must be 64 lowercase hex digits (sha256 of the text)")
        return value

    @field_validator("updated_at")
    @classmethod
    def _utc_time(cls, value: str | None) -> str | None:
        problem = None if value is None else utc_time_problem(value)
        if problem is not None:
            raise ValueError(problem)
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Record:
        problem = first_structural_problem(self)
        if problem is not None:
            raise ValueError(problem)
        return self

    def span_by_id(self, span_id: str) -> Span | None:
        for span in self.spans:
            if span.id == span_id:
                return span
        return None

    def holds_nothing(self) -> bool:
        """In progress with nothing in it: no span, answer, group item, link, note or flag
        (every change undone, or a skip undone on an article never worked on). It counts as
        not started: a trial's list said "started" of an article with nothing in it. An item
        added to a group, even left empty, is work the form shows: a trial's exit said
        "nothing annotated yet" of a record holding one."""
        return (
            self.status == "in_progress"
            and not self.spans
            and not self.links
            and not self.note.strip()
            and not self.flagged
            and not any(_answered(value) for value in self.form.values())
        )


def _answered(value: Any) -> bool:
    if isinstance(value, list):  # a group's items are dicts: one, even empty, is there
        return any(isinstance(item, dict) or _answered(item) for item in value)
    if isinstance(value, dict):
        return any(_answered(item) for item in value.values())
    return value not in (None, "")


def first_structural_problem(record: Record) -> str | None:
    """The first problem a record has on its own (no text, no scheme), as ``path: message``."""
    seen: dict[str, int] = {}
    for index, span in enumerate(record.spans):
        if span.id in seen:
            return f"spans.{index}.id: duplicate span id {span.id!r} (also spans.{seen[span.id]})"
        seen[span.id] = index
    for path, span_ids in record.links.items():
        for span_id in span_ids:
            if span_id not in seen:
                return f"links.{path}: unknown span id {span_id!r}"
    return None


class Sources(StrictModel):
    """Who said what in a gold record: the annotators compared, and who marked each span."""

    annotators: list[str]
    spans: dict[str, list[str]] = Field(default_factory=dict)
    # annotator -> a digest of their record as merged (``Annotation.version``): a review
    # resumed later sees whose record changed since. Empty in gold files written before.
    versions: dict[str, str] = Field(default_factory=dict)
    # The merge's rule: at least K annotators agree (``--min-agree K``), or "all". A review
    # resumed later merges anew by it (a resume without --min-agree re-merged a K=2 file's
    # documents by every annotator). None in gold files written before it was kept.
    min_agree: int | Literal["all"] | None = None
    # Which merge anew of the document (ctrl+r in a review: 1, 2, … in the order made) the
    # record comes from; decisions and undos keep it. A merge anew of records merged before
    # gives back a record of the document's history, read back then as an undo
    # (``review_history``): its number tells it. None, left out of the line: merge's record.
    merged_anew: int | None = Field(default=None, ge=1, exclude_if=lambda value: value is None)


class GoldRecord(Record):
    """A Record settled by a reviewer (``annotator``) with its provenance and open conflicts."""

    sources: Sources
    conflicts: list[dict[str, Any]] = Field(default_factory=list)


def record_line(record: Record) -> bytes:
    """The record as one JSONL line (with its newline), fields in model order."""
    import orjson

    return orjson.dumps(record.model_dump(mode="json")) + b"\n"
