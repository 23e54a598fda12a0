"""Whether a file's offsets count UTF-16 units, decided from its data.

doccano and Label Studio are JavaScript tools: some versions count offsets in UTF-16 units, so
after each character outside the Basic Multilingual Plane (an emoji) every offset is one more
than the code point it means. A span with its text (Label Studio's ``value.text``) shows the
drift when it is checked; a span without one does not, and read the wrong way it imports
misplaced, a character off ('arty”' for 'party'). So when ``--offsets`` is not given, the
spans without text are read both ways where the two readings differ: if read as code points
some cut a word (or a character, or leave the text) while read as UTF-16 units every one falls
on word boundaries, the file counts UTF-16 units and the import refuses, saying which option
reads it so (given ``--offsets codepoints``, it reads them as asked and says once what it saw).
When both readings fit (words either way: "US" read as "to"), code points are kept with one
warning naming the first such span read both ways: the data cannot tell. When neither fits
throughout, code points are kept with one warning.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from annotator.core.errors import AnnotatorError
from annotator.core.formats.common import ImportedDoc, ImportedSpan, Reporter
from annotator.core.formats.offsets import Utf16Offsets, has_astral
from annotator.core.tokens import character_around, tokens_near


def range_problem(text: str, start: int, end: int) -> str | None:
    """Why ``start..end`` is no stretch of ``text`` (reversed, empty, or outside it), or None.
    An imported span's check (``import_checks``) and the UTF-16 reading's (``misfit``) both ask
    it."""
    if start > end:
        return "ends before it starts"
    if start == end:
        return "is empty"
    if start < 0 or end > len(text):
        return f"lies outside the text ({len(text)})"
    return None


def cut_character(text: str, offset: int) -> str | None:
    """The character ``offset`` falls inside of, or None when it falls between two."""
    around = character_around(text, offset)
    return None if around is None else text[around[0] : around[1]]


def edge_cut(text: str, offset: int) -> tuple[str, str] | None:
    """What a span's edge at ``offset`` cuts: ``("character", "é")`` (a letter and its accent),
    ``("word", "Kestrian")``; None when it falls between words. An imported span's check
    (``misfit``) and carrying over (``carry_over_confirmed``) both ask it."""
    character = cut_character(text, offset)
    if character is not None:
        return "character", character
    word = word_cut(text, offset)
    return None if word is None else ("word", word)


def misfit(text: str, start: int, end: int) -> str | None:
    """Why ``start..end`` cannot be a span of ``text`` as someone marked it (outside the text,
    empty, cutting a character or a word), or None when it can."""
    problem = range_problem(text, start, end)
    if problem is not None:
        return problem
    if not text[start:end].strip():
        return "holds no word, only spaces"
    for offset in (start, end):
        cut = edge_cut(text, offset)
        if cut is not None:
            return f"cuts the {cut[0]} {cut[1]!r}"
    return None


def word_cut(text: str, offset: int) -> str | None:
    """The word ``offset`` falls inside of: strictly inside a token (``core.tokens``), between
    two letters or digits. (A token may join words with a hyphen, an apostrophe or a dot,
    ``Zürich-based``; a span may end at such a join, so that is no cut.)"""
    if not 0 < offset < len(text) or not (text[offset - 1].isalnum() and text[offset].isalnum()):
        return None
    for token in tokens_near(text, offset, offset):
        if token.start < offset < token.end:
            return token.text
    return None


def utf16_fits(text: str, span: ImportedSpan, offsets: Utf16Offsets | None = None) -> bool:
    """Whether ``span``'s offsets, read as UTF-16 units, make a span of ``text`` (with its own
    text, when the tool wrote it, where they land); ``offsets``: ``text``'s, when at hand."""
    offsets = offsets or Utf16Offsets(text)
    start, end = offsets.from_utf16(span.start), offsets.from_utf16(span.end)
    if start is None or end is None or misfit(text, start, end) is not None:
        return False
    return span.surface is None or span.surface == text[start:end]


