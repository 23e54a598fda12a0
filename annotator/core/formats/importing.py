"""``import_documents``: other tools' files in, a corpus and one annotator's records out.

Reading stops at the first malformed entry (one line naming file, line and field; nothing is
written). A file from a JavaScript tool whose offsets, by the data, count UTF-16 units is refused
unless ``offsets`` says how to read them (``import_offsets``). Spans are then checked against
their text: a span that is bad data (outside the text, empty, without a label, cutting a
character, or whose surface text the tool wrote disagrees with the offsets) is reported, and so is
one of our records made for another text (``doc_sha256``); the import refuses (nothing written)
unless ``skip_bad``, when such a span is left out and counted, and a record that lost spans, or
was made for another text, is imported in progress and flagged for review: it is not done gold.
Duplicates, rejected or cancelled work and whatever the format holds beyond spans are reported
and counted, not imported. Everything is computed, and every output checked, before anything is
written; the files are then written crash-safely and together: a write that fails part-way leaves
none of them (``safe_writes.write_together``).
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Sequence
from pathlib import Path

import orjson

from annotator.core.dateline import dated_meta, meta_date_problem
from annotator.core.errors import AnnotatorError
from annotator.core.formats import UTF16_FORMATS
from annotator.core.formats.common import (
    ID_AS_FILE_NAME,
    ImportedDoc,
    Sink,
    unsafe_id,
)
from annotator.core.formats.export_out import new_folders, refuse_own_inputs
from annotator.core.formats.import_checks import (
    ImportReporter,
    check_record_text,
    check_spans,
    note_bad,
    review_status,
)
from annotator.core.formats.import_labels import fit_scheme, rename_labels
from annotator.core.formats.import_offsets import weigh_offsets
from annotator.core.formats.import_options import check_keys, check_options, import_annotator
from annotator.core.formats.import_our_records import refuse_our_records
from annotator.core.formats.import_outputs import (
    KeptAside,
    keep_annotations_aside,
    keep_edited_scheme_aside,
    keep_work_aside,
    refuse_another_name,
    refuse_existing,
)
from annotator.core.formats.import_record import build_record
from annotator.core.formats.import_result import ImportResult
from annotator.core.formats.import_scheme import Refusals, refusals, shipped_scheme_for
from annotator.core.formats.import_sources import ReadOptions, read_source
from annotator.core.formats.jsonl import RecordLineDoc
from annotator.core.formats.labels import build_scheme, corpus_scheme_name, parse_map
from annotator.core.formats.line_endings import make_texts_lf
from annotator.core.formats.output_locks import outputs_locked
from annotator.core.formats.safe_writes import check_targets, write_together
from annotator.core.models import Document, Record, record_line
from annotator.core.scheme import (
    Scheme,
    load_chosen_scheme,
    load_default_scheme,
    packaged_schemes_dir,
)


def scheme_path_for(corpus: Path) -> Path:
    """``CORPUS.scheme.toml`` beside ``CORPUS.jsonl``."""
    return corpus.with_name(f"{corpus.stem}.scheme.toml")


# Formats whose spans carry their values: a span without one has none on purpose.
FORMATS_WITH_VALUES = frozenset({"jsonl", "brat"})


def _refusals(
    records: Sequence[Record],
    fitted: Scheme | None,
    scheme_text: str,
    scheme_out: Path | None,
    docs: Sequence[ImportedDoc],
) -> tuple[Refusals | None, Refusals | None]:
    """Records the import's check command would refuse, against the scheme it names (given,
    shipped, or written here); and, with a written scheme, done records that lost their form
    which a validate without ``--scheme`` (the default scheme) refuses."""
    if fitted is not None:
        chosen = fitted.chosen_file
        # A shipped scheme by its name, as --scheme takes it; another by its file.
        shipped = chosen is None or chosen.parent == packaged_schemes_dir()
        return refusals(records, fitted, fitted.name if shipped else str(chosen)), None
    if scheme_out is None:
        # No label, so no scheme written: the check command has no --scheme, and validate
        # reads the records with the default scheme (its done records must fill the form).
        default = load_default_scheme()
        return refusals(records, default, f"the default scheme {default.name}"), None
    written = Scheme.model_validate(tomllib.loads(scheme_text))
    # Documents whose form (or links) the written scheme, having no form, could not keep.
    form_dropped = {doc.doc_id for doc in docs if doc.form or doc.links}
    done = [r for r in records if r.status == "done" and r.doc_id in form_dropped]
    default = load_default_scheme()
    formless_done = refusals(done, default, default.name, only="form.")
    return refusals(records, written, str(scheme_out)), formless_done


def _refuse_bad(source: Path, report: ImportReporter, skip_bad: bool) -> None:
    if (report.bad or report.bad_records) and not skip_bad:
        counted = [
            f"{count} {what}"
            for count, what in (
                (len(report.bad), "span(s)"),
                (len(report.bad_records), "record(s)"),
            )
            if count
        ]
        raise AnnotatorError(
            f"{source}: {' and '.join(counted)} are bad data (listed above); nothing written: "
            "correct the source or the options, or pass --skip-bad to import without them"
        )


def _with_times(record: Record, doc: ImportedDoc) -> Record:
    """Our own record lines keep when and how long they were annotated, a Label Studio
    annotation too (its ``updated_at`` and ``lead_time``); both already checked."""
    if isinstance(doc, RecordLineDoc):
        update = {"updated_at": doc.updated_at, "seconds_spent": doc.seconds_spent}
    else:
        update = {"updated_at": doc.updated_at} if doc.updated_at is not None else {}
        update |= {"seconds_spent": doc.seconds_spent} if doc.seconds_spent else {}
    return record.model_copy(update=update) if update else record


def import_documents(
    source: Path,
    fmt: str,
    corpus: Path,
    *,
    annotations: Path | None = None,
    annotator: str | None = None,
    label_map: Sequence[str] = (),
    offsets: str | None = None,
    tags: str | None = None,
    scheme: Scheme | None = None,
    status: str | None = None,
    force: bool = False,
    skip_bad: bool = False,
    per_sentence: bool = False,
    text_key: str | None = None,
    label_key: str | None = None,
    predictions: bool = False,
    on_warning: Sink | None = None,
    login: Callable[[], str] | None = None,
) -> ImportResult:
    """Import ``source`` (format ``fmt``) as the corpus ``corpus`` (a ``.jsonl`` file).

    With ``annotations`` and ``annotator``, the spans become that annotator's records (status
    ``done``, or ``status``); a source of no record is refused then (nothing written). Without
    ``scheme``, ``CORPUS.scheme.toml`` is written beside the corpus with the labels found.
    Existing outputs are refused unless ``force``. Spans that are bad data are each reported,
    then refused (AnnotatorError, nothing written) unless ``skip_bad``, when they are left out
    and counted in ``ImportResult.bad_spans``. ``offsets`` None decides from the data: a file
    from doccano or Label Studio whose offsets count UTF-16 units is refused (see
    ``import_offsets``). ``text_key`` and ``label_key`` name doccano's text and label columns
    when they are not ``text`` and ``label``. ``predictions``: a Label Studio file's predictions
    of one model are read as the labels, records in progress, of ``annotator`` or, without one,
    of an annotator named after the model version. Other records without ``annotator`` are of
    the annotator the file names, else of ``login()`` (the login name), said in
    ``ImportResult.annotator_from``: see ``import_annotator``.
    """
    check_options(
        fmt, corpus, annotations, annotator, offsets, tags, status, per_sentence, predictions
    )
    check_keys(fmt, text_key, label_key)
    refuse_our_records(source, fmt)  # ours, read as another tool's tasks: refused first
    # As export refuses them: an output over the source, or in a folder a typo named.
    for out in filter(None, [corpus, annotations]):
        refuse_own_inputs(out, source, None, "import")
    # Refused before reading: a second run into the same files otherwise printed every line
    # about the source, then refused (the scheme file, known after reading, is checked then).
    check_targets(list(filter(None, [corpus, annotations])))
    scheme_there = [scheme_path_for(corpus)] if scheme is None else []  # written if labels
    refuse_existing(
        list(filter(None, [corpus, annotations])),
        force,
        annotations,
        scheme_there,
        scheme=scheme_there[0] if scheme_there else None,
    )
    if annotations is not None and annotator is not None:  # named: refused before reading
        refuse_another_name(annotations, annotator, None)
    # And an output a running session holds (taken and let go: taken again to write).
    with outputs_locked(list(filter(None, [corpus, annotations])), "an import") as taken:
        pass
    mapping = parse_map(label_map)
    utf16 = offsets == "utf16"
    report = ImportReporter(on_warning)
    for line in taken:  # a stale lock taken over
        report.warn(line)
    options = ReadOptions(
        utf16,
        tags or "iob2",
        per_sentence,
        text_key,
        label_key,
        predictions,
        annotations is not None,
        frozenset(mapping),
    )
    docs = read_source(source, fmt, options, report)
    annotator_from = None
    if predictions and annotator is None:
        from annotator.core.formats.labelstudio import model_annotator

        annotator = model_annotator(docs, source)
        refuse_another_name(annotations, annotator, "named after their model")
    elif annotations is not None and annotator is None:
        annotator, annotator_from = import_annotator(docs, source, login)
        refuse_another_name(annotations, annotator, annotator_from)
    for doc in docs:
        # A text's dateline gives its date, as a corpus's does: labelling "Sunday" in
        # the corpus written here, and the values read here, count from it. A date the source
        # gives that is no day is refused here, as the corpus written would be as it opens.
        date_problem = meta_date_problem(doc.meta)
        if date_problem is not None:
            raise AnnotatorError(f"{doc.where}: meta.date: {date_problem}")
        dated_meta(doc.meta, doc.text)
    if fmt in UTF16_FORMATS and not utf16:
        weigh_offsets(docs, offsets is not None, report)
    first: dict[str, str] = {}
    lost: set[str] = set()  # documents that lost spans as bad data
    stale: set[str] = set()  # our records made for another text
    for doc in docs:
        if unsafe_id(doc.doc_id):  # refused now, where its file and line are known
            raise AnnotatorError(
                f"{doc.where}: id: {doc.doc_id!r} {ID_AS_FILE_NAME}, which a document id "
                "must be (a brat export writes ID.txt): give it another id in the source"
            )
        if doc.doc_id in first:
            earlier = first[doc.doc_id]
            raise AnnotatorError(
                f"{doc.where}: id: duplicate document id {doc.doc_id!r} (first at {earlier})"
            )
        first[doc.doc_id] = doc.where
        if check_spans(doc, fmt, utf16, report):
            lost.add(doc.doc_id)
        if not check_record_text(doc, report):
            stale.add(doc.doc_id)
    # Checked against the text as the source counts it, then made LF (``line_endings``).
    made_lf, emptied = make_texts_lf(docs, report, fmt)
    lost |= emptied
    _refuse_bad(source, report, skip_bad)
    for doc in docs:  # --skip-bad: each record says in its note what it lost, and why
        note_bad(doc)
    rename_labels(docs, mapping, report)
    annotated = [doc for doc in docs if doc.spans is not None]
    span_total = sum(len(doc.spans or []) for doc in annotated)
    if annotations is None:
        if span_total:
            report.not_carried(
                f"{span_total} span(s) in {len(annotated)} document(s) not imported: "
                "pass --annotations FILE --annotator NAME to keep them",
                "span(s) without --annotations",
                span_total,
            )
        annotated = []
    # Records with a form (our own jsonl) keep it under a shipped scheme that takes them all.
    shipped = shipped_scheme_for(annotated) if scheme is None and annotations else None
    if shipped is not None:
        scheme = load_chosen_scheme(shipped)
    declared: list[str] = []
    if fmt == "hf" and scheme is None and annotated:  # labels.json's ids kept (``hf``)
        from annotator.core.formats.hf import declared_labels

        declared = declared_labels(source, mapping, scheme_path_for(corpus), report)
    fitted, found = fit_scheme(annotated, scheme, source, report, declared, mapping)
    # brat's lines that are not spans, and doccano's and Label Studio's relations, go in the
    # note, the spans they name labelled as the records are (after --map and the scheme).
    from annotator.core.formats.brat import keep_in_note

    for doc in annotated:
        keep_in_note(doc)
    scheme_out = scheme_path_for(corpus) if scheme is None and found else None
    outputs = [corpus, *filter(None, [annotations, scheme_out])]
    check_targets(outputs)
    replaced = refuse_existing(outputs, force, annotations, scheme=scheme_out)
    scheme_text = ""
    if scheme_out is not None:
        name = corpus_scheme_name(corpus.stem)
        about = f"Labels found by annotator import in {source.name} ({fmt})."
        scheme_text = build_scheme(name, about, found)
    records = [
        _with_times(
            build_record(
                doc,
                annotator,
                review_status(doc, status, lost | stale),
                fitted,
                report,
                read_values=fmt not in FORMATS_WITH_VALUES,
            ),
            doc,
        )
        for doc in annotated
        if annotator is not None
    ]
    report.say_not_done(status, annotations is not None)
    if report.values_read:
        report.warn(
            f"{report.values_read} count and date value(s) read from the spans' words, as "
            f"labelling gives them ({fmt} carries none): check them in the annotation screen"
        )
    report.finish()
    if annotations is not None and not records:
        # As export refuses a selection of no record: a trial's --force replaced a journal of
        # 244 lines with an empty file ("imported 0 record(s)").
        raise AnnotatorError(
            f"{source}: no record to write to {annotations} (no document in it is labelled "
            f"as --format {fmt} reads it); nothing written: import without --annotations to "
            "take the texts alone"
        )
    refused, refused_formless = _refusals(records, fitted, scheme_text, scheme_out, annotated)
    documents = sorted(
        (Document(id=doc.doc_id, text=doc.text, meta=doc.meta) for doc in docs),
        key=lambda d: d.id,
    )
    if not documents:
        raise AnnotatorError(f"{source}: no documents found")
    made_folders = new_folders(outputs)
    records.sort(key=lambda r: r.doc_id)
    writes = [
        (corpus, b"".join(orjson.dumps(d.model_dump(mode="json")) + b"\n" for d in documents))
    ]
    if scheme_out is not None:
        writes.append((scheme_out, scheme_text.encode()))
    if annotations is not None:
        writes.append((annotations, b"".join(record_line(r) for r in records)))
    # Under the outputs' locks, as merge writes: none written over a session's file, and
    # none started on one mid-write (``output_locks``).
    kept_aside: list[KeptAside] = []
    with outputs_locked(outputs, "an import") as taken:
        for line in taken:
            report.warn(line)
        try:
            # Under the lock: no session appends to it between its reading and its replacing.
            for path, data in writes:
                if path not in replaced:
                    continue
                if path == corpus:
                    kept = keep_annotations_aside(corpus)
                elif path == annotations:
                    kept = keep_work_aside(path, data)
                else:
                    kept = keep_edited_scheme_aside(path, data)
                if kept is not None:
                    kept_aside.append(kept)
            # All, or none: a corpus without its records is no import. A file replaced that
            # had other names (hard links) is said: they keep the old contents.
            for said in write_together(writes):
                report.warn(said)
        except BaseException:
            for kept in kept_aside:  # the files are as they were: no copy of them left behind
                kept.aside.unlink(missing_ok=True)
            raise
    written = [path for path, _data in writes]
    labels = [label for label, _kind, _about in found]
    return ImportResult(
        len(documents),
        len(records),
        sum(len(r.spans) for r in records),
        written,
        labels,
        report.lines,
        replaced,
        len(report.bad),
        dict(report.not_imported),
        sum(1 for r in records if r.doc_id in lost),
        sum(1 for r in records if r.doc_id in stale - lost),
        made_folders=made_folders,
        annotator=annotator,
        annotator_from=annotator_from,
        shipped_scheme=shipped,
        in_progress=dict(report.imported_in_progress),
        line_endings=made_lf,
        refused=refused,
        refused_formless=refused_formless,
        kept_aside=kept_aside,
        parts_not_carried=dict(report.parts_not_carried),
    )
