"""What agree, diff, merge and review say of the journals given them (a trial of messy inputs).

- A reviewer named as one of the annotators was taken: gold then bore alice's name, and agree
  refused gold beside alice's journal, naming a rename of the gold file, which rename refuses.
- A file holding no records was dropped unsaid ("2 annotators" over three files).
- ``diff --doc`` of a document one side holds was refused when the two shared no document.
- agree's "left out" line named a whole document when one record of it was left out.
"""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from annotator.core.errors import UsageError
from annotator.core.merge import merge_files
from annotator.core.review_check import check_review
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

RUSSIA = [span("s1", 0, 6, "actor")]


def _journals(tmp_path: Path) -> tuple[Path, Path]:
    alice = write_journal(tmp_path / "alice.jsonl", record("alice", spans=RUSSIA))
    bob = write_journal(tmp_path / "bob.jsonl", record("bob", spans=RUSSIA))
    return alice, bob


def _reviewer_refused(name: str, journal: Path) -> str:
    return (
        f"reviewer {name!r} is one of the annotators ({journal}): gold records bear the "
        f"reviewer's name, so agree and diff could not tell gold from {name}'s journal; name "
        "the reviewer otherwise with --reviewer NAME (without it, the reviewer is the login name)"
    )


def test_merge_refuses_a_reviewer_who_is_an_annotator(tmp_path: Path) -> None:
    alice, bob = _journals(tmp_path)
    gold = tmp_path / "gold.jsonl"
    result = run_cli("merge", alice, bob, "-o", gold, "--reviewer", "alice", "--scheme",
                     write_scheme(tmp_path))  # fmt: skip
    assert (result.returncode, result.stderr) == (
        2,
        f"annotator: error: {_reviewer_refused('alice', alice)}\n",
    )
    assert not gold.exists()
    with pytest.raises(UsageError) as refused:
        merge_files([alice, bob], gold, scheme(tmp_path), "bob")
    assert str(refused.value) == _reviewer_refused("bob", bob)
    assert not gold.exists()
    # Another name is taken, as before.
    assert merge_files([alice, bob], gold, scheme(tmp_path), "rita")["documents"] == 1


def test_review_refuses_a_reviewer_who_is_an_annotator(tmp_path: Path) -> None:
    alice, bob = _journals(tmp_path)
    corpus, gold = write_corpus(tmp_path, {"d1": TEXT}), tmp_path / "gold.jsonl"
    test_scheme = write_scheme(tmp_path)
    with pytest.raises(UsageError) as refused:
        open_review([alice, bob], corpus, gold, "bob", scheme_path=test_scheme)
    assert str(refused.value) == _reviewer_refused("bob", bob)
    assert not gold.exists()
    # Checked without a terminal too, before the terminal is asked for.
    with pytest.raises(UsageError):
        check_review([alice, bob], corpus, gold, "alice", scheme_path=test_scheme)
    result = run_cli("review", alice, bob, "--corpus", corpus, "-o", gold, "--reviewer", "alice",
                     "--scheme", test_scheme)  # fmt: skip
    assert (result.returncode, result.stderr) == (
        2,
        f"annotator: error: {_reviewer_refused('alice', alice)}\n",
    )


def test_gold_beside_its_reviewers_journal_names_a_rename_that_works(tmp_path: Path) -> None:
    # rita reviewed, and annotated too under her name in another project's journal.
    alice, bob = _journals(tmp_path)
    rita = write_journal(tmp_path / "rita.jsonl", record("rita", spans=RUSSIA))
    gold, test_scheme = tmp_path / "gold.jsonl", write_scheme(tmp_path)
    assert run_cli("merge", alice, bob, "-o", gold, "--reviewer", "rita", "--scheme",
                   test_scheme).returncode == 0  # fmt: skip
    renamed = tmp_path / "NEW.jsonl"
    rename = f"annotator rename {rita} --from rita --to NEW -o {renamed}"
    for files in ([rita, gold], [gold, rita]):  # the gold file named first or second
        result = run_cli("agree", *files, "--scheme", test_scheme)
        assert result.returncode == 1
        said = result.stderr
        assert f"{gold} is a gold file by reviewer 'rita', and rename takes no gold file" in said
        assert said.rstrip().endswith(f"{rename}, and give {renamed} in its place"), said
        assert f"rename {gold}" not in said
    # What it says works: rita's journal renamed, gold is compared with it.
    assert run_cli(*rename.split()[1:]).returncode == 0
    assert run_cli("agree", renamed, gold, "--scheme", test_scheme).returncode == 0
    # Two gold files of one reviewer: no rename to offer.
    other = tmp_path / "gold2.jsonl"
    other.write_bytes(gold.read_bytes())
    said = run_cli("agree", gold, other, "--scheme", test_scheme).stderr
    assert "both are gold files by reviewer 'rita', and rename takes no gold file" in said
    assert "annotator rename" not in said
    # Two journals of one name still name the rename.
    twin = write_journal(tmp_path / "alice2.jsonl", record("alice", spans=RUSSIA))
    said = run_cli("agree", alice, twin, "--scheme", test_scheme).stderr
    assert said.rstrip().endswith(f"annotator rename {twin} --from alice --to NEW -o {renamed}")


