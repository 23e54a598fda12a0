"""Prodigy has no status: a record not done is written with ``answer: ignore``, which an import
takes as no annotation. The export says so, once, counted."""

from __future__ import annotations

from pathlib import Path

import orjson

from tests.test_agreement_data import run_cli
from tests.test_export_own_inputs import journal, jsonl_corpus

LINE = (
    "prodigy: 2 record(s) not done are written with answer ignore: importing them back "
    "leaves their spans out"
)


def test_records_not_done_are_said_once_and_do_not_come_back(tmp_path: Path) -> None:
    source = journal(tmp_path / "alice.jsonl")  # one done, one in progress, one skipped
    corpus = jsonl_corpus(tmp_path / "corpus.jsonl")
    out = tmp_path / "tasks.jsonl"
    result = run_cli(
        "export", source, "--format", "prodigy", "--corpus", corpus, "-o", out, "--status", "all"
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines().count(LINE) == 1
    answers = [orjson.loads(line)["answer"] for line in out.read_bytes().splitlines()]
    assert answers == ["accept", "ignore", "ignore"]
    # What the line says: imported back, only the done record's spans are there.
    back = tmp_path / "back"
    back.mkdir()
    imported = run_cli(
        "import", out, "--format", "prodigy", "-o", back / "corpus.jsonl",
        "--annotations", back / "bob.jsonl", "--annotator", "bob",
    )  # fmt: skip
    assert imported.returncode == 0, imported.stderr
    records = [orjson.loads(line) for line in (back / "bob.jsonl").read_bytes().splitlines()]
    assert [record["doc_id"] for record in records] == ["a"]


def test_done_records_alone_say_nothing_of_it(tmp_path: Path) -> None:
    source = journal(tmp_path / "alice.jsonl")
    corpus = jsonl_corpus(tmp_path / "corpus.jsonl")
    out = tmp_path / "tasks.jsonl"
    result = run_cli("export", source, "--format", "prodigy", "--corpus", corpus, "-o", out)
    assert result.returncode == 0
    assert "answer ignore" not in result.stderr
