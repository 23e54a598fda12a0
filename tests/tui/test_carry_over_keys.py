"""Pilot: ctrl+k twice carries a stale record over to the changed text; ctrl+z gives it back."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotate_helpers import drive, journal, notices_heard, press, screen_of, wait_for
from textual.pilot import Pilot
from textual.widgets import Static

from annotator.core.session import open_session
from annotator.tui.app import AnnotatorApp
from annotator.tui.article import ArticleView
from annotator.tui.span_list import SpanList

NEW = "date 2025-08-24 UPDATED: Russia and Ukriane swapped 146 prisoners on Sunday.\n"


def test_ctrl_k_twice_carries_the_record_over_and_ctrl_z_gives_it_back(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = open_session(corpus, "alice", None, tmp_path / "out")
    first.open("a")
    for start, end, label in ((16, 22, "actor"), (27, 34, "actor"), (43, 46, "count")):
        first.label_selection(start, end, label)  # Russia, Ukraine, 146
    assert first.close()
    (corpus / "a.txt").write_text(NEW, "utf-8")  # a line before; Ukraine misspelt
    session = open_session(corpus, "alice", None, tmp_path / "out")

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        told = notices_heard(app, monkeypatch)
        screen = screen_of(app)
        banner = screen.query_one("#banner", Static)
        assert "ctrl+k twice carries it over to this text" in str(banner.render())
        keys = dict(row for _title, rows in screen.key_sections() for row in rows)
        assert keys["ctrl+k"] == "Carry over (stale record)"  # the help lists it
        stale_lines = journal(session)
        await press(pilot, "ctrl+k")  # asks first, saying what would be carried
        assert told[-1] == (
            "ctrl+k again to carry your record over to this text: 2 of 3 spans carried "
            "(2 moved), 1 left out (s2 'Ukraine'). ctrl+z gives it back"
        )
        assert journal(session) == stale_lines and banner.display
        await press(pilot, "ctrl+k")
        await wait_for(pilot, lambda: not banner.display)
        saved = journal(session)[-1]
        assert saved["doc_sha256"] == session.document.sha256
        assert [(s["id"], s["start"], s["end"], s["text"]) for s in saved["spans"]] == [
            ("s1", 25, 31, "Russia"),
            ("s3", 52, 55, "146"),
        ]
        assert saved["status"] == "in_progress"
        assert told[-1].startswith("carried over: 2 of 3 spans carried (2 moved), 1 left out\n")
        assert "left out s2 actor 'Ukraine' (was at 27–34)" in told[-1]
        article = screen.query_one(ArticleView)
        assert [(s.start, s.end) for s in article.spans] == [(25, 31), (52, 55)]
        assert screen.query_one("#spans", SpanList).option_count > 0
        await press(pilot, "ctrl+z")
        await wait_for(pilot, lambda: banner.display)
        last = journal(session)[-1]
        assert last["doc_sha256"] == stale_lines[-1]["doc_sha256"] and len(last["spans"]) == 3
        assert article.spans == ()
        assert (
            told[-1] == "undid: carry over: your record (3 spans, in_progress) is back, stale here"
        )

    try:
        drive(session, scenario, notifications=True)
    finally:
        session.close()


def test_ctrl_k_does_nothing_on_a_current_record(corpus: Path, tmp_path: Path) -> None:
    session = open_session(corpus, "alice", None, tmp_path / "out")

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        assert screen.check_action("carry_over", ()) is False
        await press(pilot, "ctrl+k", "ctrl+k")
        assert journal(session) == []

    try:
        drive(session, scenario)
    finally:
        session.close()
