"""``stats`` on files without records says so, where it printed an empty table: exit 0, as
``validate`` takes such a file (a journal not yet written to is a valid one)."""

from __future__ import annotations

from pathlib import Path

import orjson

from tests.conftest import make_record
from tests.test_agreement_data import run_cli


def test_an_empty_journal_has_no_records(tmp_path: Path) -> None:
    empty, blank = tmp_path / "empty.jsonl", tmp_path / "blank.jsonl"
    empty.write_bytes(b"")
    blank.write_bytes(b"\n\n")
    assert run_cli("validate", empty).returncode == 0  # the rule stats keeps
    result = run_cli("stats", empty, blank)
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        f"no records in {empty}, {blank}\n",
        "",
    )
    as_json = run_cli("stats", empty, "--json")
    assert (as_json.returncode, orjson.loads(as_json.stdout)) == (0, {"annotators": {}})


def test_records_that_hold_nothing_are_told_apart(tmp_path: Path) -> None:
    journal = tmp_path / "alice.jsonl"
    untouched = make_record(spans=[])  # in progress, nothing in it: every change undone
    journal.write_bytes(orjson.dumps(untouched) + b"\n")
    result = run_cli("stats", journal)
    assert (result.returncode, result.stdout) == (
        0,
        f"no annotator's work in {journal}: its 1 record(s) hold nothing (every change undone, or "
        "started over with ctrl+r)\n",
    )


def test_a_journal_with_work_still_gives_the_table(tmp_path: Path) -> None:
    journal = tmp_path / "alice.jsonl"
    journal.write_bytes(orjson.dumps(make_record()) + b"\n")
    result = run_cli("stats", journal)
    assert result.returncode == 0
    assert "no records" not in result.stdout and "alice" in result.stdout
