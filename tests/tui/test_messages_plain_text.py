"""Pilot: every message is plain text. Messages quote the article's words, and an article may
hold words in brackets or markup copied with the text ('[bold red]303[/]' in sample_docs/08):
shown as markup, '[Ringo]' was lost and a quoted '[/]' raised MarkupError when its toast was
drawn. A widget's own notify passes markup=True, so the app makes every message plain."""

from __future__ import annotations

from pathlib import Path

from annotate_helpers import drive, screen_of, toasts, wait_for
from textual.pilot import Pilot

from annotator.tui.app import AnnotatorApp
from tests.test_session_data import session_on

TEXT = "date 2024-12-08 The poet Ilse [Ringo] Tamm was freed.\n"


def test_a_screens_message_quoting_brackets_and_a_closing_tag_shows_as_written(
    tmp_path: Path,
) -> None:
    session = session_on(tmp_path, TEXT)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        said = "labelled 'Ilse [Ringo] Tamm' and '[bold red]303[/]' as actor"
        screen.notify(said, timeout=30)  # a widget's notify: markup=True by default
        await wait_for(pilot, lambda: any("labelled" in toast for toast in toasts(app)))
        shown = next(toast for toast in toasts(app) if "labelled" in toast)
        assert said in shown.replace("\n", " ")

    try:
        drive(session, scenario, size=(100, 30), notifications=True)
    finally:
        session.close()
