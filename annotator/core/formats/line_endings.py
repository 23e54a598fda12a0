"""One line-ending rule for every import: a document's text has LF line endings.

A ``.txt`` corpus is read with CRLF and CR made LF (``corpus.normalise_txt``), and brat's
``.txt`` files are read so; a text another tool wrote in JSON (doccano, Label Studio, our own
JSONL, ...) used to keep its CRs. The same article then had two texts (two ``doc_sha256``):
records imported from JSON were stale against the article as a ``.txt``, and a brat round trip
dropped the CRs and moved every span after a line break without a word. So every import makes
the text LF as a ``.txt`` is read, moves each span onto the same characters, and says how many
documents it changed (``make_texts_lf``).

Only a CRLF shrinks the text (its CR is dropped; a lone CR becomes LF in place), so an offset
moves back by one for each CRLF before it.

A text read from a ``.txt`` file that begins with a byte order mark (a brat or ``--format txt``
.txt file a Windows editor saved) loses it first, as a .txt corpus drops it: brat counts the
mark, so spans are checked against the file as written, then moved back by one, and the import
says so as it says CRLF. That mark is the file's. Any other format's text is a string in its
file (JSON, CoNLL's tokens, a DocBin), whose own mark its reader drops: a U+FEFF the text
begins with is the text's, kept (an import dropped it, so a document ``\ufeff`` came back
empty and a span on it was refused as bad data).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from annotator.core.corpus import lf_text
from annotator.core.formats.brat_kept import BratSpan
from annotator.core.formats.common import ImportedDoc, ImportedSpan, decode, read_bytes
from annotator.core.formats.import_checks import (
    ImportReporter,
    document_at,
    drop_duplicates,
    span_said,
)


def txt_as_written(path: Path) -> str:
    """A ``.txt`` file's text as written, its BOM and line endings too, for the import to
    drop the one and make the other LF as a corpus does, and say so."""
    return decode(read_bytes(path), path)


def offset_mover(original: str, drop_bom: bool = False, crlf: bool = True) -> Callable[[int], int]:
    """Where each offset of ``original`` lands once its CRLFs are LF (unless not ``crlf``) and,
    ``drop_bom``, a leading BOM dropped: back by one for each character dropped before it. An
    offset past the end stays as far past the new end, to be reported as it would have been."""
    moved: list[int] = []  # moved[i]: where offset i of the original lands
    position = 0
    for index, char in enumerate(original):
        moved.append(position)
        bom = drop_bom and index == 0 and char == "\ufeff"
        position += 0 if bom or (crlf and original.startswith("\r\n", index)) else 1
    moved.append(position)
    shift = position - len(original)

    def move(offset: int) -> int:
        return moved[offset] if 0 <= offset < len(moved) else offset + shift

    return move


# The formats whose texts are ``.txt`` files as written, a byte order mark opening one too.
TXT_FILE_FORMATS = frozenset({"brat", "txt"})


def make_texts_lf(
    docs: Sequence[ImportedDoc], report: ImportReporter, fmt: str
) -> tuple[int, set[str]]:
    """Make every text of ``docs`` LF (spans moved with it), said in one line, a ``.txt``
    file's byte order mark dropped first (``fmt`` in ``TXT_FILE_FORMATS``). Returns how many
    documents changed, and the ids of those that lost a span which covered only the CR of a
    CRLF or the mark (reported as bad data: nothing of it is left)."""
    lost = _drop_boms(docs, report) if fmt in TXT_FILE_FORMATS else set()
    changed: list[ImportedDoc] = []
    for doc in docs:
        if "\r" not in doc.text:
            continue
        changed.append(doc)
        if _make_lf(doc, report):
            lost.add(doc.doc_id)
    if changed:
        report.warn(
            f"{len(changed)} document(s) had CRLF or CR line endings (first: "
            f"{document_at(changed[0])}): their text is made LF, as a .txt corpus is read"
            f"{_spans_moved(changed)}"
        )
    return len(changed), lost


def _drop_boms(docs: Sequence[ImportedDoc], report: ImportReporter) -> set[str]:
    """Drop the byte order mark a text begins with (a brat or ``--format txt`` .txt file
    saved by a Windows editor), as a .txt corpus drops it, each span moved back onto its
    characters, said in one line as CRLF is. The offsets were checked against the file as
    written, which brat counts the mark in. Returns the ids of documents that lost a span
    holding only the mark (reported as bad data: nothing of it is left)."""
    changed = [doc for doc in docs if doc.text.startswith("\ufeff")]
    lost: set[str] = set()
    for doc in changed:
        move = offset_mover(doc.text, drop_bom=True, crlf=False)
        if _leave_out_emptied(doc, move, "the byte order mark, which is dropped", report):
            lost.add(doc.doc_id)
        move_spans(doc, move)
        doc.text = doc.text[1:]
    if changed:
        report.warn(
            f"{len(changed)} document(s) began with a byte order mark (first: "
            f"{document_at(changed[0])}): dropped, as a .txt corpus drops it{_spans_moved(changed)}"
        )
    return lost


def _spans_moved(changed: Sequence[ImportedDoc]) -> str:
    """The words that say the spans moved with the text, when a document ``changed`` holds
    one: a ``--format txt`` import holds none, and a trial's line said its spans moved."""
    return ", and their spans moved with it" if any(doc.spans for doc in changed) else ""


def _leave_out_emptied(
    doc: ImportedDoc, move: Callable[[int], int], covered: str, report: ImportReporter
) -> bool:
    """Report and leave out each span of ``doc`` that ``move`` would empty (it holds only
    ``covered``, which the new text drops), as bad data. Whether one was left out."""
    lost = False
    kept: list[ImportedSpan] = []
    for span in doc.spans or []:
        if span.start < span.end and move(span.start) == move(span.end):
            problem = f"{span_said(span)}: covers only {covered}"
            report.bad_span(f"{problem}; not imported")
            doc.bad.append(problem)
            lost = True
        else:
            kept.append(span)
    if doc.spans is not None:
        doc.spans = kept
    return lost


def move_spans(doc: ImportedDoc, move: Callable[[int], int]) -> None:
    """Each span of ``doc`` (a brat span's fragments too) on its characters in the new text."""
    for span in doc.spans or []:
        span.start, span.end = move(span.start), move(span.end)
        if isinstance(span, BratSpan):
            span.fragments = [(move(low), move(high)) for low, high in span.fragments]
        if span.surface is not None:
            span.surface = lf_text(span.surface)


def _make_lf(doc: ImportedDoc, report: ImportReporter) -> bool:
    move = offset_mover(doc.text)
    covered = "the CR of a CRLF line break, which the text made LF drops"
    lost = _leave_out_emptied(doc, move, covered, report)
    kept = doc.spans or []
    # Named as the source has them: two spans that differ only by a CR ("abc\r" and "abc")
    # are on the same characters now, a duplicate as the same span twice is.
    source = {id(span): span_said(span) for span in kept}
    move_spans(doc, move)
    doc.text = lf_text(doc.text)
    if doc.spans is not None:
        doc.spans = drop_duplicates(
            doc.spans, report, lambda span: source[id(span)], " once the text is made LF"
        )
    return lost
