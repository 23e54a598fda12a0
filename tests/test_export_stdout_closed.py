"""``annotator export ... -o - | head -1``: standard output closed early is no export written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.test_agreement_data import record, write_journal

# Far more than a pipe holds (64 KiB on Linux), so the export is still writing when the reader
# has gone: 3,000 records of about 300 bytes.
COUNT = 3000


def test_a_reader_that_stops_early_gets_no_claim_and_exit_1(tmp_path: Path) -> None:
    journal = write_journal(
        tmp_path / "a.jsonl", *(record("alice", f"d{n:05d}") for n in range(COUNT))
    )
    with subprocess.Popen(
        [sys.executable, "-m", "annotator", "export", str(journal), "--format", "jsonl",
         "-o", "-"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    ) as process:  # fmt: skip
        assert process.stdout is not None and process.stderr is not None
        first = process.stdout.readline()  # as head -1 does: one line, then gone
        process.stdout.close()
        said = process.stderr.read().decode()
        status = process.wait()
    assert b'"doc_id":"d00000"' in first
    assert status == 1
    assert "exported" not in said
    assert said == "", said  # quietly, as other commands: no traceback, no "Exception ignored"


def test_a_reader_that_reads_all_gets_the_claim(tmp_path: Path) -> None:
    journal = write_journal(
        tmp_path / "a.jsonl", *(record("alice", f"d{n:05d}") for n in range(COUNT))
    )
    done = subprocess.run(
        [sys.executable, "-m", "annotator", "export", str(journal), "--format", "jsonl",
         "-o", "-"],
        capture_output=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0
    assert len(done.stdout.splitlines()) == COUNT
    assert done.stderr.decode() == f"exported {COUNT} document(s) as jsonl to standard output\n"
