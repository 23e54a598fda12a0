"""Pilot: character mode for the span a reviewer draws (``e``, a selection, ``c``, a label key).

The journals are tests/test_review_data.py's alice and bob: the first conflict is "Kyiv"
(780-784), which alice marked as an actor and bob left alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import notices_heard, press, wait_for
from test_review_keys import (
    drive,
    gold,
    panel_text,
    review_of_two,
    screen_of,
    spans_of,
    status_line,
)
from textual.pilot import Pilot

from annotator.core.review import ReviewSession
from annotator.core.review_views import Place
from annotator.core.scheme import RESERVED_KEYS
from annotator.tui.keys import declared
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_article import ReviewArticle
from annotator.tui.review_screen import ReviewScreen
from annotator.tui.screens import HelpScreen
from tests.test_review_data import FIRST

KYIV = (780, 784)


@pytest.fixture
def session(tmp_path: Path) -> Iterator[ReviewSession]:
    yield from review_of_two(tmp_path)


def test_character_mode_keeps_the_drawn_span_exactly(
    session: ReviewSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        told = notices_heard(app, monkeypatch)
        screen = screen_of(app)
        article = screen.query_one(ReviewArticle)
        assert article.selection_offsets() == KYIV
        assert "CHAR MODE" not in status_line(app)
        before = len(gold(session))

        # e, c: character mode, said in the status line, the panel and a notice.
        await press(pilot, "e", "c")
        assert screen.char_mode and article.char_mode
        assert "CHAR MODE" in status_line(app) and "DRAWING" in status_line(app)
        assert "Character mode: the span keeps the selection exactly" in panel_text(app)
        assert told == ["character mode, until c again: a drawn span keeps the selection exactly"]

        # shift+left leaves "Kyi" selected; 1 (actor) keeps it as it is.
        await press(pilot, "shift+left")
        assert article.selection_offsets() == (780, 783)
        await press(pilot, "1")
        lines = gold(session)
        assert len(lines) == before + 1
        line = lines[-1]
        drawn = next(s for s in line["spans"] if (s["start"], s["end"]) == (780, 783))
        assert (drawn["label"], drawn["text"]) == ("actor", "Kyi")
        assert line["sources"]["spans"][drawn["id"]] == []  # nobody marked "Kyi"
        assert (780, 784, "actor") not in spans_of(line)
        assert [c["id"] for c in line["conflicts"]] == ["c2", "c3", "c4"]
        # The drawing is over: CHAR MODE is no longer shown, but the mode stays for the next
        # span drawn, and the status line and the panel's e say so.
        assert "CHAR MODE" not in status_line(app) and "DRAWING" not in status_line(app)
        assert "e draws in char mode" in status_line(app)
        assert "draw by hand in character mode" in panel_text(app)

        # ctrl+z puts c1 back; c again is token mode: the same selection snaps to "Kyiv".
        await press(pilot, "ctrl+z")
        assert session.current == Place(FIRST, "c1")
        assert "c1" in [c["id"] for c in gold(session)[-1]["conflicts"]]
        await press(pilot, "e")
        assert "CHAR MODE" in status_line(app)  # in force again for this drawing
        await press(pilot, "c")
        assert not screen.char_mode and not article.char_mode
        assert "CHAR MODE" not in status_line(app) and "char mode" not in status_line(app)
        assert "Token mode: the span snaps to whole words" in panel_text(app)
        await press(pilot, "shift+left", "1")
        line = gold(session)[-1]
        assert (780, 784, "actor") in spans_of(line) and (780, 783, "actor") not in spans_of(line)
        kyiv = next(s for s in line["spans"] if (s["start"], s["end"]) == KYIV)
        assert line["sources"]["spans"][kyiv["id"]] == ["alice"]

    drive(session, scenario)


def test_c_outside_drawing_sets_the_mode_for_the_next_span(session: ReviewSession) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        screen = screen_of(app)
        count = len(gold(session))
        # c before e: nothing is decided, the mode is on, shown as the one e will draw in.
        await press(pilot, "c")
        assert screen.char_mode
        assert len(gold(session)) == count and not session.editing
        assert "CHAR MODE" not in status_line(app)  # not drawing yet
        assert "e draws in char mode" in status_line(app)
        # "Kyiv." with its full stop: kept in character mode (token mode would drop it).
        await press(pilot, "e")
        assert "CHAR MODE" in status_line(app)
        await press(pilot, "shift+right", "1")
        line = gold(session)[-1]
        assert (780, 785, "actor") in spans_of(line)
        assert "CHAR MODE" not in status_line(app) and "e draws in char mode" in status_line(app)
        # The help screen lists c with the drawing keys.
        await press(pilot, "question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        drawing = next(rows for title, rows in help_screen.sections if "Drawing" in title)
        assert any(key == "c" and "character mode" in what for key, what in drawing)
        await press(pilot, "escape")

    drive(session, scenario)


def test_no_label_key_can_take_a_review_letter() -> None:
    # Digits are both version and label keys (each in its own mode); any other one-character
    # key is one or the other, so every such key the review screen binds is refused as a
    # label key (N: the annotators' notes; [ and ]: scrolling the versions).
    typed = [binding.key_display or binding.key for binding in declared(ReviewScreen)]
    letters = {key for key in typed if len(key) == 1 and not key.isdigit()}
    assert {"c", "N", "[", "]"} <= letters
    assert letters <= RESERVED_KEYS
