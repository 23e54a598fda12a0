"""``annotator diff`` at 80 columns: the closing lines (not compared, left out, notes) wrapped
between words on a terminal, and Hindi measured as terminals draw it.

A trial's 60-character annotator names and document ids ran those lines past 80 columns (the
terminal broke them inside words); and rich counts a Hindi vowel sign (a spacing mark) as no
cell where the terminal gives it one, so Hindi excerpts ran past the width and a Hindi name's
bar, and the spans after it, stood left of the other's. The CLI measures so without Textual.
"""

from __future__ import annotations

import io
import subprocess
import sys
import unicodedata
from pathlib import Path

from rich.console import Console

from annotator.commands.diff_excerpt import _whole_characters
from annotator.commands.diff_report import print_report
from annotator.core.cell_widths import measure_spacing_marks_as_drawn
from annotator.core.corpus import open_corpus
from annotator.core.diff import diff_of_files
from annotator.core.scheme import load_default_scheme
from tests.test_agreement_data import record, span, write_corpus, write_journal

NORTH = "annotator-of-the-northern-office-" + "x" * 20 + "-team-1"
SOUTH = "annotator-of-the-southern-office-" + "x" * 20 + "-team-2"
LONG_DOC = "2024-03-17-kestria-norvania-prisoner-exchange-arbela-crossing"
HINDI = (
    "मंगलवार को किशोरी नदी के पास सत्तासी कैदियों को रिहा किया गया और अधिकारियों ने "
    "बताया कि बातचीत जारी रहेगी।"
)
SUNITA = "सुनीता"  # two spacing marks: 5 cells on screen, 3 by rich's count
FORM = {"event_type": "exchange"}


def drawn(line: str) -> int:
    """The cells a terminal (glibc's wcwidth, tmux) gives ``line`` of these tests' characters:
    one each but for the marks drawn over their letter and the invisible ones."""
    return sum(unicodedata.category(char) not in ("Mn", "Me", "Cf") for char in line)


def _journals(tmp_path: Path, names: tuple[str, str]) -> tuple[Path, Path, Path]:
    """Both marked a count in the Hindi document, a word apart; the first did LONG_DOC, which
    the second skipped, both with a note; both did a document the corpus does not hold; the
    first alone did one more."""
    north, south = names
    start = HINDI.index("सत्तासी")
    a = write_journal(
        tmp_path / "a.jsonl",
        record(north, "hi", [span("s1", start, start + 7, "count", 87, HINDI)], FORM, text=HINDI),
        record(
            north, LONG_DOC, form=FORM, note="two agencies gave different figures, so I left it"
        ),
        record(north, LONG_DOC + "-x", form=FORM),
        record(north, "only-" + LONG_DOC, form=FORM),
    )
    b = write_journal(
        tmp_path / "b.jsonl",
        record(south, "hi", [span("s1", start, start + 15, "count", 87, HINDI)], FORM, text=HINDI),
        record(south, LONG_DOC, status="skipped", note="not an event for us: hostages held"),
        record(south, LONG_DOC + "-x", form=FORM),
    )
    corpus = write_corpus(tmp_path, {"hi": HINDI, LONG_DOC: HINDI})
    return a, b, corpus


def _printed(tmp_path: Path, names: tuple[str, str], terminal: bool = True) -> list[str]:
    a, b, corpus_path = _journals(tmp_path, names)
    corpus = open_corpus(corpus_path)
    report = diff_of_files(a, b, load_default_scheme(), corpus, None, context=True)
    out = io.StringIO()
    console = Console(file=out, width=80, color_system=None, force_terminal=terminal)
    print_report(report, corpus, {}, console)
    return out.getvalue().splitlines()


def test_every_line_fits_80_columns_with_60_character_names(tmp_path: Path) -> None:
    lines = _printed(tmp_path, (NORTH, SOUTH))
    assert [line for line in lines if drawn(line) > 80] == []
    closing = lines[lines.index(f"{LONG_DOC}: not compared:") :]
    # Broken between words, never inside one, each further line indented by two.
    assert closing[1:4] == [
        f'  {SOUTH} skipped it ("not',
        '  an event for us: hostages held");',
        f'  {NORTH} done ("two',
    ]
    assert closing[5:7] == [f"left out: {LONG_DOC}-x", f"  ({NORTH},"]
    assert "note: records not done are not compared:" in closing
    assert all(line.startswith(("  ", "left out: ", "note: ")) for line in closing[1:])


def test_a_file_keeps_each_closing_line_whole(tmp_path: Path) -> None:
    lines = _printed(tmp_path, (NORTH, SOUTH), terminal=False)
    said = [line for line in lines if line.startswith(f"{LONG_DOC}: not compared:")]
    assert len(said) == 1 and said[0].endswith(
        'done ("two agencies gave different figures, so I left it")'
    )
    assert any(line.startswith("left out: ") and line.endswith("corpus.jsonl") for line in lines)


def test_hindi_is_measured_as_drawn(tmp_path: Path) -> None:
    lines = _printed(tmp_path, (SUNITA, "bob"))
    assert [line for line in lines if drawn(line) > 80] == []
    excerpts = [line for line in lines if " │ " in line]
    assert [line.split(" │ ")[0] for line in excerpts] == [f"    {SUNITA}", "      bob"]
    # The bars, and the span's start after them, stand in the same column on screen.
    bars = {drawn(line[: line.index("│")]) for line in excerpts}
    marks = {drawn(line[: line.index("⟦")]) for line in excerpts}
    assert len(bars) == 1 and len(marks) == 1
    # A window never leaves a vowel sign without its letter.
    for line in excerpts:
        shown = line.split(" │ ")[1].lstrip("…")
        assert unicodedata.category(shown[0]) not in ("Mn", "Mc")


def test_the_cli_measures_so_without_textual(tmp_path: Path) -> None:
    a, b, corpus = _journals(tmp_path, (SUNITA, "bob"))
    probe = (
        "import sys, contextlib, io\n"
        "from annotator.cli import main\n"
        "from rich.cells import cell_len\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['diff', {str(a)!r}, {str(b)!r}, '--corpus', {str(corpus)!r}])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))\n"
        f"print(cell_len({SUNITA!r}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["[]", "5"]


def test_a_window_keeps_a_vowel_sign_with_its_letter() -> None:
    # Measured as drawn, a vowel sign takes a cell: a window cut by cells (a focus wider than
    # the room) still takes it with its letter, "कि" and never "क".
    measure_spacing_marks_as_drawn()
    assert _whole_characters("किया", 4, 0, 1, 0) == (0, 2)
    assert _whole_characters("किया", 4, 1, 4, 4) == (2, 4)
