"""export's refusal of a stale record says how to go on: a trial's refusal of a gold file, one
article's text edited since, named the record and no way forward."""

from __future__ import annotations

from pathlib import Path

import orjson

from tests.test_agreement_data import run_cli
from tests.test_review_session_data import TEXT, write_review_case


def test_a_stale_gold_record_names_the_merge_to_run_again(tmp_path: Path) -> None:
    case = write_review_case(tmp_path)
    gold = case["gold"]
    merge = ["merge", case["alice"], case["bob"], "--scheme", case["scheme"], "-o", gold]
    assert run_cli(*merge, "--reviewer", "rita").returncode == 0
    changed = tmp_path / "changed.jsonl"
    lines = [orjson.loads(line) for line in case["corpus"].read_bytes().splitlines()]
    assert lines[0]["text"] == TEXT
    lines[0]["text"] = TEXT + " An update."
    changed.write_bytes(b"".join(orjson.dumps(line) + b"\n" for line in lines))
    out = tmp_path / "out.conll"
    result = run_cli(
        "export", gold, "--format", "conll", "-o", out, "--corpus", changed,
        "--scheme", case["scheme"], "--status", "all",
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.endswith(
        "stale record); give --corpus the corpus the gold file was merged on, or merge the "
        "journals anew against this one (annotator merge ... --corpus)\n"
    )
    assert not out.exists()
