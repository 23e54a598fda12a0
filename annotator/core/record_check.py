"""Checks of records in bulk without models: a scheme's checks, and gold lines.

``SpanValues`` remembers which span labels and values fit the scheme; ``SchemeCheck`` (the
slow path of ``record_lines.LineCheck``, with ``validate.scheme_problems``' messages) and
``LineCheck`` itself both ask it.

Gold records: ``gold_data_fine`` checks a dict against ``GoldShape`` (the GoldRecord model's
fields and constraints, as TypedDicts validated in pydantic-core) and the model's Python checks
(no scheme: the gold file's readers check none either). ``merge`` writes a gold line from its
fields when they pass (``goldfile.gold_line``) and a review reads a gold file's lines with it
(``gold_line_data``); tests hold both to the model. It is never more lenient than the model
(where it differs, it is stricter, e.g. ``$`` does not allow a final newline in its patterns).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import chain
from operator import attrgetter
from pathlib import Path
from typing import Annotated, Any, Literal, NotRequired

import orjson
from pydantic import ConfigDict, Field, TypeAdapter, ValidationError, with_config
from typing_extensions import TypedDict

from annotator.core.field_takes import value_said
from annotator.core.journals_kept import annotate_command
from annotator.core.models import (
    SCHEMA_VERSION,
    GoldRecord,
    NonNegativeInt,
    Record,
    Status,
    utc_time_problem,
)
from annotator.core.record_unallowed import NotAllowed, values_not_allowed
from annotator.core.scheme import Scheme
from annotator.core.validate import form_problems, link_problems, scheme_problems
from annotator.core.validate_foreign import ANOTHER_SCHEME_QUESTION, lists_each
from annotator.core.value_range import is_range_why, label_value_problem

_STRICT = ConfigDict(extra="forbid", strict=True)
_NonEmpty = Annotated[str, Field(min_length=1)]
# models._SHA_RE and models._UTC_RE, with ``[0-9]`` for ``\d`` (ASCII only: never more lenient).
_Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
_UtcTime = Annotated[
    str, Field(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?Z$")
]


@with_config(_STRICT)
class SpanShape(TypedDict):
    """``models.Span`` as a TypedDict (its ``end > start`` check is ``LineCheck``'s)."""

    id: _NonEmpty
    start: NonNegativeInt
    end: NonNegativeInt
    label: _NonEmpty
    text: str
    value: NotRequired[int | str | None]


@with_config(_STRICT)
class RecordShape(TypedDict):
    """``models.Record`` as a TypedDict (its Python checks are ``LineCheck``'s)."""

    schema_version: Annotated[int, Field(ge=SCHEMA_VERSION, le=SCHEMA_VERSION)]
    doc_id: _NonEmpty
    doc_sha256: _Sha256
    annotator: _NonEmpty
    status: Status
    spans: list[SpanShape]
    flagged: NotRequired[bool]
    form: NotRequired[dict[str, Any]]
    links: NotRequired[dict[str, list[str]]]
    note: NotRequired[str]
    updated_at: NotRequired[_UtcTime | None]
    seconds_spent: NotRequired[Annotated[float, Field(ge=0, allow_inf_nan=False)]]


@with_config(_STRICT)
class SourcesShape(TypedDict):
    """``models.Sources`` as a TypedDict."""

    annotators: list[str]
    spans: NotRequired[dict[str, list[str]]]
    versions: NotRequired[dict[str, str]]
    min_agree: NotRequired[int | Literal["all"] | None]
    merged_anew: NotRequired[Annotated[int, Field(ge=1)] | None]


@with_config(_STRICT)
class GoldShape(RecordShape):
    """``models.GoldRecord`` as a TypedDict. ``conflicts`` is a list of dicts with text keys
    (``gold_data_fine`` checks the items: pydantic's ``dict[str, Any]`` copies each one, which
    made checking a gold file cost twice as much)."""

    sources: SourcesShape
    conflicts: NotRequired[list[Any]]


_GOLD = TypeAdapter(GoldShape).validator
_DICT, _STR = frozenset((dict,)), frozenset((str,))


_LABEL_VALUE = attrgetter("label", "value")
_ITEM = re.compile(r"\[([0-9]+)\]")  # a link path's item (``demands[1].by``), dotted


class SpanValues:
    """Which (label, value) pairs of spans fit the scheme, remembered: labels and values repeat
    across records. A value is an int, a str or None (the models and the bulk decoder refuse
    bool and float), so equal pairs are equally fine."""

    def __init__(self, scheme: Scheme) -> None:
        self.labels = {label.name: label for label in scheme.labels}
        self.fine: set[tuple[str, int | str | None]] = set()

    def fit(self, spans: Sequence[Any]) -> bool:
        """Whether every span's label is the scheme's and its value fits the label."""
        if self.fine.issuperset(map(_LABEL_VALUE, spans)):  # the common case, in C
            return True
        for span in spans:
            key = (span.label, span.value)
            if key in self.fine:
                continue
            label = self.labels.get(span.label)
            # Its type and its range (``value_range``), as ``validate.scheme_problems``.
            if label is None or label_value_problem(label, span.value) is not None:
                return False
            self.fine.add(key)
        return True


class SchemeCheck:
    """``validate.scheme_problems`` for many records, with its span checks remembered.

    Which (label, value) pairs are fine is remembered (``SpanValues``); the form and links are
    checked per record by validate's own functions. Any problem is reported with the message
    ``scheme_problems`` gives (the first one).
    """

    def __init__(self, scheme: Scheme, corpus: Path | None = None) -> None:
        self.scheme = scheme
        self.values = SpanValues(scheme)
        self.corpus = corpus  # named in the annotate command of a value not allowed

    def problem(self, file: Path, line: int, record: Record) -> str | None:
        """The first problem of the record as ``FILE:LINE: path: message``, or None."""
        if not self.values.fit(record.spans):
            return self._message(file, line, record)
        if next(form_problems(record, self.scheme), None) is not None:
            return self._message(file, line, record)
        if record.links and next(link_problems(record, self.scheme), None) is not None:
            return self._message(file, line, record)
        return None

    def _message(self, file: Path, line: int, record: Record) -> str:
        chosen = self.scheme.chosen_file
        # A count outside its range keeps validate's words ("150 is more than the scheme's max
        # = 100"): a range set since, not another scheme, which the hints below ask for.
        not_allowed = {
            "form." + _ITEM.sub(r".\1", found.path): found
            for found in values_not_allowed(record, self.scheme)
            if not is_range_why(found.why)
        }
        for path, message in scheme_problems(record, self.scheme):
            if message == "unknown field":  # as an unknown label: another scheme's, likely
                return f"{file}:{line}: {path}: {self._unknown_field(path, file)}"
            if path in not_allowed:
                said = self._not_allowed(not_allowed[path], message, file, record)
                return f"{file}:{line}: {path}: {said}"
            if not message.startswith("unknown label"):
                return f"{file}:{line}: {path}: {message}"
            if chosen is None:
                return f"{file}:{line}: {path}: {message}; {ANOTHER_SCHEME_QUESTION}"
            # The scheme was given: telling the user to give one would be no help, and its
            # name (in validate's "(scheme NAME: labels)") may be the default's in a copy.
            head = message.partition(" (scheme ")[0]
            known = ", ".join(label.name for label in self.scheme.labels)
            return (
                f"{file}:{line}: {path}: {head}: the journals' labels are not those of the "
                f"scheme given, {chosen} ({known})"
            )
        where = self.scheme.name if chosen is None else f"given, {chosen}"
        return f"{file}:{line}: does not fit the scheme {where}"

    def _not_allowed(self, found: NotAllowed, message: str, file: Path, record: Record) -> str:
        """A value a field the scheme knows does not take (``record_unallowed``: a choice
        renamed since, a count made text), named with the way forward. ``annotate`` keeps
        such a value and shows the field empty until another is chosen or typed; compared,
        merged or reviewed it would reach gold as a version no field takes, so it is refused,
        the value said (pydantic's "Input should be a valid string" named none)."""
        said = (
            message if found.why == "not a choice" else f"{value_said(found.value)} is {found.why}"
        )
        chosen = self.scheme.chosen_file
        if chosen is None:
            return f"{said} (scheme {self.scheme.name}); {ANOTHER_SCHEME_QUESTION}"
        head = (
            f"{said}: a value the scheme given, {chosen}, does not take (changed since the "
            "record was made?)"
        )
        if isinstance(record, GoldRecord):  # a gold file given as a journal
            review = "annotator review says it and merges the document anew with l, ctrl+r twice"
            return f"{head}; {review}; {lists_each(chosen, file)}"
        # The command whole (corpus, name, folder), last: a trial pasted "annotator annotate
        # --scheme FILE", and annotate refused it.
        command = annotate_command(file, record.annotator, chosen, self.corpus)
        return (
            f"{head}; {lists_each(chosen, file)}; its annotator chooses or types another in "
            f"annotate, which keeps it till then: {command}"
        )

    def _unknown_field(self, path: str, file: Path) -> str:
        """``unknown field`` with the fields the scheme has there (a group's, in an item) and
        the hint an unknown label has: a field removed from the scheme stays in the records
        made before (annotate keeps it), and a trial's agree said only ``form.arrests:
        unknown field``."""
        top, *rest = path.removeprefix("form.").split(".")
        group = self.scheme.field(top) if rest else None
        fields = group.fields if group is not None else self.scheme.fields
        known = ", ".join(field.name for field in fields) or "no fields"
        chosen = self.scheme.chosen_file
        if chosen is None:
            return f"unknown field (scheme {self.scheme.name}: {known}); {ANOTHER_SCHEME_QUESTION}"
        return (
            f"unknown field: the journals' fields are not those of the scheme given, {chosen} "
            f"({known}); {lists_each(chosen, file)}"
        )


def _structure_fine(data: dict[str, Any]) -> bool:
    """The Record model's checks made in Python: span ``end`` after ``start``, unique span
    ids, links to known span ids (``data`` has passed its shape's check)."""
    spans = data["spans"]
    ids = set()
    for span in spans:
        if span["end"] <= span["start"]:
            return False
        ids.add(span["id"])
    if len(ids) != len(spans):
        return False
    links = data.get("links")
    return not links or all(span_id in ids for span_ids in links.values() for span_id in span_ids)


def gold_data_fine(data: Any) -> bool:
    """Whether ``data`` (a dict, as parsed from a line) is a valid ``GoldRecord`` as it stands.

    Never more lenient than the model (tests compare the two): the model's fields and
    constraints in pydantic-core (``GoldShape``), then its Python checks."""
    if type(data) is not dict:
        return False
    try:
        _GOLD.validate_python(data)
    except ValidationError:
        return False
    # The pattern is the time's shape; the model checks the time exists too.
    if data.get("updated_at") is not None and utc_time_problem(data["updated_at"]) is not None:
        return False
    # Each conflict a dict, its keys text: the types of all of them gathered in C (a generator
    # per conflict took a quarter longer over the 48,000 conflicts of 10,000 gold records).
    conflicts = data.get("conflicts", ())
    if not _DICT.issuperset(map(type, conflicts)):
        return False
    if not _STR.issuperset(map(type, chain.from_iterable(conflicts))):
        return False
    return _structure_fine(data)


def gold_line_data(raw: bytes) -> dict[str, Any] | None:
    """The line's dict when it is a valid gold record, else None (then ask the model:
    ``journal.parse_record_line`` accepts it or gives the exact problems)."""
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None
    return data if gold_data_fine(data) else None
