"""Value agreement: annotators who marked the same count or date span, giving it one value or
two (the working is in the comments)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from annotator.core.agreement import document_score, lowest_documents
from tests.test_agreement import figures
from tests.test_agreement_data import record, run_cli, span, write_journal, write_scheme

# TEXT: "Russia freed 146 prisoners and Ukraine freed 12 soldiers on Sunday."
ALICE = [
    span("s1", 13, 16, "count", 146),
    span("s2", 45, 47, "count", 12),
    span("s3", 60, 66, "date", "2024-03-17"),
]
BOB = [
    span("s1", 13, 16, "count", 146),
    span("s2", 45, 47, "count", 13),
    span("s3", 60, 66, "date", "2024-03-17"),
]
CAROL = [span("s1", 13, 16, "count", 146), span("s2", 60, 66, "date", "2024-03-10")]


def three(tmp_path: Path) -> Any:
    return figures(
        tmp_path,
        [record("alice", spans=ALICE)],
        [record("bob", spans=BOB)],
        [record("carol", spans=CAROL)],
    )


def test_hand_worked_value_agreement(tmp_path: Path) -> None:
    report = three(tmp_path)
    pairs = {(row["a"], row["b"]): row for row in report["pairs"]}
    # alice-bob: spans equal in both: counts 13-16 (146, 146) and 45-47 (12, 13), date 60-66
    # (equal): 2 of 3 values equal. Their exact F1 is 1.0 all the same.
    assert pairs[("alice", "bob")]["exact_f1"] == 1.0
    assert pairs[("alice", "bob")]["value_agreement"] == pytest.approx(2 / 3, abs=1e-6)
    # alice-carol and bob-carol: count 13-16 equal, date 60-66 not (-17 against -10): 1 of 2.
    assert pairs[("alice", "carol")]["value_agreement"] == 0.5
    assert pairs[("bob", "carol")]["value_agreement"] == 0.5
    spans = report["spans"]
    # Over all: the mean over pairs, (2/3 + 1/2 + 1/2) / 3 = 5/9.
    assert spans["value_agreement"] == pytest.approx(5 / 9, abs=1e-6)
    by_label = spans["by_label"]
    # count: alice-bob 1 of 2, the others 1 of 1: (1/2 + 1 + 1) / 3 = 5/6.
    assert by_label["count"]["value_agreement"] == pytest.approx(5 / 6, abs=1e-6)
    # date: alice-bob 1 of 1, the others 0 of 1: 1/3.
    assert by_label["date"]["value_agreement"] == pytest.approx(1 / 3, abs=1e-6)
    # Labels without a value type have none.
    assert by_label["actor"]["value_agreement"] is None
    # The document: the mean over its pairs, as its exact F1 is, (2/3 + 1/2 + 1/2) / 3 = 5/9
    # (pooled over its pairs' spans it was 4/7, the one figure of a document not a mean).
    (row,) = report["per_document"]
    assert row["value_agreement"] == pytest.approx(5 / 9, abs=1e-6)


def test_no_span_in_both_is_no_figure(tmp_path: Path) -> None:
    report = figures(
        tmp_path,
        [record("alice", spans=[span("s1", 13, 16, "count", 146)])],
        [record("bob", spans=[span("s1", 13, 26, "count", 146)])],
    )
    assert report["spans"]["value_agreement"] is None
    assert report["per_document"][0]["value_agreement"] is None


def test_values_rank_a_document_lower(tmp_path: Path) -> None:
    # d1: equal spans, one date value differs; d2: equal spans, equal values. Both have exact
    # F1 1.0 and equal (empty) forms; d1 is the one to look at first.
    d1_a = [span("s1", 60, 66, "date", "2024-03-17")]
    d1_b = [span("s1", 60, 66, "date", "2024-03-16")]
    d2 = [span("s1", 60, 66, "date", "2024-03-17")]
    report = figures(
        tmp_path,
        [record("alice", spans=d1_a), record("alice", "d2", spans=d2)],
        [record("bob", spans=d1_b), record("bob", "d2", spans=d2)],
    )
    lowest = lowest_documents(report)
    assert [row["doc_id"] for row in lowest] == ["d1", "d2"]
    # d1: the mean of exact F1 1.0, values 0.0 and form 1.0.
    assert document_score(lowest[0]) == pytest.approx(2 / 3)


def test_the_table_shows_value_agreement(tmp_path: Path) -> None:
    files = [
        write_journal(tmp_path / f"{name}.jsonl", record(name, spans=spans))
        for name, spans in (("alice", ALICE), ("bob", BOB))
    ]
    result = run_cli("agree", *files, "--scheme", write_scheme(tmp_path))
    assert result.returncode == 0, result.stderr
    row = next(line for line in result.stdout.splitlines() if "value agreement" in line)
    assert "0.667" in row
    # The pairs' matrix has each pair's too: alice-bob, 2 of 3.
    assert "1.000 / 1.000 / n/a / 0.667 (1)" in result.stdout


def test_a_span_held_twice_with_two_values_agrees_in_either_order(tmp_path: Path) -> None:
    """bob marks 13-16 twice, 146 and 147; alice and carol once, 146. The span both hold has a
    value in both (146): 1 of 1 equal for each pair, whichever name comes first (bob-carol was
    0.0, its first record's 147 counted against it, where alice-bob was 1.0)."""
    once = [span("s1", 13, 16, "count", 146)]
    twice = [span("s1", 13, 16, "count", 146), span("s2", 13, 16, "count", 147)]
    report = figures(
        tmp_path,
        [record("alice", spans=once)],
        [record("bob", spans=twice)],
        [record("carol", spans=once)],
    )
    pairs = {(row["a"], row["b"]): row["value_agreement"] for row in report["pairs"]}
    assert pairs == {("alice", "bob"): 1.0, ("alice", "carol"): 1.0, ("bob", "carol"): 1.0}
    assert report["spans"]["value_agreement"] == 1.0
    assert report["spans"]["by_label"]["count"]["value_agreement"] == 1.0
    assert report["per_document"][0]["value_agreement"] == 1.0


def test_a_span_both_hold_twice_counts_once_per_label_too(tmp_path: Path) -> None:
    """alice marks 13-16 twice with 146, bob twice with 145: one span both hold, its values
    differ. 0.0 for the pair, over all, per document and for the label count (which was 0.5:
    the span counts count two equal spans there, the differing value once)."""
    alice = [span("s1", 13, 16, "count", 146), span("s2", 13, 16, "count", 146)]
    bob = [span("s1", 13, 16, "count", 145), span("s2", 13, 16, "count", 145)]
    report = figures(tmp_path, [record("alice", spans=alice)], [record("bob", spans=bob)])
    assert report["pairs"][0]["value_agreement"] == 0.0
    assert report["spans"]["value_agreement"] == 0.0
    assert report["per_document"][0]["value_agreement"] == 0.0
    assert report["spans"]["by_label"]["count"]["value_agreement"] == 0.0
    # Equal spans per label are still what the span counts say: both hold 13-16 twice.
    assert report["spans"]["by_label"]["count"]["exact_f1"] == 1.0


def test_a_span_held_twice_by_both_beside_one_held_once(tmp_path: Path) -> None:
    """Both hold 13-16 twice (146 / 146 and 146 / 145: a value in both, equal) and 45-47 once
    (12 / 13, differing): 1 of 2 for count, per label as per pair."""
    alice = [
        span("s1", 13, 16, "count", 146),
        span("s2", 13, 16, "count", 146),
        span("s3", 45, 47, "count", 12),
    ]
    bob = [
        span("s1", 13, 16, "count", 146),
        span("s2", 13, 16, "count", 145),
        span("s3", 45, 47, "count", 13),
    ]
    report = figures(tmp_path, [record("alice", spans=alice)], [record("bob", spans=bob)])
    assert report["pairs"][0]["value_agreement"] == 0.5
    assert report["spans"]["by_label"]["count"]["value_agreement"] == 0.5
