"""The brat lines a record cannot hold, kept in its note on import and written back on export.

Import keeps every line of an ``.ann`` that is not a span (``E`` events, ``R`` relations, ``A``
and ``M`` attributes, ``N`` normalisations, ``*`` equivalences, notes other than ours) verbatim
in the record's note under KEPT_HEADER; under SPANS_HEADER the T lines of the spans those lines
name, and of the spans in fragments an export would cut otherwise (``75 83;85 98`` leaves
out a space and a line break; cut at the break alone it would be ``75 84;85 98``), as brat
wrote them (offsets moved with the text when its CRs were dropped); and in a RENAMED line the
labels import renamed that this needs.
The note then reads, for example::

    brat lines not imported as spans:
    E1	Transfer-money:T3 Giver-Arg:T1
    A5	Confidence E1 High

    spans as brat wrote them (a brat export writes them back, with the lines above that name
    them, while each keeps these offsets and its label):
    T1	Organization 418 426	Citibank
    T3	Transfer-money 443 449	moving

    labels renamed on import: Transfer-money as Transfer_money

A brat export reads it back (``read_kept``): a span with the id of one of those T lines, its
offsets and the label import gave it is *as imported*, and is written as brat wrote it; a kept
line is written back when every id it names is a span as imported or another kept line written
back. The others are left out and reported. A label import had to rename (brat allows ``-``, a
scheme label name does not) is written as brat had it. Lines of the note that are none of these
(what an annotator typed) are the note's human text, and so are words after the RENAMED line's
pairs (typed at the note's end). The annotate form edits only the text before the block and
joins the block back as it was (``note_parts``); a block edited by other means is told at
export where it shows (``Kept.damage``): spans kept for lines no line names now, kept lines
outside the block's headers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from annotator.core.formats.common import ImportedSpan
from annotator.core.formats.labels import scheme_name
from annotator.core.models import Span

KEPT_HEADER = "brat lines not imported as spans:"
SPANS_HEADER = (
    "spans as brat wrote them (a brat export writes them back, with the lines above that name "
    "them, while each keeps these offsets and its label):"
)
RENAMED = "labels renamed on import: "
_REFERENCE = re.compile(r"[A-Z][0-9]+\Z")
_SPAN_ID = re.compile(r"[^\s:]+\Z")
_RANGES = re.compile(r"^([0-9]+) ([0-9]+)(?:;([0-9]+) ([0-9]+))*$")
_KEPT_NOTE_ID = re.compile(r"#([0-9]+)\t")
_KEPT_LINE = re.compile(r"[ERAMN*#][0-9]+\t")  # a kept line's id and tab
_BREAKS = re.compile("[\n\r]+")
# "old as new" in a RENAMED line: brat's label (no spaces) as a scheme name (``scheme_name``).
_RENAMED_PAIR = re.compile(r"(\S+?) as ([A-Za-z_][A-Za-z0-9_]*)(?:, |(?=\s)|\Z)")

Fragments = list[tuple[int, int]]


@dataclass
class BratSpan(ImportedSpan):
    """A span read from a T line, with what the line said: brat's label (import may rename
    the span's) and its fragments (one for a continuous span)."""

    brat_label: str = ""
    fragments: Fragments = field(default_factory=list)


def _slots(line: str) -> tuple[list[str], list[tuple[int, bool]]]:
    """The words of a kept line's second field and where in them it names annotations: (word
    index, whether after ``ROLE:``). An R line's arguments are ids whatever their shape: one
    read from Label Studio names spans by its result ids (``Arg1:beFiQTT1cU``)."""
    fields = line.split("\t")
    if len(fields) < 2:
        return [], []
    words = fields[1].split(" ")
    kind = fields[0][:1]
    if kind in "AMN#":  # TYPE TARGET [VALUE]; N: TYPE TARGET DB:ID
        slots = [(1, False)] if len(words) > 1 else []
    elif kind == "E":  # TYPE:TRIGGER ROLE:ARG...
        slots = [(index, True) for index in range(len(words))]
    elif kind == "R":  # TYPE ARG1:X ARG2:Y
        return words, [(index, True) for index in range(1, len(words)) if ":" in words[index]]
    else:  # ``*`` (Equiv T1 T2) and kinds brat may add: every word after the type
        slots = [(index, ":" in words[index]) for index in range(1, len(words))]
    named = []
    for index, after_role in slots:
        word = words[index].partition(":")[2] if after_role else words[index]
        if _REFERENCE.match(word):
            named.append((index, after_role))
    return words, named


