"""Imported spans checked against their text, the records built from them, and the report.

Two kinds of span are not imported. A span that is bad data (outside its text, empty, with no
label, cutting a character in two, or whose surface text disagrees with the document) means the
source or the options are wrong (offsets counted in UTF-16 units, say): import lists each one and
refuses unless ``--skip-bad``. What a format holds that a record cannot carry (relations,
cancelled annotations, a duplicate span) is reported and counted, and the import goes on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import ValidationError

from annotator.core.errors import AnnotatorError
from annotator.core.formats import UTF16_FORMATS
from annotator.core.formats.common import DETAIL_UP_TO, ImportedDoc, ImportedSpan, Reporter, Sink
from annotator.core.formats.offsets import has_astral
from annotator.core.journal import record_problems
from annotator.core.models import Record, sha256_text
from annotator.core.scheme import Scheme
from annotator.core.tokens import character_around
from annotator.core.validate import form_problems, link_problems
from annotator.core.values import value_problem


class ImportReporter(Reporter):
    """The warnings of one import, with the spans that are bad data and what was not imported.

    ``bad`` holds one line per span that is bad data; ``not_imported`` counts what a format has
    that a record cannot carry, by what it is (``relation(s)``: 2), for the summary line. A
    problem that recurs in many documents (a required form field empty) is said once for all of
    them (``per_document``) when more than DETAIL_UP_TO documents have it.
    """

    def __init__(self, sink: Sink | None = None) -> None:
        super().__init__(sink)
        self.bad: list[str] = []
        self.not_imported: dict[str, int] = {}
        self._per_document: dict[str, tuple[list[str], Callable[[int], str]]] = {}

    def bad_span(self, message: str) -> None:
        """A span that is bad data, left out (``message`` names file, line and field)."""
        self.bad.append(message)
        self.warn(message)

    def not_carried(
        self,
        message: str,
        what: str,
        count: int = 1,
        summary: Callable[[int], str] | None = None,
    ) -> None:
        """``count`` of ``what`` (``relation(s)``) that a record cannot carry, not imported;
        with ``summary``, ``message`` is one document's line (see ``per_document``)."""
        self.not_imported[what] = self.not_imported.get(what, 0) + count
        if summary is None:
            self.warn(message)
        else:
            self.per_document(what, message, summary)

    def per_document(self, kind: str, line: str, summary: Callable[[int], str]) -> None:
        """One document's ``line`` about ``kind``. Past DETAIL_UP_TO documents, ``finish`` says
        ``summary(documents)`` of the first document's call instead of every line."""
        self._per_document.setdefault(kind, ([], summary))[0].append(line)

    def finish(self) -> None:
        for lines, summary in self._per_document.values():
            if len(lines) <= DETAIL_UP_TO:
                for line in lines:
                    self.warn(line)
            else:
                self.warn(summary(len(lines)))
        self._per_document.clear()
        super().finish()


def _cut_character(text: str, offset: int) -> str | None:
    """The character ``offset`` falls inside of, or None when it falls between two."""
    around = character_around(text, offset)
    return None if around is None else text[around[0] : around[1]]


def check_spans(doc: ImportedDoc, fmt: str, utf16: bool, report: ImportReporter) -> None:
    """Keep the spans that fit the text; report the others (bad data, or duplicates)."""
    if doc.spans is None:
        return
    size = len(doc.text)
    kept: list[ImportedSpan] = []
    seen: dict[tuple[int, int, str], str] = {}
    hint = ""
    if fmt in UTF16_FORMATS and not utf16 and has_astral(doc.text):
        hint = " (offsets counted in UTF-16 units? import with --offsets utf16)"
    for span in doc.spans:
        what = f"{span.where}: {span.label} {span.start}..{span.end}"
        if not span.label:
            report.bad_span(f"{span.where}: label: empty label; not imported")
            continue
        if not 0 <= span.start < span.end <= size:
            if span.start >= span.end:
                report.bad_span(f"{what} is empty; not imported")
            else:
                report.bad_span(f"{what} lies outside the text ({size}); not imported{hint}")
            continue
        actual = doc.text[span.start : span.end]
        if span.surface is not None and span.surface != actual:
            report.bad_span(
                f"{what}: text {span.surface!r} does not match the document there "
                f"({actual!r}); not imported{hint}"
            )
            continue
        cut = [
            (edge, found)
            for edge, offset in (("start", span.start), ("end", span.end))
            if (found := _cut_character(doc.text, offset)) is not None
        ]
        if cut:
            said = " and ".join(f"its {edge} cuts the character {found!r}" for edge, found in cut)
            report.bad_span(f"{what}: {said} in two; not imported{hint}")
            continue
        key = (span.start, span.end, span.label)
        if key in seen:
            report.not_carried(
                f"{what}: duplicate of {seen[key]}; imported once", "duplicate span(s)"
            )
            continue
        seen[key] = span.where
        kept.append(span)
    doc.spans = kept


