"""Label Studio JSON: a list of tasks, ``data.text`` and ``annotations[].result[].value``.

Written for the labelling config ``<Labels name="label" toName="text">`` over
``<Text name="text" value="$text"/>`` (docs/formats.md has it whole); the document id and meta go
in the task's ``meta``. Read: a list of tasks or one task; the text is ``data[KEY]`` with
``--text-key KEY``, else ``data.text``, else the data key a result names (``"source": "$key"``),
else the one text field of ``data``. Older exports
call the annotations ``completions``; a task holding both has both read (the first kept is
imported, the others reported). ``drafts`` (saved, never submitted) are reported. Of the
imported annotation, ``lead_time`` (seconds spent on it) becomes the record's ``seconds_spent``
and ``updated_at`` its ``updated_at`` (an export writes both back), and each result's ``id`` its
span's id (an export writes a span's id as its result's: exported again, the file is the same);
its other fields (``completed_by``, ``reviews``, ``ground_truth``, ...) and the task's own are
counted, one line each (``labelstudio_fields``). Relation results between spans are kept in the
record's note as brat R lines (``labelstudio_relations``).
Cancelled annotations are not labels, nor are predictions
(model output), unless asked for (``predictions``): then each task's prediction of one model
version (the first found in the file) is read instead of its annotations, as a record in
progress, pre-annotations for someone to correct; the annotator is named after that
``model_version`` (``model_annotator``) unless the import names one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from annotator.core.errors import AnnotatorError
from annotator.core.formats.common import (
    ImportedDoc,
    ImportedSpan,
    decode,
    line_id,
    read_bytes,
    require_offset,
    without_bom,
)
from annotator.core.formats.held_kinds import said_key
from annotator.core.formats.import_checks import BadSpan, ImportReporter
from annotator.core.formats.labelstudio_fields import FieldsSaid, lead_time, updated_at
from annotator.core.formats.labelstudio_lines import Lines, parsed
from annotator.core.formats.labelstudio_relations import is_relation, read_relation_results
from annotator.core.formats.labelstudio_text import refuse_text_address
from annotator.core.formats.offsets import Utf16Offsets
from annotator.core.formats.relation_lines import as_brat_spans


@dataclass
class PredictedDoc(ImportedDoc):
    """A task read with its prediction as the labels: whose model made them."""

    model_version: Any = None


@dataclass(frozen=True)
class _Reading:
    """What to read of each task: its annotations, or (``predictions``) its prediction of the
    model version ``version``."""

    predictions: bool = False
    version: Any = None


def read(
    path: Path,
    utf16: bool,
    report: ImportReporter,
    predictions: bool = False,
    text_key: str | None = None,
) -> list[ImportedDoc]:
    """The tasks of ``path``; the text under ``data[text_key]`` when given (``--text-key``),
    else as ``_text_key`` finds it."""
    raw = without_bom(read_bytes(path))
    try:
        data, lines = parsed(raw)
    except orjson.JSONDecodeError as error:
        decode(raw, path)
        raise AnnotatorError(f"{path}: invalid JSON: {error}") from None
    tasks = [data] if isinstance(data, dict) else data
    if not isinstance(tasks, list):
        raise AnnotatorError(f"{path}: expected a list of Label Studio tasks")
    reading = _Reading(True, _first_version(tasks)) if predictions else _Reading()
    docs = []
    said = FieldsSaid("prediction" if predictions else "annotation")  # said once per kind
    for index, task in enumerate(tasks):
        where = f"{_at(path, lines, task)} task {index + 1}{_named(task)}"
        if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
            raise AnnotatorError(
                f"{where}: data: required object is missing (not a Label Studio task)"
            )
        key = _given_text_key(task, where, text_key) if text_key else _text_key(task, where)
        refuse_text_address(task["data"][key], key, where)
        doc = _task(task, key, index, path, where, utf16, report, reading, said, lines)
        docs.append(doc)
    said.say(path, report)
    return docs


def _predictions(task: Any) -> list[dict[str, Any]]:
    found = task.get("predictions") if isinstance(task, dict) else None
    return [p for p in found or [] if isinstance(p, dict)] if isinstance(found, list) else []


def _first_version(tasks: list[Any]) -> Any:
    """The model version of the file's first prediction: the one model an import reads."""
    for task in tasks:
        for prediction in _predictions(task):
            return prediction.get("model_version")
    return None


