"""The record built from an imported document once its spans are checked (``import_checks``):
its spans, form and links, with what the scheme cannot take reported and left out.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from annotator.core.errors import AnnotatorError
from annotator.core.formats.common import ImportedDoc, ImportedSpan
from annotator.core.formats.import_checks import ImportReporter, document_at
from annotator.core.journal import record_problems
from annotator.core.models import Record, sha256_text
from annotator.core.scheme import Scheme
from annotator.core.spans import suggest_value
from annotator.core.validate import form_problems, link_problems
from annotator.core.value_range import in_range_or_none, label_value_problem


def build_record(
    doc: ImportedDoc,
    annotator: str,
    status: str,
    scheme: Scheme | None,
    report: ImportReporter,
    read_values: bool = False,
) -> Record:
    """The record of ``doc``'s spans, form and links; ``read_values``: a span of a count or
    date label without a value gets the one its words give, as labelling gives it (formats
    that carry no values: a curator's thousands of imported counts had none)."""
    assert doc.spans is not None
    spans = sorted(doc.spans, key=lambda s: (s.start, s.end, s.label))
    given = [s.span_id for s in spans]
    keep_ids = all(given) and len(set(given)) == len(given)
    form, links = doc.form, doc.links
    if scheme is None and (form or links):
        first = document_at(doc)
        report.not_carried(
            f"{first}: form, links: need a scheme that defines the form; "
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
        report.not_carried(f"{document_at(doc)}: links: dropped (span ids not kept)", "links")
        links = {}
    known = set(ids)
    kept_links = {p: [i for i in v if i in known] for p, v in links.items()}
    if any(len(kept_links[p]) != len(links[p]) for p in links):
        report.not_carried(
            f"{document_at(doc)}: links: those to spans not imported were dropped", "links"
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
                "value": _value(s, scheme, report, doc if read_values else None),
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


def _value(
    span: ImportedSpan, scheme: Scheme | None, report: ImportReporter, doc: ImportedDoc | None
) -> int | str | None:
    label = scheme.label(span.label) if scheme is not None else None
    if span.value is None and label is not None and doc is not None:
        date = doc.meta.get("date")  # a dateline's (``importing.read_source``)
        words = doc.text[span.start : span.end]
        # A value its words give outside the label's range is none (``in_range_or_none``).
        value = in_range_or_none(label, suggest_value(words, label.value_type, date))
        report.values_read += value is not None
        return value
    if span.value is None or scheme is None:
        return span.value
    problem = label_value_problem(label, span.value) if label else None
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
    first = document_at(doc)
    if other:
        listed = "; ".join(f"{path}: {message}" for path, message in other[:3])
        report.not_carried(
            f"{first}: form: does not fit the scheme ({listed}); form and links not imported",
            "form(s) that do not fit the scheme",
            summary=lambda documents: (
                f"{documents} document(s) have a form that does not fit the scheme; form and "
                f"links not imported (first: {first}: {listed})"
            ),
        )
        changes.update(form={}, links={})
    if required or (other and record.status == "done" and _needs_form(scheme)):
        # Field paths as validate names them (form.event_type); without the form, all of it.
        paths = ", ".join(path for path, _ in required) or "form"
        what = "empty" if required else "its required fields empty"
        report.per_document(
            f"empty: {paths}",
            f"{first}: {paths}: {what}, which a done record must fill; imported as in_progress",
            lambda documents: (
                f"{documents} document(s): {paths}: {what}, which a done record must fill; "
                f"imported as in_progress (first: {first})"
            ),
        )
        changes["status"] = "in_progress"
    return record.model_copy(update=changes) if changes else record


def _needs_form(scheme: Scheme) -> bool:
    return any(field.required for field in scheme.fields)
