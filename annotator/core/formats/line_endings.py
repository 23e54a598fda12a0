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
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from annotator.core.corpus import lf_text
from annotator.core.formats.brat_kept import BratSpan
from annotator.core.formats.checks import (
    ImportReporter,
    document_at,
    drop_duplicates,
    span_said,
)
from annotator.core.formats.common import ImportedDoc, ImportedSpan, read_text


def txt_as_written(path: Path) -> str:
    """A ``.txt`` file's text with its line endings as they are (a BOM dropped, as a corpus
    drops it), for the import to make LF and say so."""
    return read_text(path)


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


def make_texts_lf(docs: Sequence[ImportedDoc], report: ImportReporter) -> tuple[int, set[str]]:
    """Make every text of ``docs`` LF (spans moved with it), said in one line. Returns how many
    documents changed, and the ids of those that lost a span which covered only the CR of a
    CRLF (reported as bad data: nothing of it is left)."""
    changed: list[ImportedDoc] = []
    lost: set[str] = set()
    for doc in docs:
        if "\r" not in doc.text:
            continue
        changed.append(doc)
        if _make_lf(doc, report):
            lost.add(doc.doc_id)
    if changed:
        report.warn(
            f"{len(changed)} document(s) had CRLF or CR line endings (first: "
            f"{document_at(changed[0])}): their text is made LF, as a .txt corpus is read, "
            "and their spans moved with it"
        )
    return len(changed), lost


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
    lost = False
    kept: list[ImportedSpan] = []
    for span in doc.spans or []:
        if span.start < span.end and move(span.start) == move(span.end):
            problem = (
                f"{span_said(span)}: covers only the CR of a CRLF line break, which the text "
                "made LF drops"
            )
            report.bad_span(f"{problem}; not imported")
            doc.bad.append(problem)
            lost = True
        else:
            kept.append(span)
    if doc.spans is not None:
        doc.spans = kept
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
