"""Pilot: in the panel beside the article, typed letters never run the screen's keys."""

from __future__ import annotations

from annotate_helpers import drive, journal, press, screen_of, wait_for
from textual.pilot import Pilot
from textual.widgets import Button, Input, Select

from annotator.core.session import AnnotationSession
from annotator.tui.annotate_screen import AnnotateScreen
from annotator.tui.app import AnnotatorApp
from annotator.tui.article import ArticleView
from annotator.tui.screens import HelpScreen
from annotator.tui.session_view import GuidelinesView


def field(screen: AnnotateScreen, path: str) -> Input | None:
    return next((w for w in screen.query(Input) if w.name == path), None)


def test_a_release_is_filled_with_tab_and_letters_on_its_button_do_nothing(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        # "Russia" (16..22) labelled actor; the cursor stays on it, so it is the selected span.
        await press(pilot, *["right"] * 16, *["shift+right"] * 6, "1", "left")
        # The keys of the report: the event type, then a release added from its button.
        await press(pilot, "o", "enter", "down", "down", "enter", "tab", "enter")
        await wait_for(pilot, lambda: field(screen, "releases[0].released_by") is not None)
        released_by = field(screen, "releases[0].released_by")
        assert released_by is not None and released_by.has_focus
        await press(pilot, "ctrl+l", "enter", "tab")
        received_by = field(screen, "releases[0].received_by")
        assert received_by is not None and received_by.has_focus
        await press(pilot, *"Tamoré government", "enter")
        line = journal(session)[-1]
        release = line["form"]["releases"][0]
        assert (release["released_by"], release["received_by"]) == ("Russia", "Tamoré government")
        assert line["form"]["event_type"] == "unilateral_release"

        # Every field of the release comes before its remove button.
        await press(pilot, "tab", "tab", "tab")
        assert screen.focused is field(screen, "releases[0].releasees")
        await press(pilot, "tab")
        remove = screen.focused
        assert isinstance(remove, Button) and remove.has_class("remove-item")

        before = journal(session)
        await press(pilot, "d", "x", "g", "e", "1", "r", "s", "u", "n", "q", "?", "/")
        assert journal(session) == before
        assert app.screen is screen and app.is_running
        assert not screen.query_one(GuidelinesView).display
        assert screen.focused is remove
        assert session.document.id == "a"

        # A closed select takes no letters either.
        event_type = screen.query_one(Select)
        event_type.focus()
        await press(pilot, "x", "d", "2")
        assert journal(session) == before

        # Escape leaves the form: the article's keys act again.
        await press(pilot, "escape")
        assert screen.query_one(ArticleView).has_focus
        await press(pilot, "x")
        assert journal(session)[-1]["spans"] == []

    drive(session, scenario)


def test_v_edits_the_span_value_and_escape_returns_to_the_article(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        article = screen.query_one(ArticleView)
        value = screen.query_one("#span-value", Input)
        # "Russia" is an actor: a label without a value, so v leaves the focus in the article.
        await press(pilot, *["right"] * 16, *["shift+right"] * 6, "1", "left", "v")
        assert article.has_focus
        # "146" (43..46) labelled count: v goes to its value; escape saves it and goes back.
        await press(pilot, "ctrl+home", *["right"] * 43, *["shift+right"] * 3, "2", "left", "v")
        assert value.has_focus and value.value == "146"
        await press(pilot, "ctrl+a", "ctrl+k", *"150")
        await pilot.pause(0.6)  # an escape straight after a key would arrive as alt+key
        await press(pilot, "escape")
        assert article.has_focus
        assert [s["value"] for s in journal(session)[-1]["spans"]] == [None, 150]

        titles = {command.title for command in app.get_system_commands(screen)}
        assert "Edit the span's value" in titles
        await press(pilot, "question_mark")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        rows = [row for _title, section in help_screen.sections for row in section]
        assert ("v", "Edit the span's value") in rows

    drive(session, scenario)
