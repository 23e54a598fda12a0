"""Reading journal lines in bulk: a valid Record fitting a scheme, decoded and checked in C.

``agree``, ``diff`` and ``merge`` read tens of thousands of lines. Building a ``Record`` (and a
model per span) for each costs several times parsing the JSON. ``LineCheck.line`` instead
decodes a line with msgspec straight into ``RecordLine`` structs, which carry the Record
model's fields and constraints (types checked strictly, unknown fields refused, the span's
label one of the scheme's), so decoding and checking the shape cost about what ``orjson.loads``
alone costs. It then makes the checks the model makes in Python (span ``end`` after ``start``,
unique span ids, links to known span ids) and the scheme's (``validate.scheme_problems``: span
values, the form as the scheme's form model takes it (``form_lines.FormCheck``, in C too),
required fields of a done record, links).

It answers only "valid" or "ask the model": it is never more lenient than ``Record`` and the
scheme checks (where it differs, it is stricter: its patterns end at ``\\Z``, where the model's
``$`` allows a final newline). On None the caller reads the line the slow way
(``journal.parse_record_line``, then the scheme checks), which accepts it or gives the exact
messages. Tests hold every line it accepts to the model, and lines it must refuse to it.
"""

from __future__ import annotations

import sys
from datetime import datetime
from functools import lru_cache
from operator import attrgetter
from typing import Annotated, Literal

import msgspec
import orjson
from msgspec import Meta

from annotator.core.form_lines import INT64_MAX, FormCheck, Integer
from annotator.core.models import SCHEMA_VERSION, Status
from annotator.core.record_check import SpanValues
from annotator.core.scheme import Scheme
from annotator.core.validate import links_problems

