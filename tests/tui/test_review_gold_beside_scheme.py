"""Pilot: a review resumed on a gold file holding what the scheme does not allow or know
(``code`` '9', not one of its choices; a count as text; a field and a label it lacks). The
screen opens and says it, ``g`` names what gold keeps, and settling the document's conflict
says the required value kept: no traceback anywhere (a Select over such a value ended the
annotation screen)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import orjson
import pytest
from annotate_helpers import press, toasts, wait_for
from test_review_gold_form_key import form_text
from test_review_keys import panel_text, shown

from annotator.tui.review_app import ReviewApp
from annotator.tui.review_gold_form import GoldFormScreen
from tests.test_review_gold_scheme import HELD, written_under_another_scheme
from tests.test_review_session_data import gold_lines, open_it, write_review_case


def test_the_review_opens_says_it_and_g_names_what_gold_keeps(tmp_path: Path) -> None:
    setup = write_review_case(tmp_path)
    first = open_it(setup)
    assert first.close()
    number = written_under_another_scheme(setup["gold"])
    session = open_it(setup)

    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=(120, 36), notifications=True) as pilot:
            await wait_for(pilot, lambda: shown(app, "d1"))
            held = f"'extra' in d2 (line {number})"
            await wait_for(pilot, lambda: any(held in said for said in toasts(app)))
            # To d2 through the list of documents.
            await press(pilot, "l", "d", "2", "enter")
            await wait_for(pilot, lambda: shown(app, "d2"))
            await press(pilot, "g")
            await wait_for(pilot, lambda: isinstance(app.screen, GoldFormScreen))
            said = form_text(app)
            assert said.startswith("in_progress · 1 conflict(s) open, marked ⚠ code 9 ")
            assert " number three ⚠ c1 open: 3 (alice) · 4 (bob) " in said
            assert said.endswith(f"kept, not in the scheme: {HELD}")
            await press(pilot, "escape")
            await press(pilot, "1")  # d2's number: 3
            await wait_for(pilot, lambda: session.store.record("d2").conflicts == [])
            await wait_for(
                pilot, lambda: any("but code holds '9' (not a choice)" in t for t in toasts(app))
            )
            assert session.store.record("d2").status == "in_progress"

    try:
        asyncio.run(main())
    finally:
        assert session.close()


@pytest.mark.parametrize(
    ("releases", "agreed"),
    [
        (
            [{"released_by": 5, "count": "many"}, "an item"],
            # Written in the file by hand: no annotator's, so not said agreed.
            "gold holds: 2 item(s): 1 typed • released_by 5 · count many (typed) "
            "• an item (not an item: kept)",
        ),
        ("rent", "gold holds: 0 item(s) (it holds rent, not a list of items: kept)"),
    ],
)
def test_a_groups_conflict_shows_gold_items_that_are_none(
    tmp_path: Path, releases: object, agreed: str
) -> None:
    """d1's releases conflict (an item only bob gave) over gold's releases holding an item
    that is none, or text: the panel listing gold's items ended the screen
    (AttributeError: 'str' object has no attribute 'get')."""
    setup = write_review_case(tmp_path)
    first = open_it(setup)
    assert first.close()
    gold = setup["gold"]
    d1 = [one for one in gold_lines(gold) if one["doc_id"] == "d1"][-1]
    d1["form"] = {**d1["form"], "releases": releases}
    with gold.open("ab") as handle:
        handle.write(orjson.dumps(d1) + b"\n")
    session = open_it(setup)

    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_for(pilot, lambda: shown(app, "d1"))
            while (view := session.view()) is not None and view.path != "releases":
                await press(pilot, "n")
            await wait_for(
                pilot, lambda: "Form field releases" in " ".join(panel_text(app).split())
            )
            assert agreed in " ".join(panel_text(app).split())

    try:
        asyncio.run(main())
    finally:
        assert session.close()