@dataclass
class Utf16Evidence:
    """What reading the spans without text both ways found (only where the readings differ)."""

    compared: int = 0  # spans whose two readings differ
    codepoint_misfits: int = 0
    utf16_misfits: int = 0
    first: str = ""  # the first span that misfits as code points, described
    first_read: str = ""  # the first span read otherwise as UTF-16 units, both readings said

    @property
    def utf16(self) -> bool:
        """The data say UTF-16: code points misfit somewhere, UTF-16 units nowhere."""
        return self.codepoint_misfits > 0 and self.utf16_misfits == 0

    @property
    def mixed(self) -> bool:
        """Neither reading fits every span."""
        return self.codepoint_misfits > 0 and self.utf16_misfits > 0


def weigh_utf16(docs: Sequence[ImportedDoc]) -> Utf16Evidence:
    """Read every span without text of ``docs`` (their offsets as the file has them) as code
    points and as UTF-16 units, where the two differ, and count the misfits of each."""
    evidence = Utf16Evidence()
    for doc in docs:
        if not doc.spans or not has_astral(doc.text):
            continue
        offsets = Utf16Offsets(doc.text)
        for span in doc.spans:
            if span.surface is not None:
                continue  # checked against its text anyway
            start, end = offsets.from_utf16(span.start), offsets.from_utf16(span.end)
            if (start, end) == (span.start, span.end):
                continue  # the same either way: no evidence
            evidence.compared += 1
            if not evidence.first_read:
                evidence.first_read = _both_readings(doc.text, span, "", start, end)
            if not utf16_fits(doc.text, span, offsets):
                evidence.utf16_misfits += 1
            problem = misfit(doc.text, span.start, span.end)
            if problem is not None:
                evidence.codepoint_misfits += 1
                if not evidence.first:
                    evidence.first = _both_readings(doc.text, span, problem, start, end)
    return evidence


def _both_readings(
    text: str, span: ImportedSpan, problem: str, start: int | None, end: int | None
) -> str:
    """``FILE:LINE: label.1: LOC 43..49 read as code points is 'ürich.', which cuts the word
    'Zürich'; read as UTF-16 units it is 'Zürich'``."""
    where = f"{span.where}: {span.label} {span.start}..{span.end}"
    if 0 <= span.start < span.end <= len(text):
        as_points = f"is {text[span.start : span.end]!r}"
        as_points += f", which {problem}" if problem else ""
    else:
        as_points = problem
    as_units = "splits a character" if start is None or end is None else f"is {text[start:end]!r}"
    return f"{where} read as code points {as_points}; read as UTF-16 units it {as_units}"


def weigh_offsets(docs: Sequence[ImportedDoc], given: bool, report: Reporter) -> None:
    """Offsets that, by the data, count UTF-16 units: refused when ``--offsets`` was not
    ``given``; read as code points as asked, with one line saying so, when it was."""
    evidence = weigh_utf16(docs)
    fit = f"{evidence.first}, and so all {evidence.compared} span(s) whose readings differ fit"
    if evidence.utf16 and not given:
        raise AnnotatorError(
            f"{fit}: the offsets count UTF-16 units; nothing written: pass --offsets utf16 "
            "(--offsets codepoints keeps them as they are)"
        )
    if evidence.utf16:
        report.warn(
            f"{fit}: the offsets look counted in UTF-16 units; imported as code points "
            "(--offsets codepoints): import with --offsets utf16 if the tool counted UTF-16 units"
        )
    elif evidence.mixed and not given:
        report.warn(
            f"{evidence.first}; yet read as UTF-16 units {evidence.utf16_misfits} of "
            f"{evidence.compared} span(s) whose readings differ do not fit either: offsets read "
            "as code points (pass --offsets utf16 if the tool counted UTF-16 units)"
        )
    elif evidence.compared and not evidence.utf16_misfits and not given:
        # Both readings land on whole words (a trial's "US" read as "to", three emoji on):
        # the data cannot tell, so the reading kept is said, with the other one.
        report.warn(
            f"{evidence.first_read}: {evidence.compared} span(s) after characters UTF-16 "
            "counts twice fit either way; read as code points (pass --offsets utf16 if the "
            "tool counted UTF-16 units)"
        )
