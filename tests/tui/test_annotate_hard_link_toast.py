"""The annotation screen shows, among its start-up messages, that the journal has another name
(a hard link): the lock beside this name does not keep out a session opened through it, and
changes written here change it under every name."""

from __future__ import annotations

import os
from pathlib import Path

from textual.pilot import Pilot

from annotator.core.session import open_session
from annotator.tui.app import AnnotatorApp
from tests.test_hard_links_said import said_of
from tests.test_session_data import fixed_now
from tests.tui.annotate_helpers import drive, toasts, wait_for


def test_the_screen_says_the_journal_has_another_name(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = open_session(corpus, "alice", None, out, now=fixed_now)
    first.open("a")
    first.set_note("swapped on Sunday")
    assert first.close()
    journal = out / "annotations" / "alice.jsonl"
    os.link(journal, tmp_path / "alice.backup.jsonl")

    session = open_session(corpus, "alice", None, out, now=fixed_now)
    try:

        async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
            await wait_for(pilot, lambda: toasts(app) == [said_of(journal, 2)])

        drive(session, scenario, notifications=True)
    finally:
        session.close()
