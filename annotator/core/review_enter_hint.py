"""What enter does with what the review's value input holds, said under it (``e``, ``v``).

The inputs open holding the first version's value, selected, and the line under them read "a
whole number (1,200 or twelve hundred); empty: a vague count, no value": a trial could not tell
that enter takes the value shown. The line now says it, and follows the typing: ``enter takes
alice's 95; type to replace: …; empty: …`` while the input holds a version's value, ``enter:
a vague count, no value (bob's)`` while it is empty, and ``enter settles with what is typed``
once it is something else. What is typed is read as enter reads it (``field_reading`` for
``e``, ``span_reading`` for ``v``: the functions settling uses): ``uni`` is alice's
``unilateral_release``, "ninety-six" bob's 96, not "what is typed", and a beginning of several
choices is said refused. A required field offers no empty: ``required``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from annotator.core.errors import AnnotatorError
from annotator.core.forms import typed_text
from annotator.core.item_brief import whose
from annotator.core.models import GoldRecord, Span
from annotator.core.review_conflict import Conflict
from annotator.core.review_span_value import settled_as_typed
from annotator.core.review_typed import typed_value
from annotator.core.review_typed_start import listed
from annotator.core.scheme import FormField, Scheme

Reading = Callable[[str], str]
"""What enter makes of a typed text, as the input shows a value; raises ``AnnotatorError``
where enter refuses it."""


@dataclass(frozen=True)
class Given:
    """A value the versions gave, as the input shows it, and who gave it."""

    text: str
    annotators: tuple[str, ...]


def field_values(conflict: Conflict) -> list[Given]:
    """The values a plain field's versions gave, as its input shows them."""
    known = listed(conflict)
    return _merged(
        (typed_text(version.get("value"), known), version.get("annotators") or [])
        for version in conflict.get("versions") or []
    )


def span_values(conflict: Conflict) -> list[Given]:
    """The values a value conflict's versions give their span, as its input shows them."""
    return _merged(
        (typed_text(body.get("value")), version.get("annotators") or [])
        for version in conflict.get("versions") or []
        for body in version.get("spans") or []
    )


def _merged(pairs: Iterable[tuple[str, Any]]) -> list[Given]:
    by_text: dict[str, list[str]] = {}
    for text, annotators in pairs:
        names = by_text.setdefault(text.strip(), [])
        names.extend(str(name) for name in annotators if str(name) not in names)
    return [Given(text, tuple(names)) for text, names in by_text.items()]


def field_reading(field: FormField, conflict: Conflict, spans: Sequence[Span] = ()) -> Reading:
    """A plain field's typed text as settling reads it (``review_typed.typed_value``: a
    choice by its beginning, a count's words, gold ``spans``' words), shown as its input
    shows a value, to be matched with the versions' (``field_values``)."""
    known = listed(conflict)

    def read(typed: str) -> str:
        return typed_text(typed_value(field, typed, known, spans), known).strip()

    return read


def span_reading(
    record: GoldRecord,
    conflict_id: str,
    scheme: Scheme,
    text: str | None = None,
    doc_date: str | None = None,
) -> Reading:
    """A span's typed value as ``v``'s enter reads it (``settled_as_typed``, which settling
    calls: "ninety-six" is 96, a date's words read from the document's ``text`` and
    ``doc_date``), shown as its input shows a value (``span_values``). Nothing is saved."""

    def read(typed: str) -> str:
        _, read_as = settled_as_typed(
            record, conflict_id, typed, scheme, text=text, doc_date=doc_date
        )
        return typed_text(read_as.value).strip()

    return read


def enter_hint(
    typed: str,
    given: list[Given],
    takes: str,
    empty: str,
    quoted: bool,
    read: Reading | None = None,
    required: bool = False,
) -> str:
    """The line under a value input holding ``typed``: what enter does with it, then what the
    input takes (``takes``: "a whole number (1,200 or twelve hundred)") and what empty means
    (``empty``: "a vague count, no value"), or ``required`` where enter refuses it empty.
    ``quoted``: a text value, said in quotes. ``read``: what enter makes of the text (None:
    the text as it is)."""
    text = typed.strip()
    try:
        read_as = read(text) if read is not None and text else text
    except AnnotatorError as refused:
        return f"enter refuses it: {refused}"
    if not read_as:  # nothing typed, or nothing enter keeps (a list's ",")
        if required:
            return f"required: type {takes}"
        theirs = next((one for one in given if not one.text), None)
        gave = f" ({whose(list(theirs.annotators))})" if theirs and theirs.annotators else ""
        return f"enter: {empty}{gave}; or type {takes}"
    after = "required" if required else f"empty: {empty}"
    theirs = next((one for one in given if one.text == read_as), None)
    if theirs is not None:
        who = f"{whose(list(theirs.annotators))} " if theirs.annotators else ""
        return f"enter takes {who}{_shown(read_as, quoted)}; type to replace: {takes}; {after}"
    if read_as != text:  # "uni" settles with unilateral_release, "twelve hundred" with 1200
        return f"enter settles with {_shown(read_as, quoted)}; {takes}; {after}"
    return f"enter settles with what is typed; {takes}; {after}"


def _shown(text: str, quoted: bool) -> str:
    return f"“{text}”" if quoted else text
