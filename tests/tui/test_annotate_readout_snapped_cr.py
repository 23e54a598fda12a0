"""Pilot: the whitespace a snap trims is shown in the readout as the article draws it. A
trial on a CRLF corpus read "(snapped from 'Kestria freed 95 …oners.␣↵␣' 0–30)" while the
article drew ``prisoners.␍``: the CR was shown as a space."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest
from annotate_helpers import drive, press, screen_of
from textual.pilot import Pilot

from annotator.core.session import AnnotationSession, open_session
from annotator.tui.app import AnnotatorApp
from tests.test_session_data import fixed_now

TEXT = "Kestria freed 95 prisoners.\r\n\r\nNorvania thanked\tKestria.\r\n"


@pytest.fixture
def crlf_session(tmp_path: Path) -> Iterator[AnnotationSession]:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_bytes(orjson.dumps({"id": "a", "text": TEXT}) + b"\n")
    opened = open_session(corpus, "alice", None, tmp_path / "out", now=fixed_now)
    yield opened
    opened.close()


def test_a_cr_a_snap_trims_is_shown_as_the_article_draws_it(
    crlf_session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        line = screen.query_one("#selection-info")
        await press(pilot, "ctrl+home", "shift+end", "shift+right", "shift+right")
        said = (
            "a label key labels 'Kestria freed 95 prisoners' 0–26"
            " (snapped from 'Kestria freed 95 …oners.␍↵␍' 0–30)"
        )
        assert str(line.render()) == said

    drive(crlf_session, scenario)


def test_a_tab_a_snap_trims_is_shown_as_the_article_draws_it(
    crlf_session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        line = screen_of(app).query_one("#selection-info")
        # "thanked⇥" of line 2 (its offset 31): 'Norvania ' is 9 characters.
        await press(pilot, "down", "down", *["right"] * 9, *["shift+right"] * 8)
        said = "a label key labels 'thanked' 40–47 (snapped from 'thanked⇥' 40–48)"
        assert str(line.render()) == said

    drive(crlf_session, scenario)
