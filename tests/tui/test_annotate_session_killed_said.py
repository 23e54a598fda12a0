"""The start after an annotate session was killed (kill -9, the machine off) says, in its one
line of the lock taken over, that the session did not close, its last saved change and that
its last second of typing may be missing. A crash trial's every restart said only "took over
the lock of process 3594 on vm, which is no longer running"."""

from __future__ import annotations

import datetime as dt
import signal
import socket
import subprocess
import sys
from pathlib import Path

import orjson
from textual.pilot import Pilot

from annotator.core.session import open_session
from annotator.tui.app import AnnotatorApp
from tests.test_session_data import fixed_now
from tests.tui.annotate_helpers import drive, toasts, wait_for

# alice's session on the corpus: a note typed on b, saved at the pause, then killed.
KILLED_SESSION = r"""
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from annotator.core.session import open_session

session = open_session(Path(sys.argv[1]), "alice", None, Path(sys.argv[2]))
session.open("b")
session.set_note("freed on Sunday", typing=True)
session.open("c")  # looked at only: nothing saved
assert session.flush(10)
print("saved", flush=True)
input()  # killed here, holding the lock
"""


def test_the_start_after_a_killed_session_says_its_last_saved_change(
    corpus: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    root = str(Path(__file__).resolve().parents[2])
    killed = subprocess.Popen(
        [sys.executable, "-c", KILLED_SESSION, str(corpus), str(out), root],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    assert killed.stdin is not None and killed.stdout is not None
    assert killed.stdout.readline().strip() == b"saved"
    killed.send_signal(signal.SIGKILL)
    killed.wait()
    killed.stdin.close()
    killed.stdout.close()
    journal = out / "annotations" / "alice.jsonl"
    last = orjson.loads(journal.read_bytes().splitlines()[-1])
    assert (last["doc_id"], last["note"]) == ("b", "freed on Sunday")
    when = dt.datetime.fromisoformat(last["updated_at"])
    day = "" if when.date() == dt.datetime.now(dt.UTC).date() else f"{when:%Y-%m-%d} "
    said = (
        f"{journal}: took over the lock of process {killed.pid} on {socket.gethostname()}, "
        "which is no longer running: that annotate session did not close; its last saved "
        f"change: b at {day}{when:%H:%M:%S} UTC; changes after its last saved one may be "
        "missing (typing in its last second; all of them if it could not save)"
    )

    session = open_session(corpus, "alice", None, out, now=fixed_now)
    try:
        assert session.messages == [said]

        async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
            # Said on screen (beside the Welcome, which may still show).
            await wait_for(pilot, lambda: said in toasts(app))

        drive(session, scenario, notifications=True)
    finally:
        session.close()
