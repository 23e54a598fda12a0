"""``annotator diff`` for a person with long annotator names: every line fits the terminal,
the names cut in the middle in the excerpts' prefixes and said in full where they fit."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.console import Console

from annotator.commands.diff_report import print_report
from annotator.core.corpus import open_corpus
from annotator.core.diff import diff_of_files
from annotator.core.scheme import load_default_scheme
from tests.test_agreement_data import record, span, write_corpus, write_journal

TEXT = (
    "After weeks of talks mediated by Vellmark, Norvania released 95 prisoners of war to "
    "Kestria at a crossing point north of Arbela on Sunday, officials said."
)
FORM = {"event_type": "exchange"}
# 60 characters each, alike but for their middle and their end.
NORTH = "annotator-of-the-northern-office-" + "x" * 20 + "-team-1"
SOUTH = "annotator-of-the-southern-office-" + "x" * 20 + "-team-2"


def _printed(tmp_path: Path, names: tuple[str, str], width: int) -> list[str]:
    start = TEXT.index("95")
    records = [
        record(names[0], spans=[span("s1", start, start + 2, "count", 95, TEXT)], text=TEXT),
        record(names[1], spans=[span("s1", start, start + 12, "count", 95, TEXT)], text=TEXT),
    ]
    journals = [
        write_journal(tmp_path / f"{side}.jsonl", {**made, "form": FORM})
        for side, made in zip("ab", records, strict=True)
    ]
    corpus = open_corpus(write_corpus(tmp_path, {"d1": TEXT}))
    report = diff_of_files(*journals, load_default_scheme(), corpus, None, context=True)
    out = io.StringIO()
    print_report(report, corpus, {}, Console(file=out, width=width, color_system=None))
    return out.getvalue().splitlines()


def _excerpts(lines: list[str]) -> list[str]:
    return [line for line in lines if " │ " in line]


@pytest.mark.parametrize("width", [60, 80])
def test_every_line_fits_with_a_60_character_name(tmp_path: Path, width: int) -> None:
    # The prefix took the whole name: "    <60 characters> │ " then 20 cells of sentence at
    # least, 88 cells on a line of 60 or 80.
    lines = _printed(tmp_path, (NORTH, "bob"), width)
    assert [(cell_len(line), line) for line in lines if cell_len(line) > width] == []
    north, bob = _excerpts(lines)
    # The name cut in the middle: its start and its end, the bars aligned.
    name = north.split(" │ ")[0].strip()
    assert name.startswith("annotator-") and name.endswith(NORTH[-len(name.split("…")[1]) :])
    assert "…" in name and cell_len(name) <= width // 4
    assert north.index("│") == bob.index("│") and bob.split(" │ ")[0].strip() == "bob"
    # The excerpt keeps most of the line: the difference and words either side of it.
    assert "released ⟦95⟧ prisoners" in north and "released ⟦95 prisoners⟧" in bob
    assert cell_len(north) > width - 10


def test_the_summary_says_a_long_name_in_full_where_it_fits(tmp_path: Path) -> None:
    lines = _printed(tmp_path, (NORTH, "bob"), 80)
    assert lines[0] == f"A = {NORTH}, B = bob:"
    narrow = _printed(tmp_path, (NORTH, "bob"), 60)
    assert narrow[0].startswith("A = annotator-of-the-") and narrow[0].endswith("-team-1,")
    assert "…" in narrow[0] and narrow[1].startswith("  B = bob:")


def test_two_long_names_cut_alike_are_told_apart(tmp_path: Path) -> None:
    # Cut to 15 cells at 60 columns, both are "annotator-…m-1"-like: their ends differ, so
    # the cut names do; names alike at both ends get their side after them.
    lines = _printed(tmp_path, (NORTH, SOUTH), 60)
    first, second = (line.split(" │ ")[0].strip() for line in _excerpts(lines))
    assert first != second
    assert first.endswith("1") and second.endswith("2")
    twins = ("a" * 30 + "-north-" + "z" * 23, "a" * 30 + "-south-" + "z" * 23)
    first, second = (
        line.split(" │ ")[0].strip() for line in _excerpts(_printed(tmp_path, twins, 60))
    )
    assert first.endswith(" A") and second.endswith(" B") and "…" in first
    assert [line for line in _printed(tmp_path, twins, 60) if cell_len(line) > 60] == []


def test_wide_names_are_aligned_by_their_cells(tmp_path: Path) -> None:
    # Padded by characters (3 each), "王小明" (6 cells) put its bar three cells right of bob's.
    lines = _excerpts(_printed(tmp_path, ("王小明", "bob"), 80))
    assert len({cell_len(line.split("│")[0]) for line in lines}) == 1
    assert lines[0].startswith("    王小明 │ ") and lines[1].startswith("       bob │ ")
