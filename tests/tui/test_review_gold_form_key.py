"""Pilot: ``g`` shows gold's form of the document in the article, read-only, over the article.

A reviewer's trial: looking at a document (from ``l``, or while settling) showed gold's spans
only, and there was no way to see gold's event type and releases before finishing. The
journals are tests/test_review_data.py's alice and bob: in the first article c1 "Kyiv" ... c4
the releases (an item only bob gave); in the second c1 the event type.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import press, said_in_box, toasts, wait_for
from test_review_keys import drive, gold, panel_text, review_of_two, screen_of, shown
from test_review_looking_screen import footer_keys
from textual.pilot import Pilot
from textual.widgets import Static

from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from annotator.core.session import open_session
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_article import ReviewArticle
from annotator.tui.review_bindings import GOLD_FORM
from annotator.tui.review_gold_form import GoldFormScreen
from annotator.tui.screens import HelpScreen
from tests.test_review_data import CORPUS, FIRST, SECOND, fixed_now


@pytest.fixture
def session(tmp_path: Path) -> Iterator[ReviewSession]:
    yield from review_of_two(tmp_path)


def form_text(app: ReviewApp) -> str:
    """The box's text as one line (rows and their wrapping joined), runs of spaces one."""
    static = app.screen.query_one("#gold-form-text", Static)
    lines = static.render_lines(static.region.reset_offset)
    return " ".join(" ".join(line.text.split()) for line in lines if line.text.strip())


def test_g_shows_gold_form_over_the_article_and_changes_nothing(session: ReviewSession) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        written = len(gold(session))
        assert "g Gold form" in footer_keys(app)
        await press(pilot, "g")
        await wait_for(pilot, lambda: isinstance(app.screen, GoldFormScreen))
        said = form_text(app)
        assert said.startswith(
            "in_progress · 4 conflict(s) open, marked ⚠ event_type exchange releases 1 item "
        )
        assert "⚠ c4 open: the item bob gave (Russia → Ukraine, 146)" in said
        assert "releases #1 released_by Ukraine ⛓ s2 received_by Russia ⛓ s1 " in said
        assert "count 146 ⛓ s5 date (empty) releasees (empty) " in said
        assert "c1 “Kyiv” 780–784 ← in the panel" in said
        box = app.screen.query_one("#gold-form-box")
        assert box.border_title == f"Gold's form: {FIRST}"
        assert app.screen.has_class("-over-article")
        # Over the article, inside its frame: the panel's versions stay in sight.
        article = screen_of(app).query_one(ReviewArticle).region
        assert box.region == box.region.intersection(article.shrink((1, 1, 1, 1)))
        assert box.region.y == article.y + 1 and box.region.x == article.x + 1
        await press(pilot, "1")  # read-only: no version is taken from here, and it says so
        await wait_for(pilot, lambda: "1: close" in said_in_box(app.screen))
        assert said_in_box(app.screen).endswith(
            "1: close gold's form (escape) first; it is read-only"
        )
        assert isinstance(app.screen, GoldFormScreen)
        await press(pilot, "escape")
        assert not isinstance(app.screen, GoldFormScreen)
        assert len(gold(session)) == written
        await pilot.pause()
        assert not toasts(app)  # no longer true once the box is closed
        # Taking c1 shows in gold's form: c1 is no longer open, c2 is the one in the panel.
        await press(pilot, "1", "g")
        await wait_for(pilot, lambda: isinstance(app.screen, GoldFormScreen))
        said = form_text(app)
        c2 = "c2 “146 prisoners of war of the Ukrainian armed forces” 818–868 ← in the panel"
        assert "c1 “Kyiv”" not in said and c2 in said
        await press(pilot, "g")  # g again closes it
        assert not isinstance(app.screen, GoldFormScreen)

    drive(session, scenario, (100, 30), notifications=True)


def test_g_while_drawing_and_on_a_document_looked_at(session: ReviewSession) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        await press(pilot, "e")
        # Not in the footer while drawing (the label keys need its room), but it works.
        assert "g Gold form" not in footer_keys(app)
        await press(pilot, "g")
        await wait_for(pilot, lambda: isinstance(app.screen, GoldFormScreen))
        await press(pilot, "escape")
        assert app.session.editing  # still drawing
        await press(pilot, "escape")
        # The second article: its event type is the open conflict, marked at its row.
        await press(pilot, "p")
        await wait_for(pilot, lambda: shown(app, SECOND))
        await press(pilot, "g")
        await wait_for(pilot, lambda: isinstance(app.screen, GoldFormScreen))
        said = form_text(app)
        c1 = "⚠ c1 open: unilateral_release (alice) · exchange (bob) ← in the panel"
        assert f" event_type (empty) {c1} " in said
        await press(pilot, "escape", "2")  # bob's: the second article is settled
        await wait_for(pilot, lambda: shown(app, FIRST))
        await press(pilot, "l", "down", "enter")  # look at the settled one
        await wait_for(pilot, lambda: shown(app, SECOND))
        await press(pilot, "g")
        await wait_for(pilot, lambda: isinstance(app.screen, GoldFormScreen))
        said = form_text(app)
        assert said.startswith("done · no conflict open event_type exchange ")
        assert app.screen.query_one("#gold-form-box").border_title == f"Gold's form: {SECOND}"
        assert not toasts(app)

    drive(session, scenario, (100, 30), notifications=True)