_NonEmpty = Annotated[str, Meta(min_length=1)]
# Integers within 64 bits, as orjson reads them (``form_lines.Integer`` says why); msgspec's
# bounds must fit int64, so a larger number merely takes the model's path.
_Offset = Annotated[int, Meta(ge=0, le=INT64_MAX)]
_SpanValue = Integer | str | None
# models._UTC_RE, with ``[0-9]`` for ``\d`` (ASCII only) and ``\Z`` for ``$``: never more
# lenient. (models._SHA_RE is ``LineCheck.line``'s, without a regex.)
_UtcTime = Annotated[
    str, Meta(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?Z\Z")
]
# allow_inf_nan=False: JSON has no NaN, and the largest float keeps out an overflowed 1e999.
_Seconds = Annotated[float, Meta(ge=0, le=sys.float_info.max)]


# gc=False: a span holds only strings, ints and None, and a record nothing that refers back to
# it, so neither can be part of a cycle; untracked, 30,000 records cost the collector nothing.
class SpanLine(msgspec.Struct, forbid_unknown_fields=True, gc=False):
    """``models.Span`` as decoded (its ``end > start`` check is ``LineCheck``'s)."""

    id: _NonEmpty
    start: _Offset
    end: _Offset
    label: _NonEmpty
    text: str
    value: _SpanValue = None


class RecordLine(msgspec.Struct, forbid_unknown_fields=True, gc=False):
    """``models.Record`` as decoded (its Python checks are ``LineCheck``'s)."""

    schema_version: Annotated[int, Meta(ge=SCHEMA_VERSION, le=SCHEMA_VERSION)]
    doc_id: _NonEmpty
    doc_sha256: str  # its shape is checked by ``LineCheck.line``
    annotator: _NonEmpty
    status: Status
    spans: list[SpanLine]
    flagged: bool = False
    # The form is kept as its JSON text and checked by ``form_lines.FormCheck``, whose
    # structs are made from the scheme's fields (they differ per scheme; this struct does not).
    form: msgspec.Raw = msgspec.Raw(b"{}")
    links: dict[str, list[str]] = {}
    note: str = ""
    updated_at: _UtcTime | None = None
    seconds_spent: _Seconds = 0.0


@lru_cache(maxsize=16)
def line_type(labels: tuple[str, ...]) -> type[RecordLine]:
    """``RecordLine`` whose spans' label must be one of ``labels``.

    Decoding a label as a Literal also makes every span of a label share one string, where
    each would otherwise hold its own copy (a tenth of the memory of 400,000 spans)."""
    if not labels:
        return RecordLine
    span = msgspec.defstruct(
        "SchemeSpanLine",
        [("label", Literal[labels])],
        bases=(SpanLine,),
        forbid_unknown_fields=True,
        gc=False,
    )
    record = msgspec.defstruct(
        "SchemeRecordLine",
        [("spans", list[span])],  # type: ignore[valid-type]
        bases=(RecordLine,),
        forbid_unknown_fields=True,
        gc=False,
    )
    assert issubclass(record, RecordLine)
    return record


_ID = attrgetter("id")
_HEX = b"0123456789abcdef"  # deleted by bytes.translate: nothing else may be left


def _time_exists(value: str) -> bool:
    """Whether ``value``, of a UTC time's shape (``_UtcTime``), is a time that exists: the
    rest of ``models.utc_time_problem``, whose pattern the struct's is (a regex less)."""
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


class LineCheck:
    """``line(raw)``: the line as a ``RecordLine`` when it is a valid Record fitting the
    scheme, else None (then ask the model)."""

    def __init__(self, scheme: Scheme) -> None:
        self.scheme = scheme
        self.decoder = msgspec.json.Decoder(line_type(tuple(label.name for label in scheme.labels)))
        self.form = FormCheck(scheme)
        self.values = SpanValues(scheme)
        self.any_label = not scheme.labels  # the struct's label is then any text

    def line(self, raw: bytes) -> RecordLine | None:
        """The decoded line when it is valid and fits the scheme, else None. Its spans' ids
        come interned (``Annotation.of_line`` keeps the spans as they are)."""
        try:
            line = self.decoder.decode(raw)
        # Malformed JSON, or a field out of shape; msgspec raises UnicodeDecodeError for a byte
        # that is not UTF-8 inside a string (a Latin-1 "é": agree ended in a traceback).
        except (msgspec.DecodeError, UnicodeDecodeError):
            return None
        # models._SHA_RE: 64 lowercase hex digits. A msgspec pattern called a regex per line;
        # this takes a fifth of its time (str.strip(_HEX) took three times as long).
        sha = line.doc_sha256
        if len(sha) != 64 or not sha.isascii() or sha.encode().translate(None, _HEX):
            return None
        # The pattern is the time's shape; the model checks the time exists too.
        if line.updated_at is not None and not _time_exists(line.updated_at):
            return None
        if not self.form.fine(line.form, line.status == "done"):
            return None
        spans = line.spans
        if spans and self.any_label:  # no labels in the scheme: every span's is unknown
            return None
        # One loop over the spans (a third less time than a map per check and a loop to
        # intern): every end after its start; each id interned (s1, s2... repeat in every
        # record: 20 MB of 440,000 spans), so hashed once here and counted below; and each
        # value fitting its label (the label is the scheme's: decoded as its literals). A
        # label takes None whatever its value type; other values are looked up among those
        # known to fit (``SpanValues``), and any other sends the spans to its check.
        intern = sys.intern
        fine = self.values.fine
        known = True
        for span in spans:
            if span.end <= span.start:
                return None
            span.id = intern(span.id)
            value = span.value
            if value is not None and (span.label, value) not in fine:
                known = False
        if len(set(map(_ID, spans))) != len(spans):
            return None
        if not known and not self.values.fit(spans):
            return None
        if line.links and not self._links_fine(line):
            return None
        return line

    def _links_fine(self, line: RecordLine) -> bool:
        ids = set(map(_ID, line.spans))
        links = line.links
        if any(span_id not in ids for span_ids in links.values() for span_id in span_ids):
            return False
        form = orjson.loads(memoryview(line.form))  # valid JSON: the form check read it
        return next(links_problems(links, form, self.scheme), None) is None
