"""Pilot: two releases only one annotator each gave are two conflicts, settled with keys each
on its own: ``a`` adds alice's to gold, ``r`` leaves bob's out; the panel says who gave each.

The journals are tests/test_group_items_own.py's: alice gives A, B and C, bob A, C' and D; c1
is bob's "210", c2 the count of C, c3 alice's B, c4 bob's D.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import press, wait_for
from test_review_keys import NOW, gold, panel_text, shown

from annotator.core.corpus import open_corpus
from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from annotator.core.review_views import Place
from annotator.core.scheme import load_default_scheme
from annotator.core.validate import validate_files
from annotator.tui.review_app import ReviewApp
from tests.test_group_align_data import write_case
from tests.test_group_items_own import A, B, C, records


@pytest.fixture
def case(tmp_path: Path) -> Iterator[tuple[ReviewSession, Path]]:
    corpus, journals = write_case(tmp_path, records())
    opened = open_review(journals, corpus, tmp_path / "gold.jsonl", "rita", now=lambda: NOW)
    yield opened, corpus
    opened.close()


def test_two_items_of_their_own_are_settled_each_with_its_key(
    case: tuple[ReviewSession, Path],
) -> None:
    session, corpus = case

    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_for(pilot, lambda: shown(app, "d1"))
            await press(pilot, "n", "n")
            assert session.current == Place("d1", "c3")
            said = " ".join(panel_text(app).split())
            assert "an item only some gave: given by alice · not by bob" in said
            assert "each settled on its own; also open: c4" in said
            assert "released_by Ostreva · received_by Drava People's Authority · count 50" in said
            assert "r leave the item out of gold" in said
            await press(pilot, "a")  # alice's B, added to gold
            await wait_for(pilot, lambda: session.current == Place("d1", "c4"))
            said = " ".join(panel_text(app).split())
            assert "an item only some gave: given by bob · not by alice" in said
            assert "count 210" in said and "also open" not in said
            await press(pilot, "r")  # bob's D, left out
            await wait_for(pilot, lambda: session.current == Place("d1", "c1"))

    asyncio.run(main())
    line = gold(session)[-1]
    assert line["form"]["releases"] == [A, {**C, "count": None}, B]
    assert [c["id"] for c in line["conflicts"]] == ["c1", "c2"]
    assert line["status"] == "in_progress"
    problems = validate_files([session.store.journal], open_corpus(corpus), load_default_scheme())
    assert problems == []
