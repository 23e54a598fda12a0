"""Tables written to a file or a pipe are whole: no header or cell cut to "…" at 80 columns."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.test_agreement_data import record, span, write_journal, write_scheme

NAMES = ("alexandra_konstantinopoulou", "bartholomew_featherstonehaugh")


def piped(*args: str | Path, columns: str | None = None) -> str:
    env = {key: value for key, value in os.environ.items() if key not in ("COLUMNS", "LINES")}
    if columns:
        env["COLUMNS"] = columns
    result = subprocess.run(
        [sys.executable, "-m", "annotator", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def journals(tmp_path: Path) -> list[Path]:
    spans = [
        span("s1", 0, 6, "actor"),
        span("s2", 13, 16, "count", 146),
        span("s3", 17, 26, "releasee"),
        span("s4", 60, 66, "date", "2024-03-17"),
    ]
    return [write_journal(tmp_path / f"{name}.jsonl", record(name, spans=spans)) for name in NAMES]


def test_stats_to_a_pipe_keeps_every_header_and_name(tmp_path: Path) -> None:
    out = piped("stats", *journals(tmp_path))
    assert "…" not in out
    for word in (*NAMES, "releasee", "in progress", "flagged"):
        assert word in out


def test_agree_to_a_pipe_keeps_its_tables_whole(tmp_path: Path) -> None:
    out = piped("agree", *journals(tmp_path), "--scheme", write_scheme(tmp_path))
    assert "…" not in out
    assert f"{NAMES[0]}, {NAMES[1]}" in out  # the "look here first" row, on one line


def test_columns_still_sets_the_width(tmp_path: Path) -> None:
    out = piped("stats", *journals(tmp_path), columns="60")
    assert max(len(line) for line in out.splitlines()) <= 60
