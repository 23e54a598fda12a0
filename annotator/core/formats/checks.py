"""Imported spans checked against their text, and the records built from them."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from annotator.core.errors import AnnotatorError
from annotator.core.formats import UTF16_FORMATS
from annotator.core.formats.common import ImportedDoc, ImportedSpan, Reporter
from annotator.core.formats.offsets import has_astral
from annotator.core.journal import record_problems
from annotator.core.models import Record, sha256_text
from annotator.core.scheme import Scheme
from annotator.core.validate import form_problems, link_problems
from annotator.core.values import value_problem


def check_spans(doc: ImportedDoc, fmt: str, utf16: bool, report: Reporter) -> None:
    """Keep the spans that fit the text; report the others."""
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
        if not 0 <= span.start < span.end <= size:
            problem = "is empty" if span.start >= span.end else f"lies outside the text ({size})"
            report.warn(f"{what} {problem}; not imported")
            continue
        actual = doc.text[span.start : span.end]
        if span.surface is not None and span.surface != actual:
            report.warn(
                f"{what}: text {span.surface!r} does not match the document there "
                f"({actual!r}); not imported{hint}"
            )
            continue
        key = (span.start, span.end, span.label)
        if key in seen:
            report.warn(f"{what}: duplicate of {seen[key]}; imported once")
            continue
        seen[key] = span.where
        kept.append(span)
    doc.spans = kept


def build_record(
    doc: ImportedDoc,
    annotator: str,
    status: str,
    scheme: Scheme | None,
    report: Reporter,
) -> Record:
    assert doc.spans is not None
    spans = sorted(doc.spans, key=lambda s: (s.start, s.end, s.label))
    given = [s.span_id for s in spans]
    keep_ids = all(given) and len(set(given)) == len(given)
    form, links = doc.form, doc.links
    if scheme is None and (form or links):
        report.warn(
            f"{doc.where}: {doc.doc_id}: the form and links need a scheme that defines the form; "
            "not imported (import with --scheme FILE to keep them)"
        )
        form, links = {}, {}
    ids = [s.span_id if keep_ids and s.span_id else f"s{n}" for n, s in enumerate(spans, 1)]
    if links and not keep_ids:
        report.warn(f"{doc.where}: {doc.doc_id}: links dropped (span ids not kept)")
        links = {}
    known = set(ids)
    kept_links = {p: [i for i in v if i in known] for p, v in links.items()}
    if any(len(kept_links[p]) != len(links[p]) for p in links):
        report.warn(f"{doc.where}: {doc.doc_id}: links to spans not imported were dropped")
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


def _value(span: ImportedSpan, scheme: Scheme | None, report: Reporter) -> int | str | None:
    if span.value is None or scheme is None:
        return span.value
    label = scheme.label(span.label)
    problem = value_problem(label.value_type, span.value) if label else None
    if problem is not None:
        report.warn(f"{span.where}: value {span.value!r}: {problem}; not imported")
        return None
    return span.value


def _fit_form(record: Record, scheme: Scheme, doc: ImportedDoc, report: Reporter) -> Record:
    changes: dict[str, Any] = {}
    problems = list(form_problems(record, scheme)) + list(link_problems(record, scheme))
    required = [p for p in problems if p[1] == "required when status is done"]
    other = [p for p in problems if p not in required]
    if other:
        listed = "; ".join(f"{path}: {message}" for path, message in other[:3])
        report.warn(
            f"{doc.where}: {doc.doc_id}: form does not fit the scheme ({listed}); "
            "form and links not imported"
        )
        changes.update(form={}, links={})
    if required or (other and record.status == "done" and _needs_form(scheme)):
        names = ", ".join(path.removeprefix("form.") for path, _ in required) or "required fields"
        report.warn(
            f"{doc.where}: {doc.doc_id}: {names} empty, which a done record must fill; "
            "imported as in_progress"
        )
        changes["status"] = "in_progress"
    return record.model_copy(update=changes) if changes else record


def _needs_form(scheme: Scheme) -> bool:
    return any(field.required for field in scheme.fields)
