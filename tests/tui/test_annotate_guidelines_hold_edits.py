"""Pilot: with the focus in the guidelines, the keys that change spans or the form do nothing
and say so in one line. At 80x24 the guidelines take the panel's place: a trial's 1 relabelled
the span selected (its link to a release went), x deleted it and v answered about it, none of
it in sight. The keys the guidelines' footer lists (d, s, l, ?, q) still act, as f does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from annotate_helpers import drive, journal, notices_heard, press, screen_of, toasts, wait_for
from textual.actions import parse
from textual.pilot import Pilot

from annotator.core.scheme import load_default_scheme
from annotator.core.session import AnnotationSession
from annotator.tui.annotate_screen import AnnotateScreen
from annotator.tui.app import AnnotatorApp
from annotator.tui.guidelines_view import HELD_BACK, HELD_BACK_SAID, GuidelinesView
from annotator.tui.keys import declared, with_label_keys
from tests.test_session_data import session_on

TEXT = "date 2025-08-24 Russia and Ukraine swapped 146 prisoners on Sunday.\n"
SMALL = (80, 24)
WIDE = (160, 45)

# The screen's actions the guidelines let through: each says what it did or shows it.
KEPT = {
    "done",
    "skip",
    "skip_with_reason",
    "flag",
    "next_doc",
    "previous_doc",
    "next_unfinished",
    "doc_list",
    "focus_form",
    "search",
    "toggle_char_mode",
    "guidelines",
    "help",
    "focus_article",
    "quit",
    "focus_next",
    "focus_previous",
    "copy_text",
}


def spans_of(session: AnnotationSession) -> list[tuple[str, str, str]]:
    return [(span.id, span.label, span.text) for span in session.record.spans]


async def releasee_selected_in_guidelines(pilot: Pilot[None], app: AnnotatorApp) -> None:
    """s1 releasee '146 prisoners', selected by a search, then g: the focus in the guidelines."""
    await press(pilot, "slash", *"146 prisoners", "enter", "4")
    await press(pilot, "slash", *"146 prisoners", "enter")
    screen = screen_of(app)
    assert screen.article.selected_text == "146 prisoners"
    guidelines = screen.query_one(GuidelinesView)
    await press(pilot, "g")
    await wait_for(pilot, lambda: guidelines.display and guidelines.has_focus)
    app.clear_notifications()  # the search's and the label's


def test_keys_that_change_spans_do_nothing_in_the_guidelines_at_80x24(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = session_on(tmp_path, TEXT)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await releasee_selected_in_guidelines(pilot, app)
        screen = screen_of(app)
        assert not screen.query_one("#side").display  # the guidelines in the panel's place
        before = journal(session)
        assert [span["label"] for span in before[-1]["spans"]] == ["releasee"]
        told = notices_heard(app, monkeypatch)

        # A label key, x, v, r, undo and redo, a digit no label takes, the form's keys.
        keys = ["1", "x", "v", "r", "ctrl+z", "ctrl+y", "5", "ctrl+l", "ctrl+t", "ctrl+n"]
        await press(pilot, *keys)
        assert spans_of(session) == [("s1", "releasee", "146 prisoners")]
        assert journal(session) == before
        assert told == [HELD_BACK_SAID] * len(keys)
        assert toasts(app) == [HELD_BACK_SAID]  # said once, however many keys
        assert screen.query_one(GuidelinesView).has_focus  # v took the focus nowhere

        # Escape: back in the article, the message goes; the same key labels now.
        await press(pilot, "escape")
        assert screen.article.has_focus and toasts(app) == []
        assert screen.article.selected_text == "146 prisoners"
        await press(pilot, "1")
        assert [span["label"] for span in journal(session)[-1]["spans"]] == ["actor"]

    try:
        drive(session, scenario, size=SMALL, notifications=True)
    finally:
        session.close()


def test_the_guidelines_hold_them_back_beside_the_panel_too(tmp_path: Path) -> None:
    # At 110 columns and more the panel stays beside them: held back all the same, so a key
    # does what it does whatever the terminal's width.
    session = session_on(tmp_path, TEXT)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await releasee_selected_in_guidelines(pilot, app)
        screen = screen_of(app)
        assert screen.query_one("#side").display
        await press(pilot, "x")
        assert spans_of(session) == [("s1", "releasee", "146 prisoners")]
        assert toasts(app) == [HELD_BACK_SAID]
        # shift+tab: the article, the guidelines kept open; x deletes there.
        await press(pilot, "shift+tab", "x")
        assert screen.query_one(GuidelinesView).display
        assert toasts(app) == ["deleted s1 releasee '146 prisoners'; ctrl+z undoes"]
        assert journal(session)[-1]["spans"] == []

    try:
        drive(session, scenario, size=WIDE, notifications=True)
    finally:
        session.close()


def test_the_footers_keys_and_f_still_act_in_the_guidelines(tmp_path: Path) -> None:
    session = session_on(tmp_path, TEXT)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await releasee_selected_in_guidelines(pilot, app)
        await press(pilot, "f")
        assert journal(session)[-1]["flagged"] is True
        assert toasts(app)[-1] == "flagged for review"

    try:
        drive(session, scenario, size=SMALL, notifications=True)
    finally:
        session.close()


def test_every_action_of_the_screen_is_held_back_or_let_through() -> None:
    # A key added to the screen is sorted here: held back in the guidelines, or said to act.
    screen_class: Any = with_label_keys(AnnotateScreen, load_default_scheme(), unused_digits=True)
    actions = {parse(binding.action)[1] for binding in declared(screen_class)}
    assert actions == HELD_BACK | KEPT
    assert HELD_BACK.isdisjoint(KEPT)
