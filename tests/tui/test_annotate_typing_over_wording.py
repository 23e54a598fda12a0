"""Pilot at 80x24: the message of typing over a linked count says when the link goes (once the
field is saved) and what ctrl+z does then, and it is true: a trial could not tell what "saved,
it is unlinked (ctrl+z after gives the link back)" meant; ctrl+z before the save undoes the
typing, not the fill before it. The empty inputs' hints name ctrl+l
one way ("ctrl+l: actor", "ctrl+l: count"), not two ("ctrl+l: from actor" beside them)."""

from __future__ import annotations

from pathlib import Path

from annotate_helpers import drive, journal, press, screen_of, toasts, wait_for
from textual.pilot import Pilot
from textual.widgets import Input

from annotator.tui.app import AnnotatorApp
from annotator.tui.form_panel import EventForm
from tests.test_session_data import session_on

TEXT = "date 2024-03-17 Kestria said 95 Norvanian soldiers were returned to Ulmaria.\n"
PATH = "releases[0].count"
SAID = (
    "count: typing over 95 from s1 unlinks it once saved (enter, leaving the field, or a "
    "pause in the typing); ctrl+z then gives the link back"
)


def said(app: AnnotatorApp) -> list[str]:
    return [" ".join(toast.split()) for toast in toasts(app)]


def test_typing_over_a_linked_count_says_when_the_link_goes(tmp_path: Path) -> None:
    session = session_on(tmp_path, TEXT)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        start = TEXT.index("95")
        screen.change(session.label_selection, start, start + 2, "count")
        screen.change(session.add_group_item, "releases")
        await screen.update_form()
        await wait_for(pilot, lambda: any(w.name == PATH for w in screen.query(Input)))
        await pilot.pause(0.1)
        hints = {
            (field.name or "").removeprefix("releases[0]."): str(field.placeholder)
            for field in screen.query(".group-item Input").results(Input)
        }
        assert hints == {
            "released_by": "text · ctrl+l: actor",
            "received_by": "text · ctrl+l: actor",
            "count": "a whole number · ctrl+l: count",
            "date": "YYYY[-MM[-DD]] · ctrl+l: date",
            "releasees": "a, b, … · ctrl+l: releasee",
        }
        field = next(w for w in screen.query(Input) if w.name == PATH)
        field.focus()
        await press(pilot, "ctrl+l", "enter")
        assert journal(session)[-1]["links"] == {PATH: ["s1"]}
        form = screen.query_one(EventForm)
        form.IDLE_SAVE_SECONDS = 30.0  # no pause saves it: ctrl+z comes before the save
        await press(pilot, "end", "backspace", "0")
        await wait_for(pilot, lambda: SAID in said(app))
        assert field.value == "90"
        assert journal(session)[-1]["links"] == {PATH: ["s1"]}  # not saved yet: still linked
        # ctrl+z before the save undoes the typing: nothing was unlinked (it undid the fill).
        await press(pilot, "ctrl+z")
        assert field.value == "95" and app.focused is field
        last = journal(session)[-1]
        assert (last["links"], last["form"]["releases"][0]["count"]) == ({PATH: ["s1"]}, 95)
        assert SAID not in said(app)
        assert "undid: typing in releases #1 count, not saved; it holds 95 again" in said(app)
        form.IDLE_SAVE_SECONDS = 1.0
        await press(pilot, "end", "backspace", "0")
        await wait_for(pilot, lambda: SAID in said(app))  # said again
        # A pause in the typing saves it: the link goes, as said.
        await wait_for(pilot, lambda: journal(session)[-1]["form"]["releases"][0]["count"] == 90)
        assert journal(session)[-1]["links"] == {}
        # Saved, the message goes; what the save did is said.
        await wait_for(pilot, lambda: SAID not in said(app))
        assert any("typed over 95 from s1, now unlinked" in toast for toast in said(app))
        await press(pilot, "ctrl+z")  # then gives the link back, with the value
        last = journal(session)[-1]
        assert (last["links"], last["form"]["releases"][0]["count"]) == ({PATH: ["s1"]}, 95)

    try:
        drive(session, scenario, size=(80, 24), notifications=True)
    finally:
        session.close()
