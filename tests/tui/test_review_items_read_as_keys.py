"""Pilot: the item editor (``e`` on ``releases``) says under the items what enter writes where
it is not what an input shows, and the message after enter names the change. A reviewer's
trial opened ann1's item (count 95) after typing 97 with ``v`` for the span "95": enter wrote
97, read as that span's words, the box having said nothing of it.

The case is tests/test_review_items_read_as.py's: c1 ("146", alice 146, bob 147) settled by
typing 145 with ``v``; c2, alice's release of Russia (count 146, linked to her "146").
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from annotate_helpers import notices_heard, press, wait_for
from test_review_keys import gold, shown
from textual.widgets import Input, Static

from annotator.core.review_views import Place
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_items_edit import ItemsEditScreen, TypedFieldLinks
from tests.test_review_items_read_as import UKRAINE_12, open_case, typed_145, write_items_case


def reading(screen: ItemsEditScreen) -> str:
    """The line under the items ("" while hidden)."""
    line = screen.query_one("#items-edit-reading", Static)
    return str(line.render()) if line.display else ""


def count_links(screen: ItemsEditScreen, item: int) -> str:
    links = screen.blocks()[item].query(TypedFieldLinks)
    count = next(widget for widget in links if widget.name == "count")
    return str(count.render()) if count.display and count.links else ""


def test_enter_over_a_count_read_as_a_spans_words_is_said_before_and_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = open_case(write_items_case(tmp_path))
    typed_145(session)

    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_for(pilot, lambda: shown(app, "d1"))
            told = notices_heard(app, monkeypatch)
            assert session.current == Place("d1", "c2")
            await press(pilot, "e")
            await wait_for(pilot, lambda: isinstance(app.screen, ItemsEditScreen))
            screen = app.screen
            assert isinstance(screen, ItemsEditScreen)
            await pilot.pause()
            values = [widget.value for widget in screen.query(Input)]
            assert values == ["Russia", "146"]
            assert count_links(screen, 0) == "⛓ s1"
            assert reading(screen) == "enter writes count as 145 (s1's value), not 146"
            # A second item, typed; item 1's count left as it is.
            await press(pilot, "ctrl+n", *"Ukraine", "tab", *"3")
            await wait_for(
                pilot, lambda: len(screen.blocks()) == 2 and count_links(screen, 1) == ""
            )
            assert [widget.value for widget in screen.query(Input)] == [
                "Russia",
                "146",
                "Ukraine",
                "3",
            ]
            await wait_for(
                pilot,
                lambda: reading(screen) == "enter writes item 1 count as 145 (s1's value), not 146",
            )
            await press(pilot, "enter")
            await wait_for(pilot, lambda: not isinstance(app.screen, ItemsEditScreen))
            line = gold(session)[-1]
            assert line["form"]["releases"] == [
                UKRAINE_12,
                {"released_by": "Russia", "count": 145},
                {"released_by": "Ukraine", "count": 3},
            ]
            assert line["links"] == {"releases[1].count": ["s1"]}
            await wait_for(pilot, lambda: bool(told))
            # The settling's line, then the document's and the review's ("d1 is settled").
            assert told[0].splitlines()[0] == (
                "settled c2 with alice's item edited, 1 item typed; item 1 count 146 → 145, "
                "s1's value, linked to s1"
            )

    try:
        asyncio.run(main())
    finally:
        assert session.close()
