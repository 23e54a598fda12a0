"""Pilot: the toasts that quote a span's words (a deletion, its undo) show a bidi control in
them as its escape, ``⟨U+202E⟩``, as the review panel and diff do. Written raw, the U+202E in
"deleted s1 actor 'Hedda\u202eAro'; ctrl+z undoes" reversed the rest of the toast's line in
a terminal: "; ctrl+z undoes" read backwards, before the name."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import drive, journal, press, toasts, wait_for
from textual.pilot import Pilot

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from tests.test_session_data import session_on

NAME = "Hedda\u202eAro"
TEXT = f"{NAME} said 146 men were freed on Sunday.\n"


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    opened = session_on(tmp_path, TEXT)
    yield opened
    opened.close()


def test_a_deletion_and_its_undo_show_the_control_as_an_escape(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "ctrl+home", *["shift+right"] * len(NAME), "1")
        assert [span["text"] for span in journal(session)[-1]["spans"]] == [NAME]
        await press(pilot, "x")
        await wait_for(pilot, lambda: "deleted s1" in "".join(toasts(app)))
        said = "\n".join(toasts(app))
        assert "deleted s1 actor 'Hedda⟨U+202E⟩Aro'; ctrl+z undoes" in said
        await press(pilot, "ctrl+z")
        await wait_for(pilot, lambda: "undid" in "".join(toasts(app)))
        said = "\n".join(toasts(app))
        assert "undid: delete s1 actor 'Hedda⟨U+202E⟩Aro'" in said
        assert "\u202e" not in said

    drive(session, scenario, notifications=True)
