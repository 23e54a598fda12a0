"""Pilot: a document reviewed before an annotator finished it is marked in the list (l) as
changed records, found by the ``changed`` filter, and ctrl+r twice merges it anew with that
annotator's work (a trial's list showed no mark, its filter found nothing, and the panel
offered only the annotators merged before)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from annotate_helpers import press, wait_for
from test_review_keys import gold, panel_text, shown
from textual.widgets import Label, OptionList

from annotator.tui.review_app import ReviewApp
from annotator.tui.review_doc_list import ReviewDocListScreen
from tests.test_agreement_data import record
from tests.test_review_annotator_done_later import (
    append,
    carol_finishes_d1,
    merged_without_carol,
    open_three,
)
from tests.test_review_session_data import write_review_case


@pytest.fixture
def setup(tmp_path: Path) -> dict[str, Path]:
    case = write_review_case(tmp_path)
    case["carol"] = tmp_path / "carol.jsonl"
    append(case["carol"], record("carol", status="in_progress", note="unsure"))
    return case


def rows(screen: ReviewDocListScreen) -> list[list[str]]:
    options = screen.query_one("#doc-options", OptionList)
    return [str(options.get_option_at_index(n).prompt).split() for n in range(options.option_count)]


def test_the_list_marks_it_and_ctrl_r_twice_takes_the_finished_work(
    setup: dict[str, Path],
) -> None:
    merged_without_carol(setup, decide=True)  # a decision in d1 while carol's is in progress
    carol_finishes_d1(setup)
    session = open_three(setup)

    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=(140, 40)) as pilot:
            await wait_for(pilot, lambda: shown(app, "d1"))
            assert "carol" not in panel_text(app)
            await press(pilot, "l")
            screen = app.screen
            assert isinstance(screen, ReviewDocListScreen)
            assert rows(screen) == [
                ["1", "4", "open", "d1", "⟳", "records", "changed:", "ctrl+r", "takes", "them"],
                ["2", "1", "open", "d2"],
            ]
            await press(pilot, *"changed")
            assert [row[3] for row in rows(screen)] == ["d1"]
            lines = len(gold(session))
            await press(pilot, "ctrl+r")
            title = str(screen.query_one("#doc-title", Label).render())
            assert title == (
                "ctrl+r again merges d1 anew from its annotators' records: the decisions on "
                "conflicts their change touched are dropped, the others kept (ctrl+z in the "
                "review puts them back) · escape: no"
            )
            assert len(gold(session)) == lines  # asked first
            await press(pilot, "ctrl+r")
            await wait_for(pilot, lambda: len(gold(session)) == lines + 1)
            assert gold(session)[-1]["sources"]["annotators"] == ["alice", "bob", "carol"]
            await wait_for(pilot, lambda: shown(app, "d1") and "carol" in panel_text(app))
            assert session.records_changed == set()
            await press(pilot, "l")
            await wait_for(pilot, lambda: isinstance(app.screen, ReviewDocListScreen))
            screen = app.screen
            assert isinstance(screen, ReviewDocListScreen)
            assert [len(row) for row in rows(screen)] == [4, 4]  # no mark left

    try:
        asyncio.run(main())
    finally:
        assert session.close()
