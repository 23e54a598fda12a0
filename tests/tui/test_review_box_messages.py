"""Pilot: a message shown while a box is open over the review (an editor, the notes, the document
list, help) is said in the box: toasts are hidden there (review.tcss), and a gold file the disk
refused while an editor was open went unseen. Once the box closes, the review's toast says what
is still true (the disk's refusal, until saved) and not what is not (a quit's message naming
typing dropped).

The disk refuses the decision taken just before the box opens (a slow disk: the refusal comes
while the box is open). The journals are tests/test_review_data.py's alice and bob: in the first
article c3 is "eight" (b takes bob's) and c4 the releases (e edits the items); in the second c1
is the field ``event_type`` (e types its value).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import press, said_in_box, toasts, wait_for
from test_review_keys import NOW, drive, gold
from test_review_notes import rewrite_latest
from test_review_quit_from_boxes import BOB_EIGHT, take_bobs_eight, to_event_type
from textual.pilot import Pilot
from textual.screen import Screen

from annotator.core import writer
from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_doc_list import ReviewDocListScreen
from annotator.tui.review_field_edit import FieldEditScreen
from annotator.tui.review_items_edit import ItemsEditScreen
from annotator.tui.review_notes import NotesScreen
from annotator.tui.review_span_value_edit import SpanValueScreen
from annotator.tui.screens import HelpScreen, MessagesSaid
from tests.test_review_data import CORPUS, FIRST, two_journals
from tests.test_review_span_value import review as review

FULL = "No space left on device"


@pytest.fixture
def noted(tmp_path: Path) -> Iterator[ReviewSession]:
    """The review of alice and bob, alice having left a note on the first article (N)."""
    alice, bob = two_journals(tmp_path)
    rewrite_latest(alice, FIRST, {"note": "figures disputed"})
    opened = open_review([alice, bob], CORPUS, tmp_path / "gold.jsonl", "rita", now=lambda: NOW)
    yield opened
    opened.close()


def in_sight(screen: Screen[object]) -> bool:
    """Whether the box's messages are drawn, whole, inside the box's frame."""
    said = screen.query_one(MessagesSaid)
    box = said.parent
    while box is not None and box.parent is not screen:
        box = box.parent
    assert box is not None
    inside = box.region.shrink((1, 1, 1, 1))  # within its border
    return bool(said.region) and inside.contains_region(said.region)


# What opens each box from c4 (the releases) and the box; the field editor from the second
# article's c1.
BOXES: dict[str, tuple[list[str], type]] = {
    "items editor": (["e"], ItemsEditScreen),
    "field editor": (["e"], FieldEditScreen),
    "notes": (["N"], NotesScreen),
    "document list": (["l"], ReviewDocListScreen),
    "help": (["question_mark"], HelpScreen),
}


@pytest.mark.parametrize("box", BOXES)
@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
def test_the_disk_refusing_the_gold_file_is_said_in_the_box_open(
    noted: ReviewSession, monkeypatch: pytest.MonkeyPatch, box: str, size: tuple[int, int]
) -> None:
    real_append = writer.append_durably
    opened = threading.Event()

    def refused_once_opened(path: Path, data: bytes) -> None:
        opened.wait(5)  # a slow disk: it refuses once the box is open
        raise OSError(28, FULL)

    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        monkeypatch.setattr(writer, "append_durably", refused_once_opened)
        await take_bobs_eight(pilot, app)
        if box == "field editor":
            await to_event_type(pilot, app)
        keys, kind = BOXES[box]
        await press(pilot, *keys)
        await wait_for(pilot, lambda: isinstance(app.screen, kind))
        assert said_in_box(app.screen) == ""
        opened.set()
        await wait_for(pilot, lambda: said_in_box(app.screen) != "")
        told = (
            f"▌ cannot save\n{noted.store.journal}: {FULL}; retrying. Your decisions are kept "
            "and saving is retried."
        )
        assert said_in_box(app.screen) == told
        await pilot.pause()
        assert in_sight(app.screen)
        # Still true once the box is closed: the review's toast says it again.
        await press(pilot, "escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, kind))
        await wait_for(pilot, lambda: any(FULL in shown for shown in toasts(app)))
        # Saved at the next try: it is true no more, and goes.
        monkeypatch.setattr(writer, "append_durably", real_append)
        await wait_for(pilot, lambda: noted.save_state == "saved")
        await wait_for(pilot, lambda: not any(FULL in shown for shown in toasts(app)))

    drive(noted, scenario, size=size, notifications=True)
    first = [line for line in gold(noted) if line["doc_id"] == FIRST][-1]
    assert BOB_EIGHT in {(s["start"], s["end"], s["label"]) for s in first["spans"]}


def test_a_quit_stopped_for_typing_is_said_in_the_span_value_box_until_the_typing_goes(
    review: ReviewSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        await press(pilot, "v")
        editor = app.screen
        assert isinstance(editor, SpanValueScreen)
        await press(pilot, "ctrl+a", "ctrl+k", *"someday", "ctrl+q")
        said = (
            "▌ not saved: the value typed for c1, 'someday'; enter settles the conflict with "
            "it, or quit again to leave without it"
        )
        await wait_for(pilot, lambda: said_in_box(editor) == said)
        await pilot.pause()
        assert in_sight(editor)
        # Typed on, the message named what is typed no more: it goes.
        await press(pilot, "s")
        await wait_for(pilot, lambda: said_in_box(editor) == "")
        await press(pilot, "ctrl+q")
        await wait_for(pilot, lambda: "'somedays'" in said_in_box(editor))
        # Escape drops the typing: the review does not say it once the box is closed.
        await press(pilot, "escape")
        await wait_for(pilot, lambda: app.screen is not editor)
        await pilot.pause(0.2)
        assert not any("not saved" in shown for shown in toasts(app))
        assert app.is_running

    async def main() -> None:
        app = ReviewApp(review)
        async with app.run_test(size=(120, 36), notifications=True) as pilot:
            await wait_for(pilot, lambda: review.conflict is not None)
            await pilot.pause()
            await scenario(pilot, app)

    asyncio.run(main())
