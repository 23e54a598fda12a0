"""Pilot: the article draws an invisible character as a dim symbol in its place, in the review
and on the annotation screen (``invisible_said.symbols_in_place``): the review's article wrote
a raw U+202E, which reversed the rest of its line on screen, and a zero-width space at a span's
edge showed nothing. Offsets stay code points: a version's mark still covers its characters.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from annotate_helpers import wait_for
from rich.style import Style
from rich.text import Text
from test_article import make_span, run_with_article
from test_review_keys import NOW, panel_text, screen_of
from textual.pilot import Pilot

from annotator.core.review_open import open_review
from annotator.tui.article import ArticleView
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_article import ReviewArticle
from tests.test_agreement_data import SCHEME_TOML, record, span, write_corpus, write_journal

TEXT = "Norvania and Kestria\u200b met. The envoy \u202eHedda Aro\u202c spoke.\nSecond line."
KESTRIA = TEXT.index("Kestria")
HEDDA = TEXT.index("\u202e")
RAW = "\u200b\u202e\u202c"


def _styled(line: Text) -> list[tuple[str, Style]]:
    """Each styled stretch of ``line``: its text and its style."""
    return [
        (
            line.plain[one.start : one.end],
            Style.parse(one.style) if isinstance(one.style, str) else one.style,
        )
        for one in line.spans
    ]


def test_the_reviews_article_draws_them_as_dim_symbols_in_place(tmp_path: Path) -> None:
    alice = [span("s1", KESTRIA, KESTRIA + 7, "actor", text=TEXT)]
    alice.append(span("s2", HEDDA + 1, HEDDA + 10, "actor", text=TEXT))
    bob = [span("s1", KESTRIA, KESTRIA + 8, "actor", text=TEXT)]
    bob.append(span("s2", HEDDA, HEDDA + 11, "actor", text=TEXT))
    files = [
        write_journal(tmp_path / "alice.jsonl", record("alice", spans=alice, text=TEXT)),
        write_journal(tmp_path / "bob.jsonl", record("bob", spans=bob, text=TEXT)),
    ]
    corpus = write_corpus(tmp_path, {"d1": TEXT})
    scheme = tmp_path / "scheme.toml"
    scheme.write_text(SCHEME_TOML, encoding="utf-8")
    session = open_review(
        files, corpus, tmp_path / "gold.jsonl", "rita", scheme_path=scheme, now=lambda: NOW
    )
    lines: list[Text] = []
    offsets: list[tuple[int, int]] = []

    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_for(pilot, lambda: "Span conflict" in panel_text(app))
            await pilot.press("n")
            await wait_for(pilot, lambda: "Hedda" in panel_text(app))
            await Pilot(app).pause()
            article = screen_of(app).query_one(ReviewArticle)
            lines.append(article.get_line(0))
            offsets.append(article.location_at(HEDDA))
            offsets.append(article.location_at(HEDDA + 11))

    try:
        asyncio.run(main())
    finally:
        assert session.close()
    (line,) = lines
    assert not any(char in line.plain for char in RAW)
    assert line.plain == "Norvania and Kestria◌ met. The envoy ⇄Hedda Aro⇄ spoke."
    styled = _styled(line)
    assert [text for text, style in styled if style.dim] == ["◌", "⇄", "⇄"]
    # bob's version takes the controls, alice's only the name between them.
    versions = [(text, style) for text, style in styled if style.color and not style.reverse]
    assert "".join(text for text, _ in versions) == "⇄Hedda Aro⇄"
    assert [text for text, _ in versions] == ["⇄", "Hedda Aro", "⇄"]
    assert offsets == [(0, HEDDA), (0, HEDDA + 11)]


def test_the_annotation_screens_article_draws_them_so_too() -> None:
    async def check(pilot: Pilot[None], view: ArticleView) -> None:
        view.set_spans([make_span("s1", KESTRIA, KESTRIA + 8, "actor")])
        line = view.get_line(0)
        assert line.plain == "Norvania and Kestria◌ met. The envoy ⇄Hedda Aro⇄ spoke."
        assert view.text_original == TEXT and len(view.text) == len(TEXT)
        styled = _styled(line)
        assert [text for text, style in styled if style.dim] == ["◌", "⇄", "⇄"]
        # The span takes the zero-width space at its end, drawn in its tint.
        assert [text for text, style in styled if style.bgcolor is not None] == ["Kestria◌"]
        view.select_offsets(HEDDA, HEDDA + 11)
        assert view.selected_text == "\u202eHedda Aro\u202c"

    run_with_article(check, TEXT)
