"""A note as a person edits it (``note_parts``): their text apart from the brat lines an import
kept, joined back on save as they were; line breaks and tabs shown as marks in one line and
read back exactly. And what a brat export makes of a kept block edited by hand (``read_kept``,
``Kept.damage``)."""

from __future__ import annotations

import shutil
from pathlib import Path

import orjson
import pytest

from annotator.core.formats.brat_kept import KEPT_HEADER, RENAMED, SPANS_HEADER, read_kept
from annotator.core.formats.export import export_records
from annotator.core.note_parts import (
    from_one_line,
    joined,
    kept_brat_lines,
    kept_lines_words,
    lines_shown,
    one_line,
    person_text,
    shown_note,
    split_note,
    typed_note,
    with_person_text,
)
from annotator.core.review_views import notes_summary
from annotator.core.session import open_session
from tests.test_formats_fixtures import BRAT, run_import
from tests.test_session_data import FakeClock, fixed_now

BLOCK = (
    f"{KEPT_HEADER}\nE1\tTransfer-money:T3 Giver-Arg:T1\nA5\tConfidence E1 High\n\n"
    f"{SPANS_HEADER}\nT1\tOrganization 0 4\tCiti\nT3\tTransfer-money 5 11\tmoving\n\n"
    f"{RENAMED}Transfer-money as Transfer_money"
)
NEWS = "tutorials__news__000-introduction"


@pytest.mark.parametrize(
    ("note", "person", "block"),
    [
        ("", "", ""),
        ("just mine\ntwo lines", "just mine\ntwo lines", ""),
        (BLOCK, "", BLOCK),
        (f"seen\n\n{BLOCK}", "seen", BLOCK),
        (f"a\n\nb\n\n{BLOCK}", "a\n\nb", BLOCK),
        (f"ends in a break\n\n\n{BLOCK}", "ends in a break\n", BLOCK),
        (f"{RENAMED}A-b as A_b", "", f"{RENAMED}A-b as A_b"),
    ],
)
def test_a_note_splits_into_the_persons_text_and_the_block_and_joins_back(
    note: str, person: str, block: str
) -> None:
    assert split_note(note) == (person, block)
    assert joined(person, block) == note


def test_the_persons_text_is_replaced_and_the_block_kept_as_it_was() -> None:
    note = f"seen\n\n{BLOCK}"
    assert person_text(note) == "seen"
    assert with_person_text(note, "") == BLOCK  # ctrl+k: the note emptied, the block kept
    assert with_person_text(note, "P1/P2 pairs checked") == f"P1/P2 pairs checked\n\n{BLOCK}"
    assert with_person_text("mine", "yours") == "yours"
    assert with_person_text(BLOCK, "ok") == f"ok\n\n{BLOCK}"


def test_line_breaks_and_tabs_are_marks_in_one_line_and_read_back_exactly() -> None:
    note = "first\tcol\nsecond\r\n\nthird\x1b[2J"
    shown = one_line(note)
    assert shown == "first␉col⏎second␍⏎⏎third␛[2J"
    assert not any(ord(char) < 0x20 or ord(char) == 0x7F for char in shown)
    assert from_one_line(shown) == note
    assert from_one_line(shown + " ok") == note + " ok"


def test_a_box_of_lines_keeps_line_breaks_and_tabs_and_shows_other_controls() -> None:
    assert lines_shown("a\tb\r\nc\rd\x1b[2J\x7f") == "a\tb\nc\nd␛[2J␡"
    assert notes_summary("alice: a\x1b[2J\tb\n  more\nbob: x") == ("alice: a␛[2J b ⏎ more · bob: x")


def test_what_the_field_shows_and_what_typing_there_saves() -> None:
    note = f"seen\tok\nask Ana\n\n{BLOCK}"
    assert shown_note(note) == "seen␉ok⏎ask Ana"
    assert typed_note(note, "seen␉ok⏎ask Ana later") == f"seen\tok\nask Ana later\n\n{BLOCK}"
    assert typed_note(note, "seen␉ok⏎ask Ana") == note  # nothing typed: the same note


def test_the_brat_lines_kept_are_counted_and_said() -> None:
    assert kept_brat_lines(f"seen\n\n{BLOCK}") == 2
    assert kept_lines_words(BLOCK) == "keeps 2 brat lines for export (not shown)"
    assert kept_brat_lines("E1\tnot kept: no header") == 0
    assert kept_lines_words("mine") == ""


