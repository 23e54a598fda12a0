"""Pilot at 70x30 (the panel under the article): a message standing over the article's foot
(s's question, with the focus in the note) never covers the cursor's line. A trial's
`/would confirm` enter, then s: the question stood over the line with the selection."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import drive, press, screen_of, toasts, wait_for
from textual.pilot import Pilot

from annotator.core.session import AnnotationSession, open_session
from annotator.tui.annotate_skip import ASK_WHY_UNDER
from annotator.tui.app import AnnotatorApp
from annotator.tui.article import ArticleView
from tests.test_session_data import fixed_now

SAMPLE = Path(__file__).parents[2] / "sample_docs" / "13-kessar-strait-sailors-freed.txt"


@pytest.fixture
def kessar(tmp_path: Path) -> Iterator[AnnotationSession]:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / SAMPLE.name).write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    opened = open_session(corpus, "alice", None, tmp_path / "out", now=fixed_now)
    yield opened
    opened.close()


def cursor_screen_row(article: ArticleView) -> int:
    row = article.wrapped_document.location_to_offset(article.cursor_location).y
    return article.content_region.y + row - round(article.scroll_y)


@pytest.mark.parametrize("keys", [("down",) * 8, ("ctrl+end",)])
def test_the_skip_question_leaves_the_cursor_s_line_in_sight(
    kessar: AnnotationSession, keys: tuple[str, ...]
) -> None:
    """From 'would confirm' down to the article's last rows, or to its very end (its last line
    scrolled above the question, into room under the text)."""

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        article = screen.query_one(ArticleView)

        def question_top() -> int:
            [question] = [toast.region for toast in screen.query("Toast")]
            return question.y

        text = kessar.text
        article.select_offsets(text.index("would confirm"), text.index(" that."))
        app.clear_notifications()  # the Welcome
        await press(pilot, *keys)
        await press(pilot, "s")
        await wait_for(pilot, lambda: toasts(app) == [ASK_WHY_UNDER])
        await wait_for(pilot, lambda: cursor_screen_row(article) < question_top())
        inside = article.content_region
        assert inside.y <= cursor_screen_row(article) < question_top()
        # Escape: the focus is back in the article, its cursor in sight.
        await press(pilot, "escape")
        assert article.has_focus
        assert inside.y <= cursor_screen_row(article) < article.content_region.bottom

    drive(kessar, scenario, size=(70, 30), notifications=True)


def test_a_message_while_the_form_has_the_focus_leaves_the_cursor_s_line_in_sight(
    kessar: AnnotationSession,
) -> None:
    """Any message over the article's foot: one told while the form has the focus, the cursor
    on the article's last row in sight."""

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        article = screen.query_one(ArticleView)
        app.clear_notifications()  # the Welcome
        await press(pilot, "o")
        await wait_for(pilot, lambda: not article.has_focus)
        bottom = article.content_region.bottom - 1
        article.move_to_offset(kessar.text.index("would confirm"))
        article.scroll_to(y=article.scroll_y + cursor_screen_row(article) - bottom, animate=False)
        await pilot.pause()
        assert cursor_screen_row(article) == bottom  # the article's last row
        app.notify("a message that takes two lines at seventy columns " * 2, timeout=30)
        await wait_for(pilot, lambda: bool(toasts(app)))
        [message] = [toast.region for toast in screen.query("Toast")]
        assert message.bottom == article.content_region.bottom  # over the article's foot
        await wait_for(pilot, lambda: cursor_screen_row(article) < message.y)
        assert cursor_screen_row(article) == message.y - 1

    drive(kessar, scenario, size=(70, 30), notifications=True)
