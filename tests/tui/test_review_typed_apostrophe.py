"""Pilot: a value typed with the keyboard's apostrophe, or a version of such words taken, is
linked to gold's span written with a curly ’ (``span_words.words_alike``). A trial's ``e`` on
``releases #1 released_by`` with ``drava people's authority`` settled it "(typed)" unlinked
beside gold's span "Drava People’s Authority"; ``b`` on bob's "Drava People's Authority"
linked nothing and said nothing. The case is tests/test_review_words_folded.py's."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from annotate_helpers import notices_heard, press, wait_for
from test_review_keys import gold, shown

from annotator.tui.review_app import ReviewApp
from annotator.tui.review_field_edit import FieldEditScreen
from tests.test_review_words_folded import DRAVA, PATH, TYPED, opened


def first_notice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bob: str, *keys: str
) -> tuple[str, dict[str, object]]:
    """The first message after ``keys`` on the conflict over released_by (alice's "the
    Authority", bob's ``bob``), and gold's line written."""
    session = opened(tmp_path, "the Authority", bob)
    heard: list[str] = []

    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_for(pilot, lambda: shown(app, "d1"))
            told = notices_heard(app, monkeypatch)
            if keys[0] == "e":
                await press(pilot, "e")
                await wait_for(pilot, lambda: isinstance(app.screen, FieldEditScreen))
            await press(pilot, *keys[1:] if keys[0] == "e" else keys)
            await wait_for(pilot, lambda: bool(told))
            heard.extend(told)

    try:
        asyncio.run(main())
        return heard[0], gold(session)[-1]
    finally:
        assert session.close()


def test_typed_with_the_keyboards_apostrophe_is_linked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    told, line = first_notice(
        tmp_path, monkeypatch, "Drava", "e", *"drava people's authority", "enter"
    )
    assert told.splitlines()[0] == (
        f"settled c1: releases #1 released_by = {DRAVA} (typed), linked to s1"
    )
    assert line["form"]["releases"][0]["released_by"] == DRAVA  # type: ignore[index]
    assert line["links"][PATH] == ["s1"]  # type: ignore[index]


def test_bobs_version_of_the_keyboards_apostrophe_is_linked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    told, line = first_notice(tmp_path, monkeypatch, TYPED, "b")
    assert told.splitlines()[0] == "settled c1: took bob's version; linked to s1"
    assert line["form"]["releases"][0]["released_by"] == DRAVA  # type: ignore[index]
    assert line["links"][PATH] == ["s1"]  # type: ignore[index]
