"""The records an export writes, each with its document, checked (``load_items``): the first
problem of a record (of the spans its open conflicts hold too, as validate checks them) stops
the export before anything is written; what the records hold that the scheme does not know is
tallied (``export_kept``), refused or left out."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from annotator.core.corpus import Corpus
from annotator.core.errors import AnnotatorError, UsageError
from annotator.core.formats.common import Item
from annotator.core.formats.export_kept import (
    KeptFromAnotherScheme,
    KeptTally,
    other_problems,
    without_kept,
)
from annotator.core.formats.source import Selection, select_records
from annotator.core.models import Document, GoldRecord, Record
from annotator.core.null_lists import null_list_paths
from annotator.core.scheme import Scheme, load_default_scheme
from annotator.core.validate import form_model_problems, text_problems
from annotator.core.validate_conflicts import conflict_problems
from annotator.core.validate_foreign import foreign_names
from annotator.core.value_range import label_value_problem

NEEDS_CORPUS = "this export needs the texts: pass --corpus PATH"


def load_items(
    source: Path,
    corpus: Corpus | None,
    annotator: str | None,
    statuses: Sequence[str],
    scheme: Scheme | None,
    need_text: bool,
    leave_out_unknown: bool = False,
) -> tuple[list[Item], Selection, KeptTally | None]:
    """The records to export with their documents, every one checked (the first problem
    raises), the selection they came from (what was left out, whether it is gold), and what
    they hold that the scheme does not know: refused (``KeptFromAnotherScheme``) unless
    ``leave_out_unknown``, when the records come without it (a done record then left without
    a required field is left out whole, in the tally)."""
    selection = select_records(source, annotator, statuses)
    if need_text and corpus is None:
        raise UsageError(NEEDS_CORPUS)
    items = []
    # What the scheme does not know, kept from another: said of all records at once, after
    # every other problem (``export_kept``), or left out when asked.
    kept = KeptTally(scheme) if scheme is not None else None
    # Without --scheme, a record holding nothing the default scheme lacks is of it: its span
    # values and form are checked against it as validate checks them (a choice it lacks, a
    # count of words, a list left null as reviews before the check wrote gold, a span's count
    # below its label's min went out as they were, invalid). A record holding what it lacks
    # is of another scheme, and goes out as it is.
    default = load_default_scheme() if scheme is None else None
    for line, record in selection.records:
        problems: list[tuple[str, str]] = []
        if scheme is not None and kept is not None:
            trimmed = without_kept(record, scheme)
            kept.take(line, trimmed)
            others = other_problems(trimmed, scheme)
            if leave_out_unknown and trimmed.emptied:
                # A done record must not go out failing its own scheme: left out, and said
                # with the field, as a record left out for its status is said.
                kept.leave_out(line, record.doc_id, trimmed.emptied)
                continue
            if leave_out_unknown:
                record = trimmed.record
            elif (trimmed.parts or kept) and others:
                # The scheme's change may be their cause too: said with the refusal of what
                # the records hold that it does not know. A record holding none of it, after
                # records that did, stopped the export on its own problem ("form.event_type:
                # required"), the 171 spans of labels the scheme lacks never named.
                kept.also(line, others)
                others = []
            problems.extend(others)
        elif default is not None and not foreign_names(record, default):
            problems.extend(default_span_problems(record, default))
            problems.extend(default_form_problems(record, default))
        text: str | None = None
        document = None
        if corpus is not None:
            if record.doc_id not in corpus:
                problems.append(("doc_id", f"{record.doc_id!r} is not in the corpus {corpus.path}"))
            else:
                document = corpus.get(record.doc_id)
                problems.extend(text_problems(record, document))
                # Against this text unless the record is of another (said above, by doc_sha256).
                same_text = record.doc_sha256 == document.sha256
                text = document.text if same_text else None
        # A gold record's conflicts hold spans a review takes into gold (and jsonl writes):
        # checked as validate checks them, their labels and values with a scheme (a jsonl
        # export without the texts too: its own spans' labels are), against the text with one.
        problems.extend(conflict_problems(record, scheme, text))
        if problems:
            where, message = problems[0]
            more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
            way = _stale_way(record) if where == "doc_sha256" and document is not None else ""
            raise AnnotatorError(f"{source}:{line}: {where}: {message}{more}{way}")
        if document is None:  # jsonl without the texts: the record is all there is
            document = Document(id=record.doc_id, text="", meta={})
        items.append(Item(document, record))
    if kept and not leave_out_unknown:
        raise KeptFromAnotherScheme(kept, source)
    return items, selection, kept


def _stale_way(record: Record) -> str:
    """How to go on from a stale record export refuses: the refusal named no way forward."""
    if isinstance(record, GoldRecord):
        return (
            "; give --corpus the corpus the gold file was merged on, or merge the journals "
            "anew against this one (annotator merge ... --corpus)"
        )
    return (
        "; give --corpus the corpus it was annotated on, or carry the record over to this "
        "text: annotate the corpus and press ctrl+k twice on the document"
    )


def default_span_problems(record: Record, default: Scheme) -> list[tuple[str, str]]:
    """Each span value of ``record`` its label in the default scheme does not take (a count
    of -5 under its min = 0, ``label_value_problem``), as validate says it, with why: the
    form's counts were checked, a span's went out (a trial's -5, refused by validate, agree
    and merge). A copy of the default with other ranges is given with ``--scheme``."""
    problems: list[tuple[str, str]] = []
    for index, span in enumerate(record.spans):
        label = default.label(span.label)
        if label is None:
            continue  # not of the default scheme: such a record is not checked against it
        problem = label_value_problem(label, span.value)
        if problem is not None:
            said = f"{problem} (label {label.name!r}) ({_against(default)})"
            problems.append((f"spans.{index}.value", said))
    return problems


def _against(default: Scheme) -> str:
    return (
        f"checked against the default scheme {default.name}: give the scheme the records were "
        "made with, --scheme FILE, if it is another"
    )


def default_form_problems(record: Record, default: Scheme) -> list[tuple[str, str]]:
    """``record``'s form against the default scheme, each problem as validate says it
    (``form_model_problems``), with why: a list left null is what earlier reviews wrote; any
    other may be the record's own scheme's value ('occupation', a choice a copy of the default
    added), which only ``--scheme`` can say."""
    nulls = {f"form.{path}" for path in null_list_paths(record.form, default)}
    against = _against(default)
    return [
        (where, message) if where in nulls else (where, f"{message} ({against})")
        for where, message in form_model_problems(record, default)
    ]
