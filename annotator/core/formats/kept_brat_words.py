"""What an export to a format without brat's lines says of those a record keeps in its note.

A brat import keeps the lines of an ``.ann`` that are not spans (relations, events, attributes,
normalisations, notes) in the record's note (``brat_kept``). An export to doccano, Prodigy or
Label Studio said of such a record ``doccano cannot carry the note; not written``, and a reader
took it for a note someone typed, not for relations lost. Each document's line now counts the
brat lines not written by kind (``2 relation(s), 1 event(s), 5 attribute(s) kept from brat``),
and names the note only for what a person typed in it. The T lines the block keeps to write
those lines back are no loss of their own: their spans are exported. An R line Label Studio or
doccano would write but for a span it names, changed or deleted since import, is said apart, in
the words a brat export says it in (``changed_words``): the format carries relations, the change
left that one out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection

from annotator.core.formats.brat_kept import read_kept, references
from annotator.core.formats.common import BRAT_LINES, DocLeftOut, Item, Reporter, left_out_parts

# A kept line's kind by its id's first character, in the order the words name them.
_KINDS = {
    "R": "relation",
    "E": "event",
    "A": "attribute",
    "M": "attribute",
    "N": "normalisation",
    "*": "equivalence",
    "#": "brat note",
}


def kind_of(ident: str) -> str:
    """The kind of the kept line of id ``ident`` (``R2``: ``relation``), as the words name it."""
    return _KINDS.get(ident[:1], "line")


def kept_counts(note: str, written: Collection[str] = ()) -> tuple[list[tuple[str, int]], bool]:
    """The kinds of ``note``'s kept brat lines not in ``written``, counted in the words'
    order, and whether the note holds a person's text too."""
    kept = read_kept(note)
    counts = Counter(kind_of(line) for line in kept.lines if line not in written)
    order = [*dict.fromkeys(_KINDS.values()), "line"]
    return [(kind, counts[kind]) for kind in order if counts[kind]], bool(kept.note.strip())


def kept_words(note: str, written: Collection[str] = ()) -> str | None:
    """What of ``note`` a format writing only the kept lines ``written`` drops, in words:
    ``the note`` (a person's text), ``2 relation(s), 1 event(s) kept from brat``, or both
    (``the note's text, 2 relation(s) kept from brat``); None when it drops nothing."""
    kinds, typed = kept_counts(note, written)
    lines = ", ".join(f"{count} {kind}(s)" for kind, count in kinds)
    if not lines:
        return "the note" if typed else None
    typed_words = "the note's text, " if typed else ""
    return f"{typed_words}{lines} kept from brat"


def changed_words(lines: Collection[str], spans: Collection[str]) -> str:
    """The kept ``lines`` not written because they name ``spans`` changed or deleted since
    import, in words: ``the brat lines R2, R3 kept on import, which name spans changed or
    deleted since (T3, T4)``. Only the spans those lines name are named: a Label Studio export
    of a record whose attribute named a deleted T5 said ``the brat lines R1 ... (T5, T9)``,
    though R1 names T8 and T9 (the attribute is counted with those the format cannot carry).
    A line left out for naming another line left out (an event naming an event) names no
    changed span itself: then every span is named."""
    idents = ", ".join(line.split("\t", 1)[0] for line in lines)
    referenced = {ident for line in lines for ident in references(line)}
    shown = [span for span in spans if span in referenced] or list(spans)
    named = ", ".join(sorted(shown, key=_id_order))
    return (
        f"the brat lines {idents} kept on import, which name spans changed or deleted since "
        f"({named})"
    )


def _id_order(ident: str) -> tuple[str, int]:
    return ident[:1], int(ident[1:]) if ident[1:].isdigit() else 0


def report_kept_left_out(
    item: Item,
    fmt: str,
    report: Reporter,
    carried: frozenset[str] = frozenset(),
    written: Collection[str] = (),
    why: str = "",
    changed: Collection[str] = (),
    changed_spans: Collection[str] = (),
) -> None:
    """``common.report_left_out`` with the note said as ``kept_words`` says it: the brat lines
    the format does not write (all but ``written`` and ``changed``), counted by kind; ``why``:
    words on some of them (the roles of relations not written, ``relation_lines``), said
    after; ``changed``: the R lines it would write but for ``changed_spans``, said apart
    (``changed_words``)."""
    parts = left_out_parts(item.record, carried)
    said: tuple[tuple[str, str], ...] = ()
    kinds: list[tuple[str, int]] = []
    typed = True
    if any(part == "note" for part, _count in parts):
        words = kept_words(item.record.note, [*written, *changed])
        kinds, typed = kept_counts(item.record.note, [*written, *changed])
        if words is None:
            parts = [(part, count) for part, count in parts if part != "note"]
        else:
            said = (("note", f"{words} ({why})" if why else words),)
    if changed:
        parts.append((BRAT_LINES, len(changed)))
        said = (*said, (BRAT_LINES, changed_words(changed, changed_spans)))
    if parts:
        entry = DocLeftOut(item.record.doc_id, tuple(parts), said, tuple(kinds), typed)
        report.left_out(fmt, entry)
