"""A journal line edited by hand so that its spans no longer fit the text: the screen shows the
record as it shows a stale one (read-only, a banner in its own words), and ctrl+k twice carries
it over. A trial's damaged line opened without a word, and the next save wrote it again."""

from __future__ import annotations

from pathlib import Path

import orjson
from annotate_helpers import drive, journal, press, wait_for
from textual.pilot import Pilot
from textual.widgets import Static

from annotator.core.session import open_session
from annotator.tui.annotate_screen import AnnotateScreen
from annotator.tui.app import AnnotatorApp
from annotator.tui.article import ArticleView


def test_a_damaged_record_is_said_and_carried_over(corpus: Path, tmp_path: Path) -> None:
    first = open_session(corpus, "alice", None, tmp_path / "out")
    first.open("a")
    first.label_selection(16, 22, "actor")  # Russia
    first.label_selection(27, 34, "actor")  # Ukraine
    path = first.journal
    assert first.close()
    record = orjson.loads(path.read_bytes().splitlines()[-1])
    record["spans"][1]["text"] = "Ukrainx"  # a hand edit
    path.write_bytes(orjson.dumps(record) + b"\n")
    session = open_session(corpus, "alice", None, tmp_path / "out")

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = app.screen
        assert isinstance(screen, AnnotateScreen)
        banner = screen.query_one("#banner", Static)
        said = str(banner.render())
        assert banner.display and said.startswith("⚠ Does not fit the text. Your record")
        assert "spans.1.text: 'Ukrainx' does not match the text at 27..34: 'Ukraine'" in said
        assert screen.query_one(ArticleView).spans == ()
        await press(pilot, *["right"] * 43, *["shift+right"] * 2, "2")  # 146
        assert len(journal(session)) == 1  # refused: nothing written
        await press(pilot, "ctrl+k", "ctrl+k")
        await wait_for(pilot, lambda: not banner.display)
        lines = journal(session)
        assert len(lines) == 2
        assert [(s["start"], s["text"]) for s in lines[-1]["spans"]] == [(16, "Russia")]

    drive(session, scenario)