def references(line: str) -> list[str]:
    """The annotation ids a kept line names: ``E1<TAB>Binding:T9 Theme:T1`` → T9, T1."""
    words, slots = _slots(line)
    return [words[i].partition(":")[2] if role else words[i] for i, role in slots]


def with_ids(line: str, ids: dict[str, str]) -> str:
    """``line`` naming each annotation by its id in ``ids`` (span id → the T id a brat export
    gives it), those not there as they are."""
    words, slots = _slots(line)
    for index, after_role in slots:
        role, colon, ident = words[index].partition(":") if after_role else ("", "", words[index])
        words[index] = f"{role}{colon}{ids.get(ident, ident)}"
    if not slots:
        return line
    ident, _tab, rest = line.partition("\t")
    _second, tab, others = rest.partition("\t")
    return f"{ident}\t{' '.join(words)}{tab}{others}"


def break_fragments(start: int, covered: str) -> Fragments:
    """The fragments a brat export gives a span starting at ``start`` over the text
    ``covered``: cut at its line breaks, which a brat fragment cannot hold, without the spaces
    beside a break (``problème \\nde`` → ``problème`` and ``de``, as brat writes it). The span's
    own first and last characters stay, so that import reads back the same span."""
    pieces = []
    cursor = start
    for found in _BREAKS.finditer(covered):
        pieces.append((cursor, start + found.start()))
        cursor = start + found.end()
    pieces.append((cursor, start + len(covered)))
    pieces = [(low, high) for low, high in pieces if high > low]
    out = []
    for index, (low, high) in enumerate(pieces):
        piece = covered[low - start : high - start]
        inner_low = low if index == 0 else high - len(piece.lstrip())
        inner_high = high if index == len(pieces) - 1 else low + len(piece.rstrip())
        if inner_high > inner_low:
            out.append((inner_low, inner_high))
        elif index in (0, len(pieces) - 1):  # only spaces: kept, it is the span's edge
            out.append((low, high))
    return out


def ranges_text(fragments: Fragments) -> str:
    return ";".join(f"{low} {high}" for low, high in fragments)


def kept_block(kept: Sequence[str], spans: Sequence[ImportedSpan], text: str) -> str:
    """The note's part that keeps ``kept`` (the lines of one .ann that are not spans) with the
    T lines of the ``spans`` they name or whose fragments an export would not cut so, and the
    renamed labels it needs; "" when none."""
    brat_spans = [span for span in spans if isinstance(span, BratSpan) and span.span_id]
    named = {ref for line in kept for ref in references(line)}
    shown = [
        span
        for span in brat_spans
        if span.span_id in named
        or span.fragments != break_fragments(span.start, text[span.start : span.end])
    ]
    # What an export needs: the labels of the spans shown (to tell them unchanged), and those
    # it writes back as brat had them.
    renamed = {
        span.brat_label: span.label
        for span in brat_spans
        if span.label != span.brat_label
        and (span.span_id in named or scheme_name(span.brat_label) != span.brat_label)
    }
    parts = []
    if kept:
        parts.append("\n".join([KEPT_HEADER, *kept]))
    if shown:
        lines = [
            f"{span.span_id}\t{span.brat_label} {ranges_text(span.fragments)}\t"
            + " ".join(text[low:high] for low, high in span.fragments)
            for span in sorted(shown, key=lambda s: (s.start, s.end))
        ]
        parts.append("\n".join([SPANS_HEADER, *lines]))
    if renamed:
        parts.append(RENAMED + ", ".join(f"{old} as {new}" for old, new in renamed.items()))
    return "\n\n".join(parts)


