"""A file of ``export --format jsonl --with-text`` given to ``annotator validate``: records (a
gold file's or an annotator's) each with its document's ``text`` and ``meta`` on its line.

Read as a journal, each such line was two problems (``text: unknown field``, ``meta: unknown
field``) and nothing else of it was checked: a curator's own export failed validate, though its
lines follow schemas/gold_record_with_text.schema.json (record_with_text.schema.json from a
journal). A file is taken for such an export when half or more of its lines hold a ``text`` no
record has (the "most lines" rule another scheme's journal is told by, ``validate_foreign``).
Each line is then read as the record it holds, which gets every check a record gets, and the
document it carries (its ``doc_id``, ``text`` and ``meta``), which its spans and ``doc_sha256``
are checked against (``validate_text.line_text_problems``), with a corpus or without. A line
of such a file lacking its text is a problem; a journal's one or two lines holding a text are
still said as unknown fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from annotator.core.corpus import Corpus
from annotator.core.journal import (
    JournalContents,
    LineProblem,
    TornTail,
    cannot_read,
    cr_line_endings,
    lines_of,
    parse_json_line,
    record_problems,
)
from annotator.core.models import Document, GoldRecord, Record

# What reading such a line as a journal's says of its text.
_TEXT_UNKNOWN = ("text", "unknown field")
_MISSING = object()


def exported_with_text(contents: JournalContents) -> bool:
    """Whether half or more of the lines read as a journal hold a ``text`` no record has."""
    with_text = {problem.line for problem in contents.problems if _text_unknown(problem)}
    lines = with_text | {problem.line for problem in contents.problems}
    lines.update(line for line, _record in contents.records)
    return bool(with_text) and len(with_text) * 2 >= len(lines)


def _text_unknown(problem: LineProblem) -> bool:
    return (problem.path, problem.message) == _TEXT_UNKNOWN


@dataclass
class RecordsWithText:
    """An export with text as read: its records (and problems, torn last line) as a journal's
    are, and the document each line carries, by line (a line whose text or meta is wrong has
    none: its problem is said)."""

    contents: JournalContents
    documents: dict[int, Document] = field(default_factory=dict)

    def checked(self, corpus: Corpus | None) -> str:
        """What was checked, for the summary line: the kind of file, how many lines, and
        whether a corpus was checked against (whether the records are of its documents and
        texts needs one: the lines' own texts cannot tell)."""
        contents = self.contents
        gold = sum(isinstance(record, GoldRecord) for _line, record in contents.records)
        kinds = (["gold"] if gold else []) + (["annotator"] if len(contents.records) > gold else [])
        lines = {line for line, _record in contents.records}
        lines.update(problem.line for problem in contents.problems)
        records = " ".join([" and ".join(kinds), "records"]).strip()  # "gold records"
        head = (
            f"{contents.path}: {len(lines)} line(s) of {records} "
            "with their text (an export --with-text): each checked as a record, its spans and "
            "doc_sha256 against the text on its line"
        )
        if corpus is None:
            return (
                f"{head}; not against a corpus (--corpus checks that each is of a document of "
                "it, of the same text)"
            )
        return f"{head}, and that text against the corpus {corpus.path}"


def read_with_text(path: Path) -> RecordsWithText:
    """Every line of ``path`` as a record with its text, as ``journal.read_journal`` reads a
    journal's: problems and a torn last line reported, never dropped."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise cannot_read(path, error) from None
    read = RecordsWithText(JournalContents(path=path, size=len(data)))
    contents = read.contents
    for number, offset, raw, complete in lines_of(data):
        record, document, problems = parse_line_with_text(raw, number)
        if record is not None:
            contents.records.append((number, record))
            contents.problems.extend(problems)
            if document is not None:
                read.documents[number] = document
            if not complete:
                contents.ends_with_newline = False
        elif complete or cr_line_endings(raw):
            contents.problems.extend(problems)
        else:
            contents.torn = TornTail(number, offset, raw)
    return read


def parse_line_with_text(
    raw: bytes, line: int
) -> tuple[Record | None, Document | None, list[LineProblem]]:
    """The record a line holds (a GoldRecord when it has ``sources``), the document it carries
    (None when its text or meta is wrong), and every problem of the line."""
    try:
        data = parse_json_line(raw)
    except ValueError as error:
        return None, None, [LineProblem(line, "", str(error))]
    text = data.pop("text", _MISSING)
    meta = data.pop("meta", {})  # the export writes it; the shipped schemas do not require it
    problems = []
    if text is _MISSING:
        problems.append(
            LineProblem(
                line,
                "text",
                "required field is missing (each line of an export with text holds its "
                "document's text, as most lines of this file do)",
            )
        )
    elif not isinstance(text, str):
        problems.append(LineProblem(line, "text", "expected a string (the document's text)"))
    if not isinstance(meta, dict):
        problems.append(
            LineProblem(
                line,
                "meta",
                "expected an object (the document's meta, as the export writes it: "
                '{"source": ..., "date": ...})',
            )
        )
    model = GoldRecord if "sources" in data else Record
    try:
        record = model.model_validate(data)
    except ValidationError as error:
        found = [LineProblem(line, path, message) for path, message in record_problems(error)]
        return None, None, found + problems  # the record's fields, then text and meta
    if problems or not isinstance(text, str):
        return record, None, problems
    return record, Document(id=record.doc_id, text=text, meta=meta), problems
