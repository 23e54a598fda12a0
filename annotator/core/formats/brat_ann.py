"""Reading one brat ``.ann`` file into a document read from brat (``brat.read``).

``T`` lines become spans with their T ids as span ids (a discontinuous one: one span from its
first start to its last end, said); a ``T`` line that cannot be read, or repeats an id, is a
``BadSpan``, listed with the other bad spans. The ``AnnotatorNotes`` a brat export writes
(``value``, ``form``, ``links``, ``note``, ``flagged``, ``status``) are read back into the
document; every other brat line (events, relations, attributes, normalisations, equivalences,
others' notes) is kept for the record's note (``ImportedDoc.kept``, ``brat.keep_in_note``) and
counted in a report. A line that is not brat (no id of brat's and a tab) is a ``BadSpan`` too.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import orjson

from annotator.core.formats.brat_kept import BratSpan
from annotator.core.formats.common import ImportedDoc, ImportedSpan, read_text
from annotator.core.formats.import_checks import BadSpan, ImportReporter

_RANGE = re.compile(r"^(\d+) (\d+)$")
_KINDS = {
    "E": "event",
    "R": "relation",
    "A": "attribute",
    "M": "attribute",
    "N": "normalisation",
    "*": "equivalence",
}
# brat's own reader knows a line by the first character of its id (T, and those above, and # for
# notes) and refuses any other; so does this one, rather than keep a line of some other text.
_BRAT_LINE = re.compile(r"[TREAMN#*][^\t]*\t")
# A span's id named in a relation, event, attribute or normalisation line (``Arg2:T9``,
# ``Negation T1``).
_T_REF = re.compile(r"(?<=[\s:])T\d+\b")

# Offsets said in a warning are the .ann's, counted in the file as it is; the record's move back
# by one for each CR before them once the text is LF (``line_endings``).
_AS_COUNTED = " (as the .ann counts the file; less its CRs in the record)"


def read_ann(doc: ImportedDoc, ann: Path, report: ImportReporter) -> None:
    """Read ``ann`` into ``doc`` (whose text is the .txt as it is, which the offsets count):
    its spans, in the file's order, the notes a brat export wrote, and its other lines kept."""
    spans: dict[str, ImportedSpan] = {}
    kept: list[str] = []
    kinds: Counter[str] = Counter()
    notes: list[tuple[int, str, str, str]] = []
    read: list[ImportedSpan] = []  # in the file's order: bad lines are listed so
    lines: dict[str, int] = {}  # the line of each T id (a duplicate: the first keeps it)
    naming: list[tuple[str, str, str]] = []  # lines naming spans: (where, id, line)
    content = read_text(ann)
    for number, line in enumerate(content.split("\n"), start=1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        where = f"{ann}:{number}"
        ident = line.split("\t", 1)[0]
        if ident.startswith("T"):
            # A line that cannot be read is bad data as a bad span is: listed with the others,
            # then one refusal (``importing._refuse_bad``), not a stop at the first of them.
            if ident in spans:
                problem = (
                    f"{where}: {ident}: duplicate annotation id (first on line {lines[ident]})"
                )
                read.append(BadSpan(0, 0, "", f"{where}: {ident}", problem=problem))
                continue
            spans[ident] = _t_line(line, where, doc.text, report)
            lines[ident] = number
            read.append(spans[ident])
        elif ident.startswith("#"):
            parts = line.split("\t", 2)
            words = parts[1].split(" ") if len(parts) > 1 else []
            if len(parts) == 3 and len(words) == 2 and words[0] == "AnnotatorNotes":
                notes.append((number, words[1], parts[2], line))
            else:
                kept.append(line)
                kinds["note"] += 1
        elif _BRAT_LINE.match(line):
            kept.append(line)
            kinds[_KINDS[ident[:1]]] += 1
            if ident[:1] in "REAN":
                naming.append((where, ident, line))
        else:
            problem = (
                f"{where}: cannot read {line!r}: a brat line begins with an id (T1, R1, E1, "
                "A1, M1, N1, #1 or *) and a tab"
            )
            read.append(BadSpan(0, 0, "", where, problem=problem))
    for where, ident, line in naming:
        # Kept as it is, but said: a relation to an id no T line defines (a typo, a span
        # deleted by hand) was taken unsaid, and an export then called it a span changed since.
        missing = [ref for ref in _T_REF.findall(line.split("\t", 1)[1]) if ref not in spans]
        if missing:
            report.warn(
                f"{where}: {ident} names {', '.join(dict.fromkeys(missing))}, which no T line of "
                "the file defines (the line is kept in the note as it is)"
            )
    for _number, ref, body, line in notes:
        if not _our_note(doc, spans, ref, body):
            kept.append(line)
            kinds["note"] += 1
    if kinds:
        counted = ", ".join(f"{count} {kind}(s)" for kind, count in sorted(kinds.items()))
        report.not_carried(
            f"{ann}: {counted} kept in the record's note, not imported as spans",
            "brat line(s) kept in the note",
            sum(kinds.values()),
        )
    doc.kept = kept
    doc.spans = read


def _our_note(doc: ImportedDoc, spans: dict[str, ImportedSpan], ref: str, body: str) -> bool:
    """Read one of the notes this module writes; False when it is someone else's note."""
    keyword, _, rest = body.partition(" ")
    try:
        if keyword == "value" and ref in spans:
            value = orjson.loads(rest)
            if isinstance(value, int | str) and not isinstance(value, bool):
                spans[ref].value = value
                return True
        elif keyword == "form":
            field, _, raw = rest.partition(" ")
            if field:
                doc.form[field] = orjson.loads(raw)
                return True
        elif keyword == "links":
            links = orjson.loads(rest)
            if isinstance(links, dict):
                doc.links = {str(k): [str(i) for i in v] for k, v in links.items()}
                return True
        elif keyword == "note":
            note = orjson.loads(rest)
            if isinstance(note, str):
                doc.note = note + ("\n\n" + doc.note if doc.note else "")
                return True
        elif body == "flagged true":
            doc.flagged = True
            return True
        elif keyword == "status" and orjson.loads(rest) in ("in_progress", "skipped", "done"):
            doc.status = orjson.loads(rest)
            return True
    except orjson.JSONDecodeError:
        return False
    return False


def _t_line(line: str, where: str, text: str, report: ImportReporter) -> ImportedSpan:
    parts = line.split("\t", 2)
    ident = parts[0]
    at = f"{where}: {ident}"
    if len(parts) < 2:
        problem = f"{at}: expected ID<TAB>LABEL START END<TAB>TEXT, got {line!r}"
        return BadSpan(0, 0, "", at, span_id=ident, problem=problem)
    label, _, ranges = parts[1].partition(" ")
    if not label:
        problem = f"{at}: label: empty, in {parts[1]!r}"
        return BadSpan(0, 0, "", at, span_id=ident, problem=problem)
    fragments = []
    for piece in ranges.split(";"):
        match = _RANGE.match(piece.strip())
        if match is None:
            problem = (
                f"{where}: {ident}: offsets: expected START END[;START END...], got {ranges!r}"
            )
            return BadSpan(0, 0, label, where, span_id=ident, problem=problem)
        fragments.append((int(match.group(1)), int(match.group(2))))
    surface = parts[2] if len(parts) == 3 else None
    start, end = fragments[0][0], fragments[-1][1]
    if len(fragments) == 1:
        return BratSpan(
            start, end, label, at, surface, span_id=ident, brat_label=label, fragments=fragments
        )
    if any(low > high for low, high in fragments):
        return BadSpan(
            start, end, label, at, problem=f"{at}: {label} {ranges} ends before it starts"
        )
    if any(high > len(text) for _low, high in fragments):
        return BadSpan(
            start, end, label, at, problem=f"{at}: {label} {ranges} lies outside the text"
        )
    joined = " ".join(text[low:high] for low, high in fragments)
    if surface is not None and joined != surface:
        problem = (
            f"{at}: {label} {ranges}: text {surface!r} does not match the document ({joined!r})"
        )
        return BadSpan(start, end, label, at, problem=problem)
    report.warn(
        f"{at}: discontinuous span {label} {ranges}; imported as one span {start}..{end}"
        f"{_AS_COUNTED if chr(13) in text else ''} covering its fragments and what lies "
        "between them (a brat export writes these fragments back while it keeps its offsets)"
    )
    return BratSpan(start, end, label, at, span_id=ident, brat_label=label, fragments=fragments)
