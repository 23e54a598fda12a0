"""A review keeps its decisions not on disk in a rescue file while saving fails, as annotate keeps
its changes (``store_unwritten``); the next review of the gold file appends it.

A review in NOT SAVED (a full disk, a read-only gold folder) kept its decisions in memory alone:
a ``kill -9`` or a power cut lost every one made since saving began to fail, and no rescue file
was left (only a closing wrote one). The disk is made to refuse by monkeypatching: tests may
run as root, whom chmod does not stop.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from annotator.core.journal import read_journal
from annotator.core.models import GoldRecord, record_line
from annotator.core.store_rescue import rescue_name
from tests.test_review_session_data import latest, open_it, write_review_case
from tests.test_store_closing_refused import Disk
from tests.test_store_rescue_kept import wait_for

ROOT = Path(__file__).resolve().parent.parent


def test_a_decision_made_while_saving_fails_is_in_a_rescue_file_at_once_and_removed_once_saved(
    tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    setup = write_review_case(tmp_path)
    gold = setup["gold"]
    session = open_it(setup)
    try:
        disk = Disk(monkeypatch)
        disk.refusing = True
        session.take(0)  # d1 c1: alice's version
        wait_for(lambda: session.store.rescue_kept is not None)
        kept = session.store.rescue_kept
        assert kept is not None and kept.parent == home
        assert kept.name.startswith("annotator-rescue-gold-")
        [decided] = [record for _line, record in read_journal(kept).records]
        assert isinstance(decided, GoldRecord) and decided.doc_id == "d1"
        assert [c["id"] for c in decided.conflicts][:1] == ["c2"]  # c1 settled
        assert kept.read_bytes() == record_line(decided)
        # A second decision writes the file again whole, at once.
        session.take(0)  # d1 c2
        assert len(read_journal(kept).records) == 2

        disk.refusing = False
        assert session.flush(10)
        wait_for(lambda: session.store.rescue_kept is None)  # the gold file took them
        assert list(home.iterdir()) == []
    finally:
        assert session.close()
    assert [c["id"] for c in latest(gold)["d1"]["conflicts"]][:1] == ["c3"]


KILLED = """
import errno, os, sys, time
from pathlib import Path
from annotator.core import writer
from tests.test_review_session_data import open_it

setup = dict(zip(("scheme", "corpus", "alice", "bob", "gold"), map(Path, sys.argv[1:])))
session = open_it(setup)
assert session.flush(10)
def refused(path, data):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
writer.append_durably = refused
session.take(0)
deadline = time.monotonic() + 20
while session.store.rescue_kept is None and time.monotonic() < deadline:
    time.sleep(0.01)
print(session.store.rescue_kept or "", flush=True)
time.sleep(60)
"""


def test_a_review_killed_while_saving_fails_leaves_its_decisions_to_the_next_one(
    tmp_path: Path, home: Path
) -> None:
    setup = write_review_case(tmp_path)
    gold = setup["gold"]
    env = {**os.environ, "HOME": str(home), "PYTHONPATH": str(ROOT)}
    paths = [str(setup[key]) for key in ("scheme", "corpus", "alice", "bob", "gold")]
    killed = subprocess.Popen(
        [sys.executable, "-c", KILLED, *paths], stdout=subprocess.PIPE, env=env, cwd=ROOT
    )
    assert killed.stdout is not None
    kept = Path(killed.stdout.readline().decode().strip() or "(none kept)")
    killed.send_signal(signal.SIGKILL)  # kill -9: no closing, no rescue file but the kept one
    killed.wait(10)
    killed.stdout.close()
    assert kept.parent == home and kept.exists()
    # The gold file as the merge wrote it: the decision is in the rescue file alone.
    assert [c["id"] for c in latest(gold)["d1"]["conflicts"]][:1] == ["c1"]

    session = open_it(setup)
    try:
        # Taken back on opening, before the review reads the file: c1 is settled.
        assert session.conflicts_left() == 5
        took_over = next(line for line in session.messages if "took over the lock" in line)
        assert f"process {killed.pid}" in took_over
        assert any(
            line.startswith(f"{gold}: its rescue file {kept} (1 decision a review could not")
            and line.endswith(f"appended to it now; the file is kept as {kept.name}.appended")
            for line in session.messages
        )
    finally:
        assert session.close()
    assert [c["id"] for c in latest(gold)["d1"]["conflicts"]][:1] == ["c2"]
    assert not kept.exists() and kept.with_name(kept.name + ".appended").exists()


def test_a_torn_last_line_is_set_aside_before_the_rescue_file_is_appended(
    tmp_path: Path, home: Path
) -> None:
    # A power cut as the disk took writes again: the line being written is torn, and the
    # rescue file kept while saving failed holds it whole. The review's opening refused
    # ("line 3 is damaged or incomplete: run annotator validate", which sets nothing right);
    # annotate's sets the tail aside, then appends.
    setup = write_review_case(tmp_path)
    open_it(setup).close()
    gold = setup["gold"]
    last = orjson.loads(gold.read_bytes().splitlines()[-1])
    decided = orjson.dumps(last | {"note": "rescued"}) + b"\n"
    kept = home / rescue_name(gold)
    kept.write_bytes(decided)
    whole = gold.read_bytes()
    gold.write_bytes(whole + decided[:40])
    session = open_it(setup)
    try:
        torn = next(line for line in session.messages if "an incomplete last line" in line)
        appended = next(line for line in session.messages if f"its rescue file {kept}" in line)
        assert session.messages.index(torn) < session.messages.index(appended)
        assert appended.endswith(f"appended to it now; the file is kept as {kept.name}.appended")
    finally:
        assert session.close()
    assert gold.read_bytes().startswith(whole + decided)
    assert latest(gold)[last["doc_id"]]["note"] == "rescued"
    [aside] = tmp_path.glob("gold.jsonl.torn-*")
    assert aside.read_bytes() == decided[:40]


def test_typing_an_editor_held_at_a_hangup_is_said_once_by_the_next_review(
    tmp_path: Path, home: Path
) -> None:
    # The app hands the store what its editors hold at a hangup (``SavingApp._hung_up``): a
    # review's store wrote the note, and no review's opening read it.
    setup = write_review_case(tmp_path)
    gold = setup["gold"]
    session = open_it(setup)
    note = session.store.keep_refused_typing(["the value typed for c4, 'kelpie'"])
    assert session.close()
    assert note is not None and note.parent == home
    at = orjson.loads(note.read_bytes())["at"]
    again = open_it(setup)
    assert again.close()
    assert (
        f"{gold}: at the hang-up ({at}), an editor held the value typed for c4, 'kelpie', no "
        "decision until enter settles with it: not saved; type it again"
    ) in again.messages
    assert list(home.iterdir()) == [note.with_name(note.name + ".said")]
    third = open_it(setup)
    assert third.close()
    assert not any("kelpie" in line for line in third.messages)
