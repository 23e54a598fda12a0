"""One annotator's validated record as the comparing commands keep it: ``Annotation``.

A corpus of 10,000 documents by three annotators is 30,000 records of a dozen spans; a
pydantic model per span would take about a gigabyte, a struct per span
(``record_lines.SpanLine``, without a dict, its label shared and its id interned) a tenth of
that. The form and links are kept as JSON text, a tenth of the memory of their dicts. Spans are
handed out as ``SpanView`` tuples, made when asked for.
"""

from __future__ import annotations

import sys
import zlib
from functools import partial
from operator import attrgetter
from typing import Any, NamedTuple

import msgspec
import orjson
from msgspec.structs import astuple

from annotator.core.models import Record
from annotator.core.record_lines import RecordLine, SpanLine


class SpanView(NamedTuple):
    """A span of a validated record, as a tuple (the fields of ``models.Span``)."""

    id: str
    start: int
    end: int
    label: str
    text: str
    value: int | str | None

    def as_json(self) -> dict[str, Any]:
        return self._asdict()


# tuple.__new__ bound to SpanView: builds a span from its six fields at C speed.
_make_span = partial(tuple.__new__, SpanView)
_KEY = attrgetter("start", "end", "label")
_VALUE = attrgetter("value")
_MSGPACK = msgspec.msgpack.Encoder()
_new = object.__new__


class Annotation:
    """What comparing needs of one validated record, compactly (see the module docstring)."""

    __slots__ = (
        "_form",
        "_links",
        "_spans",
        "annotator",
        "doc_id",
        "doc_sha256",
        "flagged",
        "line",
        "note",
        "status",
    )

    def __init__(self, record: Record, line: int = 0) -> None:
        self.line = line  # its line in its journal (0: not from one)
        self._fill(record.annotator, record.doc_id, record.doc_sha256, record.status)
        self.flagged = record.flagged
        self.note = record.note
        self._keep_form(record.form, record.links)
        intern = sys.intern
        self._spans = [
            SpanLine(intern(s.id), s.start, s.end, intern(s.label), s.text, s.value)
            for s in record.spans
        ]

    @classmethod
    def of_line(cls, line: RecordLine, number: int = 0) -> Annotation:
        """The same from a line ``record_lines.LineCheck`` found valid."""
        self = _new(cls)
        self.line = number
        intern = sys.intern
        # Interned as ``_fill`` does, inline: this runs for every line of every journal.
        self.annotator = intern(line.annotator)
        self.doc_id = intern(line.doc_id)
        self.doc_sha256 = intern(line.doc_sha256)
        self.status = line.status  # decoded as a Literal: the one shared string already
        self.flagged = line.flagged
        self.note = line.note  # for the reviewer: merge carries it into gold
        # The form's JSON text as the line has it (valid: the check decoded it), copied out
        # of the line so that the line itself is not kept.
        self._form = bytes(line.form)
        self._links = orjson.dumps(line.links).decode() if line.links else ""
        # The decoded spans themselves: structs without a dict, their labels shared (decoded
        # as the scheme's literals), their ids interned by the check.
        self._spans = line.spans
        return self

    def _fill(self, annotator: str, doc_id: str, doc_sha256: str, status: str) -> None:
        intern = sys.intern
        # Interned: the three records of a document share one copy of each.
        self.annotator = intern(annotator)
        self.doc_id = intern(doc_id)
        self.doc_sha256 = intern(doc_sha256)
        self.status = intern(status)

    def _keep_form(self, form: dict[str, Any], links: dict[str, list[str]]) -> None:
        # The form and links as JSON text: a tenth of the memory of their dicts and lists.
        # (As str: orjson's bytes keep a 4 KB buffer each, a str is sized to fit.)
        self._form: str | bytes = orjson.dumps(form).decode()
        self._links = orjson.dumps(links).decode() if links else ""

    @property
    def spans(self) -> tuple[SpanView, ...]:
        """The record's spans (made anew each time: take them once per use)."""
        return tuple(map(_make_span, map(astuple, self._spans)))

    def span_at(self, index: int) -> SpanView:
        """The record's span at ``index`` (in the record's order)."""
        return _make_span(astuple(self._spans[index]))

    @property
    def span_lines(self) -> list[SpanLine]:
        """The record's spans as kept (structs with the fields of ``models.Span``), for loops
        over thousands of records: not to be changed."""
        return self._spans

    def span_keys(self) -> list[tuple[int, int, str]]:
        """(start, end, label) of each span, in order (without making the spans)."""
        return list(map(_KEY, self._spans))

    def span_values(self) -> tuple[int | str | None, ...]:
        """The value of each span, in order (without making the spans)."""
        return tuple(map(_VALUE, self._spans))

    @property
    def form(self) -> dict[str, Any]:
        """The record's form (a new copy each time)."""
        form: dict[str, Any] = orjson.loads(self._form)
        return form

    def same_form(self, other: Annotation) -> bool:
        """Whether the two records' forms are written alike, so equal (forms written
        otherwise may be equal still, their keys in another order): told without decoding
        either."""
        return self._form == other._form

    @property
    def links(self) -> dict[str, list[str]]:
        """The record's links (a new copy each time)."""
        links: dict[str, list[str]] = orjson.loads(self._links) if self._links else {}
        return links

    @property
    def version(self) -> str:
        """A digest of what the record says (spans, form, links, note, flag; not its times):
        a gold record keeps its annotators' (``Sources.versions``), so that a review resumed
        later knows whose record changed since the merge. Not its times: an annotator who
        only looked at the article again saves it again. The form as its line writes it
        (every journal line is written by ``models.record_line``): decoding it cost merge a
        third more time here."""
        form = self._form if isinstance(self._form, bytes) else self._form.encode()
        said = (self._spans, form, self._links, self.note, self.flagged)
        return f"{zlib.crc32(_MSGPACK.encode(said)):08x}"
