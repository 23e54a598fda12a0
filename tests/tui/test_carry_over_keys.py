"""Pilot: ctrl+k twice carries a stale record over to the changed text; ctrl+z gives it back,
before the d pressed on the document before (which it undid first, in a review)."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotate_helpers import drive, journal, notices_heard, press, screen_of, wait_for
from textual.pilot import Pilot
from textual.widgets import Static

from annotator.core.session import AnnotationSession, open_session
from annotator.tui.app import AnnotatorApp
from annotator.tui.article import ArticleView
from annotator.tui.span_list import SpanList
from tests.test_session_data import where

NEW = "date 2025-08-24 UPDATED: Russia and Ukriane swapped 146 prisoners on Sunday.\n"


def test_ctrl_k_twice_carries_the_record_over_and_ctrl_z_gives_it_back(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = open_session(corpus, "alice", None, tmp_path / "out")
    first.open("a")
    for start, end, label in ((16, 22, "actor"), (27, 34, "actor"), (43, 46, "count")):
        first.label_selection(start, end, label)  # Russia, Ukraine, 146
    first.set_field("event_type", "exchange")
    first.mark_done()
    assert first.close()
    (corpus / "a.txt").write_text(NEW, "utf-8")  # a line before; Ukraine misspelt
    session = open_session(corpus, "alice", None, tmp_path / "out")

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        told = notices_heard(app, monkeypatch)
        screen = screen_of(app)
        banner = screen.query_one("#banner", Static)
        await press(pilot, "p")  # a was done: b, the first unfinished one, opened first
        await wait_for(pilot, lambda: session.loaded and session.document.id == "a")
        assert "ctrl+k twice carries it over to this text" in str(banner.render())
        keys = dict(row for _title, rows in screen.key_sections() for row in rows)
        assert keys["ctrl+k"] == "Carry over (stale record)"  # the help lists it
        stale_lines = journal(session)
        await press(pilot, "ctrl+k")  # asks first, saying what would be carried, in the future
        question = (
            "ctrl+k again to carry your record over: 2 of 3 spans would be carried (2 moved), "
            "1 left out (s2 'Ukraine'); it becomes in progress. ctrl+z gives it back"
        )
        await wait_for(pilot, lambda: question in told)
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
        assert last["status"] == "done"
        assert article.spans == ()
        assert told[-1] == "undid: carry over: your record (3 spans, done) is back, stale here"

    try:
        drive(session, scenario, notifications=True)
    finally:
        session.close()


def stale_after_a(corpus: Path, tmp_path: Path) -> AnnotationSession:
    """alice's record of b (Norvania), b's text changed since; a labelled, its event type set
    (d would finish it), and nothing finished: a opens first, and d moves on to stale b."""
    first = open_session(corpus, "alice", None, tmp_path / "out")
    first.open("b")
    first.label_selection(*where(first, "Norvania"), "actor")
    first.open("a")
    first.label_selection(*where(first, "Russia"), "actor")
    first.set_field("event_type", "exchange")
    assert first.close()
    (corpus / "b.txt").write_text("UPDATED: date 2024-03-17 Norvania freed 12 fishermen.\n")
    return open_session(corpus, "alice", None, tmp_path / "out")


@pytest.mark.parametrize(("key", "undid"), [("ctrl+k", "carry over"), ("ctrl+r", "start over")])
def test_ctrl_z_after_d_and_ctrl_k_or_ctrl_r_twice_gives_the_stale_record_back(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, key: str, undid: str
) -> None:
    """d on a moves on to b, stale; ctrl+k (or ctrl+r) twice there, then ctrl+z: b's record is
    stale again, and a stays done (a review found a's d undone instead, b kept carried)."""
    session = stale_after_a(corpus, tmp_path)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        told = notices_heard(app, monkeypatch)
        banner = screen_of(app).query_one("#banner", Static)
        assert session.document.id == "a"
        await press(pilot, "d")
        await wait_for(pilot, lambda: session.loaded and session.document.id == "b")
        await wait_for(pilot, lambda: banner.display)
        await press(pilot, key)
        await wait_for(pilot, lambda: any(message.startswith(f"{key} again") for message in told))
        await press(pilot, key)
        await wait_for(pilot, lambda: not banner.display)
        await press(pilot, "ctrl+z")
        await wait_for(pilot, lambda: banner.display)
        assert told[-1] == f"undid: {undid}: your record (1 span, in progress) is back, stale here"
        assert session.document.id == "b"
        lines = journal(session)
        assert [(line["doc_id"], line["status"]) for line in lines[-1:]] == [("b", "in_progress")]
        assert lines[-1]["doc_sha256"] != session.document.sha256  # the stale one, back
        assert session.store.records["a"].status == "done"

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


def test_a_carry_over_that_fails_is_said_and_the_app_goes_on(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Worked out in a thread: an error there closed the whole app (Textual's default).
    from annotator.core.errors import AnnotatorError
    from annotator.tui import annotate_carry

    def broken(stale: object, text: str) -> object:
        raise AnnotatorError("s1: its words do not stand at 25–31")

    monkeypatch.setattr(annotate_carry, "carry_over", broken)
    session = stale_after_a(corpus, tmp_path)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        told = notices_heard(app, monkeypatch)
        await press(pilot, "n")
        await wait_for(pilot, lambda: session.loaded and session.document.id == "b")
        lines = journal(session)
        await press(pilot, "ctrl+k")
        said = "cannot carry your record over: s1: its words do not stand at 25–31"
        await wait_for(pilot, lambda: said in told)
        assert app.is_running and session.stale is not None and journal(session) == lines

    try:
        drive(session, scenario, notifications=True)
    finally:
        session.close()
