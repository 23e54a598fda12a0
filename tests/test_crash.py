"""A writer killed with SIGKILL during rapid appends loses at most the record in flight."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from annotator.core.journal import read_journal
from annotator.core.scheme import load_default_scheme
from annotator.core.store import Store
from annotator.core.validate import validate_files

WRITER = r"""
import sys
from pathlib import Path
from annotator.core.models import Record
from annotator.core.store import Store
sys.path.insert(0, sys.argv[2])
from tests.conftest import make_record
store = Store(Path(sys.argv[1]), "alice")
print("ready", flush=True)
number = 0
while True:
    # Large notes make each append span many pages, so a kill can land mid-line.
    store.save(Record.model_validate(make_record(note=str(number) + "x" * 200_000)))
    number += 1
    if number % 20 == 0:
        store.flush()
"""


def test_sigkill_during_rapid_appends(tmp_path: Path) -> None:
    journal = tmp_path / "alice.jsonl"
    root = str(Path(__file__).resolve().parent.parent)
    kept = 0
    for attempt in range(3):
        process = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(journal), root], stdout=subprocess.PIPE
        )
        assert process.stdout is not None
        assert process.stdout.readline().strip() == b"ready"
        time.sleep(0.3 + 0.1 * attempt)
        process.send_signal(signal.SIGKILL)
        process.wait()

        contents = read_journal(journal)
        assert contents.problems == []  # every complete line is a valid record
        assert len(contents.records) > 0
        numbers = [int(record.note.rstrip("x")) for _line, record in contents.records[kept:]]
        assert numbers == list(range(len(numbers)))  # this run's appends, in order, no gaps
        problems = validate_files([journal], None, load_default_scheme())
        if contents.torn is not None:
            assert problems == [
                f"{journal}:{contents.torn.line}: incomplete last line (an interrupted write); "
                "the store sets it aside when the journal is next opened for writing"
            ]
        else:
            assert problems == []

        store = Store(journal, "alice")  # the dead process's lock is taken over
        assert any("no longer running" in message for message in store.messages)
        store.close()
        assert read_journal(journal).torn is None
        kept = len(read_journal(journal).records)
        assert kept == len(contents.records)
