"""``stats`` over files that hold records under one name: two gold files by one reviewer, or a
journal copied under another file name. agree, diff and merge refuse one name in two files;
stats counted them as one row and said nothing, so a row mixing two files read as one
person's work. The row stays one (the figures a curator asked of that name), and a note names
the files; ``--json`` gains a key for them, its other keys as they were."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from annotator.cli import main
from annotator.core.stats import read_stats
from annotator.core.stats_corpus import WITHOUT_CORPUS_NOTE
from tests.test_agreement_data import record, span, write_journal

RUSSIA = span("s1", 0, 6, "actor")


def gold_file(path: Path, *doc_ids: str) -> Path:
    """A gold file by reviewer rita of ``doc_ids``, each with a conflict still open."""
    sources = {"annotators": ["alice", "bob"], "spans": {"s1": ["alice", "bob"]}}
    conflict = {"id": "c1", "kind": "field", "path": "event_type", "versions": []}
    return write_journal(
        path,
        *(
            record(
                "rita",
                doc_id,
                spans=[RUSSIA],
                status="in_progress",
                sources=sources,
                conflicts=[conflict],
            )
            for doc_id in doc_ids
        ),
    )


def test_two_gold_files_by_one_reviewer_are_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = gold_file(tmp_path / "gold-1.jsonl", "d1", "d2")
    second = gold_file(tmp_path / "gold-2.jsonl", "d3")
    assert main(["stats", str(first), str(second)]) == 0
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"note: annotator 'rita' has records in {first} and {second}: counted as one annotator",
        f"note: {WITHOUT_CORPUS_NOTE}",
    ]
    assert main(["stats", str(first), str(second), "--json"]) == 0
    report = orjson.loads(capsys.readouterr().out)
    assert list(report["annotators"]) == ["rita"]  # one row, as before: both files' documents
    assert report["annotators"]["rita"]["in_progress"] == 3
    assert report["annotators"]["rita"]["open_conflicts"] == 3
    assert report["annotators_in_several_files"] == {"rita": [str(first), str(second)]}


def test_a_journal_and_its_copy_say_which_record_counts(tmp_path: Path) -> None:
    journal = write_journal(
        tmp_path / "alice.jsonl", record("alice", "d1"), record("alice", "d2", status="skipped")
    )
    copy = write_journal(tmp_path / "alice-old.jsonl", record("alice", "d1", status="in_progress"))
    notes: list[str] = []
    stats = read_stats([copy, journal], on_note=notes.append)
    assert notes == [
        f"annotator 'alice' has records in {copy} and {journal}: counted as one annotator; of "
        "the 1 document(s) more than one of them holds, the record in the later file counts"
    ]
    assert stats.in_several_files == {"alice": [copy, journal]}
    assert (stats.figures["alice"]["done"], stats.figures["alice"]["in_progress"]) == (1, 0)


def test_the_same_file_given_twice_is_said_so(tmp_path: Path) -> None:
    journal = write_journal(tmp_path / "alice.jsonl", record("alice", "d1"))
    notes: list[str] = []
    assert read_stats([journal, journal], on_note=notes.append).figures["alice"]["done"] == 1
    assert notes == [
        f"annotator 'alice' has records in {journal} and {journal} (the same file given "
        "twice?): counted as one annotator; of the 1 document(s) more than one of them holds, "
        "the record in the later file counts"
    ]


def test_names_each_in_one_file_say_nothing_and_keep_the_json_keys(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    alice = write_journal(tmp_path / "alice.jsonl", record("alice", "d1"))
    bob = write_journal(tmp_path / "bob.jsonl", record("bob", "d1"))
    assert main(["stats", str(alice), str(bob), "--json"]) == 0
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [f"note: {WITHOUT_CORPUS_NOTE}"]
    assert list(orjson.loads(captured.out)) == ["annotators"]
