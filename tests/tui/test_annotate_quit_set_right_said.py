"""Pilot, through ``annotator annotate``: what the journal's check sets right while the quit
writes the last changes is said on exit (``SavingApp.notices_told``). The quit's flush ends and
the screen goes at once, so its toast was never read: a note typed, the journal replaced from
another shell meanwhile, then ctrl+q, and the exit said only "saved to", though the file was
written again and the one found there kept aside.

Here the quit's last line is a label the writer was still checking (held, as a slow disk holds
it) when q was pressed: the journal was replaced before, and the check finds it then.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import threading
from pathlib import Path
from typing import Any

import pytest
from annotate_helpers import press, wait_for

from annotator.commands import annotate_cmd
from annotator.core.journal_guard import JournalGuard
from annotator.core.models import Record
from annotator.tui.app import AnnotatorApp

RUSSIA = ["ctrl+home", *["right"] * 16, *["shift+right"] * 6]  # "Russia", 16..22
JOURNAL = Path("out/annotations/alice.jsonl")
THEIRS = b'{"a file": "of another program"}\n'


def test_a_journal_set_right_as_the_quit_writes_is_said_on_exit(
    corpus: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    held = threading.Event()  # the writer's check of the next line waits for it
    let_go = threading.Event()
    real_check = JournalGuard.check

    def slow_check(guard: JournalGuard, record: Record | None) -> bool:
        if record is not None and held.is_set():
            assert let_go.wait(20)
        return real_check(guard, record)

    async def scenario(app: AnnotatorApp) -> None:
        session = app.session
        async with app.run_test(size=(120, 36)) as pilot:
            await wait_for(pilot, lambda: session.loaded)
            await press(pilot, *RUSSIA, "1")
            assert session.flush(10)
            other = session.journal.with_name("other.jsonl")
            other.write_bytes(THEIRS)
            os.replace(other, session.journal)  # `mv other.jsonl alice.jsonl`
            held.set()
            await press(pilot, "2")  # relabelled: its line waits in the check
            await press(pilot, "ctrl+q")
            assert app.is_running  # the quit waits for the line
            let_go.set()
            await wait_for(pilot, lambda: not app.is_running)
        assert session.store.notices[-1].startswith(f"{session.journal} was replaced")

    def run(app: AnnotatorApp, *args: Any, **kwargs: Any) -> None:
        asyncio.run(scenario(app))  # the real app, driven as a person would

    monkeypatch.setattr(JournalGuard, "check", slow_check)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(annotate_cmd, "require_terminal", lambda command: None)
    monkeypatch.setattr(AnnotatorApp, "run", run)
    args = argparse.Namespace(
        corpus=os.fspath(corpus), annotator="alice", scheme=None, out="out", command="annotate"
    )
    assert annotate_cmd.run(args) == 0
    [kept] = sorted((tmp_path / JOURNAL.parent).glob("alice.jsonl.replaced-*"))
    assert kept.read_bytes() == THEIRS
    err = capsys.readouterr().err.splitlines()
    assert err[0] == (
        f"on closing the session, {JOURNAL} was replaced while open (the file found there is "
        f"kept as {JOURNAL.parent / kept.name}): wrote it again with the 1 record this session "
        "holds (the latest of each document)"
    )
    assert len(err) == 2 and err[1].startswith(f"saved to {JOURNAL} (")
