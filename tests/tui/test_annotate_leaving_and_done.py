"""Pilot: a span's value typed with v, left by ctrl+p "Next doc", is saved to its own span (it
was lost, unsaid); d is refused while a field shows a value it refused (a trial's count showed
'1x' and d saved the article done with 1); moving through done articles writes nothing; enter
on an item's remove button leaves the focus on the button before it, or on + add."""

from __future__ import annotations

from pathlib import Path

from annotate_helpers import drive, journal, press, screen_of, toasts, wait_for
from textual.pilot import Pilot
from textual.widgets import Button, Input

from annotator.core.session import AnnotationSession, open_session
from annotator.tui.app import AnnotatorApp
from annotator.tui.article import ArticleView
from annotator.tui.form_panel import EventForm
from tests.test_session_data import FakeClock, fixed_now

# Document "a": "date 2025-08-24 Russia and Ukraine swapped 146 prisoners on Sunday.\n"
COUNT = ["right"] * 43 + ["shift+right"] * 3  # "146"


def said(app: AnnotatorApp) -> list[str]:
    return [" ".join(toast.split()) for toast in toasts(app)]


def field(app: AnnotatorApp, name: str) -> Input:
    form = app.screen.query_one("#form", EventForm)
    return next(widget for widget in form.query(Input) if widget.name == name)


def test_a_value_typed_then_next_doc_is_saved_to_its_span(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, *COUNT, "2", "v")
        value = screen_of(app).query_one("#span-value", Input)
        assert value.has_focus and value.value == "146"
        await press(pilot, *"147")  # typed over it, within the pause: nothing saved yet
        await press(pilot, "ctrl+p", *"Next", "space", *"doc", "enter")
        await wait_for(pilot, lambda: session.loaded and session.document.id == "b")
        await wait_for(pilot, lambda: journal(session)[-1]["spans"][0]["value"] == 147)
        lines = journal(session)
        assert {line["doc_id"] for line in lines} == {"a"}
        assert session.record.spans == []  # b: nothing
        assert not any("not saved" in t for t in said(app))

    drive(session, scenario, notifications=True)


def test_d_is_refused_while_a_field_shows_a_value_it_refused(
    session: AnnotationSession,
) -> None:
    session.open("a")
    session.set_field("event_type", "exchange")
    session.add_group_item("releases")
    session.set_field("releases[0].count", "1")

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        count = field(app, "releases[0].count")
        count.focus()
        await press(pilot, "end", "x", "tab")  # '1x': refused on leaving
        await wait_for(pilot, lambda: count.has_class("-invalid"))
        await press(pilot, "escape", "d")
        refused = (
            "not done: releases #1 count shows '1x', not saved; correct it (enter saves it), "
            "or ctrl+z in the field gives back the value saved"
        )
        await wait_for(pilot, lambda: refused in said(app))
        assert journal(session)[-1]["status"] == "in_progress"
        assert session.document.id == "a" and count.value == "1x"
        # Corrected, d is done with the value shown.
        count.focus()
        await press(pilot, "end", "backspace", "2", "escape")
        assert screen.query_one(ArticleView).has_focus
        await press(pilot, "d")
        await wait_for(pilot, lambda: journal(session)[-1]["status"] == "done")
        assert journal(session)[-1]["form"]["releases"][0]["count"] == 12

    drive(session, scenario, notifications=True)


def test_moving_through_done_articles_writes_nothing(corpus: Path, tmp_path: Path) -> None:
    clock = FakeClock()
    session = open_session(corpus, "alice", None, tmp_path / "out", clock=clock, now=fixed_now)
    for doc_id in ("a", "b", "c"):
        session.open(doc_id)
        session.set_field("event_type", "exchange")
        session.mark_done()
    session.close_document()
    assert session.flush(5)
    written = session.journal.read_bytes()

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        form = app.screen.query_one("#form", EventForm)
        for key, doc_id in [("n", "b"), ("n", "c"), ("p", "b"), ("p", "a"), ("n", "b")]:
            clock.seconds += 30  # half a minute reading each
            await press(pilot, key)
            await wait_for(pilot, lambda d=doc_id: form.doc_id == d)  # type: ignore[misc]
        clock.seconds += 30
        await press(pilot, "q")

    try:
        drive(session, scenario)
        assert session.flush(5) and session.journal.read_bytes() == written
    finally:
        session.close()


def test_enter_on_remove_focuses_the_first_field_before_then_add(
    session: AnnotationSession,
) -> None:
    # Never a remove button: a second enter there removed another release (a trial).
    session.open("a")
    for index in range(3):
        session.add_group_item("releases")
        session.set_field(f"releases[{index}].count", str(12 + index))

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        form = screen.query_one("#form", EventForm)

        def removes() -> list[Button]:
            return list(form.query(".remove-item").results(Button))

        def focused_name() -> str | None:
            focused = screen.focused
            return focused.name if isinstance(focused, Input) else None

        await wait_for(pilot, lambda: len(removes()) == 3)
        removes()[1].focus()  # the middle one: the focus goes to the item before's first field
        await press(pilot, "enter")
        await wait_for(pilot, lambda: len(removes()) == 2)
        await pilot.pause(0.1)
        assert focused_name() == "releases[0].released_by"
        counts = [session.field_value(f"releases[{i}].count") for i in range(2)]
        assert counts == [12, 14]
        await press(pilot, "enter")  # enter in the field saves it; nothing is removed
        assert len(removes()) == 2 and session.group_size("releases") == 2
        removes()[0].focus()  # the first: the item that took its place
        await press(pilot, "enter")
        await wait_for(pilot, lambda: len(removes()) == 1)
        await pilot.pause(0.1)
        assert focused_name() == "releases[0].released_by"
        assert session.field_value("releases[0].count") == 14
        removes()[0].focus()  # the last one left: + add
        await press(pilot, "enter")
        await wait_for(pilot, lambda: not removes())
        await pilot.pause(0.1)
        focused = screen.focused
        assert isinstance(focused, Button) and focused.has_class("add-item")

    drive(session, scenario)
