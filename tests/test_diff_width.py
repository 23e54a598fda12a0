"""``annotator diff`` for a person fits the terminal: excerpts, pair lines and the summary."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console

from annotator.commands.diff_report import print_report
from annotator.core.corpus import open_corpus
from annotator.core.diff import diff_of_files
from annotator.core.display import excerpt_window, one_line_text
from annotator.core.scheme import load_default_scheme
from tests.test_agreement_data import record, span, write_corpus, write_journal

FORM = {"event_type": "exchange"}
# One long sentence (about 230 characters) around the differences, as in a real article.
TEXT = (
    "Talks went on.\n\n"
    "After weeks of talks mediated by the Republic of Vellmark, whose envoys shuttled between "
    "the capitals, Norvania released 95 prisoners of war to Kestria at a crossing point north "
    "of Arbela on Sunday, and officials on both sides said more exchanges would follow soon."
)


def _span(start_text: str, label: str, value: int | None = None, length: int = 0) -> dict[str, Any]:
    start = TEXT.index(start_text)
    return span("s1", start, start + (length or len(start_text)), label, value, TEXT)


def _report_lines(tmp_path: Path, width: int) -> list[str]:
    count_a = _span("95", "count", 95)
    count_b = _span("95 prisoners of war", "count", 95)
    alice = write_journal(
        tmp_path / "alice.jsonl",
        record(
            "alice",
            spans=[count_a, {**_span("Norvania", "actor"), "id": "s2"}],
            form=FORM,
            text=TEXT,
        ),
    )
    bob = write_journal(
        tmp_path / "bob.jsonl", record("bob", spans=[count_b], form=FORM, text=TEXT)
    )
    corpus = open_corpus(write_corpus(tmp_path, {"d1": TEXT}))
    scheme = load_default_scheme()
    report = diff_of_files(alice, bob, scheme, corpus, None, context=True)
    out = io.StringIO()
    console = Console(file=out, width=width, color_system=None, highlight=False)
    print_report(report, corpus, {}, console)
    return out.getvalue().splitlines()


@pytest.mark.parametrize("width", [80, 160])
def test_every_line_fits_the_console(tmp_path: Path, width: int) -> None:
    lines = _report_lines(tmp_path, width)
    too_wide = [line for line in lines if cell_len(line) > width]
    assert too_wide == []
    # The summary breaks between its items, never inside one ("only" / "B 1").
    summary = " ".join(line.strip() for line in lines[: lines.index("")])
    assert summary == (
        "A = alice, B = bob: 1 document(s) compared; boundary 1, label 0, only A 1, only B 0, "
        "value 0; form fields 0"
    )
    assert all(not line.endswith(("only", "B")) for line in lines)


@pytest.mark.parametrize("width", [80, 160])
def test_both_annotators_see_the_same_excerpt_aligned(tmp_path: Path, width: int) -> None:
    lines = _report_lines(tmp_path, width)
    alice = [line for line in lines if line.lstrip().startswith("alice │")]
    bob = [line for line in lines if line.lstrip().startswith("bob │")]
    assert len(alice) == len(bob) == 2
    for a, b in zip(alice, bob, strict=True):
        assert a.index("│") == b.index("│")
        plain_a = a.split("│ ", 1)[1].replace("⟦", "").replace("⟧", "")
        plain_b = b.split("│ ", 1)[1].replace("⟦", "").replace("⟧", "")
        assert plain_a == plain_b  # the same words, from the same place
        assert plain_a.startswith("…") and plain_a.endswith("…")  # the long sentence is cut
        # Cut between words: the excerpt is a run of whole words of the sentence.
        assert plain_a.strip("…") in TEXT
        assert f" {plain_a.strip('…').split()[0]}" in TEXT
    boundary = alice[0] if "⟦95⟧" in alice[0] else alice[1]
    assert "released ⟦95⟧ prisoners of war" in boundary
    if width == 160:  # the wider console shows more of the sentence
        assert len(alice[0]) > 130


def test_a_narrow_console_puts_b_under_a(tmp_path: Path) -> None:
    lines = _report_lines(tmp_path, 80)
    first = lines.index('  boundary A: count 137..139 "95" = 95')
    assert lines[first + 1] == '           B: count 137..156 "95 prisoners of war" = 95'
    wide = _report_lines(tmp_path, 160)
    assert (
        '  boundary A: count 137..139 "95" = 95   B: count 137..156 "95 prisoners of war" = 95'
        in (wide)
    )


def test_excerpt_window_is_the_whole_stretch_when_it_fits() -> None:
    text = "Russia freed 146 prisoners."
    assert excerpt_window(text, (0, len(text)), (13, 16), 40) == (0, len(text))
    assert excerpt_window(text, (0, len(text)), (13, 16), len(text)) == (0, len(text))


def test_excerpt_window_counts_wide_characters_as_two_cells() -> None:
    text = "北京" * 20 + " 146 " + "上海" * 20  # 80 + 5 + 80 cells
    start, end = excerpt_window(text, (0, len(text)), (41, 44), 30)
    assert cell_len(text[start:end]) <= 28
    assert start <= 41 and end >= 44


def test_excerpt_window_shows_a_focus_wider_than_the_room_from_its_start() -> None:
    text = "a " * 10 + "x" * 100 + " b" * 10
    start, end = excerpt_window(text, (0, len(text)), (20, 120), 30)
    assert (start, end) == (20, 48)


def test_a_line_break_inside_an_excerpt_keeps_it_on_one_line() -> None:
    shown = one_line_text("one\ntwo\tthree")
    assert shown == "one⏎two⇥three" and len(shown) == len("one\ntwo\tthree")


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.text(alphabet="abcé北🕊", min_size=1, max_size=12), min_size=1, max_size=40),
    data=st.data(),
    cells=st.integers(min_value=3, max_value=120),
)
def test_excerpt_window_fits_and_holds_the_focus(
    words: list[str], data: st.DataObject, cells: int
) -> None:
    text = " ".join(words)
    low = data.draw(st.integers(0, len(text) - 1))
    high = data.draw(st.integers(low + 1, len(text)))
    start, end = excerpt_window(text, (0, len(text)), (low, high), cells)
    ellipses = (start > 0) + (end < len(text))
    assert 0 <= start <= end <= len(text)
    assert cell_len(text[start:end]) + ellipses <= max(cells, 3)
    if cell_len(text[low:high]) + 2 <= cells:
        assert start <= low and high <= end  # the whole focus is shown
    else:
        assert start == low or start == 0  # shown from its start


LONG = (
    "date 2025-08-24 Kyiv released 12 prisoners to the UAE on 24 August 2025. The UAE released "
    "41 prisoners to Russia on 24 August 2025, among them Sergeant B. Kovalenko. Officials said "
    "the talks had lasted several weeks and were mediated by third parties."
)


@pytest.mark.parametrize("width", range(60, 101))
def test_an_excerpt_line_fits_every_width(tmp_path: Path, width: int) -> None:
    # The excerpt's room was counted a cell too wide (its prefix measured with the line break
    # before it, which rich gives no cell): at 80 columns, 71 lines of a 10,000-document diff
    # were 81 cells and wrapped.
    start = LONG.index("Russia")
    alice = write_journal(
        tmp_path / "alice.jsonl",
        record(
            "alice", spans=[span("s1", start, start + 6, "actor", None, LONG)], form=FORM, text=LONG
        ),
    )
    bob = write_journal(
        tmp_path / "bob.jsonl",
        record(
            "bob",
            spans=[span("s1", start, start + 6, "releasee", None, LONG)],
            form=FORM,
            text=LONG,
        ),
    )
    corpus = open_corpus(write_corpus(tmp_path, {"d1": LONG}))
    report = diff_of_files(alice, bob, load_default_scheme(), corpus, None, context=True)
    out = io.StringIO()
    console = Console(file=out, width=width, color_system=None, highlight=False)
    print_report(report, corpus, {}, console)
    lines = out.getvalue().splitlines()
    assert [line for line in lines if "│" in line]  # the excerpts are there
    assert [line for line in lines if cell_len(line) > width] == []
