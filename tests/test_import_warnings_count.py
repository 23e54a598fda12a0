"""import's ``N warning(s): see above`` comes right after the warnings it counts.

A trial read the count under the ``check them:`` and ``annotate them:`` lines (the last lines,
on stdout), far from the warnings (stderr, said as the import reads): it seemed to count those
lines. export says its count right after its warnings (commit 26ca325); import does too.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.models import sha256_text
from tests.test_import_review_flags import _record_line, write_jsonl


def test_the_count_follows_the_warnings_not_the_lines_said_after_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    source = write_jsonl(tmp_path / "w.jsonl", _record_line("Hello.", sha256_text("Hi.")))
    outputs = ["-o", str(tmp_path / "c.jsonl"), "--annotations", str(tmp_path / "r.jsonl")]
    words = ["import", str(source), "--format", "jsonl", *outputs, "--annotator", "x", "--skip-bad"]
    monkeypatch.setattr(sys, "stderr", sys.stdout)  # both streams as a terminal shows them
    assert main(words) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:2] == [
        f"{source}:1: doc_sha256: does not match the text of 'd1' on this line (made for "
        "another text: stale record)",
        "1 warning(s): see above",
    ]
    assert lines[2].startswith("imported 1 document(s)")
    assert lines[-2].startswith("check them: ") and lines[-1].startswith("annotate them: ")
