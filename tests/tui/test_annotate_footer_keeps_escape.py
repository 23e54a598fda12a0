"""Pilot: in a release's field the footer keeps escape's "Back to article" (the README says the
footer shows it) at 70 and 60 columns, leaving out a rarer key instead (ctrl+t's "Link only",
then ctrl+s's "Swap sides"); at 120 every key shows."""

from __future__ import annotations

import pytest
from annotate_helpers import drive, press, screen_of, wait_for
from textual.pilot import Pilot
from textual.widgets import Input

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.status_fit import FittingFooter

FIELD = "releases[0].released_by"


def footer_keys(app: AnnotatorApp) -> list[str]:
    footer = screen_of(app).query_one(FittingFooter)
    return [str(key.render()).strip() for key in footer.query("FooterKey")]


@pytest.mark.parametrize(
    ("size", "left_out"),
    [
        ((120, 36), []),
        ((70, 30), ["^t Link only"]),
        ((60, 18), ["^t Link only", "^s Swap sides"]),
    ],
)
def test_a_release_field_s_footer_keeps_back_to_article(
    session: AnnotationSession, size: tuple[int, int], left_out: list[str]
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        # o: the event type; tab: its "+ add to releases" button; the release's first field.
        await press(pilot, "o", "tab", "enter")
        await wait_for(pilot, lambda: any(w.name == FIELD for w in screen.query(Input)))
        next(w for w in screen.query(Input) if w.name == FIELD).focus()
        await pilot.pause(0.1)
        keys = footer_keys(app)
        assert "esc Back to article" in keys, keys
        assert "^l Fill" in keys and "^n Unlink" in keys, keys
        every = ["^l Fill", "^t Link only", "^n Unlink", "^s Swap sides"]
        assert [key for key in every if key not in keys] == left_out, keys

    drive(session, scenario, size=size)
