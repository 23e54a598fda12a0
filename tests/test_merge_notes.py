"""merge: the annotators' notes reach the reviewer in the gold note; `merge --json`."""

from __future__ import annotations

from pathlib import Path

import orjson

from annotator.core.goldfile import read_gold
from annotator.core.merge import merge_files
from tests.test_agreement_data import record, run_cli, scheme, write_journal
from tests.test_merge import merged


def test_each_annotators_note_is_a_line_of_the_gold_note(tmp_path: Path) -> None:
    gold = merged(
        tmp_path,
        [record("alice", note="figures disputed")],
        [record("bob")],
        [record("carol", note="two names\nnot in the text")],
    )
    # A note's further lines are indented: every line that is not names its author.
    assert gold[0].note == "alice: figures disputed\ncarol: two names\n  not in the text"


def test_the_notes_of_records_not_done_follow_with_their_status(tmp_path: Path) -> None:
    # A trial: carol skipped the article with her reason; the gold note was empty, and
    # review's N said no annotator wrote a note.
    gold = merged(
        tmp_path,
        [record("alice", note="talks only")],
        [record("bob")],
        [record("carol", status="skipped", note="no release, skipped")],
        [record("dave", status="in_progress", note="half way\nback later")],
        # A record of another text says nothing of this one.
        [record("erin", status="skipped", note="old text", text="Another text.")],
        [record("fred", status="skipped")],  # no note: nothing
    )
    assert gold[0].note == (
        "alice: talks only\ncarol (skipped): no release, skipped\n"
        "dave (in progress): half way\n  back later"
    )
    assert gold[0].sources.annotators == ["alice", "bob"]


def test_no_note_no_gold_note(tmp_path: Path) -> None:
    gold = merged(tmp_path, [record("alice")], [record("bob", note=" \n")])
    assert gold[0].note == ""


def test_the_gold_file_written_without_models_has_them_too(tmp_path: Path) -> None:
    files = [
        write_journal(tmp_path / "a.jsonl", record("alice", note="Ostrovin in the main group")),
        write_journal(tmp_path / "b.jsonl", record("bob", note="see paragraph 3")),
    ]
    out = tmp_path / "gold.jsonl"
    merge_files(files, out, scheme(tmp_path), "rita")
    [(_line, gold)] = read_gold(out)
    assert gold.note == "alice: Ostrovin in the main group\nbob: see paragraph 3"


def test_merge_json_prints_one_object_and_the_sentence_on_stderr(tmp_path: Path) -> None:
    form = {"event_type": "exchange"}
    alice = write_journal(tmp_path / "alice.jsonl", record("alice", form=form, note="check"))
    bob = write_journal(tmp_path / "bob.jsonl", record("bob", form=form))
    gold = tmp_path / "gold.jsonl"
    result = run_cli("merge", alice, bob, "-o", gold, "--reviewer", "rita", "--json")
    assert result.returncode == 0, result.stderr
    summary = orjson.loads(result.stdout)
    assert (summary["documents"], summary["done"], summary["conflicts"]) == (
        1,
        1,
        {"span": 0, "field": 0},
    )
    assert summary["output"] == str(gold)
    assert result.stderr.startswith(f"wrote {gold}: 1 document(s)")
