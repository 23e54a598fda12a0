"""The latest record of each (annotator, document) over annotators' journals, for ``compare``.

Records are kept as ``Annotation`` objects, not pydantic models: a corpus of 10,000 documents
by three annotators is 30,000 records of a dozen spans, and a model per span would take about
a gigabyte, a struct per span (``record_lines.SpanLine``) a tenth of that. Each line is still
validated in full as a Record and against the scheme before it is kept: by
``record_lines.LineCheck`` (the model's constraints, decoded by msgspec, without making
models), and where that finds anything amiss by the journal reader's own check
(``journal.parse_record_line``) and ``record_check.SchemeCheck``, whose messages are the ones
reported.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.annotation import Annotation
from annotator.core.errors import AnnotatorError
from annotator.core.formats.export_kept import Trimmed, other_problems, without_kept
from annotator.core.journal import (
    LineProblem,
    cr_line_endings,
    lines_past_mark,
    parse_record_line,
)
from annotator.core.journals_kept import JournalsKept
from annotator.core.models import GoldRecord, Record
from annotator.core.record_check import SchemeCheck
from annotator.core.record_lines import LineCheck
from annotator.core.scheme import Scheme
from annotator.core.validate_shape import shape_at


@dataclass
class LatestRecords:
    """The latest record of each (annotator, doc_id) over all files, with where it came from."""

    records: dict[tuple[str, str], Annotation] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    gold: dict[Path, str] = field(default_factory=dict)  # a gold file -> its first reviewer
    # Files given that hold no record (empty, blank lines): a trial's empty journal was
    # dropped unsaid, agree reporting "2 annotators" over three files.
    empty: list[Path] = field(default_factory=list)


def _read_file(
    file: Path,
    check: LineCheck,
    checker: SchemeCheck,
    latest: LatestRecords,
    kept: JournalsKept | None,
    leave_out: bool,
) -> dict[tuple[str, str], Annotation]:
    """The latest record of each (annotator, doc_id) of one journal, like ``read_journal``.

    A damaged complete line is an error naming file and line; an incomplete last line that
    does not parse (an interrupted write) ends the journal, with a note. Lines are read one at
    a time. A line ``check`` finds valid and fitting the scheme is kept as an Annotation in
    the loop itself (a generator handing out each of 30,000 records cost a tenth more); any
    other is read by the journal reader's own check (its messages) and checked against the
    scheme by ``checker``.

    What a record holds that the scheme does not know (``export_kept.without_kept``) is
    tallied in ``kept`` for the latest records, to be refused at once for all journals; with
    ``leave_out``, the record is kept without it, and a done record it leaves without a
    required field is left out whole. ``kept`` is None when no scheme was chosen: the records
    are refused at their first problem, asking for the scheme (``record_check``).
    """
    in_file: dict[tuple[str, str], Annotation] = {}
    # Latest records that do not fit the scheme (a later line may still set them right).
    unfit: dict[tuple[str, str], tuple[int, str]] = {}
    # Latest records holding what the scheme does not know: (line, annotator, trimmed, the
    # scheme's other problems of the record without it).
    held: dict[tuple[str, str], _Held] = {}
    of_line = Annotation.of_line
    line = check.line
    number = 0
    # As ``read_journal``: a hand edit's byte order mark is no data; a read that fails names
    # the file (/proc/self/mem said only "Input/output error").
    with lines_past_mark(file) as (handle, _mark):
        for raw in handle:
            number += 1
            # The check reads the line as it is (JSON allows the newline after it): a line
            # of 2 KB is not copied twice to test and strip it.
            checked = line(raw)
            if checked is not None:
                record = of_line(checked, number)
                key = (record.annotator, record.doc_id)
                # A later line of a document replaces the earlier, and is ordered as the
                # latest: popped, then set again.
                in_file.pop(key, None)
                if unfit:
                    unfit.pop(key, None)
                if held:
                    held.pop(key, None)
                in_file[key] = record
                continue
            try:
                parsed = _slow_line(file, raw, number)
            except _TornTail:
                shape = None if in_file else shape_at(file, number, torn=raw)
                if shape is not None:  # a JSON array on one line without a line end
                    raise AnnotatorError(shape) from None
                latest.notes.append(
                    f"{file}:{number}: incomplete last line (an interrupted write) left out"
                )
                break
            if parsed is None:
                continue
            key = (parsed.annotator, parsed.doc_id)
            in_file.pop(key, None)
            unfit.pop(key, None)
            held.pop(key, None)
            if isinstance(parsed, GoldRecord):
                latest.gold.setdefault(file, parsed.annotator)
            problem = checker.problem(file, number, parsed)
            if problem is None:
                in_file[key] = Annotation(parsed, number)
                continue
            trimmed = without_kept(parsed, checker.scheme) if kept is not None else None
            if trimmed is None or not trimmed.parts:
                unfit[key] = (number, problem)
                continue
            others = other_problems(trimmed, checker.scheme)
            held[key] = _Held(number, parsed.annotator, trimmed, others)
            if not leave_out or trimmed.emptied:
                continue  # refused with the others, or left out whole (said)
            if others:
                # The scheme's own problems of the record without what it does not know.
                said = checker.problem(file, number, trimmed.record)
                unfit[key] = (number, said or _said(file, number, others))
            else:
                in_file[key] = Annotation(trimmed.record, number)
    if unfit:
        raise AnnotatorError(min(unfit.values())[1])
    if kept is not None:
        _tally(file, held, kept, leave_out)
    return in_file


@dataclass(frozen=True)
class _Held:
    """A latest record holding what the scheme does not know."""

    line: int
    annotator: str
    trimmed: Trimmed
    others: list[tuple[str, str]]  # the scheme's other problems of the record without it


def _tally(
    file: Path, held: dict[tuple[str, str], _Held], kept: JournalsKept, leave_out: bool
) -> None:
    """Count the parts of ``file``'s latest records held (``kept``), in line order."""
    tally = kept.tally(file)
    for (_annotator, doc_id), found in sorted(held.items(), key=lambda pair: pair[1].line):
        kept.take(file, found.line, found.annotator, found.trimmed)
        if leave_out and found.trimmed.emptied:
            # A done record compared or merged must not fail its own scheme: left out, and
            # said with the field.
            tally.leave_out(found.line, doc_id, found.trimmed.emptied)
        elif not leave_out and found.others:
            tally.also(found.line, found.others)


