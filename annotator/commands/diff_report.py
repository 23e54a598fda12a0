"""diff's report for a person: each document's differences, spans shown in their sentence.

Printed through ``StyledOutput``: each document is one block of pieces, written as rich would
print it (byte for byte) at a fraction of the cost; built with ``rich.Text`` and printed by
rich, the report on 10,000 documents took about 4 of the command's 5.5 seconds.
"""

from __future__ import annotations

from contextlib import nullcontext
from itertools import groupby
from typing import TYPE_CHECKING, Any

from annotator.commands.diff_excerpt import DocumentShown, excerpt_lines, visible, visible_json
from annotator.commands.styled_output import Piece, StyledOutput
from annotator.core.cell_widths import measure_spacing_marks_as_drawn
from annotator.core.left_out import left_out_line

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from annotator.core.corpus import Corpus

_KIND_TITLES = {
    "boundary": "boundary",
    "label": "label",
    "only_a": "only A",
    "only_b": "only B",
    "value": "value",
}


def _json(value: Any) -> str:
    """``value`` as JSON, its invisible characters written as ``\\u`` escapes (``"12\\u200b"``
    and ``"12"`` would look the same): still the JSON of the same value."""
    import orjson

    return visible_json(orjson.dumps(value).decode())


def _describe(span: dict[str, Any] | None, other: dict[str, Any] | None = None) -> str:
    """A span for a person; its value when it has one, and "no value" when only the other
    span has one (an empty value is a difference too)."""
    if span is None:
        return "—"
    value = ""
    if span.get("value") is not None:
        value = f" = {_json(span['value'])}"
    elif other is not None and other.get("value") is not None:
        value = " = no value"
    return f"{span['label']} {span['start']}..{span['end']} {_json(span['text'])}{value}"


def _form_value(value: Any) -> str:
    """A form answer for a person: a group's item as ``field value · field value``, so that a
    long one wraps between fields instead of inside a word."""
    if value is None:
        return "no value"
    if isinstance(value, dict):
        return " · ".join(f"{name} {_json(item)}" for name, item in value.items()) or "{}"
    return _json(value)


def _form_line(change: dict[str, Any], width: int) -> str:
    """One form difference for a person. A group's item only one annotator has is said to be
    theirs alone, not shown at its index: the other may have an item at that index (paired
    with another of the first one's), which "B no value" would hide."""
    side = change.get("only")
    if side in ("a", "b"):
        group = change["field"].partition("[")[0]
        item = f"{{{_form_value(change[side])}}}"
        return "\n" + "\n".join(
            _wrapped(f"  form     {group}: ", f"only {side.upper()} has {item}", width)
        )
    path = change["field"]
    if change["b_field"] not in (None, path):
        path = f"{path} (B: {change['b_field']})"
    a, b = f"A {_form_value(change['a'])}", f"B {_form_value(change['b'])}"
    return _pair_line(f"  form     {path}: ", a, b, width)


_MIN_EXCERPT = 20  # cells of sentence shown however narrow the terminal (it then wraps)


def _summary_lines(pieces: list[str], width: int) -> Text:
    """``pieces`` joined by spaces, broken between pieces (never inside one) to fit ``width``;
    lines after the first indented by two."""
    from rich.cells import cell_len
    from rich.text import Text

    lines = [pieces[0]]
    for piece in pieces[1:]:
        if cell_len(lines[-1]) + 1 + cell_len(piece) <= width:
            lines[-1] += " " + piece
        else:
            lines.append("  " + piece)
    return Text("\n".join(lines), style="bold")


