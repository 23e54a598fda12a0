"""Pilot: r grows a span past its end while another span sits inside it (a trial's releasee
"38 seriously wounded Ternovan soldiers", holding the count "38", could not be grown to the
checkpoint: r refused, and tab to it first, its advice, did not help)."""

from __future__ import annotations

from pathlib import Path

from annotate_helpers import drive, journal, press, screen_of
from textual.pilot import Pilot

from annotator.tui.app import AnnotatorApp
from tests.test_session_data import session_on

TEXT = (
    "date 2024-06-04 Balkor handed over 38 seriously wounded Ternovan soldiers at the Hollin "
    "Bridge checkpoint on Tuesday.\n"
)
OUTER = "38 seriously wounded Ternovan soldiers"
GROWN = "38 seriously wounded Ternovan soldiers at the Hollin Bridge checkpoint"


def typed(words: str) -> list[str]:
    return ["space" if character == " " else character for character in words]


async def nested(pilot: Pilot[None]) -> None:
    """The releasee s1 and the count s2 inside it, labelled as an annotator does."""
    await press(pilot, "slash", *typed(OUTER), "enter", "4")
    await press(pilot, "slash", *typed("38"), "enter", "2")


def spans_saved(session) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(span["id"], span["text"]) for span in journal(session)[-1]["spans"]]


def test_r_after_a_search_past_the_end_grows_the_outer_span(tmp_path: Path) -> None:
    session = session_on(tmp_path, TEXT)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await nested(pilot)
        assert spans_saved(session) == [("s2", "38"), ("s1", OUTER)]
        await press(pilot, "escape", "ctrl+home", "slash", *typed(GROWN), "enter", "r")
        assert spans_saved(session) == [("s2", "38"), ("s1", GROWN)]
        assert session.selected == "s1"

    try:
        drive(session, scenario)
    finally:
        session.close()


def test_tab_to_the_outer_span_then_ctrl_shift_right_and_r_grow_it(tmp_path: Path) -> None:
    session = session_on(tmp_path, TEXT)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await nested(pilot)
        await press(pilot, "escape", "ctrl+home")
        for _ in range(3):
            await press(pilot, "tab")
            if session.selected == "s1":
                break
        assert session.selected == "s1"
        await press(pilot, *["ctrl+shift+right"] * len(GROWN.split()))
        assert screen_of(app).article.selected_text == GROWN
        assert session.selected == "s1"  # the panel shows it still
        await press(pilot, "r")
        assert spans_saved(session) == [("s2", "38"), ("s1", GROWN)]

    try:
        drive(session, scenario)
    finally:
        session.close()
