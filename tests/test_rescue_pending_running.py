"""The rescue file a running session keeps while its saving fails is said as that session's by
the commands reading its journal, never as one to append (``rescue_taken.rescues_pending``).

``annotator stats`` of a journal whose annotate session was in NOT SAVED said the session's
live rescue file pending: "the next `annotator annotate` of it appends the file; or append it
now: cat RESCUE >> JOURNAL". Appended while the session runs, its lines are there twice once
the session writes them. The disk is made to refuse by monkeypatching (tests may run as root).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.rescue_taken import rescues_pending
from annotator.core.store import Store
from tests.test_rescue_pending import appends_words
from tests.test_review_session_data import open_it, write_review_case
from tests.test_store_closing_refused import Disk, close
from tests.test_store_rescue_kept import rec, wait_for


def running_words(journal: Path, rescue: Path, held: str = "1 change") -> str:
    return (
        f"{journal}: read without {held} that an annotate session of this journal (process "
        f"{os.getpid()}, running now) has not saved yet: it keeps them in its rescue file "
        f"{rescue} while saving fails, and writes them itself once it can (do not append that "
        "file while it runs)"
    )


def test_a_running_session_s_rescue_file_is_said_as_its_own_not_to_be_appended(
    tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    journal = tmp_path / "alice.jsonl"
    store = Store(journal, "alice")
    store.save(rec("first"))
    assert store.flush(10)
    disk = Disk(monkeypatch)
    disk.refusing = True
    store.save(rec("second", "b"))
    wait_for(lambda: store.rescue_kept is not None)
    kept = store.rescue_kept
    assert kept is not None
    assert rescues_pending([journal]) == [running_words(journal, kept)]
    assert main(["stats", str(journal)]) == 0
    assert running_words(journal, kept) in capsys.readouterr().err.replace("\n", " ")

    # Closed while the disk still refuses: the file is left for the next start to append.
    assert not close(store, disk)
    assert store.unsaved is not None and store.unsaved.rescue == kept
    assert rescues_pending([journal]) == [appends_words(journal, kept, "1 change")]


def test_a_running_review_s_rescue_file_is_said_as_its_own(
    tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    setup = write_review_case(tmp_path)
    gold = setup["gold"]
    session = open_it(setup)
    disk = Disk(monkeypatch)
    try:
        disk.refusing = True
        session.take(0)
        wait_for(lambda: session.store.rescue_kept is not None)
        kept = session.store.rescue_kept
        assert rescues_pending([gold]) == [
            f"{gold}: read without 1 decision that a review of this gold file (process "
            f"{os.getpid()}, running now) has not saved yet: it keeps them in its rescue file "
            f"{kept} while saving fails, and writes them itself once it can (do not append "
            "that file while it runs)"
        ]
        disk.refusing = False
    finally:
        assert session.close()
    assert rescues_pending([gold]) == [] and list(home.iterdir()) == []