def _prefixes(names: dict[str, str], width: int) -> dict[str, str]:
    """Each side's excerpt prefix, ``    alice │ ``, the names right-aligned: a long one cut in
    the middle to a quarter of the width (12 cells at least), so that the excerpt keeps most
    of the line; when two names are cut alike, each is said with its side (``… A``)."""
    from rich.cells import cell_len

    most = max(width // 4, 12)
    cut = {side: _cut_to_cells(name, most) for side, name in names.items()}
    if cut["a"] == cut["b"] and names["a"] != names["b"]:
        cut = {
            side: f"{_cut_to_cells(name, most - 2)} {side.upper()}" for side, name in names.items()
        }
    name_cells = max(cell_len(name) for name in cut.values())
    return {
        side: f"    {' ' * (name_cells - cell_len(name))}{name} │ " for side, name in cut.items()
    }


def _cut_to_cells(text: str, cells: int) -> str:
    """``text`` when at most ``cells`` cells wide, else its start and its end around an ``…``:
    names alike often differ only at their end (``team-north-1``, ``team-north-2``)."""
    from rich.cells import cell_len

    if cell_len(text) <= cells:
        return text
    room = max(cells - 1, 2)
    head = _first_cells(text, room - room // 3)
    tail = _first_cells(text[::-1], room - cell_len(head))[::-1]
    return f"{head}…{tail}"


def _first_cells(text: str, cells: int) -> str:
    """The longest start of ``text`` whose characters, one by one, fill at most ``cells``
    cells (never fewer cells than rich counts the start: a group counts its parts)."""
    from rich.cells import get_character_cell_size

    used = 0
    for index, char in enumerate(text):
        used += get_character_cell_size(char)
        if used > cells:
            return text[:index]
    return text


def _pair_line(head: str, a: str, b: str, width: int) -> str:
    """``head`` then A's side and B's on one line when it fits ``width``, else B under A,
    each wrapped between words to fit, its further lines under the first."""
    from rich.cells import cell_len

    line = f"{head}{a}   {b}"
    if cell_len(line) <= width:
        return f"\n{line}"
    indent = " " * cell_len(head)
    return "\n" + "\n".join([*_wrapped(head, a, width), *_wrapped(indent, b, width)])


def _wrapped(first: str, text: str, width: int, indent: str | None = None) -> list[str]:
    """``text`` after ``first`` in lines of ``width`` cells, broken at spaces (a word longer
    than a line is cut), each further line after ``indent`` (by default as far as ``first``
    reaches)."""
    from rich.cells import cell_len, chop_cells

    indent = " " * cell_len(first) if indent is None else indent
    rooms = (max(width - cell_len(first), 10), max(width - cell_len(indent), 10))
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        longest = min(rooms)  # a cut word's pieces may fall on any line
        pieces = chop_cells(word, longest) if cell_len(word) > longest else [word]
        for piece in pieces:
            if not current:
                current = piece
            elif cell_len(current) + 1 + cell_len(piece) <= rooms[1 if lines else 0]:
                current += " " + piece
            else:
                lines.append(current)
                current = piece
    lines.append(current)
    return [(first if n == 0 else indent) + line for n, line in enumerate(lines)]


def _fitted(line: str, width: int, terminal: bool) -> str:
    """A closing line (a document not compared, one left out, a note) for a terminal: wrapped
    between words to ``width``, its further lines indented by two. A trial's 60-character
    names and document ids ran such lines past 80 columns, the terminal breaking them inside
    words. Not for a file, which keeps each on one line, for grep."""
    return "\n".join(_wrapped("", line, width, "  ")) if terminal else line


def _note_lines(head: str, note: str, width: int) -> list[str]:
    """A note after ``head``, each of its lines on lines of its own under the first, wrapped
    between words (its blank lines left out): joined into one, "talks with government" and
    "maybe exchange" read as one sentence. Its invisible characters are shown (``visible``):
    a bidi control would reorder the rest of the line."""
    indent = " " * len(head)
    lines: list[str] = []
    for line in note.splitlines():
        if line.strip():
            lines += _wrapped(indent if lines else head, visible(" ".join(line.split())), width)
    return lines


# What an annotator did of a document, by its record's status.
_DID = {"done": "done", "skipped": "skipped it", "in_progress": "left it in progress"}


def _what_one_did(name: str, side: dict[str, str] | None) -> str:
    """``ann3 skipped it ("not an event for us")``: the status and note of one side of a
    document not compared; a note's lines parted by ``⏎``, as review's notes line shows them."""
    if side is None:
        return f"{name} has no record of it"
    did = f"{name} {_DID.get(side['status'], side['status'])}"
    lines = [visible(" ".join(line.split())) for line in side["note"].splitlines() if line.strip()]
    return f'{did} ("{" ⏎ ".join(lines)}")' if lines else did


def _not_compared_line(item: dict[str, Any], names: dict[str, str]) -> str:
    """``DOC: not compared: ann3 skipped it ("…"); ann1 done``: what each annotator did, the
    sides not done first (why it is not compared)."""
    sides = sorted(("a", "b"), key=lambda side: (item[side] or {}).get("status") == "done")
    said = "; ".join(_what_one_did(names[side], item[side]) for side in sides)
    return f"{visible(item['doc_id'])}: not compared: {said}"


def print_report(
    report: dict[str, Any],
    corpus: Corpus | None,
    colours: dict[str, str],
    console: Console | None = None,
) -> None:
    """The report for a person, every line within the console's width (default: stdout's)."""
    from rich.cells import cell_len
    from rich.console import Console
    from rich.text import Text

    # A Hindi vowel sign takes a cell on screen, none by rich's count: lines cut to the width
    # ran past it, and a Hindi name's bar stood left of the other's (the TUI's own measure).
    measure_spacing_marks_as_drawn()
    console = console or Console(highlight=False)
    # Read once: each reading asks the terminal (or the environment) for its size.
    width = console.width
    names = {side: visible(name) for side, name in report["annotators"].items()}
    prefixes = _prefixes(names, width)
    counts = [f"{_KIND_TITLES[kind]} {n}," for kind, n in report["counts"].items()]
    counts[-1] = counts[-1][:-1] + ";"
    # Each name in full when it fits a line, on a line of its own if need be (the excerpts'
    # prefixes may cut it); past the width, cut in the middle too.
    summary_names = {
        side: _cut_to_cells(name, width - len("  B = :")) for side, name in names.items()
    }
    pieces = [
        f"A = {summary_names['a']},",
        f"B = {summary_names['b']}:",
        f"{report['documents']} document(s) compared;",
        *counts,
        f"form fields {len(report['form'])}",
    ]
    console.print(_summary_lines(pieces, width))
    # Each excerpt line is "    NAME │ " then the sentence, all within the console's width.
    # The prefix's whole width counts (a "- 1" here, for the line break before it, which rich
    # gives no cell, let 71 lines of a 10,000-document diff run to 81 cells at 80 and wrap).
    cells = width - max(cell_len(prefix) for prefix in prefixes.values())
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for item in report["differences"]:
        by_doc.setdefault(item["doc_id"], []).append(item)
    form_by_doc = {
        doc_id: list(items) for doc_id, items in groupby(report["form"], lambda i: i["doc_id"])
    }
    notes_by_doc: dict[str, list[dict[str, Any]]] = {}
    for note in report.get("annotator_notes", []):
        notes_by_doc.setdefault(note["doc_id"], []).append(note)
    out = StyledOutput(console)
    # Each text is read again to be shown: from one open file, not opened for each document.
    try:
        with corpus.kept_open() if corpus is not None else nullcontext():
            for doc_id in sorted(by_doc.keys() | form_by_doc.keys() | notes_by_doc.keys()):
                text = corpus.get(doc_id).text if corpus is not None and doc_id in corpus else None
                block = _document_block(
                    doc_id,
                    text,
                    by_doc.get(doc_id, []),
                    form_by_doc.get(doc_id, []),
                    notes_by_doc.get(doc_id, []),
                    (prefixes, colours, cells, width),
                )
                # One block per document, not re-wrapped (the terminal wraps long lines).
                out.print(block)
    finally:
        out.flush()
    if report["documents"] and not by_doc and not form_by_doc:
        console.print(Text("no differences"))
    terminal = console.is_terminal
    for number, item in enumerate(report.get("not_compared", [])):
        # Set apart from the documents compared above it, as they are from each other.
        said = ("" if number else "\n") + _fitted(_not_compared_line(item, names), width, terminal)
        out.print([(said, "")])
    for item in report["excluded"]:
        out.print([(_fitted(left_out_line(item, "compared"), width, terminal), "dim")])
    for note in report["notes"]:
        out.print([(_fitted(f"note: {note}", width, terminal), "dim")])
    out.flush()


# How a document's excerpt lines look: the prefix of each side's line, the label colours, the
# cells left for the excerpt, and the console's width.
_Layout = tuple[dict[str, str], dict[str, str], int, int]


def _document_block(
    doc_id: str,
    text: str | None,
    items: list[dict[str, Any]],
    form: list[dict[str, Any]],
    notes: list[dict[str, Any]],
    layout: _Layout,
) -> list[Piece]:
    """One document's lines: its id, its differences (with their sentence when its text is
    known), its form's differences and the annotators' notes."""
    prefixes, colours, cells, width = layout
    block: list[Piece] = [("\n", ""), (visible(doc_id), "bold reverse")]
    add = block.append
    shown = DocumentShown(text) if text is not None else None
    for item in items:
        kind = _KIND_TITLES[item["kind"]]
        a = f"A: {_describe(item['a'], item['b'])}"
        b = f"B: {_describe(item['b'], item['a'])}"
        add((_pair_line(f"  {kind:<8} ", a, b, width), ""))
        if shown is None or "sentence" not in item:
            continue
        # Two cells of the room for the brackets marking the span.
        lines = excerpt_lines(shown, item, max(cells - 2, _MIN_EXCERPT), colours)
        for side in ("a", "b"):
            add(("\n", ""))  # apart from the prefix: a styled line break costs a split
            add((prefixes[side], "dim"))
            block += lines[side]
    for change in form:
        add((_form_line(change, width), ""))
    for note in notes:
        for side in ("a", "b"):
            if note[side]:
                head = f"  note     {side.upper()}: "
                add(("\n" + "\n".join(_note_lines(head, note[side], width)), ""))
    return block
