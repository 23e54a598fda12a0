"""Pilot: an item typed in the items editor (``e``, then enter) that gold already holds is
said "now twice" as taking one is, and the next conflict lists gold's items as gold holds
them: carol's item entered as the box starts is carol's item (taken), bob's typed over
alice's, carol's alike one still open, is typed. The panel warned before the typing; enter
said nothing of it, and the copy typed over alice's was listed "(taken)" (a trial). The case
is tests/test_review_typed_twice.py's."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from annotate_helpers import notices_heard, press, wait_for
from test_review_keys import panel_text, shown

from annotator.tui.review_app import ReviewApp
from annotator.tui.review_items_edit import ItemsEditScreen
from tests.test_review_alike_as_taken import DRAVA, conflict_of, opened, take
from tests.test_review_typed_twice import TWICE

ITEM = f"• released_by {DRAVA} · count 12"


def run_case(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, at: str, keys: list[str]
) -> tuple[list[str], list[str]]:
    """Take bob's item, press ``e`` at the conflict over ``at``'s item, ``keys`` in the box,
    then enter: what was said, and the panel's lines once the next conflict shows."""
    session = opened(tmp_path)
    take(session, "bob")
    session.go_to("d1", conflict_of(session, at))
    said: list[str] = []
    lines: list[str] = []

    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=(160, 40)) as pilot:
            await wait_for(pilot, lambda: shown(app, "d1"))
            await wait_for(pilot, lambda: f"given by {at}" in panel_text(app))
            # The panel warns before the typing of an item alike gold's (carol's is).
            assert ("may be the same one as" in panel_text(app)) == (at == "carol")
            told = notices_heard(app, monkeypatch)
            await press(pilot, "e")
            await wait_for(pilot, lambda: isinstance(app.screen, ItemsEditScreen))
            await press(pilot, *keys, "enter")
            await wait_for(pilot, lambda: not isinstance(app.screen, ItemsEditScreen))
            await wait_for(pilot, lambda: bool(told) and "gold holds: 2" in panel_text(app))
            said.extend(told)
            lines.extend(line.strip() for line in panel_text(app).splitlines())

    try:
        asyncio.run(main())
    finally:
        assert session.close()
    return said, lines


def test_carols_item_entered_is_said_twice_and_listed_taken_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said, lines = run_case(tmp_path, monkeypatch, "carol", [])
    assert said[0] == (
        "settled c3 with carol's item unchanged; "
        f"{TWICE}; released_by “drava people's authority” → “Drava People’s Authority”; "
        "released_by linked to s1 (its words) · ctrl+z undoes"
    )
    assert "gold holds: 2 item(s): 2 taken" in lines
    assert lines.count(f"{ITEM} (taken)") == 2


def test_bobs_item_typed_over_alices_is_said_twice_and_listed_typed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said, lines = run_case(tmp_path, monkeypatch, "alice", ["ctrl+u", *"drava people's authority"])
    assert said[0] == (
        f"settled c1 with alice's item edited; {TWICE}; released_by “drava people's "
        "authority” → “Drava People’s Authority”; released_by linked to s1 (its words) · "
        "ctrl+z undoes"
    )
    assert "gold holds: 2 item(s): 1 taken, 1 typed" in lines
    assert [line for line in lines if line.startswith("•")][:2] == [
        f"{ITEM} (taken)",
        f"{ITEM} (typed)",
    ]
