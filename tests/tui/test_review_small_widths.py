"""Pilot: the review at 60 columns: the panel goes under the article, full width, its keys in
a line or two, so the versions a reviewer chooses from are in sight (beside the article, the
panel showed "1 a  alice" and then the keys). At 80 columns the panel stays beside it.

The journals are tests/test_review_data.py's alice and bob: c1 "Kyiv" (alice's actor, bob
nothing), c2 the releasees, c3 "eight", c4 the group ``releases``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from annotate_helpers import press, wait_for
from test_review_keys import NOW, drive, gold, panel_text, review_of_two, screen_of, shown
from test_review_notes import rewrite_latest
from test_review_toasts import words_region
from textual.containers import VerticalScroll
from textual.widgets import Static

from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from annotator.core.review_views import Place
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_article import ReviewArticle
from annotator.tui.review_panel import ConflictPanel
from annotator.tui.review_versions_box import MORE_ABOVE, MORE_BELOW, VersionsBox
from tests.old_gold import open_old_review
from tests.test_review_data import CORPUS, FIRST, two_journals


@pytest.fixture
def session(tmp_path: Path) -> Iterator[ReviewSession]:
    yield from review_of_two(tmp_path)


def keys_text(app: ReviewApp) -> str:
    return str(screen_of(app).query_one("#conflict-keys", Static).render())


def versions_in_sight(app: ReviewApp) -> bool:
    """The whole panel shows without scrolling: every version, above the keys."""
    screen = screen_of(app)
    box = screen.query_one("#conflict-versions", VerticalScroll)
    panel = screen.query_one(ConflictPanel)
    keys = screen.query_one("#conflict-keys")
    return (
        box.max_scroll_y == 0
        and box.region.contains_region(panel.region)
        and panel.region.bottom <= keys.region.y
    )


def test_at_60x24_the_panel_goes_under_the_article_with_its_versions_in_sight(
    session: ReviewSession,
) -> None:
    async def scenario(pilot: Any, app: ReviewApp) -> None:
        screen = screen_of(app)
        article = screen.query_one(ReviewArticle)
        box = screen.query_one("#conflict-box")
        assert screen.has_class("-narrow")
        assert article.region.bottom <= box.region.y  # under the article
        assert box.region.width == 60
        assert versions_in_sight(app)
        said = panel_text(app)
        assert " 1 a  alice" in said and "actor “Kyiv” 780–784" in said
        assert " 2 b  bob" in said and "marked nothing here" in said
        # bob marked nothing here: t would be b, so it is not offered.
        assert keys_text(app).startswith("1–2 take · a/b annotator's · r reject")
        # A choice is made as anywhere else: b takes bob's nothing.
        await press(pilot, "b")
        assert session.current == Place(FIRST, "c2")
        assert gold(session)[-1]["conflicts"][0]["id"] == "c2"
        assert versions_in_sight(app)
        # Drawing: the label keys and the rule in two lines, the versions above them.
        await press(pilot, "e")
        assert keys_text(app).startswith("Drawing: 1 actor · 2 count")
        assert "the span replaces every version" in keys_text(app)
        await press(pilot, "escape")

    drive(session, scenario, (60, 24), notifications=True)


def test_at_80x24_the_panel_stays_beside_the_article(session: ReviewSession) -> None:
    async def scenario(pilot: Any, app: ReviewApp) -> None:
        screen = screen_of(app)
        article = screen.query_one(ReviewArticle)
        box = screen.query_one("#conflict-box")
        assert not screen.has_class("-narrow")
        assert article.region.right <= box.region.x
        # Below 30 rows its keys are a paragraph, as under the article.
        assert keys_text(app).startswith("1–2 take · a/b annotator's · r reject")
        assert versions_in_sight(app)
        # Made narrow and wide again, the layout follows.
        await pilot.resize_terminal(60, 24)
        await wait_for(pilot, lambda: screen.has_class("-narrow"))
        await pilot.resize_terminal(80, 24)
        await wait_for(pilot, lambda: not screen.has_class("-narrow"))
        assert keys_text(app).startswith("1–2 take · a/b annotator's · r reject")
        assert shown(app, FIRST)

    drive(session, scenario, (80, 24), notifications=True)


def test_at_80x18_the_frame_says_more_versions_are_below_and_brackets_scroll(
    tmp_path: Path,
) -> None:
    # A gold file the older merge wrote (``tests.old_gold``): c4 the releases, 2 versions.
    session = open_old_review(
        list(two_journals(tmp_path)), CORPUS, tmp_path / "gold.jsonl", now=lambda: NOW
    )

    # At 80x24 (the keys a paragraph below 30 rows) c4 is in sight whole; lower, it is not.
    async def scenario(pilot: Any, app: ReviewApp) -> None:
        await press(pilot, "n", "n", "n")
        assert session.current == Place(FIRST, "c4")  # the releases: agreed item, 2 versions
        box = screen_of(app).query_one(VersionsBox)
        versions = box.versions
        await wait_for(pilot, lambda: versions.max_scroll_y > 0)
        assert box.border_subtitle == MORE_BELOW
        await press(pilot, "right_square_bracket")
        await wait_for(pilot, lambda: versions.scroll_y > 0)
        assert box.border_subtitle == MORE_ABOVE
        assert screen_of(app).query_one(ReviewArticle).has_focus  # scrolled from the article
        await press(pilot, "left_square_bracket")
        await wait_for(pilot, lambda: versions.scroll_y == 0)
        assert box.border_subtitle == MORE_BELOW
        # The next conflict starts from the frame's top.
        await press(pilot, "right_square_bracket", "n")
        await wait_for(pilot, lambda: versions.scroll_y == 0)

    try:
        drive(session, scenario, (80, 18), notifications=True)
    finally:
        session.close()


def toasts_drawn(app: ReviewApp) -> list[Any]:
    return [toast for toast in app.screen.query("Toast") if toast.region]


def test_at_60x24_toasts_leave_the_conflict_s_words_and_the_panel_in_sight(
    session: ReviewSession,
) -> None:
    """The opening toast and "before the first conflict" covered the six lines of the
    article where the conflict is painted; over the panel, toasts then cut its versions'
    values and the drawing's guidance (at 64x24)."""

    async def scenario(pilot: Any, app: ReviewApp) -> None:
        screen = screen_of(app)
        panel = screen.query_one("#conflict-box").region
        await wait_for(pilot, lambda: bool(toasts_drawn(app)))
        (opening,) = toasts_drawn(app)
        assert "new gold file" in str(opening.render())
        # p rounds to the last conflict, n back past it to the first; then e draws and c
        # switches character mode on: each said in a toast.
        for told in ("", "p", "n", "e", "c"):
            if told:
                await press(pilot, told)
                await wait_for(pilot, lambda: shown(app, app.session.doc_id))
                await pilot.pause()
            for toast in toasts_drawn(app):
                assert not toast.region.overlaps(panel), (told, toast.region, panel)
                if app.session.view().region is not None:  # type: ignore[union-attr]
                    words = words_region(app)
                    assert not toast.region.overlaps(words), (told, toast.region, words)
        await wait_for(
            pilot, lambda: any("character mode" in str(t.render()) for t in toasts_drawn(app))
        )

    drive(session, scenario, (60, 24), notifications=True)


