"""Pilot: what the review says of a span drawn by hand (``e``), in the panel while drawing and
in the toast once it is written.

A reviewer's trial: in character mode "Rene" of "Rene\u0301e" (the accent a mark of its own) was
written "René" and the panel said "→ without the spaces", as if spaces had been taken off;
and the toast cut the span it wrote ("settled c2 with releasee “95 Kestrian…”"), so what was
drawn could not be checked without opening the gold file.

The corpus (``fishermen``) is one article: alice marks the releasees "95 Kestrian fishermen"
and "Rene\u0301e Dubois", bob the longer "95 Kestrian fishermen held since March at Port Vell"
(c1) and nothing on Renée (c2).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import press, wait_for
from test_review_keys import NOW, gold, panel_text, screen_of, shown, spans_of
from textual.pilot import Pilot
from textual.widget import Widget

from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from annotator.core.review_views import Place
from annotator.core.session import open_session
from annotator.tui.article import ArticleView
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_toasts import text_width
from tests.test_review_data import fixed_now

DOC = "03-kestrian-fishermen"
TEXT = (
    "date 2024-03-02 PORT VELL — The coastguard said 95 Kestrian fishermen held since March "
    "at Port Vell had been freed on Friday, among them Rene\u0301e Dubois, the boats' cook.\n"
)
LONG = "95 Kestrian fishermen held since March at Port Vell"
RENEE = TEXT.index("Rene\u0301e")


def where(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


def fishermen(out: Path) -> tuple[Path, list[Path]]:
    """The corpus and alice's and bob's journals (the module docstring says what they mark)."""
    corpus = out / "corpus"
    corpus.mkdir()
    (corpus / f"{DOC}.txt").write_text(TEXT, encoding="utf-8")
    journals = []
    for name in ("alice", "bob"):
        session = open_session(corpus, name, None, out, clock=lambda: 0.0, now=fixed_now)
        try:
            session.open(DOC)
            session.set_field("event_type", "exchange")
            marked = ["95 Kestrian fishermen", "Rene\u0301e Dubois"] if name == "alice" else [LONG]
            for words in marked:
                session.label_selection(*where(words), "releasee")
            session.mark_done()
        finally:
            assert session.close()
        journals.append(session.journal)
    return corpus, journals


@pytest.fixture
def session(tmp_path: Path) -> Iterator[ReviewSession]:
    corpus, journals = fishermen(tmp_path)
    opened = open_review(journals, corpus, tmp_path / "gold.jsonl", "rita", now=lambda: NOW)
    yield opened
    opened.close()


def drive(session: ReviewSession, scenario: object, size: tuple[int, int]) -> None:
    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=size, notifications=True) as pilot:
            await wait_for(pilot, lambda: shown(app, DOC))
            await scenario(pilot, app)  # type: ignore[operator]

    asyncio.run(main())


def said(app: ReviewApp) -> str:
    return " ".join(panel_text(app).split())


def test_character_mode_says_the_selection_grew_to_whole_characters(
    session: ReviewSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        await press(pilot, "n")
        assert session.current == Place(DOC, "c2")
        # e, c, then the end back to "Rene", before the accent (as a mouse drag can leave it:
        # the arrows step over whole characters): written with it.
        await press(pilot, "e", "c")
        article = app.screen.query_one(ArticleView)
        article.select_offsets(RENEE, RENEE + 4)
        await pilot.pause()
        renee = f"“Rene\u0301” {RENEE}–{RENEE + 5}"
        assert f"Selected: {RENEE}–{RENEE + 4} → as whole characters: {renee}." in said(app)
        assert "without the spaces" not in said(app)
        # Afresh from inside "Renée", between e and its accent, back over the space before
        # it: both are done, and both said.
        article.select_offsets(RENEE + 4, RENEE - 1)
        await pilot.pause()
        assert (
            f"Selected: {RENEE - 1}–{RENEE + 4} → without the spaces, as whole characters: {renee}."
        ) in said(app)
        await press(pilot, "4")
        assert (RENEE, RENEE + 5, "releasee") in spans_of(gold(session)[-1])

    drive(session, scenario, (120, 36))


def toast_text(app: ReviewApp) -> str:
    shown_toasts: list[Widget] = [toast for toast in app.screen.query("Toast") if toast.region]
    assert len(shown_toasts) == 1
    return " ".join(str(shown_toasts[0].render()).split())


@pytest.mark.parametrize("size", [(120, 36), (80, 24), (64, 24)])
def test_the_toast_quotes_the_drawn_span_whole_when_it_fits_and_its_offsets(
    session: ReviewSession, size: tuple[int, int]
) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        assert session.current == Place(DOC, "c1")
        await press(pilot, "e", "4")  # the conflict's words: bob's releasee
        start, end = where(LONG)
        assert (start, end, "releasee") in spans_of(gold(session)[-1])
        await wait_for(pilot, lambda: "settled c1" in toast_text(app))
        told = toast_text(app)
        toast = next(toast for toast in app.screen.query("Toast") if toast.region)
        # The width the message was fitted to is the toast's.
        article = screen_of(app).article.region
        assert toast.content_region.width == text_width(article.width, size[0] < 72)
        if len(LONG) + 2 <= toast.content_region.width:
            assert f"settled c1 with releasee “{LONG}” {start}–{end};" in told
        else:
            assert "settled c1 with releasee “95 Kestrian fishermen held since…”" in told
            assert f"…” {start}–{end};" in told
        # alice's span, left out, is quoted to the word where it ends (cut at 20 characters,
        # "95 Kestrian…", it read as any span there), with its offsets.
        short_start, short_end = where("95 Kestrian fishermen")
        assert told.endswith(
            f"left out: releasee “95 Kestrian fishermen” {short_start}–{short_end} (alice)"
            " · ctrl+z undoes"
        )

    drive(session, scenario, size)
