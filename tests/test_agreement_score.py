"""Each document's ``score`` and the ``lowest`` ranking in agree's report: what the human table
"Lowest agreement" shows, for a script to read without re-deriving the formula."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.core.agreement import (
    LOWEST_SHOWN,
    agreement_of_files,
    document_score,
    lowest_documents,
)
from tests.test_agreement_data import ALICE_SPANS, BOB_SPANS, record, scheme, span, write_journal

RUSSIA = span("s1", 0, 6, "actor")


def report_of(tmp_path: Path, alice: list[Any], bob: list[Any]) -> dict[str, Any]:
    files = [
        write_journal(tmp_path / "alice.jsonl", *alice),
        write_journal(tmp_path / "bob.jsonl", *bob),
    ]
    return agreement_of_files(files, scheme(tmp_path))


def test_score_and_lowest_worked_by_hand(tmp_path: Path) -> None:
    one, two = {"code": "1"}, {"code": "2"}
    report = report_of(
        tmp_path,
        [
            record("alice", "d1", spans=ALICE_SPANS, form=one),
            record("alice", "d2", spans=[RUSSIA, span("s2", 13, 16, "count", 146)], form=one),
            record("alice", "d3", spans=[RUSSIA], form=one),
            record("alice", "d4", spans=[span("s2", 13, 16, "count", 146)], form=one),
        ],
        [
            record("bob", "d1", spans=BOB_SPANS, form=one),
            record("bob", "d2", spans=[RUSSIA, span("s2", 13, 16, "count", 150)], form=two),
            record("bob", "d3", spans=[RUSSIA], form=one),
            record("bob", "d4", spans=[RUSSIA, span("s2", 13, 16, "count", 150)], form=one),
        ],
    )
    rows = report["per_document"]
    # Still in id order, with the keys it had.
    assert [row["doc_id"] for row in rows] == ["d1", "d2", "d3", "d4"]
    assert all(
        set(row) >= {"doc_id", "annotators", "exact_f1", "overlap_f1", "value_agreement"}
        for row in rows
    )
    # Form share: code, number and releases (number and releases both empty, alike).
    # d1: exact F1 0.25 (test_hand_worked_pair), no span marked alike has a value, form 1.0:
    #     score (0.25 + 1.0) / 2 = 0.625.
    # d2: spans alike (exact 1.0), the one count they share 146 / 150 (values 0.0), code
    #     differs (form 2/3): score (1.0 + 0.0 + 0.666667) / 3 = 0.555556.
    # d3: all alike: 1.0.
    # d4: the count alike, 146 / 150, bob's Russia besides (exact 2*1/3, values 0.0), form
    #     1.0: score (0.666667 + 0.0 + 1.0) / 3 = 0.555556, a tie with d2.
    figures = {
        row["doc_id"]: (row["exact_f1"], row["value_agreement"], row["form_agreement"])
        for row in rows
    }
    assert figures == {
        "d1": (0.25, None, 1.0),
        "d2": (1.0, 0.0, 0.666667),
        "d3": (1.0, None, 1.0),
        "d4": (0.666667, 0.0, 1.0),
    }
    assert [row["score"] for row in rows] == [0.625, 0.555556, 1.0, 0.555556]
    # The lowest first; the tie of d2 and d4 goes to the lower exact F1, d4.
    assert report["lowest"] == ["d4", "d2", "d1", "d3"]


def test_scores_are_rounded_as_the_other_figures(tmp_path: Path) -> None:
    four = [
        RUSSIA,
        span("s2", 17, 26, "releasee"),
        span("s3", 31, 38, "actor"),
        span("s4", 45, 47, "count", 12),
    ]
    report = report_of(
        tmp_path,
        [record("alice", "d1", form={"code": "1"}), record("alice", "d2", spans=four)],
        [record("bob", "d1", form={"code": "3"}), record("bob", "d2", spans=[RUSSIA])],
    )
    # d1: no spans (exact 1.0), code differs, number and releases both empty (form 2/3):
    # score (1.0 + 0.666667) / 2 = 0.833333. d2: exact 2*1/5 = 0.4, form 1.0: score 0.7.
    # Rounded to 6 places as every figure.
    assert [row["score"] for row in report["per_document"]] == [0.833333, 0.7]
    assert report["lowest"] == ["d2", "d1"]


def test_lowest_names_at_most_the_tables_ten(tmp_path: Path) -> None:
    ids = [f"d{number:02}" for number in range(LOWEST_SHOWN + 2)]
    report = report_of(
        tmp_path,
        [record("alice", doc_id, spans=[RUSSIA]) for doc_id in ids],
        [record("bob", doc_id, spans=[RUSSIA] if doc_id < "d05" else []) for doc_id in ids],
    )
    assert len(report["per_document"]) == LOWEST_SHOWN + 2
    # d05 to d11 disagree (score below 1.0), then the agreeing ones by id.
    assert report["lowest"] == [*ids[5:], "d00", "d01", "d02"]


def test_a_document_without_any_figure_has_no_score_and_ranks_last() -> None:
    assert document_score({"exact_f1": None, "value_agreement": None}) is None
    rows: list[dict[str, Any]] = [
        {"doc_id": "a", "exact_f1": None, "overlap_f1": None, "score": None},
        {"doc_id": "b", "exact_f1": 0.9, "overlap_f1": 0.9, "score": 0.9},
    ]
    assert [row["doc_id"] for row in lowest_documents({"per_document": rows})] == ["b", "a"]
