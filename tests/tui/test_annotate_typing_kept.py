"""Pilot: what is typed into the form is kept, as an annotator's trial found it was not.

Quitting with the focus in a field saves what is typed there; a pause in typing saves it (and
the typing goes on undisturbed); tab goes round the panel's fields instead of leaving them for
the article, where letters are commands.
"""

from __future__ import annotations

from annotate_helpers import drive, journal, press, screen_of, wait_for
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from annotator.core.session import AnnotationSession
from annotator.tui.annotate_screen import AnnotateScreen
from annotator.tui.app import AnnotatorApp
from annotator.tui.article import ArticleView
from annotator.tui.form_panel import EventForm


def field(screen: AnnotateScreen, path: str) -> Input:
    found = next((w for w in screen.query(Input) if w.name == path), None)
    assert found is not None, path
    return found


async def a_release(pilot: Pilot[None], screen: AnnotateScreen) -> Input:
    """The event type chosen and a release added, as a person does it: the focus is then in
    the release's first field."""
    await press(pilot, "o", "enter", "down", "down", "enter", "tab", "enter")
    await wait_for(
        pilot, lambda: any(w.name == "releases[0].released_by" for w in screen.query(Input))
    )
    released_by = field(screen, "releases[0].released_by")
    assert released_by.has_focus
    return released_by


def test_quitting_in_the_note_saves_what_is_typed_there(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        note = screen_of(app).query_one("#note", Input)
        note.focus()
        await press(pilot, *"typed then quit", "ctrl+q")
        await wait_for(pilot, lambda: not app.is_running)

    drive(session, scenario)
    assert journal(session)[-1]["note"] == "typed then quit"


def test_a_pause_in_typing_saves_the_field_and_the_typing_goes_on(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        released_by = await a_release(pilot, screen)
        await press(pilot, *"Norvania ")
        assert journal(session)[-1]["form"]["releases"][0]["released_by"] is None
        await pilot.pause(EventForm.IDLE_SAVE_SECONDS + 0.5)
        # Saved (trimmed, as a text is), with the focus still there.
        assert journal(session)[-1]["form"]["releases"][0]["released_by"] == "Norvania"
        assert released_by.has_focus
        # The redraw after that save left the typed space: the words go on as typed.
        await press(pilot, *"Republic")
        assert released_by.value == "Norvania Republic"
        await press(pilot, "enter")
        assert journal(session)[-1]["form"]["releases"][0]["released_by"] == "Norvania Republic"

    drive(session, scenario)


def test_a_half_typed_date_is_not_saved_or_refused_at_a_pause(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        await a_release(pilot, screen)
        date = field(screen, "releases[0].date")
        date.focus()
        await press(pilot, *"2024-0")
        await pilot.pause(EventForm.IDLE_SAVE_SECONDS + 0.5)
        assert date.has_focus and date.value == "2024-0"
        assert not date.has_class("-invalid")
        assert journal(session)[-1]["form"]["releases"][0]["date"] is None
        await press(pilot, *"3-17")
        await pilot.pause(EventForm.IDLE_SAVE_SECONDS + 0.5)
        assert journal(session)[-1]["form"]["releases"][0]["date"] == "2024-03-17"

    drive(session, scenario)


def test_a_value_refused_at_quit_stops_it_once(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        await a_release(pilot, screen)
        field(screen, "releases[0].date").focus()
        await press(pilot, *"2024-13-45", "ctrl+q")
        await pilot.pause(0.3)
        assert app.is_running  # told what is not saved, and why
        await press(pilot, "ctrl+q")
        await wait_for(pilot, lambda: not app.is_running)

    drive(session, scenario)
    assert journal(session)[-1]["form"]["releases"][0]["date"] is None


def test_tab_past_the_last_field_goes_round_the_panel_not_to_the_article(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        note = screen.query_one("#note", Input)
        note.focus()
        await press(pilot, "tab")
        assert screen.focused is not None and screen.focused is not screen.article
        assert screen.query_one("#side") in screen.focused.ancestors
        before = journal(session)
        await press(pilot, "d", "x", "s", "shift+tab")
        assert screen.focused is note
        assert journal(session) == before  # d did not mark the article done, nor s skip it
        await press(pilot, "escape")
        assert screen.query_one(ArticleView).has_focus

    drive(session, scenario)


def test_o_comes_back_to_the_field_last_in_focus(session: AnnotationSession) -> None:
    """Filling a field from a span is escape, find the span, o, ctrl+l: o must not start again
    at the top of the form (a trial counted 15 tabs per link)."""

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        released_by = await a_release(pilot, screen)
        received_by = field(screen, "releases[0].received_by")
        await press(pilot, "tab")
        assert received_by.has_focus
        # "Ukraine" (27..34) labelled actor in the article, then back to the form.
        await press(pilot, "escape", *["right"] * 27, *["shift+right"] * 7, "1", "o")
        assert received_by.has_focus and not released_by.has_focus
        await press(pilot, "ctrl+l", "enter")
        release = journal(session)[-1]["form"]["releases"][0]
        assert release["received_by"] == "Ukraine"

    drive(session, scenario)


def test_o_in_another_document_starts_at_the_first_field(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        screen.query_one("#note", Input).focus()
        await press(pilot, "escape", "n")
        await wait_for(pilot, lambda: session.document.id == "b" and not screen.article.loading)
        await press(pilot, "o")
        assert screen.focused is not None and screen.focused.name == "event_type"

    drive(session, scenario)


def test_a_query_not_found_is_replaced_by_what_is_typed_next(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        await press(pilot, "slash", *"zzz", "enter")
        search = screen.query_one("#search", Input)
        assert search.has_focus and search.value == "zzz"
        await press(pilot, *"146", "enter")
        assert screen.article.selection_offsets() == (43, 46)

    drive(session, scenario)


def test_joiners_typed_into_a_field_are_kept(session: AnnotationSession) -> None:
    """A trial's Persian note lost its zero-width non-joiner (می‌خواهم saved as میخواهم), and
    an emoji sequence its joiner: Textual's input takes only what Python calls printable."""

    async def typed(pilot: Pilot[None], app: AnnotatorApp, text: str) -> None:
        # As a terminal sends them (Pilot's press cannot name these characters).
        for character in text:
            app.post_message(events.Key(character, character))
        await pilot.pause(0.2)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        note = screen_of(app).query_one("#note", Input)
        note.focus()
        await typed(pilot, app, "می\u200cخواهم 👩\u200d⚕")
        await wait_for(pilot, lambda: note.value == "می\u200cخواهم 👩\u200d⚕")
        # Over a selection, as a printable character does: it takes the selection's place.
        await press(pilot, "shift+left")
        await typed(pilot, app, "\u200e")
        await wait_for(pilot, lambda: note.value == "می\u200cخواهم 👩\u200d\u200e")
        await press(pilot, "enter")

    drive(session, scenario)
    assert journal(session)[-1]["note"] == "می\u200cخواهم 👩\u200d\u200e"
