"""Pilot: what a user trial of the review found missing: the annotators' notes, a version's
empty value, and toasts an undo made untrue.

The journals are tests/test_review_data.py's alice and bob; here alice and bob also leave
notes on the first article, and alice's "146" (the count both mark, agreed) has no value in
bob's record, so the count is a conflict of values.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from annotate_helpers import press, wait_for
from test_review_keys import NOW, drive, gold, panel_text, screen_of, shown
from textual.widgets import Static

from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from annotator.core.review_views import Place
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_notes import NotesLine, NotesScreen
from annotator.tui.review_versions_box import MORE_BELOW, VersionsBox
from tests.test_review_data import CORPUS, FIRST, SECOND, two_journals

ALICE_NOTE = "figures disputed: the ministry says 146, the Red Cross 150; check the second count"


def rewrite_latest(journal: Path, doc_id: str, change: dict[str, Any]) -> None:
    """Append the document's latest record again with ``change`` (the last line wins)."""
    lines = [orjson.loads(line) for line in journal.read_bytes().splitlines()]
    latest = [line for line in lines if line["doc_id"] == doc_id][-1]
    with journal.open("ab") as handle:
        handle.write(orjson.dumps({**latest, **change}) + b"\n")


def without_value(journal: Path, doc_id: str, start: int, end: int) -> dict[str, Any]:
    """The document's spans with the value of the span at ``start``..``end`` removed."""
    lines = [orjson.loads(line) for line in journal.read_bytes().splitlines()]
    latest = [line for line in lines if line["doc_id"] == doc_id][-1]
    spans = [
        {**span, "value": None} if (span["start"], span["end"]) == (start, end) else span
        for span in latest["spans"]
    ]
    return {"spans": spans}


@pytest.fixture
def session(tmp_path: Path) -> Iterator[ReviewSession]:
    alice, bob = two_journals(tmp_path)
    rewrite_latest(alice, FIRST, {"note": ALICE_NOTE})
    rewrite_latest(bob, FIRST, {"note": "date unclear", **without_value(bob, FIRST, 818, 821)})
    opened = open_review([alice, bob], CORPUS, tmp_path / "gold.jsonl", "rita", now=lambda: NOW)
    yield opened
    opened.close()


def notes_line(app: ReviewApp) -> NotesLine:
    return screen_of(app).query_one(NotesLine)


def test_the_notes_show_in_one_line_and_whole_on_N(session: ReviewSession) -> None:
    async def scenario(pilot: Any, app: ReviewApp) -> None:
        line = notes_line(app)
        assert line.display and line.region.height == 1
        said = str(line.render())
        # Cut to 80 columns, with the key that shows it whole; whose notes they are comes
        # first, as the cut hides bob's.
        assert said.startswith("notes (alice, bob): alice: figures disputed: the ministry")
        assert "bob: date unclear" not in said
        assert "…" in said and said.endswith("N: whole note")
        assert len(said) <= 80
        await press(pilot, "N")
        await wait_for(pilot, lambda: isinstance(app.screen, NotesScreen))
        whole = str(app.screen.query_one("#notes-text", Static).render())
        assert f"alice: {ALICE_NOTE}" in whole and "bob: date unclear" in whole
        await press(pilot, "escape")
        assert app.screen is screen_of(app)
        # The second article has no note: the line is gone, and N says there is none.
        await press(pilot, "p")
        await wait_for(pilot, lambda: shown(app, SECOND))
        assert not notes_line(app).display
        await press(pilot, "N")
        assert app.screen is screen_of(app)
        assert any(
            f"no annotator wrote a note on {SECOND}" in str(toast.render())
            for toast in app.screen.query("Toast")
        )

    drive(session, scenario, (80, 24), notifications=True)


def test_the_notes_entry_is_in_the_help(session: ReviewSession) -> None:
    async def scenario(pilot: Any, app: ReviewApp) -> None:
        rows = dict(screen_of(app).key_sections())["Settle the conflict in the panel"]
        assert ("N", "Show the annotators' notes on this document") in rows

    drive(session, scenario, (120, 40), notifications=True)


def test_an_empty_value_is_said_beside_a_version_with_one(session: ReviewSession) -> None:
    async def scenario(pilot: Any, app: ReviewApp) -> None:
        # c1 Kyiv, then c2: the count "146" whose value bob left empty (a conflict of its
        # own, though inside c3's releasees: merge_spans).
        await press(pilot, "n")
        assert session.current == Place(FIRST, "c2")
        said = panel_text(app)
        assert "count “146” = 146 818–821" in said
        assert "count “146” = no value 818–821" in said
        # A label without values says none.
        await press(pilot, "n")
        assert session.current == Place(FIRST, "c3")
        assert "releasee “146 prisoners of war” 818–838" in panel_text(app)

    drive(session, scenario, (140, 40), notifications=True)


