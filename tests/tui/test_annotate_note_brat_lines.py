"""Pilot at 120x36: the note field of a brat import's record. It shows the person's text only,
says the brat lines it keeps, and typing there (ctrl+k included) saves them back as they were:
a team's ctrl+k and a note retyped lost all 8 events and 5 attributes of a document at its
brat export, unsaid. A note holding line breaks and tabs shows them as marks, nothing raw
reaches the terminal (a line was drawn over the article's border), and is saved exactly."""

from __future__ import annotations

import shutil
from pathlib import Path

import orjson
from annotate_helpers import drive, journal, press, wait_for
from textual.pilot import Pilot
from textual.widgets import Input, Label

from annotator.core.formats.brat_kept import KEPT_HEADER
from annotator.core.formats.export import export_records
from annotator.core.session import AnnotationSession, open_session
from annotator.tui.app import AnnotatorApp
from tests.test_formats_fixtures import BRAT, run_import
from tests.test_session_data import FakeClock, fixed_now

SIZE = (120, 36)
BIO = "tutorials__bio__100-attribute_annotation"
SPANS_ONLY = "tutorials__news__040-text_span_annotation"


def imported(tmp_path: Path, note_of: dict[str, str] | None = None) -> AnnotationSession:
    """The brat fixture imported as the team did, its records ``fixture``'s journal (the
    notes of ``note_of``'s documents replaced), and a session on it."""
    source = tmp_path / "brat"
    shutil.copytree(BRAT, source)
    (source / "SOURCE.txt").unlink(missing_ok=True)
    run_import(source, "brat", tmp_path)
    lines = [orjson.loads(line) for line in (tmp_path / "records.jsonl").read_bytes().splitlines()]
    for line in lines:
        line["note"] = (note_of or {}).get(line["doc_id"], line["note"])
    annotations = tmp_path / "out" / "annotations"
    annotations.mkdir(parents=True)
    text = b"".join(orjson.dumps(line) + b"\n" for line in lines)
    (annotations / "fixture.jsonl").write_bytes(text)
    return open_session(
        tmp_path / "corpus.jsonl",
        "fixture",
        tmp_path / "corpus.scheme.toml",
        tmp_path / "out",
        clock=FakeClock(),
        now=fixed_now,
    )


def screen_rows(app: AnnotatorApp) -> list[str]:
    strips = app.screen._compositor.render_strips()  # the whole screen, as it is sent
    return ["".join(segment.text for segment in strip) for strip in strips]


def test_typing_over_the_note_keeps_the_brat_lines_for_the_export(tmp_path: Path) -> None:
    session = imported(tmp_path)
    imported_note = session.record.note if session.loaded else ""

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        nonlocal imported_note
        assert session.document.id == BIO
        imported_note = session.record.note
        assert imported_note.startswith(KEPT_HEADER)
        note = app.screen.query_one("#note", Input)
        kept = app.screen.query_one("#note-kept", Label)
        await press(pilot, "o")
        await wait_for(pilot, lambda: note.has_focus)
        assert note.value == ""  # the person's text: none yet
        assert kept.display and str(kept.render()) == "keeps 13 brat lines for export (not shown)"
        await press(pilot, "home", "ctrl+k")
        await pilot.press(*"P1/P2 pairs checked")
        await press(pilot, "enter")
        await wait_for(pilot, lambda: journal(session)[-1]["note"] != imported_note)
        assert journal(session)[-1]["note"] == f"P1/P2 pairs checked\n\n{imported_note}"
        assert note.value == "P1/P2 pairs checked"

    try:
        drive(session, scenario, size=SIZE)
    finally:
        session.close()
    out = tmp_path / "e"
    export_records(
        tmp_path / "out" / "annotations" / "fixture.jsonl",
        "brat",
        out,
        corpus=tmp_path / "corpus.jsonl",
    )
    ann = (out / f"{BIO}.ann").read_text(encoding="utf-8").splitlines()
    assert len([line for line in ann if line.startswith("E")]) == 8
    assert len([line for line in ann if line.startswith("A")]) == 5
    assert ann[-1] == '#1\tAnnotatorNotes T1\tnote "P1/P2 pairs checked"'


def test_a_note_of_several_lines_shows_marks_and_is_saved_exactly(tmp_path: Path) -> None:
    written = "alice: figures disputed\tsee p. 2\nbob: date unclear\n\nrita: checked"
    session = imported(tmp_path, {SPANS_ONLY: written})

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "n", "n")
        await wait_for(pilot, lambda: session.document.id == SPANS_ONLY)
        note = app.screen.query_one("#note", Input)
        kept = app.screen.query_one("#note-kept", Label)
        await press(pilot, "o")
        await wait_for(pilot, lambda: note.has_focus)
        assert note.value == "alice: figures disputed␉see p. 2⏎bob: date unclear⏎⏎rita: checked"
        assert not kept.display  # nothing of brat's kept in this one
        await press(pilot, "x")
        rows = screen_rows(app)
        assert len(rows) == SIZE[1]
        raw = [row for row in rows if any(ord(c) < 0x20 or ord(c) == 0x7F for c in row)]
        assert raw == []
        assert any(row.rstrip(" │").endswith("rita: checkedx") for row in rows)
        await press(pilot, "enter")
        await wait_for(pilot, lambda: journal(session)[-1]["note"] != written)
        assert journal(session)[-1]["note"] == written + "x"
        assert session.record.note == written + "x"
        await press(pilot, "escape")
        assert not [row for row in screen_rows(app) if "\n" in row or "\t" in row]

    try:
        drive(session, scenario, size=SIZE)
    finally:
        session.close()
