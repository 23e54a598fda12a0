"""``annotator merge --min-agree K`` says what it left out of gold as outvoted: the first few
in its summary, every one in ``--json``'s ``outvoted`` (a trial's summary said "5 agreed
span(s); 1 done" over a gold that had lost a release and two spans)."""

from __future__ import annotations

from pathlib import Path

import orjson

from tests.test_agreement_data import TEXT, record, run_cli, span, write_journal

RUSSIA = span("s1", 0, 6, "actor")
UKRAINE = span("s2", 31, 38, "actor")
COUNT = span("s3", 13, 16, "count", 146)
FRAME = {"released_by": "Russia", "received_by": "Ukraine", "count": 146}
OTHER = {"released_by": "Ukraine", "received_by": "Russia", "count": 12}


def journals(tmp_path: Path) -> list[Path]:
    """Three annotators, two documents: carol gave Ukraine, a second release and another
    event_type in d1, and the count in d2, each where alice and bob gave nothing or else."""
    form = {"event_type": "exchange", "releases": [FRAME]}
    carols = {"event_type": "announcement", "releases": [FRAME, OTHER]}
    return [
        write_journal(
            tmp_path / f"{name}.jsonl",
            record(name, "d1", spans=[RUSSIA, *extra], form=theirs),
            record(name, "d2", spans=[RUSSIA, *more], form=form),
        )
        for name, extra, more, theirs in (
            ("alice", [], [], form),
            ("bob", [], [], form),
            ("carol", [UKRAINE], [COUNT], carols),
        )
    ]


def test_the_summary_names_the_first_outvoted_and_json_lists_them_all(tmp_path: Path) -> None:
    files = journals(tmp_path)
    gold = tmp_path / "gold.jsonl"
    result = run_cli("merge", *files, "-o", gold, "--reviewer", "rita", "--min-agree", "2")
    assert result.returncode == 0, result.stderr
    wrote, said = result.stdout.splitlines()
    assert wrote == f"wrote {gold}: 2 document(s), 2 agreed span(s); 2 done, 0 with open conflicts"
    assert said == (
        "outvoted under --min-agree 2, left out of gold (fewer than 2 annotators gave each, 2 or "
        "more gave something else or nothing there): 2 span(s), 1 answer(s), 1 item(s): "
        "d1: actor “Ukraine” 31–38 (carol); d1: event_type = announcement (carol); "
        "d1: releases: Ukraine → Russia, 12 (carol); and 1 more (--json lists every one)"
    )
    assert TEXT[13:16] == "146"
    result = run_cli(
        "merge", *files, "-o", gold, "--reviewer", "rita", "--min-agree", "2", "--json"
    )
    assert result.returncode == 0, result.stderr
    summary = orjson.loads(result.stdout)
    assert summary["outvoted"] == [
        {"doc_id": "d1", "kind": "span", "what": "actor “Ukraine” 31–38", "annotators": ["carol"]},
        {
            "doc_id": "d1",
            "kind": "field",
            "what": "event_type = announcement",
            "annotators": ["carol"],
        },
        {
            "doc_id": "d1",
            "kind": "item",
            "what": "releases: Ukraine → Russia, 12",
            "annotators": ["carol"],
        },
        {
            "doc_id": "d2",
            "kind": "span",
            "what": "count “146” = 146 13–16",
            "annotators": ["carol"],
        },
    ]
    # The keys there were are as they were.
    assert summary["spans"] == 2 and summary["done"] == 2
    assert summary["conflicts"] == {"span": 0, "field": 0}
    # With --json the person's lines go to stderr, the outvoted line among them.
    assert "outvoted under --min-agree 2" in result.stderr
    assert "--json lists every one" not in result.stderr


def test_nothing_outvoted_is_nothing_said(tmp_path: Path) -> None:
    files = journals(tmp_path)
    gold = tmp_path / "gold.jsonl"
    # Every annotator must agree (no --min-agree): carol's are conflicts, not left out.
    result = run_cli("merge", *files, "-o", gold, "--reviewer", "rita", "--json")
    assert result.returncode == 0, result.stderr
    assert orjson.loads(result.stdout)["outvoted"] == []
    assert "outvoted under" not in result.stderr
    assert len(result.stderr.splitlines()) == 1  # the summary alone
