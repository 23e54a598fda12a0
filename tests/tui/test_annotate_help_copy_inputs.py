"""Pilot: help opens clear of toasts, ctrl+c copies the article's selection as help says, and
an input read without the focus shows its start (a long list from its first item)."""

from __future__ import annotations

from annotate_helpers import drive, journal, press, toasts, wait_for
from textual.pilot import Pilot
from textual.widgets import Input

from annotator.core.session import AnnotationSession
from annotator.tui.annotate_screen import AnnotateScreen
from annotator.tui.app import AnnotatorApp
from annotator.tui.screens import HelpScreen

SMALL = (80, 24)
RELEASEES = "Awa Konaré-Diabaté, Théodore Maël Brossard, Ilse Marguerite Vandenbroucke-Oost"


def test_help_opens_with_the_welcome_toast_gone(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await wait_for(pilot, lambda: any("Select words" in toast for toast in toasts(app)))
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert toasts(app) == []
        await press(pilot, "escape")
        assert isinstance(app.screen, AnnotateScreen)
        await wait_for(pilot, lambda: toasts(app) == [])  # and not back under help's box

    drive(session, scenario, size=SMALL, notifications=True)


def test_ctrl_c_copies_the_selected_words_of_the_article(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        assert isinstance(app.screen, AnnotateScreen)
        # Help names the key as the article's copy of the selection.
        sections = dict(app.screen.key_sections())
        article = dict(sections["In the article"])
        assert article["ctrl+c / super+c"] == "Copy the selected words"

        await wait_for(pilot, lambda: "Select words" in "".join(toasts(app)))
        app.clear_notifications()
        await press(pilot, "ctrl+c")  # nothing selected: says what to do, not "quit?"
        await wait_for(pilot, lambda: bool(toasts(app)))
        assert "nothing selected" in toasts(app)[0]
        assert "quit" not in "".join(toasts(app)).lower()

        app.clear_notifications()
        await press(pilot, *["right"] * 16, *["shift+right"] * 18, "ctrl+c")
        assert app.clipboard == "Russia and Ukraine"
        await wait_for(pilot, lambda: bool(toasts(app)))
        assert "copied 'Russia and Ukraine'" in toasts(app)[0]
        assert journal(session) == []  # copying changes nothing

    drive(session, scenario, notifications=True)


def test_a_list_input_left_reads_from_its_first_item(session: AnnotationSession) -> None:
    def releasees(app: AnnotatorApp) -> Input | None:
        inputs = app.screen.query(Input)
        return next((w for w in inputs if w.name == "releases[0].releasees"), None)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        app.screen.query_one(".add-item").press()
        await wait_for(pilot, lambda: releasees(app) is not None)
        field = releasees(app)
        assert field is not None
        field.focus()
        await pilot.pause()
        await press(pilot, *RELEASEES)
        assert field.scroll_x > 0  # typing: the end in sight
        await press(pilot, "escape")
        assert journal(session)[-1]["form"]["releases"][0]["releasees"][0] == "Awa Konaré-Diabaté"
        assert (field.cursor_position, field.scroll_x) == (0, 0)

        # Shown afresh (another document and back): from the start too.
        await press(pilot, "n")
        await wait_for(pilot, lambda: session.document.id == "b")
        await press(pilot, "p")
        await wait_for(pilot, lambda: session.document.id == "a")
        await wait_for(pilot, lambda: (releasees(app) or field).value.startswith("Awa"))
        again = releasees(app)
        assert again is not None and again.scroll_x == 0

    drive(session, scenario, size=SMALL)
