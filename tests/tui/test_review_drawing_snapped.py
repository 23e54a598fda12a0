"""Pilot: while drawing, the panel says what a label key would write when the selection snaps.

A reviewer's trial: ``e`` on "23 prisoners", shift+← made the selection 601–612, the panel
said "Selected: 601–612", and 2 wrote "23 prisoners" (601–613): the span snaps to whole words.
The journals are tests/test_review_data.py's alice and bob: c1 is "Kyiv" (780–784).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import press
from test_review_keys import drive, gold, panel_text, review_of_two, screen_of, spans_of
from textual.geometry import Region
from textual.pilot import Pilot

from annotator.core.review import ReviewSession
from annotator.tui.review_panel import ConflictPanel

SNAPPED = "Selected: 780–783 → as whole words: “Kyiv” 780–784 (c: exact characters)"


@pytest.fixture
def session(tmp_path: Path) -> Iterator[ReviewSession]:
    yield from review_of_two(tmp_path)


def said(app: object) -> str:
    return " ".join(panel_text(app).split())  # type: ignore[arg-type]


def in_sight(app: object) -> str:
    """The panel's lines that its frame shows above its keys, as one line."""
    screen = screen_of(app)  # type: ignore[arg-type]
    panel = screen.query_one(ConflictPanel)
    keys = screen.query_one("#conflict-keys").region
    lines = panel.render_lines(Region(0, 0, panel.size.width, panel.size.height))
    shown = [line.text for row, line in enumerate(lines) if panel.region.y + row < keys.y]
    return " ".join(" ".join(shown).split())


@pytest.mark.parametrize("size", [(64, 24), (80, 24)])
def test_the_drawing_line_names_the_span_the_selection_snaps_to(
    session: ReviewSession, size: tuple[int, int]
) -> None:
    async def scenario(pilot: Pilot[None], app: object) -> None:
        await press(pilot, "e")
        assert "as whole words" not in said(app)  # the conflict's words: written as they are
        await press(pilot, "shift+left")
        assert SNAPPED in said(app)
        assert "Selected: 780–783 → as whole words: “Kyiv” 780–784" in in_sight(app)
        # In character mode the selection is written as it is: nothing more is said.
        await press(pilot, "c")
        assert "Selected: “Kyi” 780–783." in said(app) and "whole words:" not in said(app)
        await press(pilot, "c", "2")  # token mode again: 2 writes what the panel said
        assert (780, 784, "count") in spans_of(gold(session)[-1])

    drive(session, scenario, size, notifications=True)
