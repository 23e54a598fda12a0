"""Keys that arrive together (a fast typist, SSH) are handled one after another, as typed.

Each burst here is posted to the app at once, as a terminal delivers one read, before the app
has handled any of it.
"""

from __future__ import annotations

import asyncio
from typing import ClassVar

from annotate_helpers import drive, journal, press, screen_of, wait_for
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, Static

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.keys_in_order import KeysInOrderApp

# Document "a": "date 2025-08-24 Russia and Ukraine swapped 146 prisoners on Sunday.\n"
COUNT = ["right"] * 43 + ["shift+right"] * 3  # "146"
CHARACTERS = {"enter": "\r", "tab": "\t", "slash": "/", "minus": "-"}


async def burst(pilot: Pilot[None], app: App[None], *keys: str) -> None:
    """Post ``keys`` to the app all at once, then let it handle them: until none waits nor is
    being handled (a fixed 0.4 s ran out on a loaded machine), and a moment more."""
    for key in keys:
        character = CHARACTERS.get(key, key if len(key) == 1 else None)
        app.post_message(events.Key(key, character))
    await pilot.pause()
    if isinstance(app, KeysInOrderApp):
        await wait_for(pilot, lambda: not app.keys_pending or app.return_code is not None)
    for _ in range(20):
        await pilot.pause(0.02)


class FocusOnF(App[None]):
    """`f` (an app binding) puts the focus in the input, as `v` does on the screen."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("f", "focus_input", "Focus the input")]
    AUTO_FOCUS = None  # nothing has the focus until f

    def compose(self) -> ComposeResult:
        yield Static("article", id="article")
        yield Input(id="field")

    def action_focus_input(self) -> None:
        self.query_one(Input).focus()


class FocusOnFInOrder(KeysInOrderApp, FocusOnF):
    pass


def typed_after_f(app_class: type[FocusOnF]) -> str:
    async def main() -> str:
        app = app_class()
        async with app.run_test() as pilot:
            await burst(pilot, app, "f", "a", "b")
            return app.query_one(Input).value

    return asyncio.run(main())


def test_keys_after_a_focus_move_reach_the_widget_it_moved_to() -> None:
    assert typed_after_f(FocusOnFInOrder) == "ab"


def test_textual_alone_hands_them_to_the_old_focus() -> None:
    """Why KeysInOrderApp exists: should Textual keep the order one day, this fails."""
    assert typed_after_f(FocusOnF) == ""


def pasted_between_keys(app_class: type[FocusOnF]) -> str:
    """f, "a", a paste of "XY", "b": all at once."""

    async def main() -> str:
        app = app_class()
        async with app.run_test() as pilot:
            app.post_message(events.Key("f", "f"))
            app.post_message(events.Key("a", "a"))
            app.post_message(events.Paste("XY"))
            app.post_message(events.Key("b", "b"))
            for _ in range(20):
                await pilot.pause(0.02)
            return app.query_one(Input).value

    return asyncio.run(main())


def test_a_paste_among_keys_goes_where_and_when_it_was_typed() -> None:
    """A paste went ahead of the keys typed before it: to the widget with the focus then
    (nothing here, so it was lost) rather than to the input f had moved to."""
    assert pasted_between_keys(FocusOnFInOrder) == "aXYb"


def test_textual_alone_hands_the_paste_out_ahead() -> None:
    assert pasted_between_keys(FocusOnF) != "aXYb"


def test_a_paste_of_several_lines_into_an_input_keeps_every_line() -> None:
    """Textual's input kept the first line of a paste only, the rest dropped without a word
    (a name copied across the article's line break)."""

    async def main() -> tuple[str, list[str]]:
        app = FocusOnFInOrder()
        async with app.run_test(notifications=True) as pilot:
            app.post_message(events.Key("f", "f"))
            app.post_message(events.Paste("Kaldera transitional\r\n  government\n\n"))
            for _ in range(20):
                await pilot.pause(0.02)
            said = [str(toast.render()) for toast in app.screen.query("Toast")]
            return app.query_one(Input).value, said

    value, said = asyncio.run(main())
    assert value == "Kaldera transitional government"
    assert [" ".join(toast.split()) for toast in said] == [
        "pasted 2 lines as one: a field holds one line"
    ]


def test_a_note_pasted_in_two_lines_is_saved_whole(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "o", "tab", "tab")  # the note
        app.post_message(events.Paste("Remains, not a release.\nSecond line of the note."))
        await burst(pilot, app, "enter")
        await wait_for(pilot, lambda: bool(journal(session)))
        assert journal(session)[-1]["note"] == ("Remains, not a release. Second line of the note.")

    drive(session, scenario)


def spans(session: AnnotationSession) -> list[tuple[str, str, object]]:
    return [(s["label"], s["text"], s["value"]) for s in journal(session)[-1]["spans"]]


def test_v_then_a_value_typed_at_once_goes_into_the_value(session: AnnotationSession) -> None:
    """`v` then "24": the 2 relabelled the span as a count instead of going into its value."""

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, *COUNT, "3")  # "146" labelled date (3), which has a value too
        await wait_for(pilot, lambda: bool(journal(session)))
        await burst(pilot, app, "v", "2", "0", "2", "4", "enter")
        assert spans(session) == [("date", "146", "2024")]
        assert screen_of(app).focused is screen_of(app).article

    drive(session, scenario)


