"""Pilot: a double click in the article selects the word under the pointer, snapped as a drag
over it is (the comma or full stop after it left out), and a triple click its sentence; the
label keys then label what was selected (a trial's double click selected nothing)."""

from __future__ import annotations

import pytest
from annotate_helpers import drive, journal, press, screen_of
from textual.pilot import Pilot

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.article import ArticleView

LEFT, TOP = 2, 1  # where the article's first character is drawn in its view
# "date 2025-08-24 Russia and Ukraine swapped 146 prisoners on Sunday.\n"
UKRAINE, SUNDAY, SPACE = (27, 34), (60, 66), 26


async def click(pilot: Pilot[None], app: AnnotatorApp, offset: int, times: int) -> ArticleView:
    view = screen_of(app).query_one(ArticleView)
    await pilot.click(view, offset=(LEFT + offset, TOP), times=times)
    await pilot.pause()
    return view


@pytest.mark.parametrize(
    ("clicked", "selected"),
    [(30, UKRAINE), (UKRAINE[0], UKRAINE), (UKRAINE[1] - 1, UKRAINE), (65, SUNDAY)],
)
def test_a_double_click_selects_the_word_and_a_label_key_labels_it(
    session: AnnotationSession, clicked: int, selected: tuple[int, int]
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        view = await click(pilot, app, clicked, times=2)
        assert view.selection_offsets() == selected
        await press(pilot, "1")
        spans = journal(session)[-1]["spans"]
        assert [(s["start"], s["end"], s["label"]) for s in spans] == [(*selected, "actor")]

    drive(session, scenario)


def test_a_double_click_on_a_space_selects_nothing(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        view = await click(pilot, app, SPACE, times=2)
        start, end = view.selection_offsets()
        assert start == end == SPACE

    drive(session, scenario)


def test_a_single_click_only_moves_the_cursor(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        view = await click(pilot, app, 30, times=1)
        assert view.selection_offsets() == (30, 30)

    drive(session, scenario)


def test_a_triple_click_selects_the_sentence(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        view = await click(pilot, app, 30, times=3)
        assert view.selection_offsets() == (0, len(session.text.rstrip("\n")))

    drive(session, scenario)


def test_a_double_click_past_a_lines_end_selects_its_last_word(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        view = await click(pilot, app, 75, times=2)  # right of "Sunday."
        assert view.selection_offsets() == SUNDAY

    drive(session, scenario)
