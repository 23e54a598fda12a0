"""Pilot: gold holding one release twice already (bob's and carol's items, taken), dave's
alike item says before ``1`` that taking it puts it there 3 times, and after it, "now 3
times". A trial's panel said "taking both puts it in gold twice" there."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from annotate_helpers import notices_heard, press, wait_for
from test_review_keys import panel_text, shown

from annotator.core.review_open import open_review
from annotator.tui.review_app import ReviewApp
from tests.test_agreement_data import write_corpus, write_journal
from tests.test_review_alike_as_taken import DRAVA, TEXT, conflict_of, journal, take


def test_a_third_alike_item_is_said_to_make_three(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = write_corpus(tmp_path, {"d1": TEXT})
    given = {
        "alice": "Kestria",
        "bob": DRAVA,
        "carol": "drava people's authority",
        "dave": "DRAVA PEOPLE'S AUTHORITY",
    }
    journals = [
        write_journal(tmp_path / f"{name}.jsonl", journal(name, released_by))
        for name, released_by in given.items()
    ]
    session = open_review(journals, corpus, tmp_path / "gold.jsonl", "rev")
    take(session, "bob")
    take(session, "carol")  # gold holds the release twice
    session.go_to("d1", conflict_of(session, "dave"))

    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_for(pilot, lambda: shown(app, "d1"))
            await wait_for(pilot, lambda: "given by dave" in panel_text(app))
            said = " ".join(panel_text(app).split())
            assert (
                f"may be the same one as gold's releases #1 ({DRAVA}, 12): gold holds it twice "
                "already: taking it puts it there 3 times"
            ) in said
            told = notices_heard(app, monkeypatch)
            await press(pilot, "1")
            await wait_for(pilot, lambda: bool(told))
            assert "is so alike it may be the same one, now 3 times" in told[0]
            assert len(session.store.record("d1").form["releases"]) == 3

    try:
        asyncio.run(main())
    finally:
        assert session.close()