@pytest.mark.parametrize("note", ["", "talks with government"])
def test_at_80x24_both_versions_of_a_span_conflict_are_in_sight(tmp_path: Path, note: str) -> None:
    # A user trial: on c2 (alice's long releasee, bob's shorter one) the second version was
    # below the frame's foot ("▼ more below: ]") under the keys' table: the keys go in a
    # paragraph below 30 rows, as below 72 columns, and the label keys, said where they are
    # pressed, leave their line, a notes line or not.
    alice, bob = two_journals(tmp_path)
    if note:
        rewrite_latest(alice, FIRST, {"note": note})
    opened = open_review([alice, bob], CORPUS, tmp_path / "gold.jsonl", "rita", now=lambda: NOW)

    async def scenario(pilot: Any, app: ReviewApp) -> None:
        await press(pilot, "n")
        assert opened.current == Place(FIRST, "c2")
        await wait_for(pilot, lambda: shown(app, FIRST))
        await pilot.pause()
        assert versions_in_sight(app)
        box = screen_of(app).query_one(VersionsBox)
        assert box.border_subtitle == ""
        said = panel_text(app)
        assert " 1 a  alice" in said and " 2 b  bob" in said
        assert keys_text(app).startswith("1–2 take · a/b annotator's · t all · r reject")
        assert not screen_of(app).query_one("#legend").display
        # Taller, the keys are a table again, and the label keys have their line.
        await pilot.resize_terminal(80, 30)
        await wait_for(pilot, lambda: "\n1–2  take that version\n" in panel_text(app))
        assert screen_of(app).query_one("#legend").display
        assert versions_in_sight(app)

    try:
        drive(opened, scenario, (80, 24), notifications=True)
    finally:
        opened.close()
