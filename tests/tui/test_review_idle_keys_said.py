"""Pilot: where a settling key has nothing to act on it says why and what to do instead, in
one line, and gold is not changed; the footer keeps showing only the keys that act.

A trial's 1, t, r, e and v said nothing once every conflict was settled (while n and p
answered "every conflict is settled: no open conflict to go to"); on a document without open
conflicts opened with l, a too; [ and ] said nothing on a conflict whose versions all fitted.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import press, toasts, wait_for
from test_review_keys import NOW, drive, review_of_two, screen_of, shown
from test_review_looking_screen import footer_keys, settled_gold
from test_review_versions_box import releasees_reached, three_readings
from textual.pilot import Pilot

from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_article import ReviewArticle
from annotator.tui.review_versions_box import VersionsBox
from tests.test_review_data import CORPUS, FIRST, SECOND

BRACKETS = {"left_square_bracket": "[", "right_square_bracket": "]"}
KEY_SAYS = {
    **{str(n): f"{n} takes a version of an open conflict" for n in range(1, 10)},
    "a": "a takes the first annotator's version of an open conflict",
    "b": "b takes the second annotator's version of an open conflict",
    "t": "t takes every version of an open conflict",
    "r": "r rejects every version of an open conflict",
    "e": "e settles an open conflict by hand",
    "v": "v types a span's value in an open conflict",
    "left_square_bracket": "[ scrolls an open conflict's versions",
    "right_square_bracket": "] scrolls an open conflict's versions",
}
SETTLED = "every conflict is settled (q to quit, l to look at a document)"
ACTING = ("Take version", "Draw span", "Type value", "Edit items")


async def each_key_says(pilot: Pilot[None], app: ReviewApp, why: str) -> None:
    """Each settling key, pressed in turn, says what it is for and ``why`` it does nothing."""
    for key, says in KEY_SAYS.items():
        await press(pilot, key)
        expected = f"{says}: {why}"
        await wait_for(pilot, lambda expected=expected: expected in toasts(app))
        assert toasts(app) == [expected]  # one toast, in place of the key's before


def test_every_conflict_settled_each_key_says_so(tmp_path: Path) -> None:
    journals, gold_file = settled_gold(tmp_path)
    written = gold_file.read_bytes()
    session = open_review(journals, CORPUS, gold_file, "rita", now=lambda: NOW)
    assert session.finished

    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=(120, 36), notifications=True) as pilot:
            article = screen_of(app).query_one(ReviewArticle)
            first_text = session.document(FIRST).text
            await wait_for(pilot, lambda: article.text_original == first_text)
            assert screen_of(app).query_one(VersionsBox).versions.max_scroll_y == 0
            footer = footer_keys(app)
            assert not [words for words in ACTING if words in footer], footer
            await each_key_says(pilot, app, SETTLED)
            # A settled document looked at (l): every conflict is still settled.
            await press(pilot, "l", "down", "enter")
            await wait_for(pilot, lambda: shown(app, SECOND))
            assert session.looking == SECOND
            footer = footer_keys(app)
            assert not [words for words in ACTING if words in footer], footer
            await each_key_says(pilot, app, SETTLED)
            assert session.finished
        assert gold_file.read_bytes() == written  # nothing written

    try:
        asyncio.run(main())
    finally:
        assert session.close()


def test_a_document_without_open_conflicts_looked_at_each_key_says_so(
    session: ReviewSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        await press(pilot, "p")  # round to the second article's event_type
        await wait_for(pilot, lambda: shown(app, SECOND))
        await press(pilot, "2")  # bob's: the second article is done
        await wait_for(pilot, lambda: shown(app, FIRST))
        assert session.flush(5)
        written = session.store.journal.read_bytes()
        await press(pilot, "l", "down", "enter")
        await wait_for(pilot, lambda: shown(app, SECOND))
        assert session.looking == SECOND and session.conflict is None
        footer = footer_keys(app)
        assert not [words for words in ACTING if words in footer], footer
        why = f"{SECOND} has none (n goes on to the next, l lists the documents)"
        await each_key_says(pilot, app, why)
        assert session.flush(5)
        assert session.store.journal.read_bytes() == written
        assert session.looking == SECOND and not session.finished
        await press(pilot, "n")  # what the message says goes on
        await wait_for(pilot, lambda: shown(app, FIRST))
        assert session.conflict is not None

    drive(session, scenario, (80, 24), notifications=True)


def test_brackets_on_versions_that_all_fit_say_every_version_is_shown(
    session: ReviewSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        assert screen_of(app).query_one(VersionsBox).versions.max_scroll_y == 0
        assert session.flush(5)
        written = session.store.journal.read_bytes()
        said = "every version is shown: nothing to scroll"
        for key in BRACKETS:
            await press(pilot, key)
            await wait_for(pilot, lambda: said in toasts(app))
            assert toasts(app) == [said]
        assert session.flush(5)
        assert session.store.journal.read_bytes() == written

    drive(session, scenario, notifications=True)


def test_brackets_at_the_versions_ends_say_so_and_scroll_between(tmp_path: Path) -> None:
    session = three_readings(tmp_path)

    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            await wait_for(pilot, lambda: not screen_of(app).query_one(ReviewArticle).loading)
            box = await releasees_reached(pilot, app, "p")
            versions = box.versions
            assert versions.max_scroll_y > 0 and versions.scroll_y == 0
            await press(pilot, "left_square_bracket")
            top = "[ scrolls up: the versions' top is in sight (] scrolls down)"
            await wait_for(pilot, lambda: top in toasts(app))
            assert versions.scroll_y == 0
            while versions.scroll_y < versions.max_scroll_y:
                before = versions.scroll_y
                await press(pilot, "right_square_bracket")
                await wait_for(pilot, lambda before=before: versions.scroll_y > before)
                assert toasts(app) == [top]  # a key that scrolls says nothing more
            await press(pilot, "right_square_bracket")
            end = "] scrolls down: the versions' end is in sight ([ scrolls back up)"
            await wait_for(pilot, lambda: end in toasts(app))
            assert toasts(app) == [end]
            await press(pilot, "left_square_bracket")
            await wait_for(pilot, lambda: versions.scroll_y < versions.max_scroll_y)
            assert session.flush(5)
            assert session.store.journal.read_bytes() == written

    assert session.flush(5)
    written = session.store.journal.read_bytes() if session.store.journal.exists() else b""
    try:
        asyncio.run(main())
    finally:
        assert session.close()


@pytest.fixture
def session(tmp_path: Path) -> Iterator[ReviewSession]:
    yield from review_of_two(tmp_path)
