"""Pilot at 70x30 (the panel under the article): s's question leaves the article in sight. The
form, where the reason is typed, had 70% of the screen, blank under its note, and the question
stood over the article's 7 rows left, of which it took 4 (three lines and the blank one under
them). The form now takes the rows it needs (at most as many as before: a release's fields),
and the question says in one line what is asked and when to skip at all; the footer says
escape's "Back to article"."""

from __future__ import annotations

import pytest
from annotate_helpers import drive, journal, press, screen_of, toasts, wait_for
from test_annotate_skip_footer import footer_keys
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widgets import Input

from annotator.core.session import AnnotationSession
from annotator.tui.annotate_skip import ASK_WHY_UNDER
from annotator.tui.app import AnnotatorApp
from annotator.tui.article import ArticleView


@pytest.mark.parametrize(
    ("releases", "article_rows"),
    [(0, 15), (2, 7)],  # a form of no release: 15 rows to read; at its tallest, 7 as before
)
def test_s_asks_why_in_one_line_over_the_articles_foot(
    session: AnnotationSession, releases: int, article_rows: int
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        article = screen.query_one(ArticleView)
        note = screen.query_one("#note", Input)
        for _ in range(releases):
            screen.change(session.add_group_item, "releases")
        app.clear_notifications()  # the Welcome, and what the changes said
        await press(pilot, "s")
        await wait_for(pilot, lambda: bool(toasts(app)))
        assert screen.has_class("-under") and note.has_focus
        assert toasts(app) == [ASK_WHY_UNDER]
        [question] = [toast.region for toast in screen.query("Toast")]
        inside = article.content_region
        assert inside.height == article_rows, inside
        assert note.region.bottom == screen.query_one("#form").region.bottom - 1  # in sight
        # One line and the blank row under it, at the article's foot inside its frame: the
        # lines above stay in sight, and the note typed into is not covered.
        assert question.height == 2, question
        assert question.bottom == inside.bottom
        assert not question.overlaps(Region(inside.x, inside.y, inside.width, article_rows - 2))
        assert not question.overlaps(note.region)
        assert "esc Back to article" in footer_keys(app)  # what the question leaves out

        # What it asks for is still what enter skips with.
        first = session.document.id
        await press(pilot, *"truncated", "enter")
        await wait_for(pilot, lambda: session.loaded and session.document.id != first)
        last = journal(session)[-1]
        assert (last["doc_id"], last["status"], last["note"]) == (first, "skipped", "truncated")

    drive(session, scenario, size=(70, 30), notifications=True)
