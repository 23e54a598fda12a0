"""Pilot: after escape closes ctrl+l's list the focus stays in the field, and a key meant for
the screen types there (right: it is a text field). A trial's o, meant to open the form, made
"o120 prisoners" of a linked releasee and unlinked it unsaid: a letter typed and taken back
before had left the field told, and the first keystroke's notice was not said again until the
field was shown anew. Typed back to its saved value, the notice goes and the next keystroke
over the link says it again."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotate_helpers import drive, notices_heard, press, screen_of, toasts, wait_for
from textual.pilot import Pilot
from textual.widgets import Input

from annotator.tui.app import AnnotatorApp
from tests.test_session_data import session_on

TEXT = "date 2024-03-17 The government of Qadira released 120 prisoners the next morning.\n"
PATH = "releases[0].releasees"
SAID = (
    "releasees: typing over 120 prisoners from s1 unlinks it once saved (enter, leaving the "
    "field, or a pause in the typing); ctrl+z then gives the link back"
)


@pytest.mark.parametrize("size", [(120, 36), (70, 30)])
def test_o_after_the_list_closes_says_it_unlinks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    session = session_on(tmp_path, TEXT)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        start = TEXT.index("120 prisoners")
        screen.change(session.label_selection, start, start + len("120 prisoners"), "releasee")
        screen.change(session.add_group_item, "releases")
        await screen.update_form()
        await wait_for(pilot, lambda: any(w.name == PATH for w in screen.query(Input)))
        field = next(w for w in screen.query(Input) if w.name == PATH)
        field.focus()
        await press(pilot, "ctrl+l", "enter")
        await wait_for(pilot, lambda: field.value == "120 prisoners")
        app.clear_notifications()
        told = notices_heard(app, monkeypatch)
        await press(pilot, "x")
        assert told == [SAID]
        await press(pilot, "backspace")  # as saved: the link stays, the notice goes
        await wait_for(pilot, lambda: SAID not in toasts(app))
        assert session.record.links == {PATH: ["s1"]}
        await press(pilot, "ctrl+l", "escape")
        assert field.has_focus
        await press(pilot, "o")
        assert field.value == "120 prisonerso"  # after the item ctrl+l took, where the cursor is
        assert told == [SAID, SAID]
        await wait_for(pilot, lambda: SAID in toasts(app))
        [toast] = [t for t in screen.query("Toast") if str(t.render()) == SAID]
        assert toast.region  # in sight, not held back (below 80 columns: the latest message)
        await press(pilot, "p")
        assert told == [SAID, SAID]  # once while the typing lasts

    try:
        drive(session, scenario, size=size, notifications=True)
    finally:
        session.close()
