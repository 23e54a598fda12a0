"""The spans a gold line's open conflicts hold, checked as the line's own spans are.

A span conflict's versions list what each marked (``versions.N.spans``); a field conflict's
versions carry the spans their values are linked to (``versions.N.links.PATH``; the shapes are
in ``merge``'s docstring). The model keeps conflicts as the dicts they are, so validate
checked none of them: a trial's conflict span edited to start 5000 (end 30) with the text
"WRONG" passed ("ok: 1 file(s) valid"), and so did an export with text of that gold file,
though a review draws such a span and takes it into gold (an export reading the texts checks
them too: ``conflict_problems``). Each is checked here as a record's
span is: its fields as ``models.Span`` has them (start before end, offsets not negative, a
label, a text; no id, which taking it gives), its label known to the scheme and its value of
the label's type, and, against a text, its ``text`` what is there in whole characters
(``validate_text.one_span_text_problems``). A version or a list that holds them and is not
what the review reads is said too, as nothing in it can be checked.

Paths name the conflict by its id, as the review does, and count versions and spans from 0,
as every path validate gives: ``conflicts.c3.versions.1.spans.0.start``,
``conflicts.c4.versions.0.links.releases[0].count.0.text``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from annotator.core.journal import record_problems
from annotator.core.models import GoldRecord, Record, Span
from annotator.core.scheme import Scheme
from annotator.core.validate_text import one_span_text_problems
from annotator.core.value_range import label_value_problem

_NO_ID = "s0"  # what a version's span is read with: its own carries none


@dataclass
class ConflictSpans:
    """A gold line's conflicts read: each span they hold, as its path and the span, and what
    is wrong with those that are not spans (or with what holds them)."""

    spans: list[tuple[str, Span]] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)


def conflict_spans(record: Record) -> ConflictSpans:
    """Every span ``record``'s conflicts hold (none for an annotator's record)."""
    if not isinstance(record, GoldRecord):
        return ConflictSpans()
    return spans_of_conflicts(record.conflicts)


def spans_of_conflicts(conflicts: list[dict[str, Any]]) -> ConflictSpans:
    """Every span ``conflicts`` (a gold line's) hold: a review reads its gold lines' fields
    without making records (``gold_store.line_facts``)."""
    read = ConflictSpans()
    for index, conflict in enumerate(conflicts):
        name = conflict.get("id")
        at = f"conflicts.{name if isinstance(name, str) and name else index}"
        versions = conflict.get("versions")
        if not isinstance(versions, list):
            read.problems.append((f"{at}.versions", "expected a list of versions"))
            continue
        for number, version in enumerate(versions):
            _read_version(read, f"{at}.versions.{number}", version)
    return read


def _read_version(read: ConflictSpans, at: str, version: Any) -> None:
    if not isinstance(version, dict):
        read.problems.append((at, "expected an object (a version)"))
        return
    if "spans" in version:
        _read_list(read, f"{at}.spans", version["spans"])
    links = version.get("links")
    if links is None:
        return
    if not isinstance(links, dict):
        read.problems.append((f"{at}.links", "expected an object (field path: its spans)"))
        return
    for path, bodies in links.items():
        _read_list(read, f"{at}.links.{path}", bodies)


def _read_list(read: ConflictSpans, at: str, bodies: Any) -> None:
    if not isinstance(bodies, list):
        read.problems.append((at, "expected a list of spans"))
        return
    for number, body in enumerate(bodies):
        where = f"{at}.{number}"
        if not isinstance(body, dict):
            read.problems.append((where, "expected an object (a span)"))
        elif "id" in body:
            # Taking the version gives the span gold's next id: one of its own is no part of it.
            read.problems.append((f"{where}.id", "unknown field (a version's spans carry no id)"))
        else:
            try:
                read.spans.append((where, Span.model_validate({"id": _NO_ID, **body})))
            except ValidationError as error:
                read.problems.extend(
                    (f"{where}.{path}", message) for path, message in record_problems(error)
                )


def unknown_label(name: str, scheme: Scheme) -> str:
    """``unknown label 'place' (scheme prisoner_exchange: actor, count, date, releasee)``."""
    known = ", ".join(label.name for label in scheme.labels)
    # The file chosen, when one was: a copied and edited scheme may keep the default's name.
    return f"unknown label {name!r} (scheme {scheme.chosen_file or scheme.name}: {known})"


def conflict_label_problems(
    spans: Iterable[tuple[str, Span]], scheme: Scheme
) -> Iterator[tuple[str, str]]:
    """Labels the scheme does not know, each at its span's path: validate tallies them with
    the line's own (``validate_unknown_labels.LabelTally``); an export says the first, as for
    any problem."""
    for path, span in spans:
        if scheme.label(span.label) is None:
            yield (f"{path}.label", unknown_label(span.label, scheme))


def conflict_value_problems(
    spans: Iterable[tuple[str, Span]], scheme: Scheme
) -> Iterator[tuple[str, str]]:
    """Values that do not fit their label's type, for the labels the scheme knows (the
    unknown ones are tallied with the line's own: ``validate_unknown_labels.LabelTally``)."""
    for path, span in spans:
        label = scheme.label(span.label)
        if label is None:
            continue
        problem = label_value_problem(label, span.value)
        if problem is not None:
            yield (f"{path}.value", f"{problem} (label {label.name!r})")


def conflict_text_problems(
    spans: Iterable[tuple[str, Span]], text: str
) -> Iterator[tuple[str, str]]:
    """Where the spans disagree with ``text``: past its end, another text, part of a
    character."""
    for path, span in spans:
        for name, message in one_span_text_problems(span, text):
            yield (f"{path}.{name}", message)


def conflict_problems(
    record: Record, scheme: Scheme | None, text: str | None
) -> list[tuple[str, str]]:
    """Every problem of the spans ``record``'s conflicts hold, as validate finds them: what
    holds them, with ``scheme`` their labels and their values' types, with ``text`` (the one
    the record is of) what they cover. An export checks them so: one with ``--with-text``
    wrote a conflict span past its text's end without a word, and one with ``--scheme`` a
    conflict span of a label the scheme does not know, which a review would take into gold."""
    held = conflict_spans(record)
    found = list(held.problems)
    if scheme is not None:
        found.extend(conflict_label_problems(held.spans, scheme))
        found.extend(conflict_value_problems(held.spans, scheme))
    if text is not None:
        found.extend(conflict_text_problems(held.spans, text))
    return found
