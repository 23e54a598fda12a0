"""Pilot: what the screen says around stale records, as a trial found it untrue or silent: the
start's first unfinished article named before the texts were hashed, ctrl+y after ctrl+z undid a
carry over, ctrl+k and ctrl+r on a record that is not stale, the readout on a stale article, and
s on an article skipped already."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotate_helpers import (
    drive,
    journal,
    notices_heard,
    press,
    screen_of,
    toasts,
    wait_for,
)
from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import Input, Static

from annotator.core.session import AnnotationSession, open_session
from annotator.tui.annotate_carry import NOT_STALE
from annotator.tui.app import AnnotatorApp
from annotator.tui.article import ArticleView
from annotator.tui.span_detail import STALE_LABELLING
from tests.test_session_data import open_alice_on, where, write_texts


def test_the_start_names_the_stale_first_unfinished_once_hashed(tmp_path: Path) -> None:
    """a done, its text changed since; c labelled last: b looked the first unfinished."""
    corpus = write_texts(tmp_path)
    first = open_alice_on(corpus, tmp_path, "a")
    first.set_field("event_type", "exchange")
    first.mark_done()
    first.open("c")
    first.label_selection(*where(first, "Kestria"), "actor")
    assert first.close()
    (corpus / "a.txt").write_text("UPDATED: Russia and Ukraine swapped prisoners.\n", "utf-8")
    session = open_session(corpus, "alice", None, tmp_path / "out")

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        said = "opened c, the article you last worked on; the first unfinished is a (l lists them)"
        await wait_for(pilot, lambda: said in toasts(app))
        assert session.document.id == "c"
        assert not [shown for shown in toasts(app) if "first unfinished is b" in shown]
        assert toasts(app)[0].startswith("a: your record was made for another text")

    try:
        drive(session, scenario, notifications=True)
    finally:
        session.close()


def stale_b(tmp_path: Path) -> AnnotationSession:
    """alice's record of b (Norvania, 12), b's text since given a line before."""
    corpus = write_texts(tmp_path)
    first = open_alice_on(corpus, tmp_path, "b")
    first.label_selection(*where(first, "Norvania"), "actor")
    first.label_selection(*where(first, "12"), "count")
    assert first.close()
    (corpus / "b.txt").write_text("UPDATED\ndate 2024-03-17 Norvania freed 12 fishermen.\n")
    return open_session(corpus, "alice", None, tmp_path / "out")


def test_ctrl_y_carries_over_again_what_ctrl_z_gave_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = stale_b(tmp_path)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        told = notices_heard(app, monkeypatch)
        banner = screen_of(app).query_one("#banner", Static)
        article = screen_of(app).query_one(ArticleView)
        assert session.document.id == "b" and banner.display
        await press(pilot, "ctrl+k")
        await wait_for(pilot, lambda: any(n.startswith("ctrl+k again") for n in told))
        await press(pilot, "ctrl+k")
        await wait_for(pilot, lambda: not banner.display)
        carried = [(s.start, s.end) for s in article.spans]
        assert carried == [(24, 32), (39, 41)]
        await press(pilot, "ctrl+z")
        await wait_for(pilot, lambda: banner.display)
        assert article.spans == ()
        await press(pilot, "ctrl+y")
        await wait_for(pilot, lambda: not banner.display)
        assert told[-1] == (
            "redid: carry over: your stale record is carried over to this text (2 spans) again"
        )
        assert [(s.start, s.end) for s in article.spans] == carried
        last = journal(session)[-1]
        assert last["doc_sha256"] == session.document.sha256 and len(last["spans"]) == 2

    try:
        drive(session, scenario, notifications=True)
    finally:
        session.close()


def test_the_readout_on_a_stale_article_says_labelling_waits(tmp_path: Path) -> None:
    session = stale_b(tmp_path)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        article = screen.query_one(ArticleView)
        await press(pilot, *["right"] * 24, *["shift+right"] * 3)  # "Nor" of "Norvania"
        assert Text.from_markup(article.border_subtitle or "").plain == STALE_LABELLING
        line = screen.query_one("#selection-info", Static)
        assert line.display and str(line.render()) == STALE_LABELLING
        await press(pilot, "right")  # no selection: nothing said
        assert not article.border_subtitle and not line.display

    try:
        drive(session, scenario, size=(120, 36))
    finally:
        session.close()


@pytest.mark.parametrize("key", ["ctrl+k", "ctrl+r"])
def test_ctrl_k_and_ctrl_r_on_a_current_record_say_what_they_are_for(
    session: AnnotationSession, monkeypatch: pytest.MonkeyPatch, key: str
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        told = notices_heard(app, monkeypatch)
        lines = journal(session)
        await press(pilot, key)
        await wait_for(pilot, lambda: NOT_STALE in told)
        assert journal(session) == lines and session.stale is None

    drive(session, scenario, notifications=True)


def test_s_on_a_skipped_article_says_so_and_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = write_texts(tmp_path)
    first = open_alice_on(corpus, tmp_path, "a")
    first.skip()
    assert first.close()
    session = open_session(corpus, "alice", None, tmp_path / "out")

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        told = notices_heard(app, monkeypatch)
        assert session.document.id == "b"
        await press(pilot, "p")
        await wait_for(pilot, lambda: session.loaded and session.document.id == "a")
        lines = journal(session)
        await press(pilot, "s")
        await wait_for(pilot, lambda: "already skipped (label it to work on it again)" in told)
        # Not asked why (the note empty): nothing is skipped.
        assert not isinstance(app.focused, Input)
        assert session.document.id == "a" and journal(session) == lines
        await press(pilot, "ctrl+z")
        await wait_for(pilot, lambda: told[-1] == "nothing to undo")

    try:
        drive(session, scenario, notifications=True)
    finally:
        session.close()


def test_the_stale_readout_is_whole_in_the_border_at_80_columns(tmp_path: Path) -> None:
    """The article's bottom border holds 34 cells at 80x24; the readout was 35 and lost its
    end ("…ctrl+…"), which names the keys that end the wait."""
    session = stale_b(tmp_path)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        article = screen_of(app).query_one(ArticleView)
        await press(pilot, *["right"] * 24, *["shift+right"] * 3)  # "Nor" of "Norvania"
        assert Text.from_markup(article.border_subtitle or "").plain == STALE_LABELLING
        strips = app.screen._compositor.render_strips()  # the screen as it is sent
        rows = ["".join(segment.text for segment in strip) for strip in strips]
        assert any(STALE_LABELLING in row for row in rows), rows

    try:
        drive(session, scenario, size=(80, 24))
    finally:
        session.close()