@dataclass
class KeptSpan:
    """A T line of the note: the span as brat wrote it."""

    label: str
    fragments: Fragments


@dataclass
class Kept:
    """What a record's note keeps of brat (``read_kept``)."""

    note: str = ""  # the note without it: what annotators wrote
    lines: list[str] = field(default_factory=list)
    spans: dict[str, KeptSpan] = field(default_factory=dict)
    renamed: dict[str, str] = field(default_factory=dict)  # brat's label -> the record's

    def fragments(self, span: Span, text: str) -> Fragments | None:
        """The fragments brat wrote for ``span`` when it has their ids and offsets still."""
        kept = self.spans.get(span.id)
        if kept is None or (span.start, span.end) != (kept.fragments[0][0], kept.fragments[-1][1]):
            return None
        if any(high > len(text) or low > high for low, high in kept.fragments):
            return None
        return kept.fragments

    def as_imported(self, span: Span, text: str) -> bool:
        """Whether ``span`` has the id, offsets and label import gave it from its T line."""
        kept = self.spans.get(span.id)
        return (
            kept is not None
            and self.fragments(span, text) is not None
            and span.label == self.renamed.get(kept.label, kept.label)
        )

    def brat_labels(self) -> dict[str, str]:
        """The record's label → brat's, for the labels import had to rename (not scheme names);
        a label two brat labels became is left as it is."""
        back: dict[str, str] = {}
        twice: set[str] = set()
        for old, new in self.renamed.items():
            if scheme_name(old) != old:
                twice |= {new} & set(back)
                back[new] = old
        return {new: old for new, old in back.items() if new not in twice}

    def written(self, present: set[str]) -> tuple[list[str], list[str], set[str]]:
        """The kept lines to write back when the spans ``present`` (T ids) are as imported:
        (lines written, lines left out, the ids they name that are neither a span as imported
        nor a kept line)."""
        naming = [(line, line.split("\t", 1)[0], references(line)) for line in self.lines]
        writing = set(range(len(naming)))
        while True:  # a line naming a line left out is left out too (A5 names E1)
            there = present | {naming[index][1] for index in writing}
            dropped = {index for index in writing if not set(naming[index][2]) <= there}
            if not dropped:
                break
            writing -= dropped
        left = [naming[index] for index in range(len(naming)) if index not in writing]
        lines = {ident for _line, ident, _refs in naming}
        missing = {ref for _l, _i, refs in left for ref in refs if ref not in present | lines}
        return (
            [naming[index][0] for index in sorted(writing)],
            [line for line, _ident, _refs in left],
            missing,
        )

    def damage(self, text: str) -> str:
        """What shows that the kept block was edited since import, in words ("" when nothing
        does): spans shown because kept lines named them, which no kept line names now (those
        lines were deleted), and brat lines read as the note's text (their header changed).
        A block deleted whole leaves nothing to tell by."""
        named = {ref for line in self.lines for ref in references(line)}
        unnamed = [
            ident
            for ident, kept in self.spans.items()
            if ident not in named
            and kept.fragments[-1][1] <= len(text)
            and kept.fragments
            == break_fragments(
                kept.fragments[0][0], text[kept.fragments[0][0] : kept.fragments[-1][1]]
            )
        ]
        loose = [line.split("\t", 1)[0] for line in self.note.split("\n") if _KEPT_LINE.match(line)]
        said = []
        if unnamed:
            said.append(f"the lines naming {', '.join(unnamed)} (kept for them) are gone from it")
        if loose:
            said.append(
                f"{', '.join(loose)} are read as the note's text, outside the block's headers"
            )
        return "; ".join(said)

    def last_note_number(self) -> int:
        """The highest ``#`` id of the kept lines, so that our notes are numbered above it."""
        numbers = [int(m.group(1)) for line in self.lines if (m := _KEPT_NOTE_ID.match(line))]
        return max(numbers, default=0)


