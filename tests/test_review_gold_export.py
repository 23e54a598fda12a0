"""A gold file reviewed by another reviewer than the one who merged it: each document's latest
line wins whoever wrote it, for export, stats, validate and compact as for the review."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.cli import main
from annotator.core.corpus import open_corpus
from annotator.core.errors import AnnotatorError
from annotator.core.formats.export import export_records
from annotator.core.merge import merge_files
from annotator.core.review_conflict import versions_holding
from annotator.core.review_open import open_review
from annotator.core.scheme import load_scheme
from annotator.core.session_edits import Refused
from annotator.core.stats import stats_of_files
from tests.test_agreement_data import TEXT, record, span, write_corpus, write_journal, write_scheme

DOCS = ("d1", "d2", "d3")


@pytest.fixture
def case(tmp_path: Path) -> dict[str, Any]:
    """Two annotators disagreeing on every one of three documents."""
    a = [
        record("alice", doc, spans=[span("s1", 0, 6, "actor"), span("s2", 13, 16, "count", 146)])
        for doc in DOCS
    ]
    b = [
        record("bob", doc, spans=[span("s1", 0, 6, "actor"), span("s2", 31, 38, "actor")])
        for doc in DOCS
    ]
    return {
        "files": [write_journal(tmp_path / "a.jsonl", *a), write_journal(tmp_path / "b.jsonl", *b)],
        "corpus": write_corpus(tmp_path, {doc: TEXT for doc in DOCS}),
        "scheme": write_scheme(tmp_path),
        "gold": tmp_path / "gold.jsonl",
        "folder": tmp_path,
    }


def merged_by_root_reviewed_by_carol(case: dict[str, Any]) -> None:
    """``annotator merge`` without --reviewer (the login name, root), then a review by carol
    settling every conflict with both versions."""
    scheme = load_scheme(case["scheme"])
    corpus = open_corpus(case["corpus"])
    merge_files(case["files"], case["gold"], scheme, "root", corpus=corpus)
    session = open_review(
        case["files"], case["corpus"], case["gold"], "carol", scheme_path=case["scheme"]
    )
    try:
        assert any(
            "gold lines by 'root' (3) are taken over by reviewer 'carol'" in message
            for message in session.messages
        )
        for _ in range(100):
            if session.conflicts_left() == 0:
                break
            try:
                session.take_all()
            except Refused:  # one version alone gives anything: its number takes it
                assert session.conflict is not None
                (alone,) = versions_holding(session.conflict)
                session.take(session.conflict["versions"].index(alone))
        assert session.conflicts_left() == 0
    finally:
        assert session.close()
    # root's lines are still in the file, superseded.
    lines = [orjson.loads(line) for line in case["gold"].read_bytes().splitlines()]
    assert {line["annotator"] for line in lines} == {"root", "carol"}


def test_export_and_stats_after_another_reviewer_settled_everything(
    case: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    merged_by_root_reviewed_by_carol(case)
    out = case["folder"] / "out.jsonl"
    result = export_records(case["gold"], "jsonl", out, corpus=case["corpus"])
    assert result.documents == 3 and result.warnings == []
    rows = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert [row["doc_id"] for row in rows] == list(DOCS)
    for row in rows:
        assert [(s["start"], s["end"], s["label"]) for s in row["spans"]] == [
            (0, 6, "actor"),
            (13, 16, "count"),
            (31, 38, "actor"),
        ]
    # Every format reads the file the same way.
    conll = case["folder"] / "out.conll"
    assert export_records(case["gold"], "conll", conll, corpus=case["corpus"]).documents == 3

    figures = stats_of_files([case["gold"]])
    assert list(figures) == ["carol"]
    assert figures["carol"]["done"] == 3
    assert figures["carol"]["in_progress"] == 0 and figures["carol"]["flagged"] == 0
    assert figures["carol"]["spans"] == {"actor": 6, "count": 3}
    assert figures["carol"]["open_conflicts"] == 0

    assert main(["stats", str(case["gold"]), "--json"]) == 0
    printed = orjson.loads(capsys.readouterr().out)
    assert list(printed["annotators"]) == ["carol"]
    assert main(["stats", str(case["gold"])]) == 0
    table = capsys.readouterr().out
    assert "carol" in table and "root" not in table

    assert (
        main(
            [
                "validate",
                str(case["gold"]),
                "--corpus",
                str(case["corpus"]),
                "--scheme",
                str(case["scheme"]),
            ]
        )
        == 0
    )


def test_stats_counts_the_conflicts_a_merged_gold_file_leaves_open(
    case: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    scheme = load_scheme(case["scheme"])
    merge_files(case["files"], case["gold"], scheme, "root", corpus=open_corpus(case["corpus"]))
    # Per document: alice's count 13-16 and bob's actor 31-38 are each a conflict of their own.
    figures = stats_of_files([case["gold"]])
    assert figures["root"]["open_conflicts"] == 6
    assert figures["root"]["in_progress"] == 3
    assert main(["stats", str(case["gold"])]) == 0
    table = capsys.readouterr().out
    assert "open: conflicts the gold records still hold" in " ".join(table.split())
    row = next(line for line in table.splitlines() if line.startswith("│ root"))
    assert [cell.strip() for cell in row.split("│")[1:-1]][-1] == "6"
    # A journal has none to count: the column is not shown.
    assert "open_conflicts" not in stats_of_files([case["files"][0]])["alice"]


def test_annotator_picks_the_documents_whose_latest_gold_line_is_that_reviewers(
    case: dict[str, Any],
) -> None:
    merged_by_root_reviewed_by_carol(case)
    out = case["folder"] / "out.jsonl"
    assert export_records(case["gold"], "jsonl", out, annotator="carol").documents == 3
    # root's lines are all superseded: root has no latest line left.
    with pytest.raises(AnnotatorError, match=r"no records of annotator 'root' \(found: carol\)"):
        export_records(case["gold"], "jsonl", out, annotator="root")


def test_a_journal_of_several_annotators_still_needs_annotator(tmp_path: Path) -> None:
    journal = write_journal(tmp_path / "both.jsonl", record("alice"), record("bob"))
    with pytest.raises(AnnotatorError, match=r"several annotators \(alice, bob\)"):
        export_records(journal, "jsonl", tmp_path / "out.jsonl")
    assert sorted(stats_of_files([journal])) == ["alice", "bob"]


def test_compact_keeps_each_documents_latest_gold_line(case: dict[str, Any]) -> None:
    merged_by_root_reviewed_by_carol(case)
    before = case["gold"].read_bytes().splitlines()
    latest = {orjson.loads(line)["doc_id"]: line for line in before}
    assert main(["compact", str(case["gold"])]) == 0
    after = case["gold"].read_bytes().splitlines()
    assert sorted(after) == sorted(latest.values())
    assert {orjson.loads(line)["annotator"] for line in after} == {"carol"}
