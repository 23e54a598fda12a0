"""What merge is given: a --min-agree over a document's annotators, a gold file as a journal."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.merge import merge_files
from annotator.core.review_open import open_review
from tests.test_agreement_data import (
    TEXT,
    record,
    run_cli,
    scheme,
    span,
    write_corpus,
    write_journal,
    write_scheme,
)


def test_min_agree_over_a_documents_annotators_is_said(tmp_path: Path) -> None:
    # d1 by three, d2 by two: with --min-agree 3 nothing in d2 can be accepted, and the
    # reviewer is told why its every span is a conflict (a trial found one-version conflicts
    # there, unexplained).
    russia = [span("s1", 0, 6, "actor")]
    files = [
        write_journal(
            tmp_path / f"{name}.jsonl",
            record(name, spans=russia),
            *([record(name, "d2", spans=russia)] if name != "carol" else []),
        )
        for name in ("alice", "bob", "carol")
    ]
    summary = merge_files(files, tmp_path / "gold.jsonl", scheme(tmp_path), "rita", min_agree=3)
    assert summary["conflicts"]["span"] == 1  # d2's Russia, one version of two annotators
    # Its fields, which both left empty, are no conflicts: a version of nothing was noise.
    assert summary["conflicts"]["field"] == 0
    assert summary["notes"] == [
        "1 document(s) finished by fewer than --min-agree 3 annotators (d2): nothing in them "
        "is accepted; every span and answer is left to the review"
    ]
    assert merge_files(files, tmp_path / "g2.jsonl", scheme(tmp_path), "rita")["notes"] == []


def test_a_gold_file_is_refused_by_merge_and_compared_by_diff(tmp_path: Path) -> None:
    # A trial merged a gold file with a journal: its reviewer was counted as an annotator.
    russia = [span("s1", 0, 6, "actor")]
    alice = write_journal(tmp_path / "alice.jsonl", record("alice", spans=russia))
    bob = write_journal(tmp_path / "bob.jsonl", record("bob", spans=russia))
    gold = tmp_path / "gold.jsonl"
    test_scheme = write_scheme(tmp_path)
    assert run_cli("merge", alice, bob, "-o", gold, "--scheme", test_scheme).returncode == 0
    result = run_cli("merge", gold, alice, "-o", tmp_path / "g2.jsonl", "--scheme", test_scheme)
    assert (result.returncode, result.stderr) == (
        1,
        f"{gold}: is a gold file (its records have sources and conflicts), not an annotator's "
        "journal: merge takes the annotators' journals\n",
    )
    assert not (tmp_path / "g2.jsonl").exists()
    # review says so in its own name (it said "merge takes…"), and where a gold file goes.
    corpus = write_corpus(tmp_path, {"d1": TEXT})
    with pytest.raises(AnnotatorError) as refused:
        open_review([gold, alice], corpus, tmp_path / "g3.jsonl", "rita", scheme_path=test_scheme)
    assert str(refused.value) == (
        f"{gold}: is a gold file (its records have sources and conflicts), not an annotator's "
        "journal: review takes the annotators' journals; a gold file to go on with is given "
        "with -o"
    )
    assert not (tmp_path / "g3.jsonl").exists()
    # diff and agree compare gold with an annotator (how far alice agrees with gold), saying so.
    result = run_cli("diff", gold, alice, "--scheme", test_scheme)
    assert result.returncode == 0, result.stderr
    said = " ".join(result.stdout.split())  # wrapped to the terminal's width
    assert f"note: {gold}: a gold file: its records are compared as " in said


def test_a_gold_file_with_nothing_done_is_named_as_gold(tmp_path: Path) -> None:
    # Fresh from merge, a gold file's documents are in progress: nothing is compared, and the
    # message named its reviewer as an annotator with 0 done.
    russia = [span("s1", 0, 6, "actor")]
    alice = write_journal(tmp_path / "alice.jsonl", record("alice", spans=russia))
    bob = write_journal(tmp_path / "bob.jsonl", record("bob", spans=[span("s1", 0, 5, "actor")]))
    gold = tmp_path / "gold.jsonl"
    test_scheme = write_scheme(tmp_path)
    merged = run_cli("merge", alice, bob, "-o", gold, "--scheme", test_scheme, "--reviewer", "rita")
    assert merged.returncode == 0
    for command in (["merge", alice, gold, "-o", tmp_path / "g2.jsonl"], ["diff", alice, gold]):
        result = run_cli(*command, "--scheme", test_scheme)
        assert result.returncode == 1
        assert result.stderr.rstrip().endswith(
            f"; {gold} is a gold file (reviewer rita), not an annotator's journal"
        ), result.stderr


def test_merge_and_review_say_merged_where_agree_says_compared(tmp_path: Path) -> None:
    # A reviewer's trial read review's opening note "records not done are not compared":
    # merge and review do not compare, they leave those records out of gold.
    russia = [span("s1", 0, 6, "actor")]
    files = [
        write_journal(tmp_path / "alice.jsonl", record("alice", spans=russia)),
        write_journal(
            tmp_path / "bob.jsonl",
            record("bob", spans=russia),
            record("bob", "d2", spans=russia, status="in_progress"),
        ),
        write_journal(tmp_path / "carol.jsonl", record("carol", "d2", spans=russia)),
    ]
    notes = merge_files(files, tmp_path / "gold.jsonl", scheme(tmp_path), "rita")["notes"]
    assert "records not done are not merged: bob 1 in progress (d2)" in notes
    assert any(
        note.endswith("carol shares no done document with another annotator: not merged")
        for note in notes
    )
    corpus = write_corpus(tmp_path, {"d1": TEXT, "d2": TEXT})
    result = run_cli("agree", *files, "--corpus", corpus, "--scheme", write_scheme(tmp_path))
    said = " ".join(result.stdout.split())
    assert "records not done are not compared: bob 1 in progress (d2)" in said


def test_a_field_too_few_annotators_filled_alike_is_still_left_to_the_review(
    tmp_path: Path,
) -> None:
    # d1 by three (all agree: accepted), d2 by two, code 1 in both, the rest left empty.
    files = [
        write_journal(
            tmp_path / f"{name}.jsonl",
            record(name),
            *([record(name, "d2", form={"code": "1"})] if name != "carol" else []),
        )
        for name in ("alice", "bob", "carol")
    ]
    gold = tmp_path / "gold.jsonl"
    summary = merge_files(files, gold, scheme(tmp_path), "rita", min_agree=3)
    assert summary["conflicts"] == {"span": 0, "field": 1}  # code, 1 by both: one version
    _d1, d2 = gold.read_bytes().splitlines()
    assert [c["path"] for c in orjson.loads(d2)["conflicts"]] == ["code"]
