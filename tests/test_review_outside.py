"""A review leaves outside the gold documents none of whose annotators' records is merged now,
and says so: a trial's scheme renamed a choice both annotators had chosen in a document whose
gold line held open conflicts; with ``--leave-out-unknown`` both records were left out, and
the review said every conflict was settled with the document in no list (``review_outside``).
"""

from __future__ import annotations

from pathlib import Path

import orjson

from annotator.core.gold_store import LineFacts
from annotator.core.review_open import open_review
from annotator.core.review_outside import OutsideReview, outside_review
from tests.test_agreement_data import (
    ALICE_SPANS,
    BOB_SPANS,
    SCHEME_TOML,
    TEXT,
    record,
    write_corpus,
    write_journal,
)

NOW = "2025-08-24T10:00:00Z"
OLD_CHOICES = 'choices = ["1", "2", "3", "4", "5", "six"]'
# The scheme before: code is required and takes "six"; after, "six" is renamed away.
OLD_SCHEME = SCHEME_TOML.replace(
    'choices = ["1", "2", "3", "4", "5"]', f"required = true\n{OLD_CHOICES}"
)
NEW_SCHEME = SCHEME_TOML.replace('type = "choice"', 'type = "choice"\nrequired = true')


def made_gold(tmp_path: Path) -> tuple[list[Path], Path, Path]:
    """alice's and bob's journals (d1: both chose code "six", their spans differ; d2: agreed
    on code "1"), the corpus, and a gold file merged from them under the scheme before."""
    old = tmp_path / "old.toml"
    old.write_text(OLD_SCHEME, encoding="utf-8")
    files = [
        write_journal(
            tmp_path / "alice.jsonl",
            record("alice", "d1", spans=ALICE_SPANS, form={"code": "six"}),
            record("alice", "d2", form={"code": "1"}),
        ),
        write_journal(
            tmp_path / "bob.jsonl",
            record("bob", "d1", spans=BOB_SPANS, form={"code": "six"}),
            record("bob", "d2", form={"code": "1"}),
        ),
    ]
    corpus = write_corpus(tmp_path, {"d1": TEXT, "d2": TEXT})
    gold = tmp_path / "gold.jsonl"
    session = open_review(files, corpus, gold, "rita", scheme_path=old, now=lambda: NOW)
    assert session.close()
    return files, corpus, gold


def d1_conflicts(gold: Path) -> int:
    lines = [orjson.loads(line) for line in gold.read_bytes().splitlines()]
    return len(next(line for line in lines if line["doc_id"] == "d1")["conflicts"])


def test_a_gold_document_whose_records_are_left_out_is_named_outside_the_review(
    tmp_path: Path,
) -> None:
    files, corpus, gold = made_gold(tmp_path)
    conflicts = d1_conflicts(gold)
    assert conflicts > 0
    before = gold.read_bytes()
    new = tmp_path / "new.toml"
    new.write_text(NEW_SCHEME, encoding="utf-8")
    session = open_review(
        files, corpus, gold, "rita", scheme_path=new, now=lambda: NOW, leave_out_unknown=True
    )
    try:
        assert session.doc_ids == ["d2"]
        assert session.conflicts_left() == 0
        assert session.outside == OutsideReview(1, conflicts, ("d1",))
        assert session.messages[1] == (
            f"gold.jsonl: {conflicts} open conflict(s) in 1 document(s) outside this review "
            "(d1): their annotators' records are not merged now (--leave-out-unknown left "
            "them out, or they are not done, or their journals are not given: the notes say "
            "which); their gold lines stay as they are, open, and a review takes them up once "
            "their annotators' records are merged"
        )
        assert session.summary() == (
            "every conflict of this review is settled: 1 of 1 document(s) done; the gold file "
            f"still holds {conflicts} open conflict(s) in 1 document(s) outside this review "
            f"(d1); gold is in {gold}"
        )
    finally:
        assert session.close()
    assert gold.read_bytes() == before  # d1's line, open conflicts and all, stays


def test_a_review_of_every_gold_document_names_none_outside(tmp_path: Path) -> None:
    files, corpus, gold = made_gold(tmp_path)
    old = tmp_path / "old.toml"
    session = open_review(files, corpus, gold, "rita", scheme_path=old, now=lambda: NOW)
    try:
        assert not session.outside
        assert not any("outside this review" in message for message in session.messages)
        assert "outside" not in session.summary()
    finally:
        assert session.close()


def facts(doc_id: str, conflicts: int) -> LineFacts:
    return LineFacts(doc_id, "rita", "", ("alice", "bob"), conflicts, not conflicts, (), None)


def test_outside_counts_open_conflicts_of_documents_not_reviewed_naming_the_first_three() -> None:
    latest = [facts(f"d{n}", n % 3) for n in range(1, 9)]  # d3 and d6 hold none
    outside = outside_review(latest, {"d1"})
    assert outside == OutsideReview(5, 2 + 1 + 2 + 1 + 2, ("d2", "d4", "d5"))
    assert outside.named() == "d2, d4, d5 and 2 more"
    assert not outside_review(latest, {f"d{n}" for n in range(1, 9)})
