"""``annotator validate``: every problem of journal lines, against the models, text and scheme
(and of the lines of an export with text, each against the text it holds: validate_with_text).

Problems are lines ``FILE:LINE: path: message`` (path as pydantic gives it, e.g. ``spans.2.end``),
or ``FILE: message`` for the whole file. Nothing here writes.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import Any

from annotator.core.corpus import Corpus
from annotator.core.errors import AnnotatorError
from annotator.core.form_complete import empty_required
from annotator.core.forms import empty_items, path_words, resolve_path
from annotator.core.journal import LineProblem, read_journal
from annotator.core.models import Document, Record
from annotator.core.null_lists import null_list_words
from annotator.core.scheme import Scheme
from annotator.core.validate_conflicts import (
    conflict_spans,
    conflict_text_problems,
    conflict_value_problems,
    unknown_label,
)
from annotator.core.validate_foreign import (
    ForeignTally,
    another_scheme_hint,
    made_with_another_scheme,
)
from annotator.core.validate_history import (
    HistoryTally,
    forward_words,
    label_forward,
    labels_unknown,
    latest_line_numbers,
    latest_records,
    not_of_fit,
)
from annotator.core.validate_shape import not_a_journal
from annotator.core.validate_summary import FileRead, read_as
from annotator.core.validate_text import corpus_text_problems, line_text_problems, short_repr

# The checks of a record against a text, moved to validate_text: their readers (compare,
# export, import) still import them from here.
from annotator.core.validate_text import line_ending_variants as line_ending_variants
from annotator.core.validate_text import span_text_problems as span_text_problems
from annotator.core.validate_text import text_problems as text_problems
from annotator.core.validate_unknown_labels import LabelTally
from annotator.core.validate_with_text import RecordsWithText, exported_with_text, read_with_text
from annotator.core.value_range import bound_words, label_value_problem

# What a done record's empty required field is told (import picks its lines out by it).
REQUIRED_WORDS = "required when status is done"


def scheme_problems(
    record: Record, scheme: Scheme, *, unknown_labels: bool = True
) -> Iterator[tuple[str, str]]:
    """Labels, values, form and links checked against the scheme in force (without the
    spans of unknown labels when not ``unknown_labels``: ``validate_files`` tallies them)."""
    for index, span in enumerate(record.spans):
        label = scheme.label(span.label)
        if label is None:
            if unknown_labels:
                yield (f"spans.{index}.label", unknown_label(span.label, scheme))
            continue
        problem = label_value_problem(label, span.value)
        if problem is not None:
            yield (f"spans.{index}.value", f"{problem} (label {label.name!r})")
    yield from every_form_problem(record, scheme)
    yield from link_problems(record, scheme)


def form_problems(record: Record, scheme: Scheme) -> Iterator[tuple[str, str]]:
    """The form's problems against the scheme's model, or, when it fits, the required fields
    a done record left empty (``required_problems``: at the top and in group items, as ``d``
    refuses them): what the import asks (it drops a form that does not fit whole, then says
    its required fields empty), and merge and compare of a line their fast check
    (``form_lines.FormCheck``, the same rule) sends here. ``validate`` says both:
    ``every_form_problem``."""
    found = list(form_model_problems(record, scheme))
    yield from found or required_problems(record, scheme)


def every_form_problem(record: Record, scheme: Scheme) -> Iterator[tuple[str, str]]:
    """The form's problems against the model, then, in a done record, each required field
    ``d`` would refuse as empty (``form_complete.empty_required``, in group items too), but
    those a problem of the model already named (a bad value, an item that is no object). A
    done record holding an unknown field and lacking a required one was said to have the
    unknown field only, and was found wanting again once that was mended; and a release
    lacking its required count passed, though ``d`` refused it."""
    said: list[str] = []
    for path, message in form_model_problems(record, scheme):
        said.append(path.removeprefix("form."))
        yield (path, message)
    if record.status != "done":
        return
    for place in empty_required(record, scheme):
        if not any(_within(place.dotted, path) or _within(path, place.dotted) for path in said):
            yield (f"form.{place.dotted}", REQUIRED_WORDS)


def _within(path: str, outer: str) -> bool:
    """``path`` is ``outer`` or lies inside it (``releases.0.count`` within ``releases``)."""
    return path == outer or path.startswith(f"{outer}.")


def form_model_problems(record: Record, scheme: Scheme) -> Iterator[tuple[str, str]]:
    """The form against the scheme's form model (``form.releases.0.count``: a bad value)."""
    from pydantic import ValidationError

    from annotator.core.journal import record_problems

    try:
        scheme.form_model.model_validate(record.form)
    except ValidationError as error:
        for (path, message), item in zip(record_problems(error), error.errors(), strict=True):
            if item["type"] == "literal_error":  # a choice: which value, a renamed one's old?
                message = f"{item['input']!r} is not one of its choices ({item['ctx']['expected']})"
            # A count below its min, said as a span's; a list an earlier review wrote null.
            message = bound_words(item) or null_list_words(item) or message
            yield (f"form.{path}", message)


