"""Pilot: v's box names the span whose value it settles with a bidi control in its words shown
as its escape (``⟨U+202E⟩``), as the panel beside it shows them. Written raw, the U+202E of
"Sun\u202eday" reversed the rest of the title in a terminal, the conflict's id with it."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import press, wait_for
from textual.widgets import Static

from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_span_value_edit import SpanValueScreen
from tests.test_agreement_data import SCHEME_TOML, TEXT, record, span, write_corpus, write_journal
from tests.test_review_session_data import fixed_now

DAY = "Sun\u202eday"
MARKED = TEXT.replace("Sunday", DAY)
AT = MARKED.index(DAY)


@pytest.fixture
def review(tmp_path: Path) -> Iterator[ReviewSession]:
    scheme = tmp_path / "scheme.toml"
    scheme.write_text(SCHEME_TOML, encoding="utf-8")
    corpus = write_corpus(tmp_path, {"d1": MARKED})
    journals = [
        write_journal(
            tmp_path / f"{name}.jsonl",
            record(name, spans=[span("s1", AT, AT + len(DAY), "date", value, MARKED)], text=MARKED),
        )
        for name, value in (("alice", "2025-08-24"), ("bob", "2025-08-17"))
    ]
    session = open_review(
        journals, corpus, tmp_path / "gold.jsonl", "rita", scheme_path=scheme, now=fixed_now
    )
    yield session
    session.close()


def test_the_value_box_title_shows_the_control_as_an_escape(review: ReviewSession) -> None:
    async def main() -> None:
        app = ReviewApp(review)
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_for(pilot, lambda: review.conflict is not None)
            await pilot.pause()
            await press(pilot, "v")
            editor = app.screen
            assert isinstance(editor, SpanValueScreen)
            title = str(editor.query_one(".title", Static).render())
            assert title.startswith("Type the value of date “Sun⟨U+202E⟩day” (c"), title
            assert "\u202e" not in title

    asyncio.run(main())
