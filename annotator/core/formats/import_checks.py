"""Imported spans checked against their text, and the report of one import.

Two kinds of span are not imported. A span that is bad data (outside its text, empty, with no
label, cutting a character in two, or whose surface text disagrees with the document) means the
source or the options are wrong (offsets counted in UTF-16 units, say): import lists each one and
refuses unless ``--skip-bad``. What a format holds that a record cannot carry (relations,
cancelled annotations, a duplicate span) is reported and counted, and the import goes on.
The record built from what is kept: ``import_record``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from annotator.core.formats import UTF16_FORMATS
from annotator.core.formats.common import (
    ImportedDoc,
    ImportedSpan,
    Reporter,
    Sink,
    each_or_summary,
)
from annotator.core.formats.import_offsets import cut_character, range_problem, utf16_fits
from annotator.core.formats.jsonl import RecordLineDoc
from annotator.core.formats.offsets import Utf16Offsets, has_astral
from annotator.core.models import sha256_text
from annotator.core.validate import line_ending_variants

# Said after a bad span of a file from a JavaScript tool when its offsets, read as UTF-16
# units, would make it fit.
UTF16_HINT = " (offsets counted in UTF-16 units? import with --offsets utf16)"


@dataclass
class BadSpan(ImportedSpan):
    """A span a reader already knows is bad data (an empty label, UTF-16 offsets that split a
    character): ``problem`` is its line. It stays among its document's spans until
    ``check_spans``, so the document it was lost from is known (its record is then not done)."""

    problem: str = ""


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
        self.bad_records: list[str] = []  # records made for another text (doc_sha256)
        self.not_imported: dict[str, int] = {}
        # Keys of items that were imported, not carried (Prodigy's ``_task_hash``), by what
        # they are, ``_task_hash of {} task(s)``: how many items held one.
        self.parts_not_carried: dict[str, int] = {}
        self.values_read = 0  # count and date values read from the spans' words
        # What was imported in progress rather than done, by what it is: how many.
        self.imported_in_progress: dict[str, int] = {}
        self._not_done: list[tuple[str, str, int]] = []  # ``not_done_in_source``'s
        self._per_document: dict[str, tuple[list[str], Callable[[int], str]]] = {}

    def bad_span(self, message: str) -> None:
        """A span that is bad data, left out (``message`` names file, line and field)."""
        self.bad.append(message)
        self.warn(message)

    def bad_record(self, message: str) -> None:
        """A record that is bad data as a whole (``message`` names file, line and field)."""
        self.bad_records.append(message)
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

    def part_not_carried(self, message: str, what: str, count: int) -> None:
        """``count`` items imported without a key of theirs (``what``: ``_task_hash of {}
        task(s)``): the summary says them apart from what was not imported at all, which a
        trial's ``not imported: 14 task(s) with _task_hash`` read as 14 tasks dropped."""
        self.parts_not_carried[what] = self.parts_not_carried.get(what, 0) + count
        self.warn(message)

    def not_done_in_source(self, message: str, what: str, count: int) -> None:
        """``count`` of ``what`` (``unanswered task(s)``) the source marks not done (``message``
        says how). What becomes of them depends on the options, so it is said then
        (``say_not_done``)."""
        self._not_done.append((message, what, count))

    def say_not_done(self, status: str | None, records: bool) -> None:
        """Each ``not_done_in_source`` line, with what became of it: no record (``records``
        false: no --annotations), records of ``status`` as --status asked, or else records in
        progress, counted in the summary."""
        for message, what, count in self._not_done:
            if not records:
                self.warn(message)
            elif status is not None and status != "in_progress":
                self.warn(f"{message}; imported {status}, as --status {status} asks")
            else:
                self.imported_in_progress[what] = self.imported_in_progress.get(what, 0) + count
                self.warn(f"{message}; their spans are imported in_progress, not done")
        self._not_done.clear()

    def per_document(self, kind: str, line: str, summary: Callable[[int], str]) -> None:
        """One document's ``line`` about ``kind``. Past DETAIL_UP_TO documents, ``finish`` says
        ``summary(documents)`` of the first document's call instead of every line."""
        self._per_document.setdefault(kind, ([], summary))[0].append(line)

    def finish(self) -> None:
        for lines, summary in self._per_document.values():
            for line in each_or_summary(lines, partial(summary, len(lines))):
                self.warn(line)
        self._per_document.clear()
        super().finish()


def document_at(doc: ImportedDoc) -> str:
    """``good.jsonl:1: document 1``: where a document is, and which, for a line about it (its
    id alone read as a number of something)."""
    return f"{doc.where}: document {doc.doc_id}"


