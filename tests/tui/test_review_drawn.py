"""Pilot: a span drawn by hand replaces every version of its conflict, and never silently.

The journals are tests/test_review_data.py's alice and bob: c3 is alice's count "eight"
(978-983) against bob's releasee "eight citizens of the Russian Federation" (978-1018).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import notices_heard, press
from test_review_keys import drive, gold, panel_text, review_of_two, spans_of
from textual.pilot import Pilot

from annotator.core.review import ReviewSession
from annotator.core.review_views import Place
from annotator.tui.review_app import ReviewApp
from tests.test_review_data import FIRST


@pytest.fixture
def session(tmp_path: Path) -> Iterator[ReviewSession]:
    yield from review_of_two(tmp_path)


def test_drawing_says_it_replaces_the_versions_and_then_what_it_left_out(
    session: ReviewSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        told = notices_heard(app, monkeypatch)
        await press(pilot, "n", "n")
        assert session.current == Place(FIRST, "c3")
        assert "replaces every version" not in panel_text(app)
        await press(pilot, "e")
        said = " ".join(panel_text(app).split())
        assert "The drawn span replaces every version;" in said
        assert "to keep a version's spans: escape, then its number (1–2)" in said

        # The region (bob's releasee) is selected: 4 draws it as a releasee.
        await press(pilot, "4")
        line = gold(session)[-1]
        assert (978, 1018, "releasee") in spans_of(line)
        assert (978, 983, "count") not in spans_of(line)
        assert told[-1] == (
            "settled c3 with releasee “eight citizens of the Russian Federation” 978–1018; "
            "left out: count “eight” 978–983 (alice)"
            " · ctrl+z undoes"
        )

        # ctrl+z puts the conflict back, as the notice says.
        await press(pilot, "ctrl+z")
        assert session.current == Place(FIRST, "c3")
        assert "c3" in [c["id"] for c in gold(session)[-1]["conflicts"]]

    drive(session, scenario)
