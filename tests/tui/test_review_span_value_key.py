"""Pilot: v types the value that settles a conflict over a span's value (alice's and bob's
dates for "Sunday" differ; the reviewer writes the one neither gave)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from annotate_helpers import press, wait_for
from textual.widgets import Input, Static

from annotator.core.review import ReviewSession
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_span_value_edit import SpanValueScreen
from tests.test_review_span_value import SUNDAY, gold_d1
from tests.test_review_span_value import review as review


def test_v_types_the_value_and_a_wrong_one_is_said(review: ReviewSession) -> None:
    async def main() -> None:
        app = ReviewApp(review)
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_for(pilot, lambda: review.conflict is not None)
            await pilot.pause()
            await press(pilot, "v")
            editor = app.screen
            assert isinstance(editor, SpanValueScreen)
            field = editor.query_one(Input)
            assert field.value == "2025-08-24"  # the first version's, to edit
            await press(pilot, "ctrl+a", "ctrl+k", *"someday")
            # The line under the input reads it as enter will: refused, as a date in words
            # read (bob's) and as a date neither gave.
            hint = editor.query_one("#field-edit-hint", Static)
            assert str(hint.render()).startswith("enter refuses it: date: 'someday' is not a date")
            await press(pilot, "ctrl+a", "ctrl+k", *"17 August 2025")
            assert str(hint.render()).startswith("enter takes bob's 2025-08-17; type to replace: ")
            await press(pilot, "ctrl+a", "ctrl+k", *"23 August 2025")
            assert str(hint.render()).startswith("enter settles with 2025-08-23; YYYY-MM-DD, ")
            await press(pilot, "ctrl+a", "ctrl+k", *"someday", "enter")
            assert app.screen is editor  # refused, said under the input
            problem = str(editor.query_one("#field-edit-problem", Static).render())
            assert problem.startswith("date: ")
            await press(pilot, "ctrl+a", "ctrl+k", *"2025-08-23", "enter")
            await wait_for(pilot, lambda: not isinstance(app.screen, SpanValueScreen))
            line: dict[str, Any] = gold_d1(review)
            dates = [s for s in line["spans"] if s["label"] == "date"]
            assert [(s["start"], s["value"]) for s in dates] == [(SUNDAY, "2025-08-23")]
            assert line["conflicts"] == []

    asyncio.run(main())


def test_v_is_not_offered_where_versions_differ_in_words(tmp_path: Path) -> None:
    from annotator.core.review_open import open_review
    from tests.test_review_data import CORPUS, two_journals

    alice, bob = two_journals(tmp_path)
    session = open_review([alice, bob], CORPUS, tmp_path / "gold.jsonl", "rita")
    try:
        view = session.view()
        assert view is not None and view.kind == "span" and not view.value_typed
        assert session.span_value_to_type() is None
    finally:
        session.close()


def test_v_where_it_does_not_apply_says_why(tmp_path: Path) -> None:
    from annotate_helpers import toasts
    from test_review_field_edit import footer_says
    from test_review_keys import drive, panel_text

    from annotator.core.review_open import open_review
    from tests.test_review_data import CORPUS, two_journals

    alice, bob = two_journals(tmp_path)
    session = open_review([alice, bob], CORPUS, tmp_path / "gold.jsonl", "rita")

    async def scenario(pilot: Any, app: ReviewApp) -> None:
        footer = footer_says(app)
        assert footer.get("edit") == "Draw span" and "type_span_value" not in footer
        assert panel_text(app).startswith("Span conflict · ")
        await press(pilot, "v")  # c1: alice marked "Kyiv", bob nothing
        assert not isinstance(app.screen, SpanValueScreen)
        assert any(told.startswith("v types a span's value where") for told in toasts(app))

    try:
        drive(session, scenario, notifications=True)
    finally:
        session.close()


def test_v_on_a_form_fields_conflict_says_which_key_types_there(tmp_path: Path) -> None:
    # A trial's v on `releases #1 count` did nothing and said nothing.
    from annotate_helpers import toasts
    from test_review_keys import drive

    from annotator.core.review_open import open_review
    from tests.test_review_data import CORPUS, two_journals

    alice, bob = two_journals(tmp_path)
    session = open_review([alice, bob], CORPUS, tmp_path / "gold.jsonl", "rita")

    async def scenario(pilot: Any, app: ReviewApp) -> None:
        await press(pilot, "n", "n", "n")  # c4: the releases, a form field's conflict
        await wait_for(
            pilot, lambda: session.conflict is not None and session.conflict["id"] == "c4"
        )
        await press(pilot, "v")
        assert not isinstance(app.screen, SpanValueScreen)
        assert any(
            told.startswith("v types a span's value") and "form field's conflict: e edits" in told
            for told in toasts(app)
        )

    try:
        drive(session, scenario, notifications=True)
    finally:
        session.close()


def test_a_value_conflict_is_titled_so_and_its_footer_offers_v(review: ReviewSession) -> None:
    """A trial's conflict over a value only was titled "Span conflict" and its footer read
    "1–2 Take version e Draw span", v in the panel's list alone."""
    from test_review_field_edit import footer_says
    from test_review_keys import panel_text

    async def main() -> None:
        app = ReviewApp(review)
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, lambda: review.conflict is not None)
            await pilot.pause()
            said = panel_text(app)
            assert said.startswith(f"Value conflict · characters {SUNDAY}–{SUNDAY + 6}")
            footer = footer_says(app)
            typed = (footer.get("type_span_value"), footer.get("edit"))
            assert typed == ("Type value", "Draw span")
            # The palette lists a title once: each says its conflict, or one was lost.
            titles = {c.title: c.help for c in app.get_system_commands(app.screen)}
            by_hand = ("Draw span", "Type value", "Edit items")
            assert {title: titles[title] for title in titles if title.startswith(by_hand)} == {
                "Type value (value conflict: same words, different values)": "key: v",
                "Draw span (span conflict)": "key: e",
                "Type value (form field conflict)": "key: e",
                "Edit items (conflict over a group's items)": "key: e",
            }

    asyncio.run(main())


