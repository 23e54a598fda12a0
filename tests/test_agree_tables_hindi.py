"""``annotator agree``'s tables with a Hindi annotator name and document id, measured as
terminals draw them: every row of a table as wide as its frame.

rich counts a Hindi vowel sign (a spacing mark, U+093F ि, U+093E ा) as no cell where the
terminal gives it one: the pairs' column headed "सिमरन" and the lowest documents' rows of
"समाचार-किसान" (8 cells by rich's count, 12 on screen) ran past their column, and every rule
after them stood right of the header's (seen in tmux). ``annotator diff`` measured so already
(``core.cell_widths``)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from tests.test_agree_tables_cli import agree
from tests.test_agreement_data import ALICE_SPANS, BOB_SPANS, record, write_journal, write_scheme

SIMRAN = "सिमरन"  # one vowel sign: 5 cells on screen, 4 by rich's count
NEWS = "समाचार-किसान"  # three: 12 cells on screen, 8 by rich's count


def drawn(line: str) -> int:
    """The cells a terminal (glibc's wcwidth, tmux) gives ``line`` of these tests' characters:
    one each but for the marks drawn over their letter."""
    return sum(unicodedata.category(char) not in ("Mn", "Me", "Cf") for char in line)


@pytest.mark.parametrize("columns", [80, 120])
def test_every_row_is_as_wide_as_its_table_on_screen(tmp_path: Path, columns: int) -> None:
    files = [
        write_journal(
            tmp_path / f"{name}.jsonl",
            record(annotator, "z1", spans=spans, form={"code": "1"}),
            record(annotator, NEWS, spans=spans, form={"code": code}),
        )
        for name, annotator, spans, code in (
            ("alice", "alice", ALICE_SPANS, "1"),
            ("simran", SIMRAN, BOB_SPANS, "2"),
        )
    ]
    out = agree(tmp_path, columns, "--scheme", write_scheme(tmp_path), *files)
    assert SIMRAN in out and NEWS in out
    tables = 0
    width = 0
    for line in out.splitlines():
        if line[:1] in "┏┌":  # a table's top: its rows are as wide until its foot
            width, tables = drawn(line), tables + 1
        if line[:1] in "┏┃┡│└┗":
            assert drawn(line) == width, line
            assert width <= columns
    assert tables == 5
