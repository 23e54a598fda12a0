"""Pilot: the export screen's line under the output says a file's JSON keys as they are.

A file of JSON objects is said by its keys (``held_kinds.said_keys``). The line was read as
markup: a key ``[b]x`` lost its brackets, and one holding a closing tag (``[/x]``) stopped the
app with a MarkupError as the output was typed."""

from __future__ import annotations

from pathlib import Path

from annotate_helpers import drive, press
from test_export_screen import screen_of, session, text_of
from textual.pilot import Pilot
from textual.widgets import Input

from annotator.core.export_request import REFUSED_MARK, REPLACE_BOX
from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp

__all__ = ["session"]  # the fixture, shared with test_export_screen


def test_keys_are_said_as_they_are(session: AnnotationSession, tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    bold = tmp_path / "bold.jsonl"
    rows.write_text('{"[/x]": 1, "\\u001b[31mred": 2}\n', encoding="utf-8")
    bold.write_text('{"[b]x": 1}\n', encoding="utf-8")
    held = {
        rows: r'its first line is a JSON object (keys: [/x], "\u001b[31mred")',
        bold: "its first line is a JSON object (keys: [b]x)",
    }

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "e")
        screen = screen_of(app)
        for path, holds in held.items():
            screen.query_one("#export-out", Input).value = str(path)
            await pilot.pause()
            assert text_of(screen, "#export-out-hint") == (
                f'{REFUSED_MARK}{holds}: choose another name, or tick "{REPLACE_BOX}" to '
                "replace the file"
            )

    drive(session, scenario)
