"""Pilot: the review's toasts come one at a time, the start-up messages in one paragraph.

At start-up three messages (the opening, a lock taken over, another reviewer's lines taken
over) made one toast of 9 lines at 80x24, each on lines of its own and the last two naming the
gold file's whole path again; a saving error's toast stacked above the one shown.

The journals are tests/test_review_data.py's alice and bob.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import wait_for
from test_review_keys import drive, review_of_two, shown
from test_review_toasts import toasts
from textual.pilot import Pilot

from annotator.core.review import ReviewSession
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_toasts import opening
from annotator.tui.saving_app import SaveStatus


@pytest.fixture
def session(tmp_path: Path) -> Iterator[ReviewSession]:
    yield from review_of_two(tmp_path)


async def settle(pilot: Pilot[None], app: ReviewApp) -> None:
    await wait_for(pilot, lambda: shown(app, app.session.doc_id))
    await pilot.pause()
    await pilot.pause()


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
        assert toast.region.height <= 6
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
