"""Pilot: the search's query stays on its article (/ shows it selected: enter finds the next
match), given back when the article opens again, and another article's search starts empty
(README's / row). A trial's / on 02 showed the '95' searched on 01; another's /Maro on 07 was
gone after n, p."""

from __future__ import annotations

from annotate_helpers import drive, press, screen_of, wait_for
from textual.pilot import Pilot
from textual.widgets import Input

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp


def test_the_query_stays_on_its_article_and_the_next_starts_empty(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        search = screen.query_one("#search", Input)
        await press(pilot, "slash", *"146", "enter")
        assert screen.article.selection_offsets() == (43, 46)
        await press(pilot, "escape", "slash")
        assert (search.value, search.selection.start, search.selection.end) == ("146", 0, 3)
        await press(pilot, "escape", "n")
        await wait_for(pilot, lambda: session.document.id == "b")
        await press(pilot, "slash")
        assert search.has_focus and search.value == ""
        # Back on a, its own query is given back (a trial's /Maro on 07 was gone after n, p).
        await press(pilot, "escape", "p")
        await wait_for(pilot, lambda: session.document.id == "a")
        await press(pilot, "slash")
        assert (search.value, search.selection.start, search.selection.end) == ("146", 0, 3)
        await press(pilot, "enter")
        assert screen.article.selection_offsets() == (43, 46)

    drive(session, scenario)


def test_the_query_is_kept_when_the_next_article_cannot_be_read(session: AnnotationSession) -> None:
    # A code review: going on from an unreadable article lost the query of the one before.
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        search = screen.query_one("#search", Input)
        await press(pilot, "slash", *"146", "enter")
        assert screen.article.selection_offsets() == (43, 46)
        (session.corpus.path / "b.txt").write_bytes(b"\xff\xfe not utf-8")  # b cannot be read
        await press(pilot, "escape", "n")
        await wait_for(pilot, lambda: screen._failed_id == "b")
        await press(pilot, "n")
        await wait_for(pilot, lambda: session.loaded and session.document.id == "c")
        await press(pilot, "p")
        await wait_for(pilot, lambda: screen._failed_id == "b")
        await press(pilot, "p")
        await wait_for(pilot, lambda: session.loaded and session.document.id == "a")
        await press(pilot, "slash")
        assert search.value == "146"

    drive(session, scenario)
