"""Pilot: a reviewer settles conflicts with keys; every decision is in the gold file on disk.

The journals are tests/test_review_data.py's alice and bob on the snapshot corpus: in the first
article c1 "Kyiv", c2 the prisoners of war group, c3 "eight", c4 the releases; in the second c1
the event type.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from annotate_helpers import press, wait_for
from textual.pilot import Pilot
from textual.widgets import Static

from annotator.core.corpus import open_corpus
from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from annotator.core.review_views import Place
from annotator.core.scheme import load_default_scheme
from annotator.core.validate import validate_files
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_article import ReviewArticle
from annotator.tui.review_field_edit import FieldEditScreen
from annotator.tui.review_panel import ConflictPanel
from annotator.tui.review_screen import ReviewScreen
from annotator.tui.screens import HelpScreen
from tests.test_review_data import CORPUS, FIRST, SECOND, two_journals

SIZE = (140, 40)
NOW = "2025-08-24T10:00:00Z"

Scenario = Callable[[Pilot[None], ReviewApp], Awaitable[None]]


def review_of_two(tmp_path: Path, reviewer: str = "rita") -> Iterator[ReviewSession]:
    """A review of alice's and bob's journals into a new gold file, closed afterwards."""
    alice, bob = two_journals(tmp_path)
    opened = open_review([alice, bob], CORPUS, tmp_path / "gold.jsonl", reviewer, now=lambda: NOW)
    yield opened
    opened.close()


@pytest.fixture
def session(tmp_path: Path) -> Iterator[ReviewSession]:
    yield from review_of_two(tmp_path)


def screen_of(app: ReviewApp) -> ReviewScreen:
    for screen in app.screen_stack:
        if isinstance(screen, ReviewScreen):
            return screen
    raise AssertionError("no review screen")


def shown(app: ReviewApp, doc_id: str | None) -> bool:
    """The article shows ``doc_id`` (its text read and painted)."""
    try:
        article = screen_of(app).query_one(ReviewArticle)
    except Exception:
        return False
    session = app.session
    return (
        not article.loading
        and doc_id is not None
        and session.doc_id == doc_id
        and article.text_original == session.document(doc_id).text
    )


def drive(
    session: ReviewSession,
    scenario: Scenario,
    size: tuple[int, int] = SIZE,
    notifications: bool = False,
) -> None:
    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=size, notifications=notifications) as pilot:
            await wait_for(pilot, lambda: shown(app, FIRST))
            await scenario(pilot, app)

    asyncio.run(main())


def gold(session: ReviewSession) -> list[dict[str, Any]]:
    """Every line of the gold file on disk, once the writer has caught up."""
    assert session.flush(5)
    return [orjson.loads(line) for line in session.store.journal.read_bytes().splitlines()]


def status_line(app: ReviewApp) -> str:
    return str(screen_of(app).query_one("#status", Static).render())


def panel_text(app: ReviewApp) -> str:
    return screen_of(app).query_one(ConflictPanel).plain


def panel_title(app: ReviewApp) -> str:
    return str(screen_of(app).query_one("#conflict-box").border_title)


def spans_of(line: dict[str, Any]) -> set[tuple[int, int, str]]:
    return {(s["start"], s["end"], s["label"]) for s in line["spans"]}


def test_settle_every_conflict_with_keys(session: ReviewSession) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        article = screen_of(app).query_one(ReviewArticle)
        assert "5 conflict(s) left in 2 document(s)" in status_line(app)
        assert "reviewer rita" in status_line(app)
        # The first conflict's region is selected, its versions listed with a and b.
        assert article.selection_offsets() == (780, 784)
        assert "alice" in panel_text(app) and "bob" in panel_text(app)
        assert panel_title(app) == f"Conflict c1 · 4 open in {FIRST}"
        before = len(gold(session))  # the merge, one line per document

        # c1 "Kyiv": e, then shift+right twice ("Kyiv. "), then 1 = actor: snapped to "Kyiv".
        await press(pilot, "e")
        assert "DRAWING" in status_line(app)
        await press(pilot, "shift+right", "shift+right", "1")
        lines = gold(session)
        assert len(lines) == before + 1
        line = lines[-1]
        assert line["doc_id"] == FIRST and line["annotator"] == "rita"
        kyiv = next(s for s in line["spans"] if (s["start"], s["end"]) == (780, 784))
        assert kyiv["label"] == "actor" and line["sources"]["spans"][kyiv["id"]] == ["alice"]
        assert [c["id"] for c in line["conflicts"]] == ["c2", "c3", "c4"]
        assert article.selection_offsets() == (818, 868)  # moved on to c2
        # The panel's title moves on too: not "1 of 3", which read as if nothing had moved.
        assert panel_title(app) == f"Conflict c2 · 3 open in {FIRST}"

        # n skips c2; b takes bob's "eight citizens of the Russian Federation" (c3).
        await press(pilot, "n")
        assert article.selection_offsets() == (978, 1018)
        assert panel_title(app) == f"Conflict c3 · 3 open in {FIRST}"
        await press(pilot, "b")
        line = gold(session)[-1]
        assert (978, 1018, "releasee") in spans_of(line)
        assert (978, 983, "count") not in spans_of(line)
        assert [c["id"] for c in line["conflicts"]] == ["c2", "c4"]

        # c4, the release only bob gave: t, for several versions giving something, is
        # refused (nothing saved); 1 takes it (bob's second release is appended).
        assert "releases" in panel_text(app)
        count = len(gold(session))
        await press(pilot, "t")
        assert len(gold(session)) == count and session.current == Place(FIRST, "c4")
        await press(pilot, "1")
        line = gold(session)[-1]
        assert [item["released_by"] for item in line["form"]["releases"]] == ["Ukraine", "Russia"]
        assert [c["id"] for c in line["conflicts"]] == ["c2"]

        # The second article: event_type. r is refused (required), 1 takes alice's, ctrl+z
        # undoes it, 2 takes bob's.
        await wait_for(pilot, lambda: shown(app, SECOND))
        assert "event_type" in panel_text(app)
        count = len(gold(session))
        await press(pilot, "r")
        assert len(gold(session)) == count
        await press(pilot, "1")
        assert gold(session)[-1]["form"]["event_type"] == "unilateral_release"
        await press(pilot, "ctrl+z")
        line = gold(session)[-1]
        assert "event_type" not in line["form"] and line["status"] == "in_progress"
        await press(pilot, "2")
        line = gold(session)[-1]
        assert (line["doc_id"], line["form"]["event_type"]) == (SECOND, "exchange")
        assert line["status"] == "done"

        # Back (wrapping around) to c2 of the first article: r rejects both versions.
        await wait_for(pilot, lambda: shown(app, FIRST))
        assert session.current == Place(FIRST, "c2")
        await press(pilot, "r")
        line = gold(session)[-1]
        assert line["status"] == "done" and line["conflicts"] == []
        assert not any(s["start"] == 818 and s["label"] == "releasee" for s in line["spans"])
        assert "all settled" in status_line(app)
        assert "Every conflict is settled" in panel_text(app)

    drive(session, scenario)
    problems = validate_files([session.store.journal], open_corpus(CORPUS), load_default_scheme())
    assert problems == []


def test_the_cursor_picks_a_conflict_help_and_quit(session: ReviewSession) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        screen = screen_of(app)
        article = screen.query_one(ReviewArticle)
        # The cursor put inside "eight" (c3's region) makes c3 the conflict in the panel.
        article.move_to_offset(980)
        await wait_for(pilot, lambda: session.current == Place(FIRST, "c3"))
        assert "eight citizens of the Russian" in panel_text(app)
        # e on a form field conflict opens its value to type; escape: nothing is written.
        count = len(gold(session))
        await press(pilot, "p", "p", "p")  # c2, c1, then around to the last: event_type
        await wait_for(pilot, lambda: shown(app, SECOND))
        await press(pilot, "e")
        assert isinstance(app.screen, FieldEditScreen) and not session.editing
        await press(pilot, "escape")
        assert app.screen is screen and len(gold(session)) == count
        await press(pilot, "question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        sections = dict(screen.key_sections())
        assert ("e", "Type value (form field conflict)") in sections[
            "Settle the conflict in the panel"
        ]
        assert ("e", "Draw span (span conflict)") in sections["Settle the conflict in the panel"]
        typing = sections["Typing a form field's value (after e)"]
        assert [key for key, _ in typing] == ["enter", "escape", "→ at the end"]
        items = next(rows for title, rows in sections.items() if title.startswith("A group's"))
        assert [key for key, _ in items][:4] == ["enter", "pageup / pagedown", "ctrl+n", "ctrl+r"]
        settling = sections["Settle the conflict in the panel"]
        assert any(
            key == "[ / ]" and "Scroll the conflict's versions" in what for key, what in settling
        )
        await press(pilot, "escape")
        await press(pilot, "q")
        await wait_for(pilot, lambda: not app.is_running)

    drive(session, scenario)


def test_every_key_counts_as_the_reviewers_active_time(session: ReviewSession) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        await press(pilot, "n")
        before = session.timer.pending
        await pilot.pause(0.3)  # reading, then moving about: no decision yet
        await press(pilot, "p")
        assert session.timer.pending >= before + 0.3

    drive(session, scenario)