def _said(file: Path, line: int, problems: list[tuple[str, str]]) -> str:
    where, message = problems[0]
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return f"{file}:{line}: {where}: {message}{more}"


def _slow_line(file: Path, raw: bytes, number: int) -> Record | None:
    """The Record of a line ``LineCheck`` did not take, as the journal reader reads it; None
    for a blank line. A damaged complete line is an error; an incomplete last line raises
    ``_TornTail``."""
    if not raw.strip():
        return None
    complete = raw.endswith(b"\n")
    line = raw.rstrip(b"\n")
    parsed = parse_record_line(line, number)
    if isinstance(parsed, Record):
        return parsed
    if complete or cr_line_endings(line):  # CR line endings: no interrupted write
        raise AnnotatorError(shape_at(file, number) or _first_problem(file, parsed))
    raise _TornTail(number)


class _TornTail(Exception):
    def __init__(self, line: int) -> None:
        self.line = line


def _first_problem(file: Path, problems: list[LineProblem]) -> str:
    more = len(problems) - 1
    extra = f" (and {more} more on this line)" if more else ""
    return problems[0].format(file) + extra


def read_latest_records(
    files: list[Path],
    scheme: Scheme,
    *,
    corpus: Path | None = None,
    doing: str = "compared",
    leave_out_unknown: bool = False,
) -> LatestRecords:
    """The latest records of ``files``, each checked against ``scheme``; a damaged line, a
    record that does not fit the scheme, or one annotator in two files is an error.

    What the records hold that a scheme chosen does not know (another version's labels,
    fields, choice values) is refused once for all journals, each part counted
    (``journals_kept``); with ``leave_out_unknown`` the records are read without it, a note
    said for each part. ``corpus`` is named in the annotate command the refusal gives;
    ``doing`` says what becomes of the records ("compared", "merged")."""
    latest = LatestRecords()
    checker = SchemeCheck(scheme, corpus)
    check = LineCheck(scheme)
    # Tallied when the scheme was chosen, or when asked to leave them out: without a scheme
    # chosen, the first problem asks for one (the journals' own is likely missing).
    chosen = scheme.chosen_file is not None or leave_out_unknown
    kept = JournalsKept(scheme, corpus, doing) if chosen else None
    for file in files:
        in_file = _read_file(file, check, checker, latest, kept, leave_out_unknown)
        if kept is not None and file in latest.gold:
            kept.gold.add(file)
        if not in_file:
            latest.empty.append(file)
        for name in sorted({annotator for annotator, _doc in in_file}):
            other = latest.files.get(name)
            if other is not None:
                raise AnnotatorError(_one_name_twice(latest, file, other, name))
            latest.files[name] = file
        latest.records.update(in_file)
    if kept and not leave_out_unknown:
        raise AnnotatorError(kept.refusal())
    if kept is not None:
        latest.notes.extend(kept.left_out_lines())
    return latest


def _one_name_twice(latest: LatestRecords, file: Path, other: Path, name: str) -> str:
    """The refusal of ``name``'s records in ``file`` and in ``other``, with what to do."""
    same = " (the same file given twice?)" if other.resolve() == file.resolve() else ""
    said = f"{file}: annotator {name!r} also has records in {other}{same}: each annotator's work "
    said += "must come from one journal"
    rename = "two people sharing a name must be renamed before they can be compared"
    journals = [path for path in (file, other) if path not in latest.gold]
    if same:
        return f"{said}; {rename}"
    if len(journals) == 2:
        return f"{said}; {rename}: {rename_command(file, name)}"
    # A gold file bears its reviewer's name, and rename takes no gold file: a trial's error
    # named ``rename GOLD``, which rename refused. The annotator's journal can be renamed.
    if not journals:
        return (
            f"{said}; both are gold files by reviewer {name!r}, and rename takes no gold file: "
            "compare each with the annotators' journals on its own"
        )
    gold = other if journals[0] == file else file
    return (
        f"{said}; {gold} is a gold file by reviewer {name!r}, and rename takes no gold file: "
        f"to compare gold with {name}'s work, give {name}'s journal another name: "
        f"{rename_command(journals[0], name)}, and give {journals[0].with_name('NEW.jsonl')} in "
        "its place"
    )


def rename_command(file: Path, name: str) -> str:
    """The command giving ``name``'s records in ``file`` another name, NEW, beside it."""
    out = file.with_name("NEW.jsonl")
    return shlex.join(
        ["annotator", "rename", str(file), "--from", name, "--to", "NEW", "-o", str(out)]
    )
