"""Pilot at 70x30 (the panel under the article): with the focus in the form, messages over the
article's foot leave its text in sight. With two releases the article has 7 rows; a 30-second
start-up notice (or the 8-second "skipped … (ctrl+z undoes it)") still showing when s asked why,
or when o went to the form, stacked with the question and filled them all. There only the
latest message shows; the others show again when the focus is back in the article, and a
start-up notice is taken back, to show again with its whole half minute once the article has
the focus (as it waits for the Welcome)."""

from __future__ import annotations

from annotate_helpers import drive, press, screen_of, toasts, wait_for
from test_annotate_toasts_under import NOTICE
from textual.geometry import Region
from textual.pilot import Pilot

from annotator.core.session import AnnotationSession
from annotator.tui.annotate_skip import ASK_WHY_UNDER
from annotator.tui.app import AnnotatorApp
from annotator.tui.article import ArticleView


def shown_regions(app: AnnotatorApp) -> list[Region]:
    # Toasts are looked up by their CSS type name: their class is not public. A hidden one
    # has an empty region.
    return [toast.region for toast in app.screen.query("Toast") if toast.region]


def rows_in_sight(app: AnnotatorApp) -> int:
    """The article's text rows, from its top, that no toast covers."""
    inside = screen_of(app).query_one(ArticleView).content_region
    covered = [region for region in shown_regions(app) if region.overlaps(inside)]
    top = min((region.y for region in covered), default=inside.bottom)
    return top - inside.y


def test_a_start_up_notice_and_the_skip_question_leave_the_article_in_sight(
    session: AnnotationSession,
) -> None:
    session.messages.append(NOTICE)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        article = screen.query_one(ArticleView)
        for _ in range(2):
            screen.change(session.add_group_item, "releases")
        await press(pilot, "right")  # the Welcome goes, the notice shows over the panel
        await wait_for(pilot, lambda: NOTICE in toasts(app))
        await press(pilot, "s")
        await wait_for(pilot, lambda: ASK_WHY_UNDER in toasts(app))
        assert article.content_region.height == 7
        assert toasts(app) == [ASK_WHY_UNDER]  # the notice waits for the article
        [question] = shown_regions(app)
        assert question.height == 2
        assert rows_in_sight(app) == 5
        await press(pilot, "escape")  # back in the article: over the panel's foot
        await wait_for(pilot, lambda: NOTICE in toasts(app))
        assert article.has_focus
        for region in shown_regions(app):
            assert not region.overlaps(article.region), region

    drive(session, scenario, size=(70, 30), notifications=True)


def test_the_skipped_message_and_the_question_on_the_next_article(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        first = session.document.id
        app.clear_notifications()  # the Welcome
        await press(pilot, "s", *"truncated", "enter")
        await wait_for(pilot, lambda: session.loaded and session.document.id != first)
        # Two releases, as if annotated before: a change would take the message away.
        for _ in range(2):
            session.add_group_item("releases")
        screen.redraw()
        await wait_for(pilot, lambda: any(f"skipped {first}" in said for said in toasts(app)))
        await press(pilot, "s")
        await wait_for(pilot, lambda: ASK_WHY_UNDER in toasts(app))
        assert screen.query_one(ArticleView).content_region.height == 7
        assert any(f"skipped {first}" in said for said in toasts(app))
        assert len(shown_regions(app)) == 1
        assert rows_in_sight(app) == 5

    drive(session, scenario, size=(70, 30), notifications=True)


def test_o_with_a_start_up_notice_held_for_the_welcome(session: AnnotationSession) -> None:
    """o is the first key: the Welcome goes as the focus goes to the form. The notice waits
    for the article's focus, where it has the panel's room and its whole half minute."""
    session.messages.append(NOTICE)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        article = screen.query_one(ArticleView)
        for _ in range(2):
            screen.change(session.add_group_item, "releases")
        await press(pilot, "o")
        await pilot.pause(0.2)
        assert NOTICE not in toasts(app)
        assert rows_in_sight(app) == article.content_region.height
        await press(pilot, "escape")
        await wait_for(pilot, lambda: NOTICE in toasts(app))
        assert article.has_focus
        for region in shown_regions(app):
            assert not region.overlaps(article.region), region

    drive(session, scenario, size=(70, 30), notifications=True)
