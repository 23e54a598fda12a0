"""Pilot: while s asks why (the focus in the note), the footer says that enter skips, beside
escape's "Back to article"; once the question is left it says so no more, and enter in the
note only saves it. The help lists no second "Skip" row for enter."""

from __future__ import annotations

import pytest
from annotate_helpers import drive, press, screen_of, wait_for
from textual.pilot import Pilot
from textual.widgets import Input

from annotator.core.session import AnnotationSession
from annotator.tui.annotate_help import annotate_key_sections
from annotator.tui.app import AnnotatorApp
from annotator.tui.status_fit import FittingFooter


def footer_keys(app: AnnotatorApp) -> list[str]:
    footer = screen_of(app).query_one(FittingFooter)
    return [str(key.render()).strip() for key in footer.query("FooterKey")]


@pytest.mark.parametrize("size", [(120, 36), (80, 24), (70, 30)])
def test_the_footer_says_enter_skips_while_s_asks_why(
    session: AnnotationSession, size: tuple[int, int]
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        note = screen.query_one("#note", Input)
        first = session.document.id
        await press(pilot, "o")  # in the form, not asked: enter does not skip
        assert "enter Skip" not in footer_keys(app)
        await press(pilot, "escape", "s")
        assert note.has_focus
        keys = footer_keys(app)
        assert "enter Skip" in keys and "esc Back to article" in keys, keys
        await press(pilot, "escape")  # the question left
        assert "enter Skip" not in footer_keys(app)
        await press(pilot, "s", *"unreadable", "enter")
        await wait_for(pilot, lambda: session.status_of(first) == "skipped")

    drive(session, scenario, size=size, notifications=False)


def test_the_help_has_no_row_for_enter_skipping(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        rows = [row for _title, section in annotate_key_sections(screen_of(app)) for row in section]
        skips = [(keys, said) for keys, said in rows if said.startswith("Skip")]
        assert [keys for keys, _ in skips] == ["s"], skips
        assert "enter skips" in skips[0][1]

    drive(session, scenario)
