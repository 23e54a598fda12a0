"""A wrong --split or --status is a wrong command line: one line and exit status 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_agreement_data import TEXT, record, run_cli, write_corpus, write_journal


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--split", "train=0.8,test=0.3"), "--split: shares add up to 1.1, not 1"),
        (("--split", "train"), "--split: 'train': expected NAME=SHARE, e.g. train=0.8"),
        (("--status", "finished"), "--status: 'finished': expected one or more of"),
    ],
)
def test_a_wrong_split_or_status_is_a_usage_error(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    journal = write_journal(tmp_path / "a.jsonl", record("alice"))
    corpus = write_corpus(tmp_path, {"d1": TEXT})
    out = tmp_path / "out"
    result = run_cli("export", journal, "--format", "conll", "-o", out, "--corpus", corpus, *args)
    assert result.returncode == 2, result.stderr
    assert len(result.stderr.splitlines()) == 1 and message in result.stderr
    assert not out.exists()
