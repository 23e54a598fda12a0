"""Pilot: in ctrl+l's chain, a field whose every span is one its item holds already (the
article's only actor, the release's giver, offered as its receiver) highlights none, and tab
goes on to the next field's list without taking one. A trial's tab took the giver as its own
receiver (Kaldera → Kaldera)."""

from __future__ import annotations

from pathlib import Path

from annotate_helpers import drive, journal, screen_of, wait_for
from test_annotate_span_pick_tab import field, keys, list_of
from textual.pilot import Pilot
from textual.widgets import OptionList

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from tests.test_session_data import session_on

TEXT = "2024-12-08 Kaldera freed 303 detainees on Saturday.\n"
LABELLED = [("Kaldera", "actor"), ("303", "count"), ("303 detainees", "releasee")]


async def a_release_to_fill(
    pilot: Pilot[None], app: AnnotatorApp, session: AnnotationSession
) -> None:
    screen = screen_of(app)
    for words, label in LABELLED:
        start = TEXT.index(words)
        screen.change(session.label_selection, start, start + len(words), label)
    screen.change(session.add_group_item, "releases")
    await screen.update_form()
    await wait_for(pilot, lambda: field(app, "releases[0].released_by") is not None)
    first = field(app, "releases[0].released_by")
    assert first is not None
    first.focus()
    await pilot.pause()


def footer_keys(app: AnnotatorApp) -> str:
    """The keys the open list's footer shows, with what each does."""
    return " ".join(str(key.render()) for key in list_of(app).query("FooterKey"))


def test_tab_goes_past_a_field_whose_every_span_the_item_holds(tmp_path: Path) -> None:
    session = session_on(tmp_path, TEXT)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await a_release_to_fill(pilot, app, session)
        await keys(pilot, app, "ctrl+l", "tab", then="Fill releases #1 received_by")
        assert list_of(app).query_one(OptionList).highlighted is None
        assert "none highlighted" in str(list_of(app).query_one(".title").render())
        # The footer says what tab does then: it takes none (bb8e507's said "Take").
        assert "Next field, none taken" in footer_keys(app)
        assert "Take" not in footer_keys(app)
        then = "Fill releases #1 received_by"
        await keys(pilot, app, "down", then=then)  # an arrow highlights one: tab takes it
        assert "Take, next field" in footer_keys(app)
        assert "tab takes it" in str(list_of(app).query_one(".title").render())
        await keys(pilot, app, "k", "backspace", then=then)  # no filter: none highlighted
        assert list_of(app).query_one(OptionList).highlighted is None
        assert "Next field, none taken" in footer_keys(app)
        assert "none highlighted" in str(list_of(app).query_one(".title").render())
        await keys(pilot, app, "tab", then="Fill releases #1 count")
        await keys(pilot, app, "enter", then=None)
        await wait_for(pilot, lambda: "releases[0].count" in session.record.links)
        line = journal(session)[-1]
        release = line["form"]["releases"][0]
        assert (release["released_by"], release["received_by"], release["count"]) == (
            "Kaldera",
            None,
            303,
        )
        assert line["links"] == {"releases[0].released_by": ["s1"], "releases[0].count": ["s2"]}

    try:
        drive(session, scenario, size=(80, 24))
    finally:
        session.close()