def required_problems(record: Record, scheme: Scheme) -> Iterator[tuple[str, str]]:
    """Each required field a done record left empty (``form_complete.empty_required``:
    ``form.releases.1.count``), for a form the model takes."""
    if record.status != "done":
        return
    for place in empty_required(record, scheme):
        yield (f"form.{place.dotted}", REQUIRED_WORDS)


def link_problems(record: Record, scheme: Scheme) -> Iterator[tuple[str, str]]:
    return links_problems(record.links, record.form, scheme)


def links_problems(
    links: dict[str, list[str]], form: dict[str, Any], scheme: Scheme
) -> Iterator[tuple[str, str]]:
    """``link_problems`` of a record's ``links`` and ``form`` (already valid as a Record)."""
    for path in links:
        # The form's own reading of a path (``forms.resolve_path``), as every other use of
        # a link reads it: a top-level field, or a field of a group's item.
        try:
            top, index, _leaf = resolve_path(scheme, path)
        except AnnotatorError:
            yield (f"links.{path}", "not a field of the form")
            continue
        if index is None and top.type == "group":  # a group holds items, not a value
            yield (f"links.{path}", "not a field of the form")
        elif index is not None and index >= len(form.get(top.name) or []):
            yield (f"links.{path}", f"{top.name} has no item {index}")


def link_label_warnings(record: Record, scheme: Scheme) -> Iterator[tuple[str, str]]:
    """Links to a span whose label is not the one the field is filled from. ctrl+l refuses to
    make them, and a relabel drops them, but journals written before that may hold them: told,
    not refused, as such a journal was valid when it was written."""
    for path, span_ids in record.links.items():
        try:
            _, _, leaf = resolve_path(scheme, path)
        except AnnotatorError:
            continue  # not a field of the form: link_problems says so
        for span_id in span_ids:
            span = record.span_by_id(span_id)
            if span is None or leaf.from_label == span.label:
                continue
            source = f"{leaf.from_label} spans" if leaf.from_label else "spans"
            yield (
                f"links.{path}",
                f"warning: links {span_id} ({span.label} {short_repr(span.text)}), but the field "
                f"is {'' if leaf.from_label else 'not '}filled from {source}",
            )


def empty_item_warnings(record: Record, scheme: Scheme) -> Iterator[tuple[str, str]]:
    """Items of a group that hold nothing (``forms.empty_items``: every field empty, no link)
    in a done record. ``d`` refuses them, but journals written before that may hold them (an
    item added by a slip of enter, left empty): told, not refused, as such a journal was valid
    when it was written."""
    if record.status != "done":
        return  # an item just added is empty until it is filled
    for path in empty_items(record, scheme):
        group, _, index = path.rstrip("]").partition("[")
        yield (
            f"form.{group}.{index}",
            f"warning: {path_words(path)} is empty (no value, no link) in a done record: "
            "fill it or remove it",
        )


