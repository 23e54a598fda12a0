"""Pilot: ctrl+q quits from every box over the review (an editor, the document list, help, the
notes, the command palette), the gold file on disk holding the decision made just before. A
user trial: ctrl+q did nothing there, unsaid (Textual passes a box's keys to no binding of the
app's but a priority one). Typing in an editor is named, in the editor, and the quit waits for a
second press, as for the palette's Quit (test_review_quit_typed).

The journals are tests/test_review_data.py's alice and bob: in the first article c3 is "eight"
(b takes bob's "eight citizens of the Russian Federation") and c4 the releases (a group: e edits
its items); in the second c1 the field ``event_type`` (e types its value).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from annotate_helpers import press, said_in_box, toasts, wait_for
from test_review_keys import NOW, drive, review_of_two, shown
from test_review_notes import rewrite_latest
from textual.command import CommandPalette
from textual.pilot import Pilot

from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from annotator.core.review_views import Place
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_doc_list import ReviewDocListScreen
from annotator.tui.review_field_edit import FieldEditScreen
from annotator.tui.review_items_edit import ItemsEditScreen
from annotator.tui.review_notes import NotesScreen
from annotator.tui.screens import HelpScreen
from tests.test_review_data import CORPUS, FIRST, SECOND, two_journals

BOB_EIGHT = (978, 1018, "releasee")


@pytest.fixture
def session(tmp_path: Path) -> Iterator[ReviewSession]:
    yield from review_of_two(tmp_path)


@pytest.fixture
def noted(tmp_path: Path) -> Iterator[ReviewSession]:
    """The review of alice and bob, alice having left a note on the first article (N)."""
    alice, bob = two_journals(tmp_path)
    rewrite_latest(alice, FIRST, {"note": "figures disputed"})
    opened = open_review([alice, bob], CORPUS, tmp_path / "gold.jsonl", "rita", now=lambda: NOW)
    yield opened
    opened.close()


def on_disk(session: ReviewSession) -> list[dict[str, Any]]:
    """The gold file's lines as the quit left them (no flush of the test's own first)."""
    return [orjson.loads(line) for line in session.store.journal.read_bytes().splitlines()]


async def take_bobs_eight(pilot: Pilot[None], app: ReviewApp) -> None:
    await press(pilot, "n", "n")
    assert app.session.current == Place(FIRST, "c3")
    await press(pilot, "b")
    assert app.session.current == Place(FIRST, "c4")


async def to_event_type(pilot: Pilot[None], app: ReviewApp) -> None:
    await press(pilot, "l", *"02", "enter")
    await wait_for(pilot, lambda: shown(app, SECOND))
    assert app.session.current == Place(SECOND, "c1")


# What opens each box, from c4 (the releases), and the box.
BOXES: dict[str, tuple[list[str], type]] = {
    "items editor": (["e"], ItemsEditScreen),
    "document list": (["l"], ReviewDocListScreen),
    "help": (["question_mark"], HelpScreen),
    "notes": (["N"], NotesScreen),
    "palette": (["ctrl+p"], CommandPalette),
}


@pytest.mark.parametrize("box", [*BOXES, "field editor"])
def test_ctrl_q_in_a_box_quits_with_the_decision_on_disk(noted: ReviewSession, box: str) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        await take_bobs_eight(pilot, app)
        if box == "field editor":
            await to_event_type(pilot, app)
            keys, kind = ["e"], FieldEditScreen
        else:
            keys, kind = BOXES[box]
        await press(pilot, *keys)
        await wait_for(pilot, lambda: isinstance(app.screen, kind))
        await press(pilot, "ctrl+q")
        await wait_for(pilot, lambda: not app.is_running)
        assert app.return_code == 0

    drive(noted, scenario)
    first = [line for line in on_disk(noted) if line["doc_id"] == FIRST][-1]
    assert BOB_EIGHT in {(s["start"], s["end"], s["label"]) for s in first["spans"]}


@pytest.mark.parametrize("editor", ["field editor", "items editor"])
def test_ctrl_q_with_typing_in_an_editor_names_it_then_leaves_without_it(
    session: ReviewSession, editor: str
) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        await take_bobs_eight(pilot, app)
        if editor == "field editor":
            await to_event_type(pilot, app)
        await press(pilot, "e")
        kind = FieldEditScreen if editor == "field editor" else ItemsEditScreen
        assert isinstance(app.screen, kind)
        await press(pilot, "ctrl+u", *"kelpie", "ctrl+q")
        await pilot.pause(0.3)
        assert app.is_running and isinstance(app.screen, kind)
        typed = (
            "the value typed for c1, 'kelpie'; enter settles the conflict with it"
            if editor == "field editor"
            else "what is typed in the items of c4; enter settles the conflict with it"
        )
        said = f"not saved: {typed}, or quit again to leave without it"
        assert toasts(app) == [said]
        # Said in the editor, under its refusal's line: its toasts are hidden (review.tcss).
        await wait_for(pilot, lambda: said_in_box(app.screen) == f"▌ {said}")
        await press(pilot, "ctrl+q")
        await wait_for(pilot, lambda: not app.is_running)
        assert app.return_code == 0

    drive(session, scenario, notifications=True)
    lines = on_disk(session)
    assert not any("kelpie" in str(line) for line in lines)
    first = [line for line in lines if line["doc_id"] == FIRST][-1]
    assert BOB_EIGHT in {(s["start"], s["end"], s["label"]) for s in first["spans"]}
