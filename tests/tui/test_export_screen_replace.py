"""Pilot: exporting again to the dialog's default output, a jsonl export and so a file of
records, is refused until its replace box is ticked; the hint under the output says so first.

A trial: `e`, tab, enter exported; enter again was refused with "pass --force", an option the
dialog had not, under a hint promising that an existing file is replaced."""

from __future__ import annotations

from pathlib import Path

from annotate_helpers import drive, press, wait_for
from test_export_screen import direct, screen_of, session, text_of
from textual.pilot import Pilot
from textual.widgets import Checkbox, Input

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.export_screen import ExportScreen

__all__ = ["session"]  # the fixture, shared with test_export_screen


async def enter_and_wait(pilot: Pilot[None], screen: ExportScreen) -> None:
    """Enter in the output field (the export runs in a worker), then its end."""
    assert screen.query_one("#export-out", Input).has_focus
    await press(pilot, "enter")
    await wait_for(pilot, lambda: not screen.running, tries=500)


def test_a_second_export_is_refused_until_replace_is_ticked(
    session: AnnotationSession, tmp_path: Path
) -> None:
    out = tmp_path / "out" / "export" / "alice.jsonl"
    replaced = "one file; the file there, holding records of annotator 'alice', is replaced"

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "e")
        screen = screen_of(app)
        replace = screen.query_one("#export-replace", Checkbox)
        assert not replace.value
        assert text_of(screen, "#export-out-hint") == "one new file"
        await press(pilot, "tab")
        await enter_and_wait(pilot, screen)
        assert text_of(screen, "#export-state").startswith("✓ exported 2 document(s)")
        first = out.read_bytes()
        assert len(first.splitlines()) == 2
        # The hint looks again once the export has written the file: the line Export gives.
        refusal = (
            "its first line is a record of annotator 'alice': choose another name, or tick "
            '"replace existing files" to replace the file'
        )
        assert text_of(screen, "#export-out-hint") == f"✖ {refusal}"

        # "in progress" ticked too (tab past the replace box and done), then back to the output.
        await press(pilot, "tab", "tab", "tab", "space", "shift+tab", "shift+tab", "shift+tab")
        assert screen.query_one("#export-status-in_progress", Checkbox).value
        await enter_and_wait(pilot, screen)
        assert text_of(screen, "#export-state") == f"✖ {out}: {refusal} (nothing was written)"
        assert out.read_bytes() == first

        await press(pilot, "tab", "space", "shift+tab")
        assert replace.value
        assert text_of(screen, "#export-out-hint") == replaced
        assert screen.request().command_line().endswith(" --force")
        await enter_and_wait(pilot, screen)
        assert text_of(screen, "#export-state") == (
            f"✓ exported 3 document(s) as jsonl to {out}; replaced the file that was there"
        )
        direct(session, "jsonl", tmp_path / "direct.jsonl", status="done,in_progress")
        assert out.read_bytes() == (tmp_path / "direct.jsonl").read_bytes()
        assert len(out.read_bytes().splitlines()) == 3

        # Opened again, the box starts unticked: replacing is chosen each time.
        await press(pilot, "escape", "e")
        assert not screen_of(app).query_one("#export-replace", Checkbox).value

    drive(session, scenario)
