"""Pilot: a link to a span gold holds with another value is marked and said so, not "not in
gold"; a value entered as the editor shows it filled in (a version's) is said as theirs, not
"(typed)"; a conflict over the label alone is titled so. The data: tests/
test_review_unkept_other_value.py's (c1: the count "95", 95 by alice, 96 by bob; c2: the
release's count, linked to it) and tests/test_review_unkept_links.py's.

A reviewer's trial: ``v``, backspace, enter on the count left gold's "95" with no value, and the
count's versions then read ``⛓ “95” 66–68 (not in gold)``; ``v``, enter said "= 95 (typed)",
``e``, ``ann``, enter "event_type = announcement (typed)"; releasee against actor on the same
words read "Span conflict".
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from annotate_helpers import press, toasts, wait_for
from test_review_keys import gold, panel_text, shown

from annotator.core.review import ReviewSession
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_field_edit import FieldEditScreen
from tests.test_review_unkept_links import LONG, at, journal, open_case
from tests.test_review_unkept_other_value import WHERE, opened

Scenario = Callable[[Any, ReviewApp], Awaitable[None]]


def run(session: ReviewSession, scenario: Scenario) -> None:
    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await wait_for(pilot, lambda: shown(app, "d1"))
            await scenario(pilot, app)

    try:
        asyncio.run(main())
    finally:
        assert session.close()


def toast_says(app: ReviewApp, words: str) -> bool:
    return any(words in " ".join(toast.split()) for toast in toasts(app))


def count_span(line: dict[str, Any]) -> dict[str, Any]:
    return next(span for span in line["spans"] if span["label"] == "count")


def test_no_value_typed_then_alices_count_says_gold_has_another_value(tmp_path: Path) -> None:
    session = opened(tmp_path)

    async def scenario(pilot: Any, app: ReviewApp) -> None:
        await press(pilot, "v", "backspace", "enter")
        await wait_for(pilot, lambda: count_span(gold(session)[-1])["value"] is None)
        await wait_for(pilot, lambda: "releases #1 count" in panel_text(app))
        said = " ".join(panel_text(app).split())
        assert f"95 ⛓ “95” {WHERE} (gold's has no value)" in said
        assert f"96 ⛓ “95” {WHERE} (gold's has no value)" in said
        assert "not in gold" not in said
        lines = len(gold(session))
        app.clear_notifications()
        await press(pilot, "1")
        await wait_for(pilot, lambda: len(gold(session)) == lines + 1)
        line = gold(session)[-1]
        assert line["form"]["releases"][0]["count"] == 95
        assert "releases[0].count" not in line["links"]
        await wait_for(
            pilot,
            lambda: toast_says(
                app,
                f"settled c2: took alice's version; its link to “95” {WHERE} not kept: "
                f"gold's count “95” {WHERE} has another value (none)",
            ),
        )

    run(session, scenario)


def test_values_entered_as_shown_are_said_as_alices(tmp_path: Path) -> None:
    session = opened(tmp_path)

    async def scenario(pilot: Any, app: ReviewApp) -> None:
        await press(pilot, "v", "enter")  # 95 shown filled in: alice's
        await wait_for(pilot, lambda: count_span(gold(session)[-1])["value"] == 95)
        span_id = count_span(gold(session)[-1])["id"]
        await wait_for(
            pilot, lambda: toast_says(app, f"settled c1: {span_id} count “95” = 95 (alice's value)")
        )
        await wait_for(pilot, lambda: "releases #1 count" in panel_text(app))
        said = " ".join(panel_text(app).split())
        assert f"95 ⛓ “95” {WHERE}" in said  # alice's link: kept, unmarked
        assert f"95 ⛓ “95” {WHERE} (" not in said
        assert f"96 ⛓ “95” {WHERE} (gold's has 95)" in said
        app.clear_notifications()
        lines = len(gold(session))
        await press(pilot, "e")
        await wait_for(pilot, lambda: isinstance(app.screen, FieldEditScreen))
        await press(pilot, "enter")  # the count shown: alice's 95
        await wait_for(pilot, lambda: len(gold(session)) == lines + 1)
        line = gold(session)[-1]
        assert line["form"]["releases"][0]["count"] == 95
        assert line["links"]["releases[0].count"] == [span_id]
        await wait_for(
            pilot,
            lambda: toast_says(
                app, f"settled c2: releases #1 count = 95 (alice's value), linked to {span_id}"
            ),
        )
        assert not toast_says(app, "(typed)")

    run(session, scenario)


def test_releasee_against_actor_on_the_same_words_is_a_label_conflict(tmp_path: Path) -> None:
    session = open_case(
        tmp_path,
        journal("alice", at(LONG, "releasee", "a1")),
        journal("bob", at(LONG, "actor", "b1")),
    )

    async def scenario(pilot: Any, app: ReviewApp) -> None:
        assert panel_text(app).startswith("Label conflict · characters ")
        await press(pilot, "1")
        await wait_for(pilot, lambda: not panel_text(app).startswith("Label conflict"))
        line = gold(session)[-1]
        assert (LONG, "releasee") in {(s["text"], s["label"]) for s in line["spans"]}

    run(session, scenario)
