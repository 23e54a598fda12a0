"""``annotator agree``'s tables at 60, 80 and 100 columns with 60-character annotator names,
long document ids, a long label and a long field: no line is wider than the terminal, every
figure shows whole, the names are cut rather than the figures, the ids follow the README's
rule, and the notes wrap at spaces. A trial's 60-character name took the lowest documents'
table at 80 columns, its figure columns squeezed to nothing, and a note broke "a / lpha"."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import orjson
import pytest
from rich.cells import cell_len

from annotator.commands.agree_tables import (
    FRAME_CELLS,
    ID_LINES,
    figure,
    form_table_notes,
    lowest_widths,
)
from tests.test_agree_tables_cli import agree
from tests.test_agreement_data import (
    ALICE_SPANS,
    BOB_SPANS,
    SCHEME_TOML,
    record,
    span,
    write_journal,
)

LONG = "Maximiliana-Theodora-Konstantinopoulou-Vandenberghe-Smithson"
LONGER = "Bartholomew-Alexander-Montgomery-Fitzwilliam-Ravenscroft-Jones"
LONG_ID = "2024/news/europe/" + "very-long-" * 8 + "kessar-strait-sailors-freed-after-talks"
MID_ID = "2024/news/europe/kessar-strait-sailors-freed-in-march"
LONG_LABEL = "date_of_the_release_as_the_article_gives_it"
LONG_FIELD = "number_of_prisoners_released_by_either_side_in_all"
RUSSIA = [span("s1", 0, 6, "actor")]


def journals(folder: Path) -> list[Path]:
    files = []
    for name, spans in (("alice", ALICE_SPANS), (LONG, BOB_SPANS), (LONGER, RUSSIA)):
        files.append(
            write_journal(
                folder / f"{name[:5].lower()}.jsonl",
                record(name, "z1", spans=spans, form={"code": "1"}),
                record(name, LONG_ID, spans=RUSSIA, form={"code": "1"}),
                record(name, MID_ID, spans=spans, form={"code": "1"}),
            )
        )
    return files


def long_scheme(folder: Path) -> Path:
    path = folder / "long_scheme.toml"
    text = SCHEME_TOML.replace('name = "date"', f'name = "{LONG_LABEL}"')
    path.write_text(text.replace('name = "number"', f'name = "{LONG_FIELD}"'), encoding="utf-8")
    return path


def table_rows(out: str, title: str, first_figure: int) -> list[list[list[str]]]:
    """The rows of the table titled ``title``, each a list of cells, each cell its pieces
    (one a line): a row begins on a line whose cell ``first_figure`` is filled."""
    lines = out[out.index(title) :].splitlines()
    rows: list[list[list[str]]] = []
    for line in lines[: next(i for i, line in enumerate(lines) if line.startswith("└"))]:
        if not line.startswith("│"):
            continue
        cells = [cell.strip() for cell in line.split("│")[1:-1]]
        if cells[first_figure]:
            rows.append([[cell] for cell in cells])
            continue
        for pieces, cell in zip(rows[-1], cells, strict=True):
            if cell:
                pieces.append(cell)
    return rows


def printed_lines(out: str, note: str) -> list[str]:
    """The lines of ``out`` that print ``note``, wrapped (if at all) only at its spaces; none
    when it is not printed so."""
    lines = out.splitlines()
    for start, line in enumerate(lines):
        if not line or not note.startswith(line.rstrip()):
            continue
        said = ""
        for end in range(start, len(lines)):
            said = f"{said} {lines[end].strip()}".strip()
            if said == note:
                return lines[start : end + 1]
            if not note.startswith(said):
                break
    return []


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[Any, Any]:
    folder = tmp_path_factory.mktemp("long_names")
    args = [*journals(folder), "--scheme", long_scheme(folder)]
    found: dict[Any, Any] = {"json": orjson.loads(agree(folder, None, *args, "--json"))}
    for columns in (60, 80, 100):
        found[columns] = agree(folder, columns, *args)
    return found


@pytest.mark.parametrize("columns", [60, 80, 100])
def test_no_line_is_wider_than_the_terminal(runs: dict[Any, Any], columns: int) -> None:
    wide = [line for line in runs[columns].splitlines() if cell_len(line) > columns]
    assert wide == []


@pytest.mark.parametrize("columns", [60, 80, 100])
def test_the_lowest_table_shows_every_figure_and_cuts_the_names(
    runs: dict[Any, Any], columns: int
) -> None:
    report = runs["json"]
    by_id = {row["doc_id"]: row for row in report["per_document"]}
    rows = table_rows(runs[columns], "Lowest agreement", 2)
    assert len(rows) == len(report["lowest"]) == 3
    for row, doc_id in zip(rows, report["lowest"], strict=True):
        document, names, *figures = row
        want = by_id[doc_id]
        keys = ("score", "exact_f1", "overlap_f1", "value_agreement", "form_agreement")
        assert [pieces[0] for pieces in figures] == [figure(want[key]) for key in keys]
        assert all(len(pieces) == 1 for pieces in figures)
        # The id: whole when three lines of its column hold it, else cut in the middle.
        column = max(map(cell_len, document))
        shown = "".join(document)
        if cell_len(doc_id) <= column * ID_LINES:
            assert shown == doc_id
        else:
            head, tail = shown.split("…")
            assert doc_id.startswith(head) and doc_id.endswith(tail) and len(document) <= 3
        # One name a line, each whole or cut at its end, never folded into the next.
        assert len(names) == len(want["annotators"])
        for piece, name in zip(names, want["annotators"], strict=True):
            name_with_comma = f"{name},"
            assert piece in (name, name_with_comma) or (
                piece.endswith("…") and name.startswith(piece[:-1])
            )
    assert any("…" in piece for row in rows for piece in row[1])  # 60 characters are cut


@pytest.mark.parametrize("columns", [60, 80, 100])
def test_the_other_tables_show_every_figure(runs: dict[Any, Any], columns: int) -> None:
    out, report = runs[columns], runs["json"]
    labels = table_rows(out, "Per label", 1)
    assert ["".join(row[0]) for row in labels] == list(report["spans"]["by_label"])
    for row, figures in zip(labels, report["spans"]["by_label"].values(), strict=True):
        exact, overlap = figure(figures["exact_f1"]), figure(figures["overlap_f1"])
        assert [row[1], row[2], row[3]] == [[str(figures["spans"])], [exact], [overlap]]
    # Each pair's figures whole, wrapped (if at all) at their spaces.
    pairs = table_rows(out, "Pairs:", 0)
    cells = [" ".join(pieces) for row in pairs for pieces in row[1:] if pieces != [""]]
    assert sorted(cells) == sorted(
        f"{figure(pair['exact_f1'])} / {figure(pair['overlap_f1'])} / "
        f"{figure(pair['token_kappa'])} / {figure(pair['value_agreement'])} "
        f"({pair['documents']})"
        for pair in report["pairs"]
    )
    form = table_rows(out, "Form fields", 2)
    assert ["".join(row[0]) for row in form] == list(report["form"])
    for row, figures in zip(form, report["form"].values(), strict=True):
        assert row[2:5] == [[str(figures["units"])], [figure(figures["alpha"])], ["1.000"]]
    header = out[out.index("Form fields") : out.index("┡", out.index("Form fields"))]
    assert "documents" in header and "agreement" in header and "…" not in header


@pytest.mark.parametrize("columns", [60, 80, 100])
def test_notes_wrap_at_spaces(runs: dict[Any, Any], columns: int) -> None:
    out, report = runs[columns], runs["json"]
    under_form = form_table_notes(report["form"])  # under their table, the rest at the end
    notes = under_form + [f"note: {note}" for note in report["notes"] if note not in under_form]
    assert any("nothing for alpha to measure" in note for note in notes)
    for note in notes:
        lines = printed_lines(out, note)
        assert lines, note
        assert max(map(cell_len, lines)) <= columns
    # A wrapped line ends at a word's end: the next begins a word of the note.
    assert not re.search(r"for a\n", out)


@pytest.mark.parametrize("width", [60, 80, 100])
def test_the_lowest_widths_leave_the_figures_their_room(width: int) -> None:
    widths = lowest_widths([LONG_ID, "z1"], [f"{LONGER}, {LONG}, alice"], width)
    figures = sum(max(5, *map(cell_len, header.split("\n"))) for header in widths.headers)
    frame = FRAME_CELLS - 14 * (1 - widths.padding)
    assert frame + widths.document + widths.annotators + figures <= width
    assert widths.annotators < cell_len(LONG) and widths.document >= cell_len("document")
