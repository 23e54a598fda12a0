"""Pilot: a review's quit while the gold file cannot be saved (NOT SAVED) names the rescue file
its decisions are already kept in (a crash loses none), as annotate's does; closing brings that
file up to date rather than writing a second one. The review kept no such file: its question
said a rescue file would be written at a quit, and a crash until then lost every decision.

The disk is made to refuse by monkeypatching (tests may run as root, whom chmod does not stop).
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import press, wait_for
from test_review_keys import drive, review_of_two
from textual.pilot import Pilot
from textual.widgets import Static

from annotator.core import writer
from annotator.core.review import ReviewSession
from annotator.tui.review_app import ReviewApp
from annotator.tui.screens import QuitScreen


@pytest.fixture
def session(tmp_path: Path, home: Path) -> Iterator[ReviewSession]:
    yield from review_of_two(tmp_path)


def test_a_quit_in_not_saved_names_the_rescue_file_the_decisions_are_kept_in(
    session: ReviewSession, monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    def refused(path: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        assert session.flush(5)
        monkeypatch.setattr(writer, "append_durably", refused)
        await press(pilot, "1")  # a decision the disk refuses
        await wait_for(pilot, lambda: session.store.rescue_kept is not None)
        await press(pilot, "q")
        await wait_for(pilot, lambda: isinstance(app.screen, QuitScreen))
        question = str(app.screen.query_one("#quit-text", Static).render()).replace("\n", " ")
        kept = session.store.rescue_kept
        assert kept is not None and kept.parent == home
        assert question.startswith("Decisions are not on disk yet: ")
        assert f"kept in memory and in the rescue file {kept} (a crash loses none)" in question
        await pilot.click("#leave")
        await wait_for(pilot, lambda: not app.is_running)

    drive(session, scenario)
    kept = session.store.rescue_kept
    assert not session.close()  # as the command does once the screen is gone
    unsaved = session.store.unsaved
    assert unsaved is not None and unsaved.rescue == kept and list(home.iterdir()) == [kept]
