"""A session's lock taken over says what the journal holds of its work. A crash trial's every
restart after kill -9 said only "took over the lock of process 3594 on vm, which is no longer
running": not that the session had not closed, which article was last saved, nor that the last
second of typing may be missing (typing is saved at a second's pause)."""

from __future__ import annotations

import datetime as dt
import signal
import socket
import subprocess
import sys
from pathlib import Path

import orjson

from annotator.core.lock import ANNOTATE_SESSION, TakenOver, lock_path, session_left_words
from annotator.core.models import Record
from annotator.core.store import Store, compact
from tests.conftest import make_record

NOW = dt.datetime(2026, 11, 27, 15, 30, 0, tzinfo=dt.UTC)
# The lock's since: 15:20:00 UTC that day, and a little (the lock was taken mid-second).
SINCE = dt.datetime(2026, 11, 27, 15, 20, 0, tzinfo=dt.UTC).timestamp() + 0.6
MISSING = (
    "changes after its last saved one may be missing (typing in its last second; all of them if it "
    "could not save)"
)


def saved(doc_id: str, at: str | None) -> Record:
    return Record.model_validate(make_record(doc_id=doc_id, updated_at=at))


def session(since: float | None = SINCE) -> TakenOver:
    return TakenOver(ANNOTATE_SESSION, since)


def test_the_sessions_latest_change_is_named_with_its_time() -> None:
    records = [
        saved("01-earlier", "2026-11-26T09:00:00Z"),  # another day's session
        saved("03-kyiv", "2026-11-27T15:22:26Z"),
        saved("02-lviv", "2026-11-27T15:21:00Z"),  # a later line, an earlier time
    ]
    assert session_left_words(session(), records, NOW) == (
        ": that annotate session did not close; its last saved change: 03-kyiv at "
        f"15:22:26 UTC; {MISSING}"
    )


def test_a_change_in_the_locks_first_second_is_the_sessions() -> None:
    """updated_at is to the second: 15:20:00 is the session's, whose lock came at 15:20:00.6."""
    records = [saved("01", "2026-11-27T15:19:59Z"), saved("02", "2026-11-27T15:20:00Z")]
    assert "its last saved change: 02 at 15:20:00 UTC;" in session_left_words(
        session(), records, NOW
    )


def test_of_two_changes_in_one_second_the_later_line_is_named() -> None:
    records = [saved("01", "2026-11-27T15:25:00Z"), saved("02", "2026-11-27T15:25:00Z")]
    assert "its last saved change: 02 at" in session_left_words(session(), records, NOW)


def test_a_change_of_another_day_says_its_day() -> None:
    since = dt.datetime(2026, 11, 26, 23, 50, tzinfo=dt.UTC).timestamp()
    records = [saved("07", "2026-11-26T23:59:58Z")]
    assert session_left_words(session(since), records, NOW) == (
        ": that annotate session did not close; its last saved change: 07 at "
        f"2026-11-26 23:59:58 UTC; {MISSING}"
    )


def test_a_session_that_saved_nothing_says_so_and_names_the_journals_last() -> None:
    records = [saved("01", "2026-11-27T09:00:00Z"), saved("02", "2026-11-27T10:15:00Z")]
    assert session_left_words(session(), records, NOW) == (
        ": that annotate session did not close; it saved no change (the journal's last: 02 at "
        f"10:15:00 UTC); {MISSING}"
    )
    assert session_left_words(session(), [], NOW) == (
        f": that annotate session did not close; it saved no change; {MISSING}"
    )
    # Lines without a time are not known to be the session's, nor the journal's last.
    assert session_left_words(session(), [saved("01", None)], NOW) == (
        f": that annotate session did not close; it saved no change; {MISSING}"
    )


def test_a_lock_without_its_time_names_the_journals_last_change() -> None:
    records = [saved("01", "2026-11-27T09:00:00Z"), saved("02", "2026-11-27T10:15:00Z")]
    assert session_left_words(session(None), records, NOW) == (
        ": that annotate session did not close; the journal's last saved change: 02 at "
        f"10:15:00 UTC; {MISSING}"
    )


