"""Pilot: the line under the export screen's output says, as the output is typed, the refusal
Export would stop with, marked ✖ (as the split's box says its fault as it is typed). A curator
typed an output inside the corpus folder and read "one new file" there; only Export said it
was refused."""

from __future__ import annotations

from pathlib import Path

from annotate_helpers import drive, press
from test_export_screen import export, screen_of, session, text_of
from textual.pilot import Pilot
from textual.widgets import Input, Static

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp

__all__ = ["session"]  # the fixture, shared with test_export_screen


def test_the_output_line_says_the_refusal_as_the_output_is_typed(
    session: AnnotationSession, tmp_path: Path
) -> None:
    corpus = session.corpus.path
    inside = corpus / "out.jsonl"
    records = tmp_path / "bo.jsonl"
    records.write_bytes(b'{"doc_id": "a", "annotator": "bo", "status": "done", "spans": []}\n')
    folder = tmp_path / "exports"
    folder.mkdir()

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "e", "tab", "ctrl+u", *str(inside))
        screen = screen_of(app)
        assert screen.query_one("#export-out", Input).value == str(inside)
        line = screen.query_one("#export-out-hint", Static)
        said = f"is inside the corpus folder ({corpus}); write the export outside it"
        assert text_of(screen, "#export-out-hint") == f"✖ {said}"
        assert line.has_class("-refused")
        await export(pilot, screen)
        assert text_of(screen, "#export-state") == f"✖ {inside}: {said} (nothing was written)"
        assert not inside.exists()

        # A folder where the file goes, then a file of someone's records: each said so.
        screen.query_one("#export-out", Input).focus()
        await press(pilot, "ctrl+u", *str(folder))
        assert text_of(screen, "#export-out-hint") == "✖ is a folder; jsonl writes one file"
        await press(pilot, "ctrl+u", *str(records))
        assert text_of(screen, "#export-out-hint") == (
            "✖ its first line is a record of annotator 'bo': choose another name, or tick "
            '"replace existing files" to replace the file'
        )
        assert line.has_class("-refused")
        # Replace ticked: said what becomes of it, no refusal.
        await press(pilot, "tab", "space")
        assert text_of(screen, "#export-out-hint") == (
            "one file; the file there, holding records of annotator 'bo', is replaced"
        )
        assert not line.has_class("-refused")

        # Emptied: the line Export stops with, not "one file" (a trial).
        screen.query_one("#export-out", Input).focus()
        await press(pilot, "ctrl+u")
        assert text_of(screen, "#export-out-hint") == "✖ output: give a file or folder path"
        assert line.has_class("-refused")
        await export(pilot, screen)
        assert text_of(screen, "#export-state") == "✖ output: give a file or folder path"

    drive(session, scenario)
