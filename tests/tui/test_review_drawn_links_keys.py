"""Pilot: a span drawn with ``e`` is linked to the agreed value it holds, said in the toast and
written to gold; a merge anew (``l``, ctrl+r twice) that leaves no conflict open shows the
document merged, and a review resumed with every conflict settled names the document its
article shows (the data: tests/test_review_drawn_links.py's, and d0, agreed alike).

A reviewer's trial drew "Saturday" (doc06 c1): gold's date stayed unlinked; after ctrl+r, and
on resuming with all settled, the article showed 01-arbela and the status line named none.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import orjson
import pytest
from annotate_helpers import notices_heard, press, wait_for
from test_review_keys import gold, panel_text, panel_title, screen_of, shown, status_line

from annotator.core.models import sha256_text
from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_article import ReviewArticle
from tests.test_agreement_data import write_journal
from tests.test_review_drawn_links import DATE, TEXT, at, record

SIZE = (100, 30)
OTHER = TEXT + " They were home on Sunday."  # d0's: the article tells the two apart


def article_shows(app: ReviewApp, text: str) -> bool:
    article = screen_of(app).query_one(ReviewArticle)
    return not article.loading and article.text_original == text


def opened(tmp_path: Path, alice_note: str = "") -> ReviewSession:
    """d0 (alice and bob alike: no conflict) and d1 (c1: "on Saturday" / "Saturday night")."""
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_bytes(
        b"".join(
            orjson.dumps({"id": doc_id, "text": text, "meta": {"date": "2024-09-29"}}) + b"\n"
            for doc_id, text in (("d0", OTHER), ("d1", TEXT))
        )
    )
    agreed = {
        **record("alice", "Saturday night"),
        "doc_id": "d0",
        "doc_sha256": sha256_text(OTHER),
    }
    journals = [
        write_journal(
            tmp_path / "alice.jsonl",
            agreed,
            record("alice", "on Saturday", alice_note),
        ),
        write_journal(
            tmp_path / "bob.jsonl",
            {**agreed, "annotator": "bob"},
            record("bob", "Saturday night"),
        ),
    ]
    return open_review(journals, corpus, tmp_path / "gold.jsonl", "rita")


def run(session: ReviewSession, first: str, scenario: object) -> None:
    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: article_shows(app, first))
            await scenario(pilot, app)  # type: ignore[operator]

    try:
        asyncio.run(main())
    finally:
        assert session.close()


def test_e_draws_saturday_linked_to_the_agreed_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = opened(tmp_path)
    start, end = at("Saturday")

    async def scenario(pilot, app) -> None:  # type: ignore[no-untyped-def]
        told = notices_heard(app, monkeypatch)
        await press(pilot, "e", "left", "ctrl+right", "ctrl+shift+right", "3")
        await wait_for(pilot, lambda: gold(session)[-1]["status"] == "done")
        line = gold(session)[-1]
        drawn = next(s for s in line["spans"] if s["label"] == "date")
        assert (drawn["start"], drawn["end"], drawn["value"]) == (start, end, DATE)
        assert line["links"]["releases[0].date"] == [drawn["id"]]
        assert told[0].splitlines()[0] == (
            f"settled c1 with date “Saturday” {start}–{end} = {DATE} (read from its words); "
            f"releases #1 date linked to it; left out: date “on Saturday” {start - 3}–{end} "
            f"(alice); date “Saturday night” {start}–{end + 6} (bob) · ctrl+z undoes"
        )

    run(session, TEXT, scenario)


def test_resumed_all_settled_names_the_document_shown_and_ctrl_r_shows_the_one_merged(
    tmp_path: Path,
) -> None:
    session = opened(tmp_path)
    session.go_to("d1", "c1")
    session.begin_edit()
    session.edit(*at("Saturday"), "date")
    assert session.close()
    # alice's record changed since (her note): the drawing is kept, no conflict left open.
    session = opened(tmp_path, alice_note="checked again")

    async def scenario(pilot, app) -> None:  # type: ignore[no-untyped-def]
        assert session.current is None
        assert "All settled" in panel_title(app)
        assert "d0" in status_line(app)
        lines = len(gold(session))
        await press(pilot, "l", "d", "1")
        await press(pilot, "ctrl+r", "ctrl+r")
        await wait_for(pilot, lambda: len(gold(session)) == lines + 1)
        await wait_for(pilot, lambda: shown(app, "d1") and article_shows(app, TEXT))
        assert session.looking == "d1"
        assert "d1" in status_line(app) and "d0" not in status_line(app)
        assert panel_title(app) == "No open conflict in d1"
        assert "d1 has no open conflict" in panel_text(app)
        line = gold(session)[-1]
        assert (line["doc_id"], line["conflicts"]) == ("d1", [])

    run(session, OTHER, scenario)
