"""When standard output cannot be written (a full disk, a reader that stopped), a command
says so in one line, or nothing for a reader that stopped, and exits 1: never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.stats_corpus import WITHOUT_CORPUS_NOTE
from tests.test_agreement_data import record, span, write_journal, write_scheme


def journal(tmp_path: Path, documents: int) -> Path:
    records = [record("alice", doc_id=f"d{number:04d}") for number in range(documents)]
    return write_journal(tmp_path / "alice.jsonl", *records)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
def test_a_full_disk_is_one_line(tmp_path: Path) -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "annotator", "stats", str(journal(tmp_path, 3))],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert result.returncode == 1
    # The note stats gives without --corpus (stderr), then the one line.
    assert result.stderr == f"note: {WITHOUT_CORPUS_NOTE}\nannotator: No space left on device\n"


def test_a_reader_that_stops_gets_no_traceback(tmp_path: Path) -> None:
    # diff --json of 3,000 documents where only A marked a span: ~400 KB, far more than a
    # pipe holds, so the writer is still writing when the reader takes a line and goes.
    spans = [span("s1", 0, 6, "actor")]
    alice = write_journal(
        tmp_path / "a.jsonl", *(record("alice", f"d{n:04d}", spans=spans) for n in range(3000))
    )
    bob = write_journal(tmp_path / "b.jsonl", *(record("bob", f"d{n:04d}") for n in range(3000)))
    scheme = write_scheme(tmp_path)
    process = subprocess.Popen(
        [sys.executable, "-m", "annotator", "diff", alice, bob, "--json", "--scheme", scheme],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.read(100)
    process.stdout.close()
    error = process.stderr.read().decode()
    assert process.wait() == 1
    assert error == ""  # no "Exception ignored", no traceback: the reader asked for no more
