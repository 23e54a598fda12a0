"""merge, review and diff say a record left out of a document still merged as agree says it.

A trial's merge of three journals, bob's record of 01 stale against the corpus, said
"left out: 01 (bob): stale …" of a document that was in gold, merged between alice and carol:
it read as if 01 were dropped. A document left out whole keeps its line.
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.left_out import left_out_line
from annotator.core.review_open import open_review
from tests.test_agreement_data import (
    TEXT,
    record,
    run_cli,
    write_corpus,
    write_journal,
    write_scheme,
)

STALE = "stale: doc_sha256 is not the corpus text's"


def _journals(tmp_path: Path) -> tuple[Path, Path, Path, Path]:
    """alice, bob and carol finished 01 and 02; bob's 01 was made on another text."""
    other = TEXT.replace("146", "147")
    alice = write_journal(tmp_path / "alice.jsonl", record("alice", "01"), record("alice", "02"))
    bob = write_journal(
        tmp_path / "bob.jsonl", record("bob", "01", text=other), record("bob", "02")
    )
    carol = write_journal(tmp_path / "carol.jsonl", record("carol", "01"), record("carol", "02"))
    corpus_folder = tmp_path / "docs"
    corpus_folder.mkdir()
    return alice, bob, carol, write_corpus(corpus_folder, {"01": TEXT, "02": TEXT})


def test_merge_says_a_record_left_out_of_a_document_still_merged(tmp_path: Path) -> None:
    alice, bob, carol, corpus = _journals(tmp_path)
    test_scheme, gold = write_scheme(tmp_path), tmp_path / "gold.jsonl"
    result = run_cli("merge", alice, bob, carol, "--corpus", corpus, "-o", gold, "--scheme",
                     test_scheme, "--reviewer", "rita")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert (
        f"left out: bob's record of 01 (01 is still merged between the others): {STALE}\n"
        in result.stderr
    )
    assert "left out: 01 (bob)" not in result.stderr
    assert "2 document(s)" in result.stdout  # 01 is in gold
    # Between alice and bob, 01 is left out whole, and said so as before.
    gold.unlink()
    result = run_cli("merge", alice, bob, "--corpus", corpus, "-o", gold, "--scheme",
                     test_scheme, "--reviewer", "rita")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert f"left out: 01 (bob): {STALE}\n" in result.stderr
    assert "1 document(s)" in result.stdout


def test_review_opening_says_a_record_left_out_of_a_document_still_merged(
    tmp_path: Path,
) -> None:
    alice, bob, carol, corpus = _journals(tmp_path)
    session = open_review([alice, bob, carol], corpus, tmp_path / "gold.jsonl", "rita",
                          scheme_path=write_scheme(tmp_path))  # fmt: skip
    try:
        left = [message for message in session.messages if message.startswith("left out")]
        assert left == [
            f"left out: bob's record of 01 (01 is still merged between the others): {STALE}"
        ]
    finally:
        session.close()


def test_diff_says_a_document_left_out_whole(tmp_path: Path) -> None:
    # diff takes two journals, so a stale record leaves its document to one annotator: the
    # document is left out whole, said as before.
    alice, bob, _, corpus = _journals(tmp_path)
    result = run_cli("diff", alice, bob, "--corpus", corpus, "--scheme", write_scheme(tmp_path))
    assert result.returncode == 0, result.stderr
    assert f"left out: 01 (bob): {STALE}\n" in result.stdout


def test_the_line_names_each_record_left_out() -> None:
    item = {"doc_id": "01", "annotators": ["bob", "dan"], "reason": "stale", "still_compared": True}
    assert left_out_line(item, "compared") == (
        "left out: bob's and dan's records of 01 (01 is still compared between the others): stale"
    )
    assert left_out_line({**item, "still_compared": False}, "compared") == (
        "left out: 01 (bob, dan): stale"
    )