def read_kept(note: str) -> Kept:
    """Split a record's note into the brat lines import kept and what annotators wrote."""
    lines = note.split("\n")
    # A block may be its RENAMED line alone (labels renamed, no line kept, no span shown).
    starts = [i for i, line in enumerate(lines) if _opens_block(line)]
    if not starts:
        return Kept(note=note)
    human = "\n".join(lines[: starts[0]]).removesuffix("\n")
    kept = Kept()
    other: list[str] = []
    section = ""
    for line in lines[starts[0] :]:
        if line in (KEPT_HEADER, SPANS_HEADER):
            section = line
        elif line.startswith(RENAMED):
            rest = _read_renamed(line.removeprefix(RENAMED), kept.renamed)
            if rest:
                other.append(rest)
        elif not line:
            continue
        elif section == KEPT_HEADER and "\t" in line:
            kept.lines.append(line)
        elif section == SPANS_HEADER and (parsed := _t_line(line)) is not None:
            kept.spans[parsed[0]] = parsed[1]
        else:
            other.append(line)
    kept.note = "\n".join([human, *other] if human else other)
    return kept


def with_spans_moved(note: str, moves: Sequence[tuple[Span, Span]]) -> str:
    """``note`` with the T lines of its kept block following the spans a carry-over moved:
    each pair is a span as the stale record held it and as carried, its words the same. A T
    line of that id, label and words on the span's old offsets takes the new ones, its
    fragments moved by as much; the words inside the span did not change, so neither did what
    each fragment covers, and an export writes the kept lines naming it back on the new text.
    A T line that is not so (the span changed before, its words' whitespace changed) is left
    as it is: the span is not as imported, and an export says so. The lines before the block
    (what a person typed) are not read."""
    lines = note.split("\n")
    starts = [index for index, line in enumerate(lines) if _opens_block(line)]
    if not starts:
        return note
    renamed = read_kept(note).renamed
    shifts = {  # a record's span ids are unique
        old.id: (old, new.start - old.start)
        for old, new in moves
        if new.text == old.text and new.label == old.label
    }
    section = ""
    for index in range(starts[0], len(lines)):
        line = lines[index]
        if line in (KEPT_HEADER, SPANS_HEADER):  # as ``read_kept`` reads the sections
            section = line
        parsed = _t_line(line) if section == SPANS_HEADER else None
        moving = shifts.get(parsed[0]) if parsed is not None else None
        if parsed is None or moving is None:
            continue
        (old, shift), kept, fields = moving, parsed[1], line.split("\t")
        fragments = kept.fragments
        words = " ".join(old.text[low - old.start : high - old.start] for low, high in fragments)
        if (
            renamed.get(kept.label, kept.label) == old.label
            and (fragments[0][0], fragments[-1][1]) == (old.start, old.end)
            and fields[2:3] == [words]
        ):
            moved = [(low + shift, high + shift) for low, high in fragments]
            fields[1] = f"{kept.label} {ranges_text(moved)}"
            lines[index] = "\t".join(fields)
    return "\n".join(lines)


def _opens_block(line: str) -> bool:
    return line in (KEPT_HEADER, SPANS_HEADER) or line.startswith(RENAMED)


def _read_renamed(pairs: str, renamed: dict[str, str]) -> str:
    """Read the pairs of a RENAMED line into ``renamed``; what follows them (words typed after
    the note's last line, which this line was: "as Transfer_money ok" renamed the label
    "Transfer_money ok", and the spans of Transfer_money were no longer as imported)."""
    at = 0
    while found := _RENAMED_PAIR.match(pairs, at):
        renamed[found[1]] = found[2]
        at = found.end()
    return pairs[at:].strip()


def _t_line(line: str) -> tuple[str, KeptSpan] | None:
    fields = line.split("\t")
    label, _, ranges = fields[1].partition(" ") if len(fields) >= 2 else ("", "", "")
    # A span's id, as the kept lines name it: a T id, or another tool's (a Label Studio
    # result's id, which its relations name).
    if not _SPAN_ID.match(fields[0]) or not label or not _RANGES.match(ranges):
        return None
    fragments = [
        (int(low), int(high)) for low, high in (piece.split(" ") for piece in ranges.split(";"))
    ]
    return fields[0], KeptSpan(label, fragments)
