"""Pilot: the review's document list (l): go to a document's conflicts, and merge a settled
document anew (ctrl+r twice) to decide it again; ctrl+z puts its decisions back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import press, wait_for
from test_review_keys import drive, gold, review_of_two, shown, status_line
from textual.pilot import Pilot
from textual.widgets import Label, OptionList

from annotator.core.review import ReviewSession
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_doc_list import ReviewDocListScreen
from tests.test_review_data import FIRST, SECOND


@pytest.fixture
def session(tmp_path: Path) -> Iterator[ReviewSession]:
    yield from review_of_two(tmp_path)


def doc_list(app: ReviewApp) -> ReviewDocListScreen:
    screen = app.screen
    assert isinstance(screen, ReviewDocListScreen)
    return screen


def test_l_lists_the_documents_and_enter_goes_to_one(session: ReviewSession) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        await press(pilot, "l")
        options = doc_list(app).query_one("#doc-options", OptionList)
        rows = [str(options.get_option_at_index(n).prompt) for n in range(options.option_count)]
        assert [row.split() for row in rows] == [
            ["1", "4", "open", FIRST],
            ["2", "1", "open", SECOND],
        ]
        await press(pilot, "down", "enter")
        await wait_for(pilot, lambda: shown(app, SECOND))
        assert session.current is not None and session.current.doc_id == SECOND

    drive(session, scenario)


def test_ctrl_r_twice_merges_a_settled_document_anew_and_ctrl_z_undoes_it(
    session: ReviewSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        await press(pilot, "p")  # around to the second article's event_type
        await wait_for(pilot, lambda: shown(app, SECOND))
        await press(pilot, "2")  # bob's: the second article is done
        assert gold(session)[-1]["status"] == "done"
        await wait_for(pilot, lambda: shown(app, FIRST))
        lines = len(gold(session))

        # Enter on a document without open conflicts opens it to look at, writing nothing
        # (tests/tui/test_review_looking_screen.py); n goes back to the open conflicts.
        await press(pilot, "l", *SECOND[:6], "enter")
        assert not isinstance(app.screen, ReviewDocListScreen)
        await wait_for(pilot, lambda: shown(app, SECOND))
        assert session.current is None and session.looking == SECOND
        assert len(gold(session)) == lines
        await press(pilot, "n")
        await wait_for(pilot, lambda: shown(app, FIRST))

        # ctrl+r asks first; a move forgets the question; ctrl+r twice merges it anew.
        await press(pilot, "l", *SECOND[:6], "ctrl+r")
        title = doc_list(app).query_one("#doc-title", Label)
        assert f"ctrl+r again merges {SECOND} anew" in str(title.render())
        assert len(gold(session)) == lines
        await press(pilot, "ctrl+r")
        await wait_for(pilot, lambda: shown(app, SECOND))
        line = gold(session)[-1]
        assert (line["doc_id"], line["status"], len(line["conflicts"])) == (
            SECOND,
            "in_progress",
            1,
        )
        assert "event_type" not in line["form"]
        assert "4 conflict(s) left" not in status_line(app)  # 4 in the first, 1 here: 5
        assert "5 conflict(s) left in 2 document(s)" in status_line(app)

        await press(pilot, "ctrl+z")
        # A key pressed is queued to the app, which may still be busy with the document just
        # read (its region selected after a refresh): wait for the undo to land, not for time.
        await wait_for(pilot, lambda: gold(session)[-1]["status"] == "done")
        line = gold(session)[-1]
        assert (line["doc_id"], line["status"], line["form"]["event_type"]) == (
            SECOND,
            "done",
            "exchange",
        )

    drive(session, scenario, notifications=True)


def test_ctrl_r_on_a_document_as_a_merge_makes_it_says_so_at_once(
    session: ReviewSession,
) -> None:
    """The first document has no decision: the first ctrl+r says there is nothing to merge
    anew, not that its decisions would be dropped; the list stays, nothing is written, and a
    move puts the list's keys back in the title."""

    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        lines = len(gold(session))
        await press(pilot, "l", "ctrl+r")
        screen = doc_list(app)
        title = screen.query_one("#doc-title", Label)
        said = str(title.render())
        assert said == f"{FIRST} is as a merge makes it: nothing to merge anew · escape closes"
        await press(pilot, "ctrl+r")  # again: still said, nothing merged
        assert app.screen is screen
        assert str(title.render()) == said
        assert len(gold(session)) == lines
        await press(pilot, "down")
        assert str(title.render()).startswith("Documents: 2 of 2 with open conflicts")
        # The second document has a decision once 2 is pressed there: asked, as before.
        await press(pilot, "escape", "p")
        await wait_for(pilot, lambda: shown(app, SECOND))
        await press(pilot, "2")
        await wait_for(pilot, lambda: shown(app, FIRST))
        await press(pilot, "l", *SECOND[:6], "ctrl+r")
        ask = str(doc_list(app).query_one("#doc-title", Label).render())
        assert ask.startswith(f"ctrl+r again merges {SECOND} anew")

    drive(session, scenario)
