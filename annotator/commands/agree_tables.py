"""``annotator agree``'s human report: rich tables of the figures of ``core.agreement``.

Names and doc ids come from the journals: always Text, never markup, and their invisible
characters shown as escapes (``invisible_said.visible``, as diff shows them): written raw, a
U+202E in an annotator's name reversed the rest of its row in a terminal, rules and figures
with it, and a zero-width space made two names read alike. A table's footnote is a plain line
under it, wrapped at spaces to the terminal: as a caption it wrapped to the table's width. No
column of figures is ever narrowed: names, labels and fields give way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len

from annotator.commands import table_console
from annotator.core.agreement import form_alpha_notes
from annotator.core.form_agreement import empty_answer_notes
from annotator.core.invisible_said import visible
from annotator.core.left_out import whose_records

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

# Within 80 columns, so that a terminal of 80 does not break it inside a word.
LABELS_FOOTNOTE = "spans: all annotators' spans · values: share of alike spans with equal values"
# Under the labels table when a label has no value (a dash, not n/a: nothing is missing).
NO_VALUES_FOOTNOTE = "values –: the label has no value to compare"
LOWEST_FOOTNOTE = "score: the mean of exact F1, values and form; the lowest first"
# Under the lowest documents' table, for the n/a it shows: why a document has no such figure.
LOWEST_VALUES_NA = "values n/a: no span with a value marked alike by two annotators in it"
LOWEST_FORM_NA = "form n/a: the scheme has no form fields"
NO_FORM_FIELDS = "Form fields: none (the scheme has no form fields)"

# An id that would take more lines than this in its column is cut in the middle to fit them.
ID_LINES = 3
# The figure columns of the lowest documents' table: each figure is "0.000" or "n/a".
FIGURE_HEADERS = ("score", "exact F1", "overlap F1", "values", "form")
FIGURE_WIDTH = 5
# What a row spends besides its cells: a rule before each of the seven columns and after the
# last, and a blank either side of each cell.
FRAME_CELLS = 8 + 2 * 7


def figure(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def print_report(report: dict[str, Any], colours: dict[str, str]) -> None:
    console = table_console()
    _print_overall(console, report)
    _print_labels(console, report["spans"]["by_label"], colours)
    _print_pairs(console, report)
    _print_form(console, report["form"])
    _print_lowest(console, report)
    _print_left_out_and_notes(console, report)


def _plain_line(console: Console, line: str, style: str = "") -> None:
    """``line`` as a line of its own, wrapped at spaces to the terminal's width (as the notes
    at the end), not to the table's above it: left to the terminal, a trial's 80 columns
    broke "nothing for a / lpha to measure" inside a word."""
    from rich.text import Text

    console.print(Text(line, style=style))


def _print_overall(console: Console, report: dict[str, Any]) -> None:
    from rich.table import Table
    from rich.text import Text

    spans = report["spans"]
    overall = Table(
        title=Text(
            f"Agreement: {report['documents']} document(s), {len(report['annotators'])} annotators"
        )
    )
    overall.add_column("figure")
    overall.add_column("value", justify="right")
    for title, key in (
        ("span exact F1 (mean over pairs)", "exact_f1"),
        ("span overlap F1 (mean over pairs)", "overlap_f1"),
        ("token Cohen's kappa (mean over pairs)", "token_kappa"),
        ("character Krippendorff's alpha", "char_alpha"),
        ("span value agreement (mean over pairs)", "value_agreement"),
    ):
        overall.add_row(title, figure(spans[key]))
    console.print(overall)


def _print_labels(console: Console, by_label: dict[str, Any], colours: dict[str, str]) -> None:
    from rich.table import Table
    from rich.text import Text

    labels = Table(title="Per label")
    # A long label folds onto more lines; the figures keep their width.
    labels.add_column("label", overflow="fold")
    for column in ("spans", "exact F1", "overlap F1", "values"):
        labels.add_column(column, justify="right", no_wrap=True)
    for label, row in by_label.items():
        labels.add_row(
            Text(label, style=colours.get(label, "")),
            str(row["spans"]),
            figure(row["exact_f1"]),
            figure(row["overlap_f1"]),
            figure(row["value_agreement"]) if row.get("has_values", True) else "–",
        )
    console.print(labels)
    _plain_line(console, LABELS_FOOTNOTE)
    if not all(row.get("has_values", True) for row in by_label.values()):
        _plain_line(console, NO_VALUES_FOOTNOTE)


def _print_pairs(console: Console, report: dict[str, Any]) -> None:
    from rich.table import Table
    from rich.text import Text

    names = [visible(name) for name in report["annotators"]]
    matrix = Table(title="Pairs: exact F1 / overlap F1 / kappa / values (documents)")
    matrix.add_column("")
    for name in names[1:]:
        matrix.add_column(Text(name), justify="right")
    cells = {(visible(row["a"]), visible(row["b"])): row for row in report["pairs"]}
    for position, first in enumerate(names[:-1]):
        line: list[Text] = [Text(first)]
        for place, second in enumerate(names[1:], start=1):
            row = cells.get((first, second))
            if place <= position or row is None:
                line.append(Text(""))
                continue
            line.append(
                Text(
                    f"{figure(row['exact_f1'])} / {figure(row['overlap_f1'])} / "
                    f"{figure(row['token_kappa'])} / {figure(row['value_agreement'])} "
                    f"({row['documents']})"
                )
            )
        matrix.add_row(*line)
    console.print(matrix)


def _print_form(console: Console, form: dict[str, Any]) -> None:
    from rich.table import Table
    from rich.text import Text

    if not form:  # a scheme of labels only: an empty table read as figures missing
        _plain_line(console, NO_FORM_FIELDS)
        return
    names = [cell_len(name) for name in form]
    levels = [cell_len(str(row["level"])) for row in form.values()]
    widest = (max(cell_len("field"), *names), max(cell_len("level"), *levels))
    shape = form_shape(*widest, console.width)
    table = Table(title="Form fields", padding=(0, shape.padding))
    # A long field name folds onto more lines; the figures, and their headers, keep their
    # width (at 60 columns rich had cut "documents" to "docume…").
    table.add_column("field", overflow="fold")
    table.add_column("level", overflow="fold")
    for column in ("documents", "alpha", "agreement", shape.frame_header):
        table.add_column(column, justify="right", no_wrap=True)
    for name, row in form.items():
        table.add_row(
            Text(name),
            row["level"],
            str(row["units"]),
            figure(row["alpha"]),
            figure(row["agreement"]),
            figure(row["frame_f1"]) if "frame_f1" in row else "",
        )
    console.print(table)
    # Why an alpha is n/a, and how an integer's empty answers counted, are said under the table
    # that shows the figures, not among the notes at the end.
    for note in form_table_notes(form):
        _plain_line(console, note)


@dataclass(frozen=True)
class FormShape:
    """How the form fields' table fits the terminal: its last header, the cells' blank."""

    frame_header: str
    padding: int


FORM_FIGURES = ("documents", "alpha", "agreement")


def form_shape(field: int, level: int, width: int) -> FormShape:
    """The form table's shape for a ``field`` and a ``level`` column that wide (their widest
    cell): "frame F1" on two lines when one line does not fit in ``width`` (the terminal's),
    then the cells without their blanks; what still does not fit folds the field names."""
    figures = sum(map(cell_len, FORM_FIGURES))
    for header, padding in (("frame F1", 1), ("frame\nF1", 1), ("frame\nF1", 0)):
        frame = 7 + 2 * 6 * padding  # a rule either side of the six columns, the blanks
        header_width = max(map(cell_len, header.split("\n")))
        if frame + field + level + figures + header_width <= width:
            return FormShape(header, padding)
    return FormShape("frame\nF1", 0)


def form_table_notes(form: dict[str, Any]) -> list[str]:
    return form_alpha_notes(form) + empty_answer_notes(form)


@dataclass(frozen=True)
class LowestWidths:
    """The cell widths of the lowest documents' table: the id column first."""

    document: int
    annotators: int
    headers: tuple[str, ...]  # the figure columns' headers, broken into lines when narrow
    padding: int = 1  # the blank either side of each cell: none in the narrowest terminals


def _frame(padding: int) -> int:
    """What a row spends besides its cells with ``padding`` either side of each cell."""
    return FRAME_CELLS - 2 * 7 * (1 - padding)


def _figures(headers: tuple[str, ...]) -> int:
    return sum(max(FIGURE_WIDTH, *map(cell_len, header.split("\n"))) for header in headers)


def lowest_widths(ids: list[str], annotators: list[str], width: int) -> LowestWidths:
    """Widths for the lowest documents' table in ``width`` cells, the id column served first:
    the ids whole on one line when the other columns can give up room for it (the figure
    headers on two lines, the annotators one name a line), else the rest of the width, the
    ids folded onto more lines. The ids tell which document to open; the rest is short.

    The figures are never given up: a long name is cut to the room left (as the pairs' table
    cuts it), and below that the cells lose their blanks. A trial's 60-character name took
    the row, and rich squeezed the figure columns to nothing."""
    want = max(cell_len("document"), *(cell_len(doc_id) for doc_id in ids))
    names_whole = max(cell_len("annotators"), *(cell_len(names) for names in annotators))
    longest_name = max(
        (cell_len(name) + 1 for names in annotators for name in names.split(", ")), default=0
    )
    names_narrow = max(cell_len("annotators"), longest_name)
    wide, narrow = FIGURE_HEADERS, tuple(header.replace(" ", "\n") for header in FIGURE_HEADERS)
    for headers, names in ((wide, names_whole), (narrow, names_whole), (narrow, names_narrow)):
        room = width - FRAME_CELLS - _figures(headers) - names
        if room >= want:
            return LowestWidths(want, names, headers)
    # The id folds onto more lines (or is cut, ``shown_id``); the names have at least their
    # header's width, and are cut to it if the id needs the rest.
    least = cell_len("annotators")
    for padding in (1, 0):
        left = width - _frame(padding) - _figures(narrow)
        names = min(names_narrow, max(least, left - want))
        if left - names >= cell_len("document"):
            return LowestWidths(left - names, names, narrow, padding)
    return LowestWidths(cell_len("document"), least, narrow, 0)  # rich shares what is left


def shown_id(doc_id: str, column: int) -> str:
    """``doc_id`` whole when ``ID_LINES`` lines of ``column`` cells hold it, else cut in the
    middle to them, a third for its start and the rest for its end: ids often share their
    start (``2024/news/…``), and the end tells them apart (``display.middle_cut`` keeps two
    thirds of the start, and looks for spaces ids seldom have)."""
    limit = column * ID_LINES
    if cell_len(doc_id) <= limit:
        return doc_id
    room = max(limit - 1, 2)  # the ellipsis
    head = room // 3
    return doc_id[:head] + "…" + doc_id[len(doc_id) - (room - head) :]


def _lowest_table(rows: list[dict[str, Any]], width: int) -> Table:
    from rich.table import Table
    from rich.text import Text

    names = [", ".join(map(visible, row["annotators"])) for row in rows]
    ids = [visible(row["doc_id"]) for row in rows]
    widths = lowest_widths(ids, names, width)
    folded = any(cell_len(doc_id) > widths.document for doc_id in ids)
    table = Table(
        title="Lowest agreement (spans, values and form): look here first",
        caption=LOWEST_FOOTNOTE,
        show_lines=folded,  # a rule between rows shows where a folded id ends
        padding=(0, widths.padding),
    )
    table.add_column("document", width=widths.document, overflow="fold", no_wrap=False)
    # One name a line; a name longer than the column is cut, never folded into the next.
    table.add_column("annotators", width=widths.annotators, overflow="ellipsis", no_wrap=False)
    for header in widths.headers:
        table.add_column(header, justify="right", no_wrap=True)
    for row, doc_id, who in zip(rows, ids, names, strict=True):
        table.add_row(
            Text(shown_id(doc_id, widths.document)),
            Text(who),
            figure(row["score"]),
            figure(row["exact_f1"]),
            figure(row["overlap_f1"]),
            figure(row["value_agreement"]),
            figure(row.get("form_agreement")),
        )
    return table


def _print_lowest(console: Console, report: dict[str, Any]) -> None:
    by_id = {row["doc_id"]: row for row in report["per_document"]}
    rows = [by_id[doc_id] for doc_id in report["lowest"]]
    console.print(_lowest_table(rows, console.width))
    for key, line in (("value_agreement", LOWEST_VALUES_NA), ("form_agreement", LOWEST_FORM_NA)):
        if any(row.get(key) is None for row in rows):
            _plain_line(console, line)


def _print_some(console: Console, lines: list[tuple[str, dict[str, Any]]]) -> None:
    """The first ten left out, each ``what: reason`` (its invisible characters shown), and
    how many more."""
    from rich.text import Text

    for what, item in lines[:10]:
        console.print(Text(visible(f"  {what}: {item['reason']}")))
    if len(lines) > 10:
        console.print(Text(f"  … and {len(lines) - 10} more (see --json)"))


def _print_left_out_and_notes(console: Console, report: dict[str, Any]) -> None:
    from rich.text import Text

    # A document still compared between the others had only some records left out: a
    # trial read "1 document(s) left out: 01 (bob)" of a document compared without bob's.
    documents = [item for item in report["excluded"] if not item["still_compared"]]
    records = [item for item in report["excluded"] if item["still_compared"]]
    if documents:
        console.print(Text(f"{len(documents)} document(s) left out:", style="bold"))
    _print_some(console, [(f"{i['doc_id']} ({', '.join(i['annotators'])})", i) for i in documents])
    if records:
        count = sum(len(item["annotators"]) for item in records)
        said = f"{count} record(s) left out, each document compared between the others:"
        console.print(Text(said, style="bold"))
    _print_some(
        console, [(whose_records(item["doc_id"], item["annotators"]), item) for item in records]
    )
    shown = form_table_notes(report["form"])
    for note in report["notes"]:
        if note not in shown:
            console.print(Text(f"note: {visible(note)}", style="dim"))
