"""Pilot: quitting while the journal cannot be saved (NOT SAVED) asks once, then leaves at once;
closing the session (as the command does after the screen) rescues every line the disk refused,
in order, releases the lock and says so. A trial's quit printed its rescue line, then sat silent
for 11 s and more on the store's closing and kept the lock.

The disk is made to refuse by monkeypatching (tests may run as root, whom chmod does not stop).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from annotate_helpers import drive, press, wait_for
from textual.pilot import Pilot
from textual.widgets import Static

from annotator.core import writer
from annotator.core.lock import lock_path
from annotator.core.models import Record, record_line
from annotator.core.session import AnnotationSession
from annotator.core.store_rescue import closing_words
from annotator.tui.app import AnnotatorApp
from annotator.tui.screens import QuitScreen

RUSSIA = ["ctrl+home", *["right"] * 16, *["shift+right"] * 6, "1"]  # in document a
UKRAINE = ["ctrl+home", *["right"] * 27, *["shift+right"] * 7, "1"]


class Watched:
    """What the session saved (in order), and how often the app waited for the writer."""

    def __init__(self, session: AnnotationSession, monkeypatch: pytest.MonkeyPatch) -> None:
        self.saved: list[Record] = []
        self.flushes = 0
        save, flush = session.store.save, session.flush

        def saving(record: Record) -> None:
            self.saved.append(record)
            save(record)

        def flushing(timeout: float | None = None) -> bool:
            self.flushes += 1
            return flush(timeout)

        monkeypatch.setattr(session.store, "save", saving)
        monkeypatch.setattr(session, "flush", flushing)
        self.real_append = writer.append_durably
        self.monkeypatch = monkeypatch

    def refuse(self) -> None:
        def refused(path: Path, data: bytes) -> None:
            raise PermissionError(errno.EPERM, os.strerror(errno.EPERM), str(path))

        self.monkeypatch.setattr(writer, "append_durably", refused)

    def take_again(self) -> None:
        self.monkeypatch.setattr(writer, "append_durably", self.real_append)


def test_quit_anyway_in_not_saved_leaves_at_once_and_closing_rescues_every_line(
    session: AnnotationSession, monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    watched = Watched(session, monkeypatch)
    apps: list[AnnotatorApp] = []

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        apps.append(app)
        await press(pilot, *RUSSIA)
        await wait_for(pilot, lambda: session.journal.exists() and session.save_state == "saved")
        watched.refuse()
        await press(pilot, *UKRAINE)
        await wait_for(pilot, lambda: session.save_state == "error")
        await press(pilot, "q")
        await wait_for(pilot, lambda: isinstance(app.screen, QuitScreen))
        question = str(app.screen.query_one("#quit-text", Static).render())
        assert question.startswith("Changes are not on disk yet: ")
        # The rescue file is kept while saving fails: the question names it (it said a
        # rescue file would be written at a quit, as if a crash until then lost them).
        kept_now = session.store.rescue_kept
        assert kept_now is not None and kept_now.parent == home
        assert f"kept in memory and in the rescue file {kept_now} (a crash loses none)" in (
            question.replace("\n", " ")
        )
        await pilot.click("#leave")
        await wait_for(pilot, lambda: not app.is_running)

    drive(session, scenario)
    assert watched.flushes == 1  # the question's; leaving waited for nothing
    # The rescue file kept while saving failed (a crash then loses nothing); the store's
    # closing brings it up to date, every line in, rather than writing a second one.
    kept = session.store.rescue_kept
    assert kept is not None and list(home.iterdir()) == [kept]
    journal = session.journal
    lock = lock_path(journal)
    assert lock.exists()

    assert not session.close()  # as the command does once the screen is gone

    unsaved = session.store.unsaved
    assert unsaved is not None and unsaved.rescue is not None and unsaved.rescue.parent == home
    rescue = unsaved.rescue
    assert rescue == kept and list(home.iterdir()) == [kept]
    # The span's line, and the time on the article if the quit took over 2 s (a loaded run).
    assert (unsaved.written, unsaved.unwritten) == (1, len(watched.saved) - 1)
    assert len(watched.saved) in (2, 3)
    # cat RESCUE >> JOURNAL gives the journal exactly the session's lines, in order.
    assert journal.read_bytes() + rescue.read_bytes() == b"".join(map(record_line, watched.saved))
    assert not lock.exists()
    said = apps[0].closing_words()
    assert said == closing_words(journal, unsaved, None)  # worded: test_store_closing_refused
    assert said[-1].endswith(f"append that file to the journal: cat {rescue} >> {journal}")


def test_a_disk_taking_writes_again_before_the_quit_saves_everything_without_asking(
    session: AnnotationSession, monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    watched = Watched(session, monkeypatch)
    apps: list[AnnotatorApp] = []

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        apps.append(app)
        watched.refuse()
        await press(pilot, *RUSSIA)
        await press(pilot, *UKRAINE)
        await wait_for(pilot, lambda: session.save_state == "error")
        watched.take_again()  # the folder made writable again
        await press(pilot, "q")
        await wait_for(pilot, lambda: not app.is_running)
        assert not isinstance(app.screen, QuitScreen)

    drive(session, scenario)
    assert session.close()
    assert session.journal.read_bytes() == b"".join(map(record_line, watched.saved))
    assert len(watched.saved) in (2, 3)  # and the time on the article, after 2 s (loaded)
    assert session.store.unsaved is None and list(home.iterdir()) == []
    assert not lock_path(session.journal).exists()
    assert apps[0].closing_words() == []


def test_a_quit_with_nothing_to_write_leaves_and_frees_the_lock(
    session: AnnotationSession, monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    watched = Watched(session, monkeypatch)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "q")
        await wait_for(pilot, lambda: not app.is_running)

    drive(session, scenario)
    assert watched.flushes == 1 and watched.saved == []
    assert session.close()
    assert not session.journal.exists() and not lock_path(session.journal).exists()
    assert list(home.iterdir()) == []