def test_a_search_typed_at_once_does_not_run_letter_keys(session: AnnotationSession) -> None:
    """`/` then "swap": the s skipped the document."""

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        shown = session.document.id
        await burst(pilot, app, "slash", "s", "w", "a", "p", "p", "e", "d", "enter")
        assert session.document.id == shown
        assert screen_of(app).article.selected_text == "swapped"
        assert journal(session) == []  # nothing skipped, done or flagged

    drive(session, scenario)


def test_fields_typed_at_once_with_tabs_land_in_their_fields(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "o", "tab", "enter")  # the form, then "+ add to releases"
        await wait_for(pilot, lambda: (screen_of(app).focused or app).name is not None)
        keys = [*"Kestria", "tab", *"Norvania", "tab", *"95", "tab", *"2024", "minus", "tab"]
        await burst(pilot, app, *keys)
        release = journal(session)[-1]["form"]["releases"][0]
        assert (release["released_by"], release["received_by"], release["count"]) == (
            "Kestria",
            "Norvania",
            95,
        )
        assert release["date"] is None  # "2024-" is refused; it is shown as refused

    drive(session, scenario)


def test_a_label_key_typed_at_once_after_a_search_labels_the_match(
    session: AnnotationSession,
) -> None:
    """`/146`, enter, `2` at once: the 2 went into the search box, which enter's message (its
    search) had not left yet, and no span was made."""

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await burst(pilot, app, "slash", "1", "4", "6", "enter", "2")
        assert spans(session) == [("count", "146", 146)]

    drive(session, scenario)


def test_a_word_typed_at_once_after_adding_an_item_goes_into_it(
    session: AnnotationSession,
) -> None:
    """Enter on "+ add to releases" then a word at once: its first letters were lost while the
    new item was being made, and the rest went into it ("rvania")."""

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "o", "tab")  # the form, then its "+ add to releases" button
        await burst(pilot, app, "enter", *"Norvania", "enter")
        assert journal(session)[-1]["form"]["releases"][0]["released_by"] == "Norvania"

    drive(session, scenario)


def test_escape_and_a_key_read_as_alt_leave_the_field_then_act(
    session: AnnotationSession,
) -> None:
    """A terminal sends alt+f as escape then f: escape then f typed at once arrive so. The f
    went into the note being left, where it should flag the article."""

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        note = screen_of(app).query_one("#note", Input)
        note.focus()
        await press(pilot, *"seen")
        app.post_message(events.Key("alt+f", "f"))
        await wait_for(pilot, lambda: bool(journal(session)) and journal(session)[-1]["flagged"])
        assert note.value == "seen"
        assert journal(session)[-1]["note"] == "seen"  # saved on leaving it
        assert screen_of(app).focused is screen_of(app).article

    drive(session, scenario)


class AskOver(Screen[None]):
    """A screen over the one holding the keys (as the question a quit asks)."""

    AUTO_FOCUS = "#answer"

    def compose(self) -> ComposeResult:
        yield Input(id="answer")


def test_held_keys_wait_ctrl_q_does_not_and_a_screen_over_takes_its_own() -> None:
    """The keys held stay for the holding screen while a screen is over it (they went to it:
    a tab and an enter typed for the form could press a quit question's "Quit anyway"); the keys
    typed on the screen over go to it at once, and the held ones on once released."""

    async def main() -> tuple[str, str, str, str, int | None]:
        app = FocusOnFInOrder()
        async with app.run_test() as pilot:
            await burst(pilot, app, "f")
            app.hold_keys()
            await burst(pilot, app, "a", "b")
            held = app.query_one("#field", Input).value
            await app.push_screen(AskOver())
            await burst(pilot, app, "c")  # the screen over is not held: it answers
            over = app.screen.query_one("#answer", Input).value
            app.pop_screen()
            await burst(pilot, app, "d")  # held again: "d" waits behind "a" and "b"
            under = app.query_one("#field", Input).value
            app.release_keys()
            await burst(pilot, app)
            released = app.query_one("#field", Input).value
            await burst(pilot, app, "ctrl+q")
            return held, over, under, released, app.return_code

    assert asyncio.run(main()) == ("", "c", "", "abd", 0)


def test_keys_held_go_on_once_the_screen_over_goes_after_their_release() -> None:
    async def main() -> tuple[str, str]:
        app = FocusOnFInOrder()
        async with app.run_test() as pilot:
            await burst(pilot, app, "f")
            app.hold_keys()
            await burst(pilot, app, "a", "b")
            await app.push_screen(AskOver())
            app.release_keys()  # the article shows while the question is asked
            await burst(pilot, app, "c")
            over = app.screen.query_one("#answer", Input).value
            app.pop_screen()
            await burst(pilot, app)
            return over, app.query_one("#field", Input).value

    assert asyncio.run(main()) == ("c", "ab")
