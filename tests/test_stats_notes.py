"""Notes reach the terminal: a torn last line left out by stats, agree and diff notes with --json
(the object holds them too, but whoever reads the terminal must see them)."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from annotator.cli import main
from annotator.core.stats import stats_of_files
from annotator.core.stats_corpus import WITHOUT_CORPUS_NOTE
from tests.test_agreement_data import record, span, write_journal

FORM = {"event_type": "exchange"}
TORN = "incomplete last line (an interrupted write) left out"


def test_stats_says_a_torn_last_line_was_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    journal = write_journal(tmp_path / "alice.jsonl", record("alice"))
    with journal.open("ab") as handle:
        handle.write(b'{"schema_version": 1, "doc_id": "d2", "annot')
    notes: list[str] = []
    assert stats_of_files([journal], on_note=notes.append)["alice"]["done"] == 1
    assert notes == [f"{journal}:2: incomplete last line (an interrupted write) left out"]
    assert main(["stats", str(journal), "--json"]) == 0
    captured = capsys.readouterr()
    assert orjson.loads(captured.out)["annotators"]["alice"]["done"] == 1
    assert captured.err.splitlines() == [
        f"note: {journal}:2: {TORN}",
        f"note: {WITHOUT_CORPUS_NOTE}",  # stale and missing documents not told apart
    ]


def two_journals(folder: Path) -> list[str]:
    alice = write_journal(
        folder / "alice.jsonl", record("alice", spans=[span("s1", 0, 6, "actor")], form=FORM)
    )
    bob = write_journal(
        folder / "bob.jsonl", record("bob", spans=[span("s1", 0, 7, "actor")], form=FORM)
    )
    with bob.open("ab") as handle:
        handle.write(b'{"doc_id": "d2"')
    return [str(alice), str(bob)]


@pytest.mark.parametrize("command", ["agree", "diff"])
def test_agree_and_diff_json_notes_go_to_stderr_too(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = two_journals(tmp_path)
    assert main([command, *files, "--json"]) == 0
    captured = capsys.readouterr()
    notes = orjson.loads(captured.out)["notes"]
    assert any(TORN in note for note in notes)
    assert captured.err.splitlines() == [f"note: {note}" for note in notes]
