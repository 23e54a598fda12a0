"""Pilot: ctrl+l's list says in its footer what enter does (only its title said it), first,
then tab and escape; with none highlighted (every span the item's) neither enter nor tab
offers to take one, and enter takes none."""

from __future__ import annotations

from pathlib import Path

from annotate_helpers import drive, journal, screen_of, wait_for
from test_annotate_span_pick_none_fits import LABELLED, TEXT, a_release_to_fill
from test_annotate_span_pick_tab import keys, list_of
from textual.pilot import Pilot

from annotator.tui.app import AnnotatorApp
from tests.test_session_data import session_on


def footer_keys(app: AnnotatorApp) -> list[str]:
    """The keys the open list's footer shows, each with what it does, in their order."""
    return [str(key.render()).strip() for key in list_of(app).query("FooterKey")]


def test_the_footer_says_enter_takes_the_span(tmp_path: Path) -> None:
    session = session_on(tmp_path, TEXT)
    assert LABELLED[0] == ("Kaldera", "actor")

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await a_release_to_fill(pilot, app, session)
        await keys(pilot, app, "ctrl+l", then="Fill releases #1 released_by")
        shown = footer_keys(app)
        said = [key for key in shown if key.split()[0] in ("enter", "tab", "esc")]
        assert said == ["enter Take", "tab Take, next field", "esc Close"], shown
        # The next field's list: every span is the item's, none highlighted: no "Take".
        await keys(pilot, app, "tab", then="Fill releases #1 received_by")
        shown = footer_keys(app)
        assert not any("Take" in key for key in shown), shown
        assert "tab Next field, none taken" in shown, shown
        # enter there takes none: the list stays, the field empty.
        await keys(pilot, app, "enter", then="Fill releases #1 received_by")
        await keys(pilot, app, "escape", then=None)
        await wait_for(pilot, lambda: screen_of(app).focused is not None)
        release = journal(session)[-1]["form"]["releases"][0]
        assert (release["released_by"], release["received_by"]) == ("Kaldera", None)

    drive(session, scenario)
