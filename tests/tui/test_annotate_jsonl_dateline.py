"""Pilot: a JSONL corpus opened directly reads each article's date from its dateline, as a
``.txt`` corpus does: the status line shows it, and "Sunday" labelled a date is counted from
it. A trial's /Sunday enter 3 got no value, said to have no dateline."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest
from annotate_helpers import drive, journal, press, screen_of
from textual.pilot import Pilot
from textual.widgets import Static

from annotator.core.session import AnnotationSession, open_session
from annotator.tui.app import AnnotatorApp
from tests.test_session_data import fixed_now

TEXT = "date 2024-03-17 ARBELA, Sunday. Three aid workers were freed on Sunday.\n"


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(orjson.dumps({"id": "b", "text": TEXT, "meta": {}}) + b"\n")
    opened = open_session(corpus, "alice", None, tmp_path / "out", now=fixed_now)
    yield opened
    opened.close()


def test_sunday_gets_the_dateline_s_day(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        status = str(screen_of(app).query_one("#status", Static).render())
        assert "2024-03-17" in status
        await press(pilot, "slash", *"Sunday", "enter", "3")
        spans = journal(session)[-1]["spans"]
        assert [(s["text"], s["label"], s["value"]) for s in spans] == [
            ("Sunday", "date", "2024-03-17")
        ]

    drive(session, scenario)