def test_the_reviews_deciding_keys_say_the_form_is_read_only(session: ReviewSession) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        written = len(gold(session))
        await press(pilot, "g")
        await wait_for(pilot, lambda: isinstance(app.screen, GoldFormScreen))
        for key in ("t", "r", "e", "ctrl+z", "b"):
            await press(pilot, key)
            said = f"{key}: close gold's form (escape) first; it is read-only"
            await wait_for(pilot, lambda said=said: said_in_box(app.screen).endswith(said))
            assert said_in_box(app.screen).count("close gold's form") == 1  # one at a time
        assert isinstance(app.screen, GoldFormScreen) and len(gold(session)) == written
        await press(pilot, "escape", "1")  # closed: 1 takes version 1
        assert len(gold(session)) == written + 1

    drive(session, scenario, (100, 30), notifications=True)


def test_the_reviews_other_keys_say_to_close_the_form_first(session: ReviewSession) -> None:
    """A trial's n, p, l and ? did nothing, silently, with gold's form open."""

    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        first = panel_text(app)
        await press(pilot, "g")
        await wait_for(pilot, lambda: isinstance(app.screen, GoldFormScreen))
        for key, written in (("n", "n"), ("p", "p"), ("l", "l"), ("question_mark", "?")):
            await press(pilot, key)
            said = f"{written}: close gold's form (escape) first"
            await wait_for(pilot, lambda said=said: said_in_box(app.screen).endswith(said))
            assert "read-only" not in said_in_box(app.screen)
            assert isinstance(app.screen, GoldFormScreen)
        await press(pilot, "escape", "n")  # closed: n goes to the next conflict
        await wait_for(pilot, lambda: panel_text(app) != first)

    drive(session, scenario, (100, 30), notifications=True)


def test_the_help_lists_g(session: ReviewSession) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        sections = dict(screen_of(app).key_sections())
        assert ("g", GOLD_FORM) in sections["Settle the conflict in the panel"]
        await press(pilot, "question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))

    drive(session, scenario, (100, 30))


def test_below_72_columns_g_is_out_of_the_footer_and_the_box_in_the_middle(
    session: ReviewSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        await pilot.pause()
        # The footer had no room for it: "? Help" would go.
        assert "g Gold form" not in footer_keys(app)
        await press(pilot, "g")
        await wait_for(pilot, lambda: isinstance(app.screen, GoldFormScreen))
        # The article above the panel is a few rows high: the box is in the middle instead.
        assert not app.screen.has_class("-over-article")
        box = app.screen.query_one("#gold-form-box").region
        article = screen_of(app).query_one(ReviewArticle).region
        assert box.height > article.height
        assert form_text(app).startswith("in_progress · 4 conflict(s) open, marked ⚠")

    drive(session, scenario, (64, 24))


def one_span_each(tmp_path: Path, spans: dict[str, tuple[int, int]]) -> ReviewSession:
    """A review of journals in which each annotator marked one releasee in the first article."""
    journals = []
    for name, (start, end) in spans.items():
        marking = open_session(CORPUS, name, None, tmp_path, clock=lambda: 0.0, now=fixed_now)
        try:
            marking.open(FIRST)
            marking.label_selection(start, end, "releasee")
            marking.set_field("event_type", "exchange")
            marking.mark_done()
        finally:
            assert marking.close()
        journals.append(marking.journal)
    gold_path = tmp_path / "gold.jsonl"
    return open_review(journals, CORPUS, gold_path, "rita", now=lambda: "2025-08-24T10:00:00Z")


def test_a_span_conflict_is_said_by_the_words_the_panel_quotes(tmp_path: Path) -> None:
    """A trial: 'c3 “500 prisoners” 546–570' where the panel said “as many as 500 prisoners”
    546–570: one version's words with the region's offsets. Here neither version covers the
    region (818–868): ann1's “146 prisoners of war” 818–838, ann2's from 826 to its end."""
    session = one_span_each(tmp_path, {"ann1": (818, 838), "ann2": (826, 868)})

    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        words = "146 prisoners of war of the Ukrainian armed forces"
        assert f"“{words}”" in panel_text(app)
        await press(pilot, "g")
        await wait_for(pilot, lambda: isinstance(app.screen, GoldFormScreen))
        assert form_text(app).endswith(f"⚠ span conflicts: c1 “{words}” 818–868 ← in the panel")

    try:
        drive(session, scenario, (100, 30))
    finally:
        session.close()