def test_a_file_of_no_records_is_named_by_each_command(tmp_path: Path) -> None:
    alice, bob = _journals(tmp_path)
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.jsonl"
    blank.write_bytes(b"\n\n")
    test_scheme = write_scheme(tmp_path)
    result = run_cli("agree", alice, bob, blank, "--scheme", test_scheme, "--json")
    assert result.returncode == 0, result.stderr
    assert (
        f"{blank}: holds no records: nothing of it is compared"
        in orjson.loads(result.stdout)["notes"]
    )
    assert f"note: {blank}: holds no records: nothing of it is compared\n" in result.stderr
    result = run_cli("agree", alice, bob, empty, "--scheme", test_scheme)
    said = " ".join(result.stdout.split())  # the table's notes, wrapped to the width
    assert f"note: {empty}: holds no records: nothing of it is compared" in said
    result = run_cli("merge", alice, bob, empty, "-o", tmp_path / "g.jsonl", "--scheme",
                     test_scheme, "--reviewer", "rita")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert f"note: {empty}: holds no records: nothing of it is merged\n" in result.stderr
    corpus = write_corpus(tmp_path, {"d1": TEXT})
    session = open_review([alice, bob, empty], corpus, tmp_path / "g2.jsonl", "rita",
                          scheme_path=test_scheme)  # fmt: skip
    try:
        assert f"note: {empty}: holds no records: nothing of it is merged" in session.messages
    finally:
        session.close()
    # With one annotator left, the refusal says which file held nothing.
    result = run_cli("diff", alice, empty, "--scheme", test_scheme)
    assert (result.returncode, result.stderr) == (
        1,
        f"{alice}, {empty}: only one annotator (alice): comparing needs the journals of "
        f"two or more annotators ({empty} holds no records)\n",
    )


def test_diff_doc_of_a_document_one_side_holds_when_none_is_shared(tmp_path: Path) -> None:
    alice = write_journal(tmp_path / "alice.jsonl", record("alice", spans=RUSSIA))
    bob = write_journal(tmp_path / "bob.jsonl", record("bob", "d2"))
    test_scheme = write_scheme(tmp_path)
    result = run_cli("diff", alice, bob, "--doc", "d1", "--scheme", test_scheme, "--json")
    assert result.returncode == 0, result.stderr
    report = orjson.loads(result.stdout)
    assert report["not_compared"] == [
        {"doc_id": "d1", "a": {"status": "done", "note": ""}, "b": None}
    ]
    result = run_cli("diff", alice, bob, "--doc", "d1", "--scheme", test_scheme)
    assert result.returncode == 0, result.stderr
    assert "d1: not compared: bob has no record of it; alice done" in result.stdout
    # Without --doc, nothing to compare is still refused; an id neither holds too.
    assert run_cli("diff", alice, bob, "--scheme", test_scheme).returncode == 1
    result = run_cli("diff", alice, bob, "--doc", "d9", "--scheme", test_scheme)
    assert result.returncode == 1
    assert "--doc d9: no such document" in result.stderr


def test_agree_says_a_record_left_out_of_a_document_still_compared(tmp_path: Path) -> None:
    other = TEXT.replace("146", "147")
    alice = write_journal(tmp_path / "alice.jsonl", record("alice"), record("alice", "d2"))
    bob = write_journal(tmp_path / "bob.jsonl", record("bob"), record("bob", "d2", text=other))
    carol = write_journal(tmp_path / "carol.jsonl", record("carol"), record("carol", "d2"))
    corpus = write_corpus(tmp_path, {"d1": TEXT, "d2": TEXT})
    result = run_cli("agree", alice, bob, carol, "--corpus", corpus, "--scheme",
                     write_scheme(tmp_path))  # fmt: skip
    assert result.returncode == 0, result.stderr
    said = result.stdout
    assert "document(s) left out" not in said
    assert "1 record(s) left out, each document compared between the others:" in said
    assert "  bob's record of d2: stale: doc_sha256 is not the corpus text's" in said
    # Left out whole: d2 with only alice's fresh record beside bob's stale one.
    result = run_cli("agree", alice, bob, "--corpus", corpus, "--scheme", write_scheme(tmp_path))
    assert "1 document(s) left out:\n  d2 (bob): stale" in result.stdout
    assert "record(s) left out" not in result.stdout
