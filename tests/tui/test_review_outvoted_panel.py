"""Pilot: with ``--min-agree K`` the review says what the merge left out of gold as outvoted,
for the document on screen, under a conflict's versions and on a document looked at with
``l``; the opening of a new gold file counts them. A trial's review (five annotators, K = 3)
never said that carol's and dave's second release, erin's span and dave's extra actor were
left out, so a wrong decision could not be taken back.

Three annotators on TEXT, K = 2: in d1 alice's releasee, carol's actor "Ukraine" and carol's
second release are outvoted, and ``code`` (1 / 2 / 3) is a conflict; d2 has no conflict,
carol's "Ukraine" outvoted there too.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from annotate_helpers import press, wait_for
from test_review_keys import panel_text, panel_title, screen_of, shown

from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from annotator.core.review_outvoted import outvoted_here
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_article import ReviewArticle
from tests.test_agreement_data import (
    TEXT,
    record,
    span,
    write_corpus,
    write_journal,
    write_scheme,
)

COUNT = span("s1", 13, 16, "count", 146)
RELEASEE = span("s2", 13, 26, "releasee")
UKRAINE = span("s3", 31, 38, "actor")
RUSSIA_146 = {"released_by": "Russia", "count": 146}
UKRAINE_12 = {"released_by": "Ukraine", "count": 12}


def three_annotators(tmp_path: Path) -> ReviewSession:
    corpus = write_corpus(tmp_path, {"d1": TEXT, "d2": TEXT})
    agreed = {"code": "1", "releases": [RUSSIA_146]}
    journals = [
        write_journal(
            tmp_path / f"{name}.jsonl",
            record(name, "d1", spans=[COUNT, *spans], form={**agreed, **form}),
            record(
                name, "d2", spans=[COUNT, *spans[-1:]] if name == "carol" else [COUNT], form=agreed
            ),
        )
        for name, spans, form in (
            ("alice", [RELEASEE], {"code": "1"}),
            ("bob", [], {"code": "2"}),
            ("carol", [UKRAINE], {"code": "3", "releases": [RUSSIA_146, UKRAINE_12]}),
        )
    ]
    return open_review(
        journals,
        corpus,
        tmp_path / "gold.jsonl",
        "rita",
        scheme_path=write_scheme(tmp_path),
        min_agree=2,
        now=lambda: "2026-01-01T00:00:00Z",
    )


def test_the_panel_says_what_was_outvoted_in_the_document_on_screen(tmp_path: Path) -> None:
    session = three_annotators(tmp_path)
    assert any(
        message.startswith("gold.jsonl: outvoted under --min-agree 2, left out of gold")
        and "3 span(s), 1 item(s)" in message
        for message in session.messages
    ), session.messages
    here = outvoted_here(session, "d1")
    assert here is not None
    assert [one.words() for one in here.found] == [
        "releasee “146 prisoners” 13–26 (alice)",
        "actor “Ukraine” 31–38 (carol)",
        "releases: Ukraine, 12 (carol)",
    ]

    async def main() -> None:
        app = ReviewApp(session)
        async with app.run_test(size=(100, 40)) as pilot:
            await wait_for(pilot, lambda: not screen_of(app).query_one(ReviewArticle).loading)
            await wait_for(pilot, lambda: "Left out of gold, outvoted" in panel_text(app))
            said = " ".join(panel_text(app).split())
            assert "Left out of gold, outvoted (--min-agree 2):" in said
            assert "• releasee “146 prisoners” 13–26 (alice)" in said
            assert "• actor “Ukraine” 31–38 (carol)" in said
            assert "• releases: Ukraine, 12 (carol)" in said
            assert "The review has no key that adds them to gold." in said
            # The conflict is still there to settle: the versions come first.
            assert said.index("1 ") < said.index("Left out of gold")
            # A document with no open conflict, looked at from the list, says its own.
            await press(pilot, "l", "down", "enter")
            await wait_for(pilot, lambda: shown(app, "d2"))
            assert panel_title(app) == "No open conflict in d2"
            said = " ".join(panel_text(app).split())
            assert "• actor “Ukraine” 31–38 (carol)" in said
            assert "releasee" not in said and "releases:" not in said

    try:
        asyncio.run(main())
    finally:
        assert session.close()


def test_nothing_outvoted_says_nothing(tmp_path: Path) -> None:
    session = three_annotators(tmp_path)
    try:
        session.min_agree = None  # every annotator: nothing is left out unsaid
        assert outvoted_here(session, "d1") is None
    finally:
        assert session.close()
