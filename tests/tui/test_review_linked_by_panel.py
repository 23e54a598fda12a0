"""Pilot: a version of a form conflict not all of whose annotators linked its spans says whose
link it is (``(ann1's link)``); a version every annotator of which linked so says nothing. A
trial's panel listed "Kestria — ann1, ann2 ⛓ Kestria" where ann2 had typed the value by hand."""

from __future__ import annotations

import asyncio
from pathlib import Path

from annotate_helpers import press, wait_for
from test_review_keys import gold, panel_text, shown

from annotator.core.review_open import open_review
from annotator.tui.review_app import ReviewApp
from tests.test_agreement_data import write_corpus, write_journal
from tests.test_merge_linked_by import PATH, TEXT, the_case


def test_the_panel_says_whose_link_a_version_shows(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path, {"d1": TEXT})
    files = [write_journal(tmp_path / f"{one['annotator']}.jsonl", one) for one in the_case()]
    session = open_review(files, corpus, tmp_path / "gold.jsonl", "rita")
    kestria, arbela = TEXT.index("Kestria"), TEXT.index("Arbela")

    def at_conflict(conflict_id: str) -> bool:
        return session.current is not None and session.current.conflict_id == conflict_id

    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=(140, 40), notifications=True) as pilot:
            await wait_for(pilot, lambda: shown(app, "d1"))
            await press(pilot, "1")  # c1 "Kestria": ann1's actor
            await wait_for(pilot, lambda: at_conflict("c2"))
            await press(pilot, "1")  # c2 "Arbela": ann1 and ann2 marked nothing there
            await wait_for(pilot, lambda: "received_by" in panel_text(app))
            text = panel_text(app)
            assert f"⛓ “Kestria” {kestria}–{kestria + 7} (ann1's link)" in text
            # ann3 alone gave "Arbela" and linked it: nothing to say of whose link it is.
            assert f"⛓ “Arbela” {arbela}–{arbela + 6} (not in gold)\n" in text + "\n"
            assert "ann2's link" not in text and "ann3's link" not in text
            lines = len(gold(session))
            await press(pilot, "1")
            await wait_for(pilot, lambda: len(gold(session)) == lines + 1)
            assert PATH in gold(session)[-1]["links"]

    try:
        asyncio.run(main())
    finally:
        assert session.close()
