"""Pilot: the gold file emptied or replaced from another shell while the review runs, then a
key. It ended in a traceback (``review_span_ids._highest_of`` read an empty line where the
document's gold line had been); now the decision is saved, the file written again whole with
it (what was put there kept aside), and that is said once (``gold_guard``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import notices_heard, press, wait_for
from test_review_keys import drive, review_of_two
from textual.pilot import Pilot

from annotator.core.review import ReviewSession
from annotator.core.review_views import Place
from annotator.tui.review_app import ReviewApp
from tests.test_review_data import FIRST


@pytest.fixture
def session(tmp_path: Path) -> Iterator[ReviewSession]:
    yield from review_of_two(tmp_path)


def set_right(told: list[str]) -> list[str]:
    return [one for one in told if "while open" in one]


def test_a_version_taken_after_the_gold_file_was_emptied(
    session: ReviewSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    gold = session.store.journal
    merged = gold.read_bytes()

    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        told = notices_heard(app, monkeypatch)
        gold.write_bytes(b"")  # `: > gold.jsonl` in another shell
        await press(pilot, "a")  # alice's "Kyiv": its span numbered above the gold's
        await wait_for(pilot, lambda: bool(set_right(told)))
        assert session.current == Place(FIRST, "c2")
        assert set_right(told) == [
            f"{gold} was cut short while open ({len(merged):,} bytes, now 0): wrote it again "
            "with the 3 lines this review holds of it (every line it had, earlier sessions' "
            "decisions too)"
        ]
        await press(pilot, "n", "p")
        assert session.current == Place(FIRST, "c2")
        assert app.is_running and session.store.state == "saved"
        data = gold.read_bytes()
        assert data.startswith(merged) and data.count(b"\n") == 3

    drive(session, scenario)


def test_a_version_taken_after_another_file_was_copied_over_it(
    session: ReviewSession, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    gold = session.store.journal
    merged = gold.read_bytes()
    theirs = merged.replace(b'"rita"', b'"rosa"') * 2  # another review's file, longer

    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        told = notices_heard(app, monkeypatch)
        with gold.open("r+b") as handle:  # as `cp other.jsonl gold.jsonl` writes it
            handle.truncate(0)
            handle.write(theirs)
        await press(pilot, "n", "p", "a")
        await wait_for(pilot, lambda: bool(set_right(told)))
        [kept] = tmp_path.glob("gold.jsonl.replaced-*")
        assert kept.read_bytes() == theirs
        assert len(set_right(told)) == 1
        assert (
            f"was replaced while open (the file found there is kept as {kept})"
            in (set_right(told)[0])
        )
        data = gold.read_bytes()
        assert data.startswith(merged) and data.count(b"\n") == 3
        assert list(tmp_path.glob("gold.jsonl.torn-*")) == []

    drive(session, scenario)
