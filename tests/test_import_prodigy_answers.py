"""A Prodigy ``answer`` is accept, reject or ignore; any other value is bad input, one line naming
file, line and field, exit 1. A trial's ``"answer": "maybe"`` was taken as ``ignore`` (a warning,
the spans left out, exit 0)."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from tests.test_agreement_data import run_cli

TEXT = "Alice met Bob."
SPAN = {"start": 0, "end": 5, "label": "PER"}
EXPECTED = "expected accept, reject or ignore (Prodigy's answers)"


def _import(tmp_path: Path, *tasks: dict[str, object]) -> tuple[Path, int, str, str]:
    source = tmp_path / "p.jsonl"
    source.write_bytes(b"".join(orjson.dumps(task) + b"\n" for task in tasks))
    out = tmp_path / "out"
    result = run_cli(
        "import", source, "--format", "prodigy", "-o", out / "c.jsonl",
        "--annotations", out / "a.jsonl", "--annotator", "al",
    )  # fmt: skip
    return source, result.returncode, result.stdout, result.stderr


@pytest.mark.parametrize("answer", ["maybe", "Accept", None, 1])
def test_a_task_answer_that_is_not_prodigy_s_is_refused(tmp_path: Path, answer: object) -> None:
    accepted = {"text": "Bob left.", "spans": [], "answer": "accept"}
    source, code, stdout, stderr = _import(
        tmp_path, accepted, {"text": TEXT, "spans": [SPAN], "answer": answer}
    )
    assert (code, stdout) == (1, "")
    assert stderr == f"{source}:2: answer: {answer!r}: {EXPECTED}\n"
    assert not (tmp_path / "out").exists()


def test_a_span_answer_that_is_not_prodigy_s_is_refused(tmp_path: Path) -> None:
    task = {"text": TEXT, "spans": [{**SPAN, "answer": "maybe"}], "answer": "accept"}
    source, code, _stdout, stderr = _import(tmp_path, task)
    assert code == 1
    assert stderr == f"{source}:1: spans.0.answer: 'maybe': {EXPECTED}\n"


@pytest.mark.parametrize("answer", ["accept", "reject", "ignore"])
def test_prodigy_s_answers_import(tmp_path: Path, answer: str) -> None:
    task = {"text": TEXT, "spans": [{**SPAN, "answer": answer}], "answer": answer}
    # An accepted task without spans beside it: a file of no record is refused as a whole.
    empty = {"text": "Bob left.", "spans": [], "answer": "accept"}
    _source, code, _stdout, stderr = _import(tmp_path, task, empty)
    assert code == 0, stderr
    lines = (tmp_path / "out" / "a.jsonl").read_bytes().splitlines()
    counts = [len(orjson.loads(raw)["spans"]) for raw in lines]
    # An answer other than accept: the text is imported, the task's spans are no labels.
    assert sorted(counts) == ([0, 1] if answer == "accept" else [0])