def test_words_typed_after_the_renamed_line_are_the_notes_not_a_label() -> None:
    """The note's last line was the RENAMED line: " ok" typed at its end renamed the label
    "Transfer_money ok", and the export dropped E1, blaming T3."""
    kept = read_kept(f"{BLOCK} ok")
    assert kept.renamed == {"Transfer-money": "Transfer_money"}
    assert kept.note == "ok"
    two = read_kept(f"{RENAMED}A-b as A_b, C-d as C_d")
    assert two.renamed == {"A-b": "A_b", "C-d": "C_d"} and two.note == ""
    alone = read_kept(f"{RENAMED}A-b as A_b")  # a block of that line alone is read too
    assert alone.renamed == {"A-b": "A_b"} and alone.note == ""


def test_a_block_edited_by_hand_is_told() -> None:
    text = "Citi moving"
    assert read_kept(BLOCK).damage(text) == ""
    without_lines = BLOCK.replace(
        "E1\tTransfer-money:T3 Giver-Arg:T1\nA5\tConfidence E1 High\n", ""
    )
    assert read_kept(without_lines).damage(text) == (
        "the lines naming T1, T3 (kept for them) are gone from it"
    )
    header_typed_over = BLOCK.replace(KEPT_HEADER, f"{KEPT_HEADER} ok")
    assert read_kept(header_typed_over).damage(text) == (
        "the lines naming T1, T3 (kept for them) are gone from it; E1, A5 are read as the "
        "note's text, outside the block's headers"
    )


def _imported(tmp_path: Path) -> tuple[Path, Path]:
    source = tmp_path / "brat"
    shutil.copytree(BRAT, source)
    (source / "SOURCE.txt").unlink(missing_ok=True)
    run_import(source, "brat", tmp_path)
    return tmp_path / "corpus.jsonl", tmp_path / "records.jsonl"


def test_a_note_saved_in_a_session_keeps_the_brat_lines_for_the_export(tmp_path: Path) -> None:
    corpus, records = _imported(tmp_path)
    annotations = tmp_path / "out" / "annotations"
    annotations.mkdir(parents=True)
    shutil.copy(records, annotations / "fixture.jsonl")
    session = open_session(
        corpus,
        "fixture",
        tmp_path / "corpus.scheme.toml",
        tmp_path / "out",
        clock=FakeClock(),
        now=fixed_now,
    )
    try:
        session.open(NEWS)
        before = session.record.note
        assert session.set_note("") is False  # the person's text was empty already
        assert session.set_note("checked⏎ask Ana") is True
        assert session.record.note == f"checked\nask Ana\n\n{before}"
        assert session.typed_is_saved(None, "checked⏎ask Ana")
        assert session.flush(5)
    finally:
        session.close()
    warnings: list[str] = []
    export_records(
        annotations / "fixture.jsonl",
        "brat",
        tmp_path / "e",
        corpus=corpus,
        on_warning=warnings.append,
    )
    ann = (tmp_path / "e" / f"{NEWS}.ann").read_text(encoding="utf-8").splitlines()
    assert (
        "E1\tTransfer-money:T3 Giver-Arg:T1 Money-Arg:T2 Beneficiary-Arg:T4 Recipient-Arg:T6" in ann
    )
    assert "A5\tConfidence E1 High" in ann
    assert ann[-1] == '#2\tAnnotatorNotes T1\tnote "checked\\nask Ana"'
    assert not [line for line in warnings if "kept in its note" in line]


def test_the_export_tells_a_block_edited_by_hand(tmp_path: Path) -> None:
    corpus, records = _imported(tmp_path)
    lines = [orjson.loads(line) for line in records.read_bytes().splitlines()]
    for line in lines:
        if line["doc_id"] == NEWS:
            line["note"] = line["note"].replace(KEPT_HEADER, f"{KEPT_HEADER} ok")
    records.write_bytes(b"".join(orjson.dumps(line) + b"\n" for line in lines))
    warnings: list[str] = []
    export_records(records, "brat", tmp_path / "e", corpus=corpus, on_warning=warnings.append)
    told = [line for line in warnings if "kept in its note" in line]
    assert len(told) == 1
    assert told[0].startswith(
        f"{NEWS}: brat: the brat lines import kept in its note were edited since: the lines "
        "naming T1, T3, T2, T4, T5, T6, T7 (kept for them) are gone from it; E1, R2, R1, A1, "
        "A2, A3, A4, A5, N1, #1 are read as the note's text"
    )