def model_annotator(docs: Sequence[ImportedDoc], source: Path) -> str:
    """The annotator named after the model version of the predictions read: ``model 1`` →
    ``model_1`` (the names annotate takes)."""
    versions = [doc.model_version for doc in docs if isinstance(doc, PredictedDoc)]
    version = versions[0] if versions else None
    name = re.sub(r"[^A-Za-z0-9._@-]+", "_", str(version or ""))
    name = re.sub(r"^[^A-Za-z0-9]+|[^A-Za-z0-9]+$", "", name)  # as annotate takes names
    if not name:
        said = f"model_version {version!r}"
        if version is None:
            said = "the predictions name no model_version" if versions else "no predictions"
        raise AnnotatorError(
            f"{source}: {said}: nothing to name the annotator after; name one with --annotator"
        )
    return name


def _at(path: Path, lines: Lines, entry: Any) -> str:
    """``tasks.json:12:``: the file and the line ``entry`` (a task or a result) starts on, as
    every format names a place; ``tasks.json:`` when the line is not known
    (``labelstudio_lines``)."""
    line = lines.of(entry)
    return f"{path}:{line}:" if line is not None else f"{path}:"


def _named(task: Any) -> str:
    """`` (id 7)`` for a task with an id: messages count tasks from 1, the tool shows its ids."""
    ident = task.get("id") if isinstance(task, dict) else None
    if isinstance(ident, int | str) and not isinstance(ident, bool) and str(ident):
        return f" (id {ident})"
    return ""


def _text_key(task: dict[str, Any], where: str) -> str:
    data = task["data"]
    if isinstance(data.get("text"), str):
        return "text"
    for _name, annotation in _annotation_lists(task):
        for result in annotation.get("result") or []:
            source = result.get("source") if isinstance(result, dict) else None
            if isinstance(source, str) and source.startswith("$") and source[1:] in data:
                return str(source[1:])
    keys: list[str] = [str(key) for key, value in data.items() if isinstance(value, str)]
    if len(keys) == 1:
        return keys[0]
    if not keys:
        raise AnnotatorError(f"{where}: data: no text field")
    raise AnnotatorError(
        f"{where}: data: several text fields ({', '.join(map(said_key, keys))}) and none is "
        "called text; "
        "name the text's with --text-key KEY"
    )


def _given_text_key(task: dict[str, Any], where: str, key: str) -> str:
    """``key`` (``--text-key``), when ``data`` holds a text there."""
    value = task["data"].get(key)
    if isinstance(value, str):
        return key
    keys = [str(k) for k, v in task["data"].items() if isinstance(v, str)]
    found = "missing" if value is None else "not a string"
    raise AnnotatorError(
        f"{where}: data.{key}: {found} (--text-key {key}); the text fields here: "
        f"{', '.join(map(said_key, keys)) or 'none'}"
    )