def validate_files(
    files: list[Path],
    corpus: Corpus | None,
    scheme: Scheme,
    warnings: list[str] | None = None,
    checked: list[FileRead] | None = None,
    histories: list[str] | None = None,
) -> list[str]:
    """Every problem of every file, one line each, in file and line order. Lines that are
    worth a look but not wrong (``link_label_warnings``, ``empty_item_warnings``) go to
    ``warnings`` when it is given; what each file read as records was read as (and what was
    checked of an export with text: ``RecordsWithText.checked``), to ``checked``, for the
    summary line (``validate_summary``); each file's line on its history, to ``histories``."""

    @lru_cache(maxsize=64)
    def document(doc_id: str) -> Document | None:
        return corpus.get(doc_id) if corpus is not None and doc_id in corpus else None

    out: list[str] = []
    given = corpus.path if corpus is not None else None  # named in annotate's command
    for file in files:
        try:
            contents = read_journal(file)
        except AnnotatorError as error:
            out.append(str(error))
            continue
        shape = not_a_journal(file, contents, with_text_read=True)
        if shape is not None:  # one line, not every field of every line
            out.append(shape)
            continue
        with_text: RecordsWithText | None = None
        if exported_with_text(contents):  # its lines checked for what they are
            try:
                with_text = read_with_text(file)
            except AnnotatorError as error:
                out.append(str(error))
                continue
            contents = with_text.contents
        if checked is not None:
            said = with_text.checked(corpus) if with_text is not None else None
            checked.append(FileRead(file, read_as(contents), said))
        problems = list(contents.problems)
        said_of = {problem.line for problem in problems}  # an export's text or meta, say
        # A wrong corpus is one problem, not one per line (a trial's gold file gave 32 lines
        # of "is not in the corpus", one per line of its history).
        elsewhere = (
            corpus is not None
            and len(contents.records) > 1
            and not any(record.doc_id in corpus for _line, record in contents.records)
        )
        if elsewhere and corpus is not None:
            first = contents.records[0][1].doc_id
            out.append(
                f"{file}: none of its {len(contents.records)} record(s) is of a document in "
                f"the corpus {corpus.path} (first: {first!r}): is it the corpus they were "
                "made on?"
            )
        # Warnings are of what a document is now, its last line (thirty saves of a document
        # with one old link warned thirty times); a line a later one of its document
        # supersedes that does not fit the scheme given is history (validate_history).
        last = {record.doc_id: line for line, record in contents.records}
        latest = latest_line_numbers(contents.records)
        history = HistoryTally()
        gold = read_as(contents) == "gold file"
        labels = LabelTally()
        # Another scheme's journal: the problems of each field it lacks said once, not per
        # line; judged by what the latest records hold (history may be of another scheme).
        now = latest_records(contents.records)
        foreign = ForeignTally(scheme) if made_with_another_scheme(now, scheme) else None
        # Then the file's own line asks for its scheme, when none was given: not each line.
        asked = foreign is not None and scheme.chosen_file is None
        for line, record in contents.records:
            fit = list(scheme_problems(record, scheme, unknown_labels=False))
            # A gold line's conflicts hold spans a review draws and takes: checked as its own.
            held = conflict_spans(record)
            held_fit = list(conflict_value_problems(held.spans, scheme))
            text: list[tuple[str, str]] = []  # against the text (the line's own, the corpus')
            # An export with text: the line's own text, its spans' and hash's, corpus or none.
            own = with_text.documents.get(line) if with_text is not None else None
            if own is not None:
                text.extend(line_text_problems(record, own))
                text.extend(conflict_text_problems(held.spans, own.text))
            if corpus is not None and not elsewhere:
                doc = document(record.doc_id)
                if doc is None:
                    text.append(("doc_id", f"{record.doc_id!r} is not in the corpus {corpus.path}"))
                elif own is not None:
                    if last[record.doc_id] == line:  # history may be of an older text
                        text.extend(corpus_text_problems(own, doc, str(corpus.path)))
                elif record.doc_sha256 == doc.sha256 or last[record.doc_id] == line:
                    # A line a later one supersedes, made for an older text, is history (a
                    # start over, undone): only a document's last line must be of this text.
                    text.extend(text_problems(record, doc))
                    if record.doc_sha256 == doc.sha256:  # else said once, by doc_sha256
                        text.extend(conflict_text_problems(held.spans, doc.text))
            if line not in latest and line not in said_of:
                # Problems on any line (validate_history): a superseded line without them that
                # does not fit the scheme given is history, counted once for the file.
                kept = held.problems + not_of_fit(fit + held_fit) + text
                unfit = [*labels_unknown(record, held.spans, scheme), *fit, *held_fit]
                if not kept and unfit:
                    history.take(line, record, unfit)
                    continue
            if line in latest and not asked:  # the way forward, as agree says it
                fit = forward_words(record, fit, scheme, file, given)
            found = fit + held.problems + held_fit + text
            if foreign is not None:
                found = foreign.take(line, record, found)
            labels.add(line, record, scheme)
            for path, one in held.spans:
                labels.add_label(line, f"{path}.label", one.label, scheme)
            problems.extend(LineProblem(line, path, message) for path, message in found)
            # A line's warnings are said when it has no problem, said or tallied.
            tallied = labels.on_line(line) or (foreign is not None and foreign.on_line(line))
            clean = not found and not tallied and line not in said_of
            if warnings is not None and clean and last[record.doc_id] == line:
                warnings.extend(
                    LineProblem(line, path, message).format(file)
                    for path, message in chain(
                        link_label_warnings(record, scheme), empty_item_warnings(record, scheme)
                    )
                )
        if contents.torn is not None:
            problems.append(
                LineProblem(
                    contents.torn.line,
                    "",
                    "incomplete last line (an interrupted write); the store sets it aside "
                    "when the journal is next opened for writing",
                )
            )
        named = contents.records[0][1].annotator if contents.records else None
        forward = "" if asked else label_forward(scheme, gold, file, named, given)
        problems.extend(labels.problems(scheme, forward, latest))
        if foreign is not None:
            problems.extend(foreign.problems())
        problems.sort(key=lambda problem: problem.line)
        out.extend(problem.format(file) for problem in problems)
        hint = labels.hint(file, corpus, scheme)
        if hint is None and foreign is not None:
            hint = another_scheme_hint(file, scheme)
        if hint is not None and warnings is not None:
            warnings.append(hint)
        superseded = history.said(file, scheme, foreign is not None)
        if superseded is not None and histories is not None:
            histories.append(superseded)
    return out
