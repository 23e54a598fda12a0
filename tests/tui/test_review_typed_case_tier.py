"""Pilot: a value typed in review, or a version taken, is linked to the gold span whose words
it is at the first tier any span's are (as they are, case aside, as the search folds them:
``span_words.best_alike``). A trial's ``e`` with ``JÓZEF NOWAK`` beside gold's s2 "Józef
Nowak" and s3 "Jozef Nowak" settled unlinked (both alike as folded); ``1`` on alice's
``józef nowak, maël brossard`` linked s5 only. The case is tests/test_review_words_tiers.py's."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from annotate_helpers import notices_heard, press, wait_for
from test_review_keys import gold, shown

from annotator.tui.review_app import ReviewApp
from annotator.tui.review_field_edit import FieldEditScreen
from tests.test_review_words_tiers import PATH, opened


def first_notice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *keys: str
) -> tuple[str, dict[str, object]]:
    """The first message after ``keys`` on the conflict over releasees, and gold's line."""
    session = opened(tmp_path)
    heard: list[str] = []

    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_for(pilot, lambda: shown(app, "d1"))
            told = notices_heard(app, monkeypatch)
            if keys[0] == "e":
                await press(pilot, "e")
                await wait_for(pilot, lambda: isinstance(app.screen, FieldEditScreen))
                await press(pilot, "ctrl+u")
            await press(pilot, *keys[1:] if keys[0] == "e" else keys)
            await wait_for(pilot, lambda: bool(told))
            heard.extend(told)

    try:
        asyncio.run(main())
        return heard[0], gold(session)[-1]
    finally:
        assert session.close()


def test_typed_in_capitals_is_linked_to_the_span_of_its_case(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    told, line = first_notice(tmp_path, monkeypatch, "e", *"JÓZEF NOWAK", "enter")
    assert told.splitlines()[0] == (
        "settled c1: releases #1 releasees = Józef Nowak (carol's value), linked to s2"
    )
    assert line["form"]["releases"][0]["releasees"] == ["Józef Nowak"]  # type: ignore[index]
    assert line["links"][PATH] == ["s2"]  # type: ignore[index]


def test_alices_list_taken_links_each_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    told, line = first_notice(tmp_path, monkeypatch, "1")
    assert told.splitlines()[0] == "settled c1: took alice's version; linked to s2 s5"
    releasees = line["form"]["releases"][0]["releasees"]  # type: ignore[index]
    assert releasees == ["Józef Nowak", "Maël Brossard"]
    assert line["links"][PATH] == ["s2", "s5"]  # type: ignore[index]
