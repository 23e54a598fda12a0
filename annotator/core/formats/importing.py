"""``import_documents``: other tools' files in, a corpus and one annotator's records out.

Reading stops at the first malformed entry (one line naming file, line and field; nothing is
written). Spans are then checked against their text: one outside the text, empty, or whose
surface text the tool wrote disagrees with the offsets is reported and not imported, as are
duplicates, rejected or cancelled work, and whatever the format holds beyond spans. Everything
is computed before anything is written; each file is then written atomically.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
from pydantic import ValidationError

from annotator.core.errors import AnnotatorError, UsageError
from annotator.core.formats import IMPORT_FORMATS, UTF16_FORMATS
from annotator.core.formats.common import ImportedDoc, ImportedSpan, Reporter, Sink, write_atomic
from annotator.core.formats.labels import build_scheme, parse_map, scheme_name, value_type
from annotator.core.formats.offsets import has_astral
from annotator.core.formats.tokenlabels import TAG_SCHEMES
from annotator.core.journal import record_problems
from annotator.core.models import STATUSES, Document, Record, record_line, sha256_text
from annotator.core.scheme import Scheme
from annotator.core.validate import form_problems, link_problems
from annotator.core.values import value_problem


@dataclass
class ImportResult:
    documents: int
    records: int
    spans: int
    files: list[Path]
    labels: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def scheme_path_for(corpus: Path) -> Path:
    """``CORPUS.scheme.toml`` beside ``CORPUS.jsonl``."""
    return corpus.with_name(f"{corpus.stem}.scheme.toml")


def read_source(
    source: Path, fmt: str, utf16: bool, tags: str, report: Reporter
) -> list[ImportedDoc]:
    if fmt == "txt":
        from annotator.core.corpus import open_corpus

        if not source.is_dir():
            raise AnnotatorError(f"{source}: --format txt reads a folder of .txt files")
        return [ImportedDoc(d.id, d.text, str(source), dict(d.meta)) for d in open_corpus(source)]
    if fmt == "jsonl":
        from annotator.core.formats import jsonl

        return jsonl.read(source, report)
    if fmt == "prodigy":
        from annotator.core.formats import prodigy

        return prodigy.read(source, report)
    if fmt == "doccano":
        from annotator.core.formats import doccano

        return doccano.read(source, utf16, report)
    if fmt == "labelstudio":
        from annotator.core.formats import labelstudio

        return labelstudio.read(source, utf16, report)
    if fmt == "brat":
        from annotator.core.formats import brat

        return brat.read(source, report)
    if fmt == "conll":
        from annotator.core.formats import conll

        return conll.read(source, tags, report)
    if fmt == "hf":
        from annotator.core.formats import hf

        return hf.read(source, tags, report)
    from annotator.core.formats import spacy_docbin

    return spacy_docbin.read(source, report)


def _check_options(
    fmt: str,
    corpus: Path,
    annotations: Path | None,
    annotator: str | None,
    offsets: str,
    tags: str | None,
    status: str | None,
) -> None:
    if fmt not in IMPORT_FORMATS:
        raise UsageError(f"--format: {fmt!r}: choose one of {', '.join(IMPORT_FORMATS)}")
    if corpus.suffix != ".jsonl":
        raise UsageError(f"-o {corpus}: the corpus is written as a .jsonl file of documents")
    if (annotations is None) != (annotator is None):
        raise UsageError("--annotations FILE and --annotator NAME go together")
    if annotations is not None and annotations.resolve() == corpus.resolve():
        raise UsageError("--annotations must be another file than the corpus")
    if offsets not in ("codepoints", "utf16"):
        raise UsageError(f"--offsets: {offsets!r}: choose codepoints or utf16")
    if offsets == "utf16" and fmt not in UTF16_FORMATS:
        raise UsageError("--offsets utf16 is for doccano and labelstudio")
    if tags is not None and (tags not in TAG_SCHEMES or fmt not in ("conll", "hf")):
        raise UsageError(f"--tags {tags}: one of {', '.join(TAG_SCHEMES)}, for conll and hf")
    if status is not None and status not in STATUSES:
        raise UsageError(f"--status: {status!r}: choose one of {', '.join(STATUSES)}")


def _check_spans(doc: ImportedDoc, fmt: str, utf16: bool, report: Reporter) -> None:
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


def _rename(docs: Sequence[ImportedDoc], mapping: dict[str, str], report: Reporter) -> None:
    left: Counter[str] = Counter()
    for doc in docs:
        if doc.spans is None:
            continue
        kept = []
        for span in doc.spans:
            new = mapping.get(span.label, span.label)
            if not new:
                left[span.label] += 1
                continue
            span.label = new
            kept.append(span)
        doc.spans = kept
    for label, count in sorted(left.items()):
        report.warn(f"--map {label}=: {count} {label} span(s) left out as asked")
    unused = sorted(set(mapping) - {*left, *_labels_before(docs, mapping)})
    if unused:
        report.warn(f"--map: no spans labelled {', '.join(unused)} in the source")


def _labels_before(docs: Sequence[ImportedDoc], mapping: dict[str, str]) -> set[str]:
    # Spans are renamed in place; a label mapped to a new name shows up as that name.
    found = {span.label for doc in docs for span in doc.spans or []}
    return {old for old, new in mapping.items() if new in found}


def _fit_scheme(
    docs: Sequence[ImportedDoc], scheme: Scheme | None, source: Path, report: Reporter
) -> tuple[Scheme | None, list[tuple[str, str, str]]]:
    """Check labels against ``scheme``, or name them for the scheme written beside the corpus."""
    counts: Counter[str] = Counter(s.label for d in docs for s in d.spans or [])
    if scheme is not None:
        unknown = [label for label in counts if scheme.label(label) is None]
        if unknown:
            listed = ", ".join(f"{label} ({counts[label]})" for label in unknown)
            known = ", ".join(label.name for label in scheme.labels)
            raise AnnotatorError(
                f"{source}: labels not in scheme {scheme.name} ({known}): {listed}; "
                "rename them with --map OLD=NEW (NEW empty leaves them out)"
            )
        return scheme, []
    names: dict[str, str] = {}
    for label in counts:
        name = base = scheme_name(label)
        suffix = 2
        while name in names.values():
            name, suffix = f"{base}_{suffix}", suffix + 1
        if name != label:
            report.warn(
                f"label {label!r} is not a scheme label name (ASCII letters, digits, _); "
                f"imported as {name!r} (choose another with --map {label}=NEW)"
            )
        names[label] = name
    values: dict[str, list[Any]] = {names[label]: [] for label in counts}
    for doc in docs:
        for span in doc.spans or []:
            span.label = names[span.label]
            if span.value is not None:
                values[span.label].append(span.value)
    found = []
    for label, kept in values.items():
        kind = value_type(kept)
        if kept and kind == "none":
            report.warn(
                f"label {label}: its values are neither all integers nor all dates; dropped"
            )
            for doc in docs:
                for span in doc.spans or []:
                    if span.label == label:
                        span.value = None
        total = sum(1 for d in docs for s in d.spans or [] if s.label == label)
        found.append((label, kind, f"Imported from {source.name}: {total} span(s)."))
    return None, found


def _record(
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


def _refuse_existing(paths: Sequence[Path], force: bool) -> None:
    if force:
        return
    for path in paths:
        if path.exists():
            raise AnnotatorError(f"{path}: already exists; choose another name or pass --force")


def import_documents(
    source: Path,
    fmt: str,
    corpus: Path,
    *,
    annotations: Path | None = None,
    annotator: str | None = None,
    label_map: Sequence[str] = (),
    offsets: str = "codepoints",
    tags: str | None = None,
    scheme: Scheme | None = None,
    status: str | None = None,
    force: bool = False,
    on_warning: Sink | None = None,
) -> ImportResult:
    """Import ``source`` (format ``fmt``) as the corpus ``corpus`` (a ``.jsonl`` file).

    With ``annotations`` and ``annotator``, the spans become that annotator's records (status
    ``done``, or ``status``). Without ``scheme``, ``CORPUS.scheme.toml`` is written beside the
    corpus with the labels found. Existing outputs are refused unless ``force``.
    """
    _check_options(fmt, corpus, annotations, annotator, offsets, tags, status)
    mapping = parse_map(label_map)
    utf16 = offsets == "utf16"
    report = Reporter(on_warning)
    docs = read_source(source, fmt, utf16, tags or "iob2", report)
    first: dict[str, str] = {}
    for doc in docs:
        if doc.doc_id in first:
            earlier = first[doc.doc_id]
            raise AnnotatorError(
                f"{doc.where}: id: duplicate document id {doc.doc_id!r} (first at {earlier})"
            )
        first[doc.doc_id] = doc.where
        _check_spans(doc, fmt, utf16, report)
    _rename(docs, mapping, report)
    annotated = [doc for doc in docs if doc.spans is not None]
    span_total = sum(len(doc.spans or []) for doc in annotated)
    if annotations is None:
        if span_total:
            report.warn(
                f"{span_total} span(s) in {len(annotated)} document(s) not imported: "
                "pass --annotations FILE --annotator NAME to keep them"
            )
        annotated = []
    fitted, found = _fit_scheme(annotated, scheme, source, report)
    scheme_out = scheme_path_for(corpus) if scheme is None and found else None
    outputs = [corpus, *filter(None, [annotations, scheme_out])]
    _refuse_existing(outputs, force)
    scheme_text = ""
    if scheme_out is not None:
        name = scheme_name(corpus.stem).strip("_") or "imported"
        about = f"Labels found by annotator import in {source.name} ({fmt})."
        scheme_text = build_scheme(name, about, found)
    records = [
        _record(doc, annotator, status or doc.status or "done", fitted, report)
        for doc in annotated
        if annotator is not None
    ]
    documents = sorted(
        (Document(id=doc.doc_id, text=doc.text, meta=doc.meta) for doc in docs),
        key=lambda d: d.id,
    )
    if not documents:
        raise AnnotatorError(f"{source}: no documents found")
    write_atomic(
        corpus, b"".join(orjson.dumps(d.model_dump(mode="json")) + b"\n" for d in documents)
    )
    written = [corpus]
    if scheme_out is not None:
        write_atomic(scheme_out, scheme_text.encode())
        written.append(scheme_out)
    if annotations is not None:
        records.sort(key=lambda r: r.doc_id)
        write_atomic(annotations, b"".join(record_line(r) for r in records))
        written.append(annotations)
    labels = [label for label, _kind, _about in found]
    return ImportResult(
        len(documents),
        len(records),
        sum(len(r.spans) for r in records),
        written,
        labels,
        report.lines,
    )