def test_the_date_hint_says_words_are_read_and_fits_at_80_columns(review: ReviewSession) -> None:
    """v reads a date's words ("last Sunday"), and its hint says so: it said only
    ``YYYY-MM-DD, YYYY-MM or YYYY``. Under the input it wraps whole; in the emptied input the
    longest wording that fits is shown, never one cut at the input's edge."""
    from rich.cells import cell_len

    async def main() -> None:
        app = ReviewApp(review)
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, lambda: review.conflict is not None)
            await pilot.pause()
            await press(pilot, "v")
            editor = app.screen
            assert isinstance(editor, SpanValueScreen)
            hint = editor.query_one("#field-edit-hint", Static)

            def said() -> str:
                region = hint.region.reset_offset
                lines = [strip.text.rstrip() for strip in hint.render_lines(region)]
                return " ".join(line.strip() for line in lines if line.strip())

            words = "YYYY-MM-DD, YYYY-MM, YYYY or words (last Sunday, two days later)"
            # It says that enter takes the value shown (review_enter_hint).
            assert said() == (
                f"enter takes alice's 2025-08-24; type to replace: {words}; empty: no value"
            )
            assert hint.region.right <= editor.query_one("#field-edit-box").region.right
            field = editor.query_one(Input)
            await press(pilot, "ctrl+a", "ctrl+k")
            await pilot.pause()
            assert field.value == ""
            assert said() == f"enter: no value; or type {words}"
            width = field.content_size.width
            assert str(field.placeholder) == "YYYY-MM-DD or words" and width < 34, width
            assert cell_len(str(field.placeholder)) <= width

    asyncio.run(main())
