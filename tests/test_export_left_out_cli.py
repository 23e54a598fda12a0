"""``annotator export`` says how many documents it left out for their status, and why."""

from __future__ import annotations

from pathlib import Path

import orjson

from annotator.core.formats.export import export_records
from tests.test_agreement_data import TEXT, record, run_cli, span, write_corpus, write_journal
from tests.test_formats_support import record as plain_record
from tests.test_formats_support import write_case

FORM = {"event_type": "exchange"}


cli = run_cli


def partly_reviewed_gold(folder: Path) -> Path:
    """A merged gold file: d1 agreed (done), d2 and d3 with open conflicts (in progress)."""
    russia = span("s1", 0, 6, "actor")
    ukraine = span("s2", 31, 38, "actor")
    alice = write_journal(
        folder / "alice.jsonl",
        record("alice", "d1", spans=[russia], form=FORM),
        record("alice", "d2", spans=[russia], form=FORM),
        record("alice", "d3", spans=[ukraine], form=FORM),
    )
    bob = write_journal(
        folder / "bob.jsonl",
        record("bob", "d1", spans=[russia], form=FORM),
        record("bob", "d2", spans=[], form=FORM),
        record("bob", "d3", spans=[], form=FORM),
    )
    gold = folder / "gold.jsonl"
    merged = cli("merge", alice, bob, "-o", gold, "--reviewer", "rita")
    assert merged.returncode == 0, merged.stderr
    assert "1 done, 2 with open conflicts" in merged.stdout
    return gold


def test_export_of_a_partly_reviewed_gold_file_says_what_it_left_out(tmp_path: Path) -> None:
    gold = partly_reviewed_gold(tmp_path)
    out = tmp_path / "out.jsonl"
    result = cli("export", gold, "--format", "jsonl", "-o", out)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"exported 1 document(s) as jsonl to {out}\n"
    assert result.stderr == (
        f"{gold}: left out 2 document(s) whose status is not done: 2 in progress "
        "(review not finished); --status done,in_progress exports them too\n"
    )
    # The option it names takes them, and then nothing is left out (the records exported
    # before replaced: --force).
    again = cli(
        "export", gold, "--format", "jsonl", "-o", out, "--status", "done,in_progress", "--force"
    )
    assert again.returncode == 0, again.stderr
    assert again.stdout == f"exported 3 document(s) as jsonl to {out}\n"
    assert again.stderr == f"{out}: replaced the file that was there\n"


def test_with_standard_output_the_data_stays_alone_on_stdout(tmp_path: Path) -> None:
    gold = partly_reviewed_gold(tmp_path)
    result = cli("export", gold, "--format", "jsonl", "-o", "-")
    assert result.returncode == 0, result.stderr
    assert [orjson.loads(line)["doc_id"] for line in result.stdout.splitlines()] == ["d1"]
    assert "left out 2 document(s) whose status is not done: 2 in progress" in result.stderr


def test_a_journal_names_each_status_left_out(tmp_path: Path) -> None:
    text = "Kyiv."
    docs = [(name, text) for name in ("a", "b", "c", "d")]
    records = [
        plain_record("a", text, [(0, 4, "actor")]),
        plain_record("b", text, [], status="in_progress"),
        plain_record("c", text, [], status="in_progress"),
        plain_record("d", text, [], status="skipped"),
    ]
    _corpus, journal = write_case(tmp_path, docs, records)
    result = export_records(journal, "jsonl", tmp_path / "o.jsonl")
    assert (result.documents, result.left_out, result.gold) == (
        1,
        {"in_progress": 2, "skipped": 1},
        False,
    )
    run = cli("export", journal, "--format", "jsonl", "-o", tmp_path / "o.jsonl", "--force")
    assert run.stderr.splitlines()[0] == (
        f"{journal}: left out 3 document(s) whose status is not done: 2 in progress, 1 skipped; "
        "--status all exports them too"
    )
    everything = export_records(journal, "jsonl", tmp_path / "o.jsonl", status="all", force=True)
    assert (everything.documents, everything.left_out) == (4, {})
    skipped = export_records(
        journal, "jsonl", tmp_path / "o.jsonl", status="done,skipped", force=True
    )
    assert skipped.left_out == {"in_progress": 2}


def test_nothing_is_said_when_nothing_is_left_out(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path, {"d1": TEXT})
    journal = write_journal(tmp_path / "alice.jsonl", record("alice", "d1", form=FORM))
    out = tmp_path / "o.jsonl"
    result = cli("export", journal, "--format", "jsonl", "-o", out, "--corpus", corpus)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