def check_spans(doc: ImportedDoc, fmt: str, utf16: bool, report: ImportReporter) -> int:
    """Keep the spans that fit the text; report the others (bad data, or duplicates). Returns
    how many were bad data."""
    if doc.spans is None:
        return 0
    kept: list[ImportedSpan] = []
    lost = 0
    # Only where reading a bad span as UTF-16 units would make it fit is that worth saying.
    offsets = (
        Utf16Offsets(doc.text)
        if fmt in UTF16_FORMATS and not utf16 and has_astral(doc.text)
        else None
    )
    for span in doc.spans:
        problem = _span_problem(doc.text, span)
        if problem is not None:
            fits = (
                offsets is not None
                and span.label
                and not isinstance(span, BadSpan)
                and utf16_fits(doc.text, span, offsets)
            )
            hint = UTF16_HINT if fits else ""
            report.bad_span(f"{problem}; not imported{hint}")
            doc.bad.append(problem)
            lost += 1
            continue
        kept.append(span)
    doc.spans = drop_duplicates(kept, report)
    return lost


def span_said(span: ImportedSpan) -> str:
    """``dc.jsonl:1: label.1: X 0..3``: a span where the source has it, for a line about it."""
    return f"{span.where}: {span.label} {span.start}..{span.end}"


def drop_duplicates(
    spans: list[ImportedSpan],
    report: ImportReporter,
    said: Callable[[ImportedSpan], str] = span_said,
    why: str = "",
) -> list[ImportedSpan]:
    """``spans`` with each range and label once: every later one is said (``said`` names it,
    ``why`` says how it came to be one) and counted, not imported. Run on the spans as the
    source counts them and again once a text is made LF, where two spans that differed only
    by a CR become one (``line_endings``)."""
    kept: list[ImportedSpan] = []
    seen: dict[tuple[int, int, str], str] = {}
    for span in spans:
        key = (span.start, span.end, span.label)
        if key in seen:
            report.not_carried(
                f"{said(span)}: duplicate of {seen[key]}{why}; imported once",
                "duplicate span(s)",
            )
            continue
        seen[key] = span.where
        kept.append(span)
    return kept


def _span_problem(text: str, span: ImportedSpan) -> str | None:
    """Why ``span`` is bad data (its line, without the ending), or None when it fits."""
    if isinstance(span, BadSpan):
        return span.problem
    if not span.label:
        return f"{span.where}: label: empty label"
    what = f"{span.where}: {span.label} {span.start}..{span.end}"
    problem = range_problem(text, span.start, span.end)
    if problem is not None:
        return f"{what} {problem}"
    actual = text[span.start : span.end]
    if span.surface is not None and span.surface != actual:
        return (
            f"{what}: text {span.surface!r} does not match the document there ({actual!r})"
            f"{_bom_hint(text, span.start, span.end, span.surface)}"
        )
    cut = [
        (edge, found)
        for edge, offset in (("start", span.start), ("end", span.end))
        if (found := cut_character(text, offset)) is not None
    ]
    if cut:
        said = " and ".join(f"its {edge} cuts the character {found!r}" for edge, found in cut)
        return f"{what}: {said} in two"
    return None


def _bom_hint(text: str, start: int, end: int, surface: str) -> str:
    """Why a span's text is one character further on: the text begins with a byte order mark,
    which brat counts (its offsets are the file's) and these offsets leave out."""
    if text.startswith("\ufeff") and text[start + 1 : end + 1] == surface:
        return (
            "; the text begins with a byte order mark, a character offsets count (brat counts "
            f"it): this text is at {start + 1}..{end + 1}"
        )
    return ""


def check_record_text(doc: ImportedDoc, report: ImportReporter) -> bool:
    """Whether ``doc``, one of our record lines, was made for its text (``doc_sha256``, as
    ``annotator validate`` checks it against a corpus); if not, it is reported as bad data."""
    if not isinstance(doc, RecordLineDoc) or doc.doc_sha256 in (None, sha256_text(doc.text)):
        return True
    endings = (
        " (the text differs only in line endings)"
        if doc.doc_sha256 in line_ending_variants(doc.text)
        else ""
    )
    problem = (
        f"{doc.where}: doc_sha256: does not match the text of {doc.doc_id!r} on this line "
        f"(made for another text: stale record){endings}"
    )
    report.bad_record(problem)
    doc.bad.append(problem)
    return False


NOTE_BAD_HEADER = "import --skip-bad left out, as bad data:"


def note_bad(doc: ImportedDoc) -> None:
    """Write in ``doc``'s note why its spans (or the record) were bad data, each line as the
    import said it: the record comes in flagged and in progress, and its reviewer needs to
    know what is missing and why (the note was left empty). After what the note holds, before
    the brat lines an import keeps there (``brat.keep_in_note``, run later)."""
    if not doc.bad:
        return
    block = "\n".join([NOTE_BAD_HEADER, *doc.bad])
    doc.note = f"{doc.note}\n\n{block}" if doc.note else block


def review_status(doc: ImportedDoc, status: str | None, review: set[str]) -> str:
    """The record's status; one that lost spans as bad data, or was made for another text, is
    no done gold: export would write it as if nothing more were there. It is flagged too (its
    note says why: ``note_bad``)."""
    chosen = status or doc.status or "done"
    if doc.doc_id not in review:
        return chosen
    doc.flagged = True
    return "in_progress" if chosen == "done" else chosen
