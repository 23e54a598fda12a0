"""Pilot: the curator's trial, reviewed. alice and carol read the transfer's count as 187, bob
as 210 (``tests/test_group_align_data.py``); merge makes it one release whose count is in
dispute, and the reviewer settles the count as a field: the gold journal holds ONE release with
the count chosen and its link (pressing 2 appended bob's release as a second one before).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from annotate_helpers import press, wait_for
from test_review_keys import NOW, Scenario, panel_text, screen_of
from textual.widgets import Input

from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from annotator.core.review_views import Place
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_article import ReviewArticle
from annotator.tui.review_field_edit import FieldEditScreen
from tests.test_group_align_data import (
    COUNT_187,
    COUNT_210,
    DRAVA,
    record,
    release,
    trial,
    write_case,
)

SIZE = (120, 36)


def open_it(folder: Path, records: dict[str, dict[str, Any]], k: int | None) -> ReviewSession:
    corpus, journals = write_case(folder, records)
    return open_review(
        journals, corpus, folder / "gold.jsonl", "rita", min_agree=k, now=lambda: NOW
    )


def drive(session: ReviewSession, scenario: Scenario) -> None:
    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: not screen_of(app).query_one(ReviewArticle).loading)
            await scenario(pilot, app)

    asyncio.run(main())


def lines(session: ReviewSession) -> list[dict[str, Any]]:
    assert session.flush(5)
    return [orjson.loads(line) for line in session.store.journal.read_bytes().splitlines()]


def span_at(line: dict[str, Any], words: dict[str, Any]) -> str:
    return next(s["id"] for s in line["spans"] if s["start"] == words["start"])


@pytest.fixture
def every_annotator(tmp_path: Path) -> Iterator[ReviewSession]:
    session = open_it(tmp_path, trial(), None)
    yield session
    session.close()


def test_all_annotators_one_release_its_count_taken_undone_and_taken_again(
    every_annotator: ReviewSession, tmp_path: Path
) -> None:
    session = every_annotator

    async def scenario(pilot: Any, app: ReviewApp) -> None:
        # c1 "187" (alice, carol), c2 "210" (bob): keep 187, leave 210 out.
        assert session.current == Place("d1", "c1")
        await press(pilot, "1")
        await wait_for(pilot, lambda: session.current == Place("d1", "c2"))
        await press(pilot, "1")
        await wait_for(pilot, lambda: session.current == Place("d1", "c3"))
        said = panel_text(app)
        assert "Form field  releases #1 count" in said
        assert (
            f"in gold's releases #1: released_by {DRAVA} · received_by Ostreva · "
            "date 2024-06-07" in said
        )
        assert "alice, carol" in said and "187" in said and "bob" in said and "210" in said
        # Each version says the span its count was filled from: a trial's "(empty)" linked to
        # "hundreds" read as a blank.
        assert "187 ⛓ “187” 32–35" in said and "210 ⛓ “210” 116–119" in said
        assert "t  take every version" not in said  # one count: one version at a time
        await press(pilot, "2")  # bob's 210: the 210 span is not gold, so no link
        await wait_for(pilot, lambda: session.current is None)
        last = lines(session)[-1]
        assert last["form"]["releases"] == [release(210)]
        assert "releases[0].count" not in last["links"]
        assert (last["status"], last["conflicts"]) == ("done", [])
        # Undone: the count's conflict is open again, the count empty, one release still.
        await press(pilot, "ctrl+z")
        await wait_for(pilot, lambda: session.current == Place("d1", "c3"))
        last = lines(session)[-1]
        assert last["form"]["releases"] == [release(None)]
        assert [c["id"] for c in last["conflicts"]] == ["c3"]
        await press(pilot, "1")  # alice and carol's 187, linked to the gold "187"
        await wait_for(pilot, lambda: session.current is None)
        last = lines(session)[-1]
        assert last["form"]["releases"] == [release(187)]
        assert last["links"]["releases[0].count"] == [span_at(last, COUNT_187)]
        assert last["status"] == "done"

    drive(session, scenario)
    session.close()
    # Resumed, ctrl+z undoes the earlier session's last decision: the count's.
    again = open_review(
        [tmp_path / "annotations" / f"{n}.jsonl" for n in ("alice", "bob", "carol")],
        tmp_path / "corpus.jsonl",
        tmp_path / "gold.jsonl",
        "rita",
        now=lambda: NOW,
    )
    try:

        async def resumed(pilot: Any, app: ReviewApp) -> None:
            await press(pilot, "ctrl+z")
            await wait_for(pilot, lambda: again.current == Place("d1", "c3"))
            last = lines(again)[-1]
            assert last["form"]["releases"] == [release(None)]
            await press(pilot, "ctrl+y")
            await wait_for(pilot, lambda: again.current is None)
            last = lines(again)[-1]
            assert last["form"]["releases"] == [release(187)]
            assert last["links"]["releases[0].count"] == [span_at(last, COUNT_187)]

        drive(again, resumed)
    finally:
        again.close()


@pytest.fixture
def two_of_three(tmp_path: Path) -> Iterator[ReviewSession]:
    # K=2: carol marked "187" but gave no release; so the release is alice's and bob's, whose
    # counts differ. Their event types differ too (carol's another): c1 event_type, c2 count.
    records = trial()
    records["alice"]["form"]["event_type"] = "exchange"
    records["bob"]["form"]["event_type"] = "unilateral_release"
    records["carol"] = record("carol", [], COUNT_187, {})
    records["carol"]["form"]["event_type"] = "announcement"
    session = open_it(tmp_path, records, 2)
    yield session
    session.close()


def test_two_of_three_a_choice_typed_by_its_beginning_and_the_count_taken(
    two_of_three: ReviewSession,
) -> None:
    session = two_of_three

    async def scenario(pilot: Any, app: ReviewApp) -> None:
        assert session.current == Place("d1", "c1")
        await press(pilot, "e")
        await wait_for(pilot, lambda: isinstance(app.screen, FieldEditScreen))
        typing = app.screen.query_one(Input)
        await press(pilot, "ctrl+u", *"uni")
        assert typing.value == "uni"  # the input suggests unilateral_release
        await press(pilot, "enter")
        await wait_for(pilot, lambda: session.current == Place("d1", "c2"))
        assert lines(session)[-1]["form"]["event_type"] == "unilateral_release"
        assert "Form field  releases #1 count" in panel_text(app)
        await press(pilot, "1")  # alice's 187
        await wait_for(pilot, lambda: session.current is None)
        last = lines(session)[-1]
        assert last["form"]["releases"] == [release(187)]
        assert last["links"]["releases[0].count"] == [span_at(last, COUNT_187)]
        assert last["status"] == "done"
        # Undone, then rejected: the count stays empty, the release one.
        await press(pilot, "ctrl+z")
        await wait_for(pilot, lambda: session.current == Place("d1", "c2"))
        await press(pilot, "r")
        await wait_for(pilot, lambda: session.current is None)
        last = lines(session)[-1]
        assert last["form"]["releases"] == [release(None)]
        assert "releases[0].count" not in last["links"]
        # Undone, then typed: 205, no version's, so no link.
        await press(pilot, "ctrl+z")
        await wait_for(pilot, lambda: session.current == Place("d1", "c2"))
        await press(pilot, "e")
        await wait_for(pilot, lambda: isinstance(app.screen, FieldEditScreen))
        await press(pilot, "ctrl+u", *"205", "enter")
        await wait_for(pilot, lambda: session.current is None)
        last = lines(session)[-1]
        assert last["form"]["releases"] == [release(205)]
        assert "releases[0].count" not in last["links"]

    drive(session, scenario)


def test_the_groups_conflict_names_the_fields_of_golds_item_in_dispute(tmp_path: Path) -> None:
    # Every annotator required: alice's release (187) and bob's (210) are one, its count in
    # dispute; alice's Monday release is the group's conflict. Its panel listed gold's release
    # as agreed without its count, saying nothing of the count's own conflict.
    monday = release(50, "2024-06-03")
    records = {
        "alice": record("alice", [release(187), monday], COUNT_187),
        "bob": record("bob", [release(210)], COUNT_210),
    }
    session = open_it(tmp_path, records, None)
    try:

        async def scenario(pilot: Any, app: ReviewApp) -> None:
            assert session.current == Place("d1", "c1")  # "187"
            await press(pilot, "n", "n")
            await wait_for(pilot, lambda: session.current == Place("d1", "c3"))
            assert "Form field  releases #1 count" in panel_text(app)
            await press(pilot, "n")
            await wait_for(pilot, lambda: session.current == Place("d1", "c4"))
            said = panel_text(app)
            assert (
                "agreed, already gold: 1 item(s)\n"
                f"  • released_by {DRAVA} · received_by Ostreva · date 2024-06-07 · "
                "count in dispute (c3)"
            ) in said
            # The count settled (bob's 210), gold's release is whole again.
            await press(pilot, "p")
            await wait_for(pilot, lambda: session.current == Place("d1", "c3"))
            await press(pilot, "2")
            await wait_for(pilot, lambda: session.current == Place("d1", "c4"))
            assert (
                f"  • released_by {DRAVA} · received_by Ostreva · count 210 · date 2024-06-07\n"
            ) in panel_text(app)

        drive(session, scenario)
    finally:
        session.close()
