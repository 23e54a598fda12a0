"""Pilot: the screen opens on the unfinished article last worked on, and says so, not on the
first unfinished one (a trial quit on 11, in progress, and the next start opened 08)."""

from __future__ import annotations

from pathlib import Path

from annotate_helpers import drive, toasts, wait_for
from textual.pilot import Pilot

from annotator.core.session import open_session
from annotator.tui.app import AnnotatorApp
from tests.test_session_data import where, write_texts


def test_a_restart_opens_the_article_last_worked_on(tmp_path: Path) -> None:
    corpus = write_texts(tmp_path)
    before = open_session(corpus, "alice", None, tmp_path / "out")
    before.open("b")
    before.label_selection(*where(before, "Norvania"), "actor")
    assert before.close()
    session = open_session(corpus, "alice", None, tmp_path / "out")

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        assert session.document.id == "b"
        said = "opened b, the article you last worked on; the first unfinished is a (l lists them)"
        await wait_for(pilot, lambda: said in toasts(app))
        assert [span.text for span in session.record.spans] == ["Norvania"]

    try:
        drive(session, scenario, notifications=True)
    finally:
        session.close()
