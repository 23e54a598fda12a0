"""A file that opens but cannot be read (/proc/self/mem: every read an I/O error) is said as
``FILE: cannot read: WHY`` by every command: agree, diff, merge and review said only
"annotator: Input/output error" (a read's error names no file), and compact
"/proc/self/mem.lock: No such file or directory". (A corpus: ``test_corpus_read_error_named``.)"""

from __future__ import annotations

import os
from pathlib import Path

import orjson
import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.journal import lines_past_mark
from tests.conftest import ARTICLE, make_record
from tests.test_agreement_data import run_cli

UNREADABLE = Path("/proc/self/mem")
SAID = f"{UNREADABLE}: cannot read: Input/output error\n"

pytestmark = pytest.mark.skipif(
    not os.access(UNREADABLE, os.R_OK), reason="needs Linux's /proc/self/mem"
)


def _journal(folder: Path) -> Path:
    done = {"status": "done", "form": {"event_type": "exchange"}}
    path = folder / "bob.jsonl"
    path.write_bytes(orjson.dumps(make_record(annotator="bob", **done)) + b"\n")
    return path


@pytest.mark.parametrize("command", ["agree", "diff", "merge", "review"])
def test_comparing_commands_name_the_file(tmp_path: Path, command: str) -> None:
    extra: list[str | Path] = []
    if command in ("merge", "review"):
        extra = ["-o", tmp_path / "gold.jsonl"]
    if command == "review":
        (tmp_path / "corpus").mkdir()
        (tmp_path / "corpus" / "a.txt").write_text(ARTICLE, encoding="utf-8")
        extra += ["--corpus", tmp_path / "corpus"]
    result = run_cli(command, UNREADABLE, _journal(tmp_path), *extra)
    assert (result.returncode, result.stderr) == (1, SAID)


def test_compact_names_the_journal_and_makes_no_lock() -> None:
    result = run_cli("compact", UNREADABLE)
    assert (result.returncode, result.stderr) == (1, SAID)


def test_a_read_failing_inside_the_block_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "j.jsonl"
    path.write_bytes(b"{}\n")
    said = rf"^{path}: cannot read: Input/output error$"
    with pytest.raises(AnnotatorError, match=said), lines_past_mark(path):
        raise OSError(5, "Input/output error")  # as a read gives it: no file named
    gone = tmp_path / "nope"
    with pytest.raises(AnnotatorError, match=rf"^{gone}: no such file$"), lines_past_mark(gone):
        pass
