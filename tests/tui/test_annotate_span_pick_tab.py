"""Pilot: tab in ctrl+l's list takes the highlighted span, as enter does, and goes on to the
next field, whose own list opens at once; a release is ctrl+l, a tab per field and enter. A
trial counted 16 to 20 keys per release (``tab ctrl+l enter`` for each field)."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotate_helpers import drive, journal, notices_heard, press, screen_of, toasts, wait_for
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button, Input, OptionList

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.span_pick import SpanPickScreen
from tests.test_session_data import session_on

TEXT = (
    "2024-03-17 Ostreva handed 95 Norvanian servicemen to Kestria on 2024-03-16, and Kestria "
    "freed six wounded soldiers.\n"
)
LABELLED = [  # s1 … s6
    ("Ostreva", "actor"),
    ("Kestria", "actor"),
    ("95", "count"),
    ("2024-03-16", "date"),
    ("95 Norvanian servicemen", "releasee"),
    ("six wounded soldiers", "releasee"),
]
FIRST = "releases[0].released_by"


async def a_release_to_fill(
    pilot: Pilot[None], app: AnnotatorApp, session: AnnotationSession
) -> None:
    """The spans labelled and a release added (core calls, not keys); the focus in its first
    field."""
    screen = screen_of(app)
    for words, label in LABELLED:
        start = TEXT.index(words)
        screen.change(session.label_selection, start, start + len(words), label)
    screen.change(session.add_group_item, "releases")
    await screen.update_form()
    await wait_for(pilot, lambda: field(app, FIRST) is not None)
    first = field(app, FIRST)
    assert first is not None
    first.focus()
    await pilot.pause()


def field(app: AnnotatorApp, path: str) -> Widget | None:
    return next((w for w in screen_of(app).query(Input) if w.name == path), None)


def list_of(app: AnnotatorApp) -> SpanPickScreen:
    screen = app.screen
    assert isinstance(screen, SpanPickScreen)
    return screen


def list_shown(app: AnnotatorApp) -> str | None:
    """The title of the list of spans on screen ("Fill releases #1 count"), None without."""
    screen = app.screen
    return screen.what if isinstance(screen, SpanPickScreen) else None


async def keys(pilot: Pilot[None], app: AnnotatorApp, *pressed: str, then: str | None) -> None:
    """Press keys, then wait for the list ``then`` (a field's), or for none: a key after one
    that closed a list may wait a moment (``keys_in_order``: its marker left with the list)."""
    await press(pilot, *pressed)
    await wait_for(pilot, lambda: list_shown(app) == then)


async def focus_on(pilot: Pilot[None], app: AnnotatorApp, path: str) -> None:
    """Wait for the focus in the field at ``path`` (a span taken is filled in, then the focus
    moves: the list is gone before)."""
    await wait_for(pilot, lambda: screen_of(app).focused is field(app, path))


def highlighted(app: AnnotatorApp) -> str | None:
    option = list_of(app).query_one(OptionList).highlighted_option
    return None if option is None else option.id


RECEIVED_BY, RELEASEES = "releases[0].received_by", "releases[0].releasees"


def test_a_release_is_ctrl_l_a_tab_per_field_and_enter(tmp_path: Path) -> None:
    session = session_on(tmp_path, TEXT)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await a_release_to_fill(pilot, app, session)
        await keys(pilot, app, "ctrl+l", then="Fill releases #1 released_by")
        assert "tab takes it, next field" in str(list_of(app).query_one(".title").render())
        await keys(pilot, app, "tab", then="Fill releases #1 received_by")
        # The next field's list, open at once, its own best offer highlighted: not the giver.
        assert highlighted(app) == "s2"
        await keys(pilot, app, "tab", "tab", "tab", then="Fill releases #1 releasees")
        # The releasee that goes with the item's count first.
        assert highlighted(app) == "s5"
        await keys(pilot, app, "enter", then=None)
        await focus_on(pilot, app, RELEASEES)  # enter stays in the field
        await wait_for(pilot, lambda: RELEASEES in session.record.links)
        line = journal(session)[-1]
        assert line["form"]["releases"] == [
            {
                "released_by": "Ostreva",
                "received_by": "Kestria",
                "count": 95,
                "date": "2024-03-16",
                "releasees": ["95 Norvanian servicemen"],
            }
        ]
        assert line["links"] == {
            FIRST: ["s1"],
            RECEIVED_BY: ["s2"],
            "releases[0].count": ["s3"],
            "releases[0].date": ["s4"],
            RELEASEES: ["s5"],
        }

        # A span the list holds already is refused, as enter refuses it: the focus stays.
        lines = len(journal(session))
        await keys(pilot, app, "ctrl+l", then="Fill releases #1 releasees")
        await keys(pilot, app, *"s5", "tab", then=None)
        await focus_on(pilot, app, RELEASEES)
        assert len(journal(session)) == lines

        # A list field takes another with ctrl+l; tab from the item's last field goes where
        # the form's tab goes (the item's remove button), no list opened.
        await keys(pilot, app, "ctrl+l", then="Fill releases #1 releasees")
        assert highlighted(app) == "s6"  # the one it holds comes last
        await keys(pilot, app, "tab", then=None)
        await wait_for(pilot, lambda: isinstance(screen_of(app).focused, Button))
        focused = screen_of(app).focused
        assert isinstance(focused, Button) and focused.has_class("remove-item")
        assert list_shown(app) is None
        line = journal(session)[-1]
        releasees = ["95 Norvanian servicemen", "six wounded soldiers"]
        assert line["form"]["releases"][0]["releasees"] == releasees
        assert line["links"][RELEASEES] == ["s5", "s6"]

    try:
        drive(session, scenario, size=(100, 30))
    finally:
        session.close()


def test_escape_mid_chain_stays_and_shift_tab_replaces_the_field_before(tmp_path: Path) -> None:
    session = session_on(tmp_path, TEXT)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        told = notices_heard(app, pytest.MonkeyPatch())
        await a_release_to_fill(pilot, app, session)
        await keys(pilot, app, "ctrl+l", then="Fill releases #1 released_by")
        await keys(pilot, app, "tab", then="Fill releases #1 received_by")
        await keys(pilot, app, "escape", then=None)
        await focus_on(pilot, app, RECEIVED_BY)
        line = journal(session)[-1]
        assert line["form"]["releases"][0]["received_by"] is None  # nothing taken
        assert line["links"] == {FIRST: ["s1"]}

        # shift+tab: take, back to the field before, its list open; typing filters it, and
        # tab there replaces its value as enter would, saying so.
        await keys(pilot, app, "ctrl+l", then="Fill releases #1 received_by")
        await keys(pilot, app, "shift+tab", then="Fill releases #1 released_by")
        await keys(pilot, app, *"kes", "tab", then="Fill releases #1 received_by")
        await keys(pilot, app, "escape", then=None)
        await focus_on(pilot, app, RECEIVED_BY)
        line = journal(session)[-1]
        assert line["form"]["releases"][0]["released_by"] == "Kestria"
        assert line["links"] == {FIRST: ["s2"], RECEIVED_BY: ["s2"]}
        replaced = (
            "released_by: Kestria (was Ostreva from s1, now unlinked; ctrl+z gives the link back)"
        )
        assert any(said.startswith(replaced) for said in told)

    try:
        drive(session, scenario, size=(80, 24))
    finally:
        session.close()


def test_tab_into_a_field_with_no_span_of_its_label_says_so(tmp_path: Path) -> None:
    """A trial: tab from count's list landed in a field with no span of its label, no list
    and nothing said; she pressed escape for the list, left the form, and her next words ran
    as commands. The field says what ctrl+l says there, and the line stays with the focus."""
    session = session_on(tmp_path, TEXT)
    date = "releases[0].date"
    no_date = (
        "no date span to fill releases #1 date from: label one first (escape to the article, "
        "select its words, press its key)"
    )

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        told = notices_heard(app, pytest.MonkeyPatch())
        screen = screen_of(app)
        for words, label in [("Ostreva", "actor"), ("95", "count")]:  # no date
            start = TEXT.index(words)
            screen.change(session.label_selection, start, start + len(words), label)
        screen.change(session.add_group_item, "releases")
        await screen.update_form()
        await wait_for(pilot, lambda: field(app, "releases[0].count") is not None)
        count = field(app, "releases[0].count")
        assert count is not None
        count.focus()
        await pilot.pause()
        await keys(pilot, app, "ctrl+l", then="Fill releases #1 count")
        await keys(pilot, app, "tab", then=None)
        await focus_on(pilot, app, date)
        await wait_for(pilot, lambda: no_date in toasts(app))
        assert told[-1] == no_date
        await pilot.pause()
        assert no_date in toasts(app)  # the focus landing in the field does not take it away
        assert journal(session)[-1]["links"] == {"releases[0].count": ["s2"]}

        # ctrl+l there says the same line (once shown, not twice).
        await press(pilot, "ctrl+l")
        await pilot.pause()
        assert told[-1] == no_date
        assert toasts(app).count(no_date) == 1
        assert list_shown(app) is None

    try:
        drive(session, scenario, size=(100, 30), notifications=True)
    finally:
        session.close()
