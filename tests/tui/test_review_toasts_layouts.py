"""Pilot: the review's toasts in both layouts, one at a time, and the words in view after a resize.

A reviewer's trial at 64x24 (the panel under the article): toasts over the panel's lower right
cut the versions' values ("= 85▌ the versions give…") and the drawing's guidance; they now go
over the article's foot or top, as beside the panel. After 80x24 → 64x24 the article showed
other text than the conflict's words. At start-up three messages made one toast of 9 lines.

The journals are tests/test_review_data.py's alice and bob: c1 "Kyiv" (780–784), c2 the
releasees, c3 "eight", c4 the releases.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import press, wait_for
from test_review_keys import drive, review_of_two, screen_of, shown
from test_review_toasts import toasts, words_region
from textual.geometry import Region
from textual.pilot import Pilot

from annotator.core.review import ReviewSession
from annotator.core.review_views import Place
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_toasts import opening, rack_margin, rack_width
from annotator.tui.saving_app import SaveStatus
from tests.test_review_data import FIRST


@pytest.fixture
def session(tmp_path: Path) -> Iterator[ReviewSession]:
    yield from review_of_two(tmp_path)


def clear_of_the_conflict(app: ReviewApp, when: str) -> None:
    """Every toast drawn is off the conflict's words and off the panel's versions."""
    panel = screen_of(app).query_one("#conflict-box").region
    view = app.session.view()
    for toast in toasts(app):
        assert not toast.region.overlaps(panel), (when, toast.region, panel)
        if view is not None and view.region is not None:
            words = words_region(app)
            assert not toast.region.overlaps(words), (when, toast.region, words)


async def settle(pilot: Pilot[None], app: ReviewApp) -> None:
    await wait_for(pilot, lambda: shown(app, app.session.doc_id))
    await pilot.pause()
    await pilot.pause()


@pytest.mark.parametrize("size", [(64, 24), (80, 24)])
def test_toasts_leave_the_conflict_s_words_and_the_versions_in_sight(
    session: ReviewSession, size: tuple[int, int]
) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        await settle(pilot, app)
        assert len(toasts(app)) == 1  # the opening message
        clear_of_the_conflict(app, "opening")
        # c on c1 (character mode on), b settling c2 (its toast comes with c3 "eight"), then
        # drawing on c3 with c again: each toast off the words and the panel.
        for keys in (("c",), ("n", "b"), ("e", "c")):
            await press(pilot, *keys)
            await settle(pilot, app)
            assert len(toasts(app)) == 1, keys
            clear_of_the_conflict(app, " ".join(keys))
        assert app.session.current == Place(FIRST, "c3") and app.session.editing

    drive(session, scenario, size, notifications=True)


@pytest.mark.parametrize("conflict", ["c1", "c2", "c3"])
def test_after_a_resize_the_conflict_s_words_are_in_view(
    session: ReviewSession, conflict: str
) -> None:
    async def in_view(pilot: Pilot[None], app: ReviewApp, size: tuple[int, int]) -> None:
        await pilot.resize_terminal(*size)
        await settle(pilot, app)
        article = screen_of(app).article.content_region
        words = words_region(app)
        assert article.contains_region(words), (size, words, article)

    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        while app.session.current != Place(FIRST, conflict):
            await press(pilot, "n")
        await settle(pilot, app)
        # Narrow and wide again, then taller and back: the words come back in view each time.
        for size in ((64, 24), (80, 24), (120, 40), (64, 24)):
            await in_view(pilot, app, size)

    drive(session, scenario, (80, 24), notifications=True)


def test_one_toast_at_a_time_a_saving_error_too(session: ReviewSession) -> None:
    gold_file = session.store.journal
    session.messages += [
        f"{gold_file}: took over the lock of process 1848 on vm, which is no longer running",
        f"{gold_file}: gold lines by 'you' (8) are taken over by reviewer 'rita'",
    ]

    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        await settle(pilot, app)
        # The start-up messages: one toast, one paragraph, naming the gold file once.
        (told,) = [str(toast.render()) for toast in toasts(app)]
        said = " ".join(told.split())
        assert said.startswith(f"{gold_file.name}: new gold file")
        assert " · took over the lock of process 1848" in said
        assert " · gold lines by 'you' (8)" in said
        assert str(gold_file.parent) not in said
        (toast,) = toasts(app)
        # Its 227 characters on lines of 39 (within the article's borders at 80x24): 7 rows.
        assert toast.region.height <= 7
        # A saving error replaces it (it came on top of it, the two stacked).
        app.post_message(SaveStatus("error", "disk full"))
        await wait_for(pilot, lambda: any("disk full" in str(t.render()) for t in toasts(app)))
        await pilot.pause()
        assert len(toasts(app)) == 1

    drive(session, scenario, (80, 24), notifications=True)


def test_the_start_up_messages_make_one_paragraph() -> None:
    gold_file = Path("/data/review/gold.jsonl")
    said = opening(
        [
            "gold.jsonl: resuming the review: 8 document(s)",
            "/data/review/gold.jsonl: took over the lock of process 1848",
            "note: alice's journal\nhas 2 documents",
        ],
        gold_file,
    )
    assert said == (
        "gold.jsonl: resuming the review: 8 document(s) · took over the lock of process 1848"
        " · note: alice's journal has 2 documents"
    )


@pytest.mark.parametrize(
    ("article", "top", "margin"),
    [
        # Inside the frame: a row above its foot (or below its top), a column in.
        (Region(0, 1, 64, 8), False, (0, 0, 16, 1)),  # 64x24: the article's foot, mid-screen
        (Region(0, 1, 64, 8), True, (2, 0, 0, 1)),
        (Region(0, 2, 44, 21), False, (0, 0, 2, 1)),  # 80x24, a notes line: above the footer
        (Region(0, 2, 44, 21), True, (3, 0, 0, 1)),  # the notes line stays in sight
    ],
)
def test_toasts_sit_inside_the_article_s_frame(
    article: Region, top: bool, margin: tuple[int, int, int, int]
) -> None:
    assert tuple(rack_margin(24, article, top)) == margin
    assert rack_width(article) == article.width - 2  # within its side borders