def build_record(
    doc: ImportedDoc,
    annotator: str,
    status: str,
    scheme: Scheme | None,
    report: ImportReporter,
) -> Record:
    assert doc.spans is not None
    spans = sorted(doc.spans, key=lambda s: (s.start, s.end, s.label))
    given = [s.span_id for s in spans]
    keep_ids = all(given) and len(set(given)) == len(given)
    form, links = doc.form, doc.links
    if scheme is None and (form or links):
        first = f"{doc.where}: {doc.doc_id}"
        report.not_carried(
            f"{first}: the form and links need a scheme that defines the form; "
            "not imported (import with --scheme FILE to keep them)",
            "form(s) and links",
            summary=lambda documents: (
                f"{documents} document(s) have a form or links, which need a scheme that "
                f"defines the form; not imported (import with --scheme FILE to keep them; "
                f"first: {first})"
            ),
        )
        form, links = {}, {}
    ids = [s.span_id if keep_ids and s.span_id else f"s{n}" for n, s in enumerate(spans, 1)]
    if links and not keep_ids:
        report.not_carried(f"{doc.where}: {doc.doc_id}: links dropped (span ids not kept)", "links")
        links = {}
    known = set(ids)
    kept_links = {p: [i for i in v if i in known] for p, v in links.items()}
    if any(len(kept_links[p]) != len(links[p]) for p in links):
        report.not_carried(
            f"{doc.where}: {doc.doc_id}: links to spans not imported were dropped", "links"
        )
    kept_links = {p: v for p, v in kept_links.items() if v}
    fields: dict[str, Any] = {
        "schema_version": 1,
        "doc_id": doc.doc_id,
        "doc_sha256": sha256_text(doc.text),
        "annotator": annotator,
        "status": status,
        "spans": [
            {
                "id": span_id,
                "start": s.start,
                "end": s.end,
                "label": s.label,
                "text": doc.text[s.start : s.end],
                "value": _value(s, scheme, report),
            }
            for span_id, s in zip(ids, spans, strict=True)
        ],
        "flagged": doc.flagged,
        "form": form,
        "links": kept_links,
        "note": doc.note,
    }
    try:
        record = Record.model_validate(fields)
    except ValidationError as error:
        where, message = record_problems(error)[0]
        raise AnnotatorError(f"{doc.where}: {where}: {message}") from None
    if scheme is not None:
        return _fit_form(record, scheme, doc, report)
    return record


def _value(span: ImportedSpan, scheme: Scheme | None, report: ImportReporter) -> int | str | None:
    if span.value is None or scheme is None:
        return span.value
    label = scheme.label(span.label)
    problem = value_problem(label.value_type, span.value) if label else None
    if problem is not None:
        report.not_carried(
            f"{span.where}: value {span.value!r}: {problem}; not imported", "value(s)"
        )
        return None
    return span.value


def _fit_form(record: Record, scheme: Scheme, doc: ImportedDoc, report: ImportReporter) -> Record:
    changes: dict[str, Any] = {}
    problems = list(form_problems(record, scheme)) + list(link_problems(record, scheme))
    required = [p for p in problems if p[1] == "required when status is done"]
    other = [p for p in problems if p not in required]
    first = f"{doc.where}: {doc.doc_id}"
    if other:
        listed = "; ".join(f"{path}: {message}" for path, message in other[:3])
        report.not_carried(
            f"{first}: form does not fit the scheme ({listed}); form and links not imported",
            "form(s) that do not fit the scheme",
            summary=lambda documents: (
                f"{documents} document(s) have a form that does not fit the scheme; form and "
                f"links not imported (first: {first}: {listed})"
            ),
        )
        changes.update(form={}, links={})
    if required or (other and record.status == "done" and _needs_form(scheme)):
        names = ", ".join(path.removeprefix("form.") for path, _ in required) or "required fields"
        report.per_document(
            f"empty: {names}",
            f"{first}: {names} empty, which a done record must fill; imported as in_progress",
            lambda documents: (
                f"{documents} document(s): {names} empty, which a done record must fill; "
                f"imported as in_progress (first: {first})"
            ),
        )
        changes["status"] = "in_progress"
    return record.model_copy(update=changes) if changes else record


def _needs_form(scheme: Scheme) -> bool:
    return any(field.required for field in scheme.fields)