def _annotation_lists(task: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(``annotation 1``, annotation)... then (``completion 1``, completion)...: a task holding
    both (an export of an older project) loses neither."""
    out = []
    for key, kind in (("annotations", "annotation"), ("completions", "completion")):
        found = task.get(key)
        if isinstance(found, list):
            entries = [a for a in found if isinstance(a, dict)]
            out += [(f"{kind} {number}", a) for number, a in enumerate(entries, start=1)]
    return out


def _task(
    task: dict[str, Any],
    key: str,
    index: int,
    path: Path,
    where: str,
    utf16: bool,
    report: ImportReporter,
    reading: _Reading,
    said: FieldsSaid,
    lines: Lines,
) -> ImportedDoc:
    text: str = task["data"][key]
    raw_meta = task.get("meta") or {}
    if not isinstance(raw_meta, dict):
        raise AnnotatorError(f"{where}: meta: expected an object")
    meta: dict[str, Any] = dict(raw_meta)
    doc_id = meta.pop("doc_id", None)
    if not isinstance(doc_id, str) or not doc_id:
        raw_id = task.get("id")
        if isinstance(raw_id, int | str) and not isinstance(raw_id, bool) and str(raw_id):
            doc_id = str(raw_id)
        else:
            doc_id = line_id(path.stem, index + 1)
    for other, value in task["data"].items():
        if other != key:
            meta.setdefault(other, value)
    entry = "prediction" if reading.predictions else "annotation"
    said.task(task)
    _drafts(task, where, report)
    kept = _candidates(task, where, report, reading)
    if not kept:
        return ImportedDoc(doc_id, text, where, meta=meta, spans=None)
    name, chosen = kept[0]
    if len(kept) > 1:
        others = [other for other, _ in kept[1:]]
        named = "" if all(o.startswith(entry) for o in others) else f": {', '.join(others)}"
        report.not_carried(
            f"{where}: {len(kept) - 1} more {entry}(s) after {name} not imported{named} "
            "(one import holds one annotator's work)",
            f"further {entry}(s)",
            len(kept) - 1,
        )
    task_at = where.removeprefix(_at(path, lines, task)).lstrip()
    line = lines.of(task)
    said_at = task_at if line is None else f"{task_at}, line {line}"
    said.annotation(chosen, said_at)
    offsets = Utf16Offsets(text) if utf16 else None
    spans = []
    relations = []
    for position, result in enumerate(chosen.get("result") or [], start=1):
        # The line the result starts on, where a message about it, or its spans, sends one.
        at = f"{_at(path, lines, result)} {task_at}: {name}: result {position}"
        if is_relation(result):  # read once the spans keep their results' ids
            relations.append((at, result))
            continue
        value = result.get("value") if isinstance(result, dict) else None
        if not isinstance(value, dict) or "labels" not in value or "start" not in value:
            kind = result.get("type") if isinstance(result, dict) else None
            report.not_carried(
                f"{at}: a {kind or 'non-span'} result is not imported (spans only)",
                "result(s) that are not spans",
            )
            continue
        said.tags(result, said_at)
        ident = result.get("id")
        spans.extend(_result_spans(value, at, offsets, ident if isinstance(ident, str) else None))
    _keep_result_ids(spans, f"{where}: {name}", report)
    brat_lines = read_relation_results(relations, spans, f"{where}: {name}", report)
    if brat_lines:  # the spans the relations name are kept in the note as brat's
        spans = as_brat_spans(spans, text)
    doc = ImportedDoc(doc_id, text, where, meta=meta, spans=spans, kept=brat_lines)
    if reading.predictions:  # pre-annotations: someone is to correct them
        held = {**vars(doc), "status": "in_progress"}
        return PredictedDoc(**held, model_version=reading.version)
    doc.seconds_spent = lead_time(chosen) or 0.0
    doc.updated_at = updated_at(chosen)
    return doc


def _drafts(task: dict[str, Any], where: str, report: ImportReporter) -> None:
    """A task's drafts: work saved and never submitted, so not labels; said, with how many
    spans they hold."""
    drafts = task.get("drafts")
    if not isinstance(drafts, list) or not drafts:
        return
    results = sum(len(draft.get("result") or []) for draft in drafts if isinstance(draft, dict))
    report.not_carried(
        f"{where}: {len(drafts)} draft(s) with {results} result(s) not imported (saved in "
        "Label Studio, never submitted: not labels)",
        "draft(s)",
        len(drafts),
    )


def _candidates(
    task: dict[str, Any], where: str, report: ImportReporter, reading: _Reading
) -> list[tuple[str, dict[str, Any]]]:
    """The task's annotations that are labels (numbered from 1), or with ``predictions`` its
    predictions of the model version read; what is left is reported."""
    predictions = _predictions(task)
    annotations = _annotation_lists(task)
    kept = []
    if not reading.predictions:
        if predictions:
            report.not_carried(
                f"{where}: {len(predictions)} prediction(s) not imported (model output, not "
                "labels; --predictions imports them as pre-annotations)",
                "prediction(s)",
                len(predictions),
            )
        for name, annotation in annotations:
            if annotation.get("was_cancelled"):
                report.not_carried(
                    f"{where}: {name} was cancelled; not imported",
                    "cancelled annotation(s)",
                )
            else:
                kept.append((name, annotation))
        return kept
    if annotations:
        report.not_carried(
            f"{where}: {len(annotations)} annotation(s) not imported (--predictions reads the "
            "model's; import the annotations without it)",
            "annotation(s) beside predictions",
            len(annotations),
        )
    for number, prediction in enumerate(predictions, start=1):
        version = prediction.get("model_version")
        if version != reading.version:
            report.not_carried(
                f"{where}: prediction {number} is of model_version {version!r}, not "
                f"{reading.version!r}; not imported (one import holds one model's)",
                "prediction(s) of another model",
            )
        else:
            kept.append((f"prediction {number}", prediction))
    return kept


def _keep_result_ids(spans: list[ImportedSpan], where: str, report: ImportReporter) -> None:
    """Each span keeps its result's id as its own (an export writes a span's id as its
    result's, so an export of the import is the file exported; ``s5`` before ``s3`` became
    ``s3``), unless the ids are not one a span: then every span is numbered in text order
    (``import_record.build_record``), which is said."""
    # A bad span is left out (--skip-bad) or refuses the import: its id is none of the record's.
    read = [span for span in spans if not isinstance(span, BadSpan)]
    given = [span.span_id for span in read]
    if (all(given) and len(set(given)) == len(given)) or not any(given):
        return
    twice = sorted({i for i in given if i and given.count(i) > 1})
    # A result of several labels gives its id to the first one's span (``_result_spans``):
    # the others were said to have no result id, though their result has one.
    with_id = {span.where for span in read if span.span_id}
    further = sum(1 for span in read if span.span_id is None and span.where in with_id)
    without = given.count(None) - further
    reasons = [f"{without} span(s) have no result id"] if without else []
    if further:
        reasons.insert(0, f"{further} span(s) are a further label of a result, which has one id")
    why = (
        f"id {twice[0]!r} is given to {given.count(twice[0])} spans"
        if twice
        else "; ".join(reasons)
    )
    report.warn(
        f"{where}: result ids not kept as span ids ({why}): the spans are numbered s1, s2, ... "
        "in text order"
    )
    for span in spans:
        span.span_id = None


def _result_spans(
    value: dict[str, Any], at: str, offsets: Utf16Offsets | None, ident: str | None
) -> list[ImportedSpan]:
    """The spans of one result, the first of its labels with the result's id ``ident`` (a
    result of two labels gives two spans: the second has none of its own)."""
    start = require_offset(value, "start", at, "value.start")
    end = require_offset(value, "end", at, "value.end")
    labels = value.get("labels")
    if not isinstance(labels, list) or not all(isinstance(label, str) for label in labels):
        raise AnnotatorError(f"{at}: value.labels: expected a list of label names")
    if not labels:
        problem = f"{at}: value.labels: empty, the span has no label"
        return [BadSpan(start, end, "", at, problem=problem)]
    if offsets is not None:
        start_cp, end_cp = offsets.from_utf16(start), offsets.from_utf16(end)
        if start_cp is None or end_cp is None:
            problem = f"{at}: {start}..{end} (UTF-16) cuts a character in two"
            return [BadSpan(start, end, labels[0], at, problem=problem)]
        start, end = start_cp, end_cp
    surface = value.get("text")
    spans: list[ImportedSpan] = []
    for number, label in enumerate(labels):
        if not label:
            problem = f"{at}: value.labels.{number}: empty label"
            spans.append(BadSpan(start, end, label, at, problem=problem))
            continue
        spans.append(
            ImportedSpan(
                start,
                end,
                label,
                at,
                surface=surface if isinstance(surface, str) else None,
                span_id=ident if number == 0 and ident else None,
            )
        )
    return spans