def test_another_holders_lock_adds_nothing() -> None:
    """An export's or a compact's lock: nothing was typed there (their writes are whole)."""
    records = [saved("02", "2026-11-27T15:25:00Z")]
    for doing in ("an export", "a compact", None):
        assert session_left_words(TakenOver(doing, SINCE), records, NOW) == ""
    assert session_left_words(None, records, NOW) == ""


CRASHED_SESSION = r"""
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from annotator.core.lock import lock_path
from annotator.core.models import Record
from annotator.core.store import Store
from tests.conftest import make_record
import datetime as dt

journal = Path(sys.argv[1])
store = Store(journal, "alice")
for doc_id in ("02", "03"):
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    store.save(Record.model_validate(make_record(doc_id=doc_id, updated_at=now)))
assert store.flush(10)
print("saved", flush=True)
input()  # killed here, holding the lock
"""


def _crash_after_saving(journal: Path) -> int:
    """A process's annotate store saves 02 then 03 and is killed (SIGKILL) holding the lock;
    its pid."""
    root = str(Path(__file__).resolve().parent.parent)
    process = subprocess.Popen(
        [sys.executable, "-c", CRASHED_SESSION, str(journal), root],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    assert process.stdin is not None and process.stdout is not None
    assert process.stdout.readline().strip() == b"saved"
    process.send_signal(signal.SIGKILL)
    process.wait()
    process.stdin.close()
    process.stdout.close()
    assert orjson.loads(lock_path(journal).read_bytes())["doing"] == ANNOTATE_SESSION
    return process.pid


def _last_time(journal: Path) -> str:
    """``15:22:26 UTC`` of the journal's last line (the day before it when not today's)."""
    last = orjson.loads(journal.read_bytes().splitlines()[-1])["updated_at"]
    when = dt.datetime.fromisoformat(last)
    day = "" if when.date() == dt.datetime.now(dt.UTC).date() else f"{when:%Y-%m-%d} "
    return f"{day}{when:%H:%M:%S} UTC"


def test_a_store_opened_after_a_killed_session_says_what_it_saved_in_one_line(
    tmp_path: Path,
) -> None:
    journal = tmp_path / "annotations" / "alice.jsonl"
    journal.parent.mkdir()
    earlier = make_record(doc_id="01", updated_at="2026-01-05T08:00:00Z")
    journal.write_bytes(orjson.dumps(earlier) + b"\n")
    pid = _crash_after_saving(journal)
    with Store(journal, "alice") as store:
        assert store.messages == [
            f"{journal}: took over the lock of process {pid} on {socket.gethostname()}, which "
            "is no longer running: that annotate session did not close; its last saved "
            f"change: 03 at {_last_time(journal)}; {MISSING}"
        ]


def test_a_compact_after_a_killed_session_says_it_too(tmp_path: Path) -> None:
    journal = tmp_path / "alice.jsonl"
    pid = _crash_after_saving(journal)
    assert compact(journal)[2] == [
        f"{journal}: took over the lock of process {pid} on {socket.gethostname()}, which "
        "is no longer running: that annotate session did not close; its last saved "
        f"change: 03 at {_last_time(journal)}; {MISSING}"
    ]


def test_the_lock_of_a_killed_export_is_said_as_before(tmp_path: Path) -> None:
    journal = tmp_path / "alice.jsonl"
    journal.write_bytes(orjson.dumps(make_record(updated_at="2026-01-05T08:00:00Z")) + b"\n")
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    facts = {"host": socket.gethostname(), "pid": gone.pid, "since": 0, "doing": "an export"}
    lock_path(journal).write_bytes(orjson.dumps(facts))
    with Store(journal, "alice") as store:
        assert store.messages == [
            f"{journal}: took over the lock of process {gone.pid} on {socket.gethostname()}, "
            "which is no longer running"
        ]