def test_an_undo_says_what_it_undid_in_place_of_the_toasts_before(session: ReviewSession) -> None:
    async def scenario(pilot: Any, app: ReviewApp) -> None:
        await press(pilot, "p")  # round to the second article's one conflict
        await wait_for(pilot, lambda: shown(app, SECOND))
        await press(pilot, "2")
        await wait_for(pilot, lambda: bool(app.screen.query("Toast")))
        toasts = [str(toast.render()) for toast in app.screen.query("Toast")]
        assert any(f"{SECOND} is settled: done" in said for said in toasts)
        assert gold(session)[-1]["status"] == "done"
        await press(pilot, "ctrl+z")
        # Only what the undo did is said (a trial's undo said nothing at all).
        undid = [f"undid: {SECOND} c1 is open again (took bob's version)"]
        await wait_for(
            pilot,
            lambda: [" ".join(str(t.render()).split()) for t in app.screen.query("Toast")] == undid,
        )
        assert gold(session)[-1]["status"] == "in_progress"
        assert session.current == Place(SECOND, "c1")

    drive(session, scenario, (80, 24), notifications=True)


def test_the_frame_says_more_below_only_while_something_is(session: ReviewSession) -> None:
    """At 120x40 the second article (no notes: the notes line goes) showed "more below: ]"
    on its frame, though its two versions and the keys were all in sight."""

    async def scenario(pilot: Any, app: ReviewApp) -> None:
        box = screen_of(app).query_one(VersionsBox)
        assert notes_line(app).display and box.border_subtitle == ""
        await press(pilot, "p")  # round to the second article's one conflict
        await wait_for(pilot, lambda: shown(app, SECOND))
        await wait_for(pilot, lambda: not notes_line(app).display)
        await pilot.pause()
        assert box.versions.max_scroll_y == 0 and box.border_subtitle == ""
        # ] changes nothing there, and back in the first article the frame is still true.
        await press(pilot, "right_square_bracket")
        assert box.versions.scroll_y == 0 and box.border_subtitle == ""
        await press(pilot, "n")
        await wait_for(pilot, lambda: shown(app, FIRST) and notes_line(app).display)
        await pilot.pause()
        assert box.border_subtitle == (MORE_BELOW if box.versions.max_scroll_y > 0 else "")

    drive(session, scenario, (120, 40), notifications=True)


def test_a_note_s_own_lines_are_parted_by_a_visible_mark(tmp_path: Path) -> None:
    # A user trial: "talks with government\nmaybe exchange" read as one sentence on the line.
    alice, bob = two_journals(tmp_path)
    rewrite_latest(alice, FIRST, {"note": "talks with government\nmaybe exchange"})
    rewrite_latest(bob, FIRST, {"note": "date unclear"})
    opened = open_review([alice, bob], CORPUS, tmp_path / "gold.jsonl", "rita", now=lambda: NOW)

    async def scenario(pilot: Any, app: ReviewApp) -> None:
        await wait_for(pilot, lambda: notes_line(app).display)
        assert str(notes_line(app).render()) == (
            "notes (alice, bob): alice: talks with government ⏎ maybe exchange · bob: date unclear"
        )
        # N shows the note as written, its lines as lines.
        await press(pilot, "N")
        await wait_for(pilot, lambda: isinstance(app.screen, NotesScreen))
        whole = str(app.screen.query_one("#notes-text", Static).render())
        assert "alice: talks with government\n  maybe exchange" in whole

    try:
        drive(opened, scenario, (120, 36), notifications=True)
    finally:
        opened.close()


def toasts(app: ReviewApp) -> str:
    return " ".join(str(toast.render()) for toast in app.screen.query("Toast"))


def test_once_all_is_settled_N_shows_the_notes_of_the_article_on_screen(
    session: ReviewSession,
) -> None:
    # A trial's reviewer settled the last conflict of a document with bob's note, pressed N
    # on "All settled" and read "no annotator wrote a note".
    session.go_to(SECOND, "c1")
    session.take(0)
    session.go_to(FIRST, "c1")

    async def scenario(pilot: Any, app: ReviewApp) -> None:
        while not session.finished:
            await press(pilot, "1")
        assert screen_of(app).article.text == session.document(FIRST).text
        assert "notes (alice, bob)" in str(notes_line(app).render())
        await press(pilot, "N")
        await wait_for(pilot, lambda: isinstance(app.screen, NotesScreen))
        assert f"alice: {ALICE_NOTE}" in str(app.screen.query_one("#notes-text", Static).render())

    drive(session, scenario, notifications=True)


def test_a_finished_gold_file_resumed_shows_its_first_document(tmp_path: Path) -> None:
    # A trial resumed a gold file with every conflict settled: the article pane was empty.
    alice, bob = two_journals(tmp_path)
    rewrite_latest(alice, FIRST, {"note": ALICE_NOTE})
    gold_file = tmp_path / "gold.jsonl"
    first = open_review([alice, bob], CORPUS, gold_file, "rita", now=lambda: NOW)
    while not first.finished:
        first.take(0)
    assert first.close()
    resumed = open_review([alice, bob], CORPUS, gold_file, "rita", now=lambda: NOW)

    async def main() -> None:
        app = ReviewApp(resumed)
        async with app.run_test(size=(120, 36), notifications=True) as pilot:
            assert resumed.doc_id is None  # nothing current: all settled
            await wait_for(pilot, lambda: screen_of(app).article.text != "")
            assert screen_of(app).article.text == resumed.document(FIRST).text
            assert "Every conflict is settled" in panel_text(app)
            await press(pilot, "N")
            await wait_for(pilot, lambda: isinstance(app.screen, NotesScreen))

    try:
        asyncio.run(main())
    finally:
        resumed.close()
