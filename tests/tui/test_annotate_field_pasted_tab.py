"""Pilot: a tab pasted into a form field (a release's released_by, a list of releasees) becomes
a space, and a message says so, as a paste of several lines is made one line: a field holds one
line of words. A name copied from a table went in with its tab, showed as spaces and was saved
with the tab. The note keeps its tabs (test_annotate_note_pasted_tab)."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotate_helpers import drive, journal, notices_heard, press, screen_of, wait_for
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input
from textual.widgets.input import Selection

from annotator.tui.app import AnnotatorApp
from annotator.tui.form_hints import tabs_as_spaces
from tests.test_session_data import session_on

TEXT = "date 2024-03-17 Kestria said 95 Norvanian soldiers were returned to Ulmaria.\n"
RELEASED_BY = "releases[0].released_by"
RELEASEES = "releases[0].releasees"


async def field_focused(pilot: Pilot[None], app: AnnotatorApp, path: str) -> Input:
    """The input of ``path`` in a release added to the form, with the focus."""
    screen = screen_of(app)
    screen.change(screen.session.add_group_item, "releases")
    await screen.update_form()
    await wait_for(pilot, lambda: any(w.name == path for w in screen.query(Input)))
    field = next(w for w in screen.query(Input) if w.name == path)
    field.focus()
    await wait_for(pilot, lambda: field.has_focus)
    return field


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
def test_a_tab_pasted_into_released_by_is_a_space_said_and_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    session = session_on(tmp_path, TEXT)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        field = await field_focused(pilot, app, RELEASED_BY)
        told = notices_heard(app, monkeypatch)
        app.post_message(events.Paste("Norvania\tMinistry of Defence"))
        await wait_for(pilot, lambda: field.value != "")
        assert field.value == "Norvania Ministry of Defence"
        assert field.cursor_position == len(field.value)
        assert told == ["pasted a tab as a space: a field keeps no tabs"]
        await press(pilot, "escape")  # leaving it saves it
        await wait_for(pilot, lambda: bool(journal(session)))
        release = journal(session)[-1]["form"]["releases"][0]
        assert release["released_by"] == "Norvania Ministry of Defence"
        assert [value for value in release.values() if value] == [release["released_by"]]

    try:
        drive(session, scenario, size=size)
    finally:
        session.close()


def test_tabs_pasted_over_a_selection_and_among_lines_are_one_space_each_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Spacing around a tab goes with it (a table's cells padded); several lines are joined
    first, their own message said too."""
    session = session_on(tmp_path, TEXT)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        field = await field_focused(pilot, app, RELEASED_BY)
        await press(pilot, *"the XX side")
        field.selection = Selection(4, 6)  # "XX"
        told = notices_heard(app, monkeypatch)
        app.post_message(events.Paste("Kestrian \t\tarmy\n"))  # its line break no text
        await wait_for(pilot, lambda: "XX" not in field.value)
        assert field.value == "the Kestrian army side"
        assert told == ["pasted 2 tabs as spaces: a field keeps no tabs"]

        field.value = ""
        told.clear()
        app.post_message(events.Paste("Arbela\tgarrison\nDolen\tunit"))
        await wait_for(pilot, lambda: field.value != "")
        assert field.value == "Arbela garrison Dolen unit"
        assert told == [
            "pasted 2 lines as one: a field holds one line",
            "pasted 2 tabs as spaces: a field keeps no tabs",
        ]
        await press(pilot, "escape")
        await wait_for(pilot, lambda: bool(journal(session)))
        released_by = journal(session)[-1]["form"]["releases"][0]["released_by"]
        assert released_by == "Arbela garrison Dolen unit"

    try:
        drive(session, scenario, size=(120, 36))
    finally:
        session.close()


def test_a_tab_pasted_into_a_list_field_is_a_space_in_its_item(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = session_on(tmp_path, TEXT)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        field = await field_focused(pilot, app, RELEASEES)
        told = notices_heard(app, monkeypatch)
        app.post_message(events.Paste("Jan\tNowak, Ola Berg"))
        await wait_for(pilot, lambda: field.value != "")
        assert told == ["pasted a tab as a space: a field keeps no tabs"]
        await press(pilot, "escape")
        await wait_for(pilot, lambda: bool(journal(session)))
        releasees = journal(session)[-1]["form"]["releases"][0]["releasees"]
        assert releasees == ["Jan Nowak", "Ola Berg"]

    try:
        drive(session, scenario, size=(120, 36))
    finally:
        session.close()


def test_a_paste_without_a_tab_goes_in_as_it_is_unsaid(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = session_on(tmp_path, TEXT)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        field = await field_focused(pilot, app, RELEASED_BY)
        told = notices_heard(app, monkeypatch)
        app.post_message(events.Paste("Norvania  Ministry"))  # two spaces, kept
        await wait_for(pilot, lambda: field.value != "")
        assert field.value == "Norvania  Ministry"
        assert told == []

    try:
        drive(session, scenario, size=(120, 36))
    finally:
        session.close()


def test_tabs_as_spaces() -> None:
    assert tabs_as_spaces("a\tb") == ("a b", 1)
    assert tabs_as_spaces("a \t \t b") == ("a b", 2)
    assert tabs_as_spaces("\ta\t") == (" a ", 2)
    assert tabs_as_spaces("a  b") == ("a  b", 0)
