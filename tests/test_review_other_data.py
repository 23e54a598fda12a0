"""A review's -o holding someone's data of another kind is refused saying what it holds.

A trial's ``annotator review … -o FILE``, FILE a doccano file of its own keys
(``{"column_data": "x", "column_label": []}``), was refused with "FILE:1: schema_version:
required field is missing (and 7 more; run `annotator validate FILE`)": it read as a damaged
gold file to mend. Now it is said as export, import and merge say it ("its first line is a JSON
object (keys: column_data, column_label)", or a kind's words: a corpus document, a Label Studio
task), and that review writes only a gold file there; the file is untouched. A damaged gold
file and an annotator's journal keep their words (test_review_check.py).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.review_check import check_review
from annotator.core.review_open import open_review
from tests.test_formats_fixtures import EXAMPLES
from tests.test_review_check import _case, _files, _merge, _request, _run_without_terminal
from tests.test_review_session_data import fixed_now

WRITES_ONLY_GOLD = (
    "review writes only a gold file at -o: give a new file, or the gold file to go on with "
    "(nothing was written)"
)


def _custom_keys(case: dict[str, Any]) -> str:
    case["gold"] = case["gold"].with_name("rows.jsonl")
    shutil.copy(EXAMPLES / "sequence_labeling.example.jsonl", case["gold"])
    return "its first line is a JSON object (keys: column_data, column_label)"


def _corpus(case: dict[str, Any]) -> str:
    case["gold"] = Path(shutil.copy(case["corpus"], case["gold"].with_name("copy.jsonl")))
    return "its first line is a corpus document 'd1'"


def _label_studio_tasks(case: dict[str, Any]) -> str:
    case["gold"] = case["gold"].with_name("tasks.jsonl")
    case["gold"].write_text('{"data": {"text": "Kyiv"}}\n', encoding="utf-8")
    return "its first line is a Label Studio task"


def _refused(case: dict[str, Any]) -> tuple[str, str]:
    """The check's refusal and the opening's, which must be alike."""
    options = {"scheme_path": case["scheme"], "min_agree": case["min_agree"]}
    with pytest.raises(AnnotatorError) as checked:
        check_review(*_request(case), **options)
    with pytest.raises(AnnotatorError) as opened:
        open_review(*_request(case), now=fixed_now, **options)
    return str(checked.value), str(opened.value)


@pytest.mark.parametrize("held", [_custom_keys, _corpus, _label_studio_tasks])
def test_other_data_as_output_is_said_by_what_it_holds(
    tmp_path: Path, held: Callable[[dict[str, Any]], str]
) -> None:
    case = _case(tmp_path)
    said = held(case)
    before = _files(tmp_path)
    expected = f"{case['gold']}: {said}; {WRITES_ONLY_GOLD}"
    assert _refused(case) == (expected, expected)
    result = _run_without_terminal(case)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", expected + "\n")
    assert _files(tmp_path) == before  # untouched, no lock left beside it


def test_a_damaged_gold_file_keeps_its_words(tmp_path: Path) -> None:
    case = _case(tmp_path)
    _merge(case)
    gold: Path = case["gold"]
    # Every line a gold line that lost keys: no line tells a record, yet each holds a record's.
    lines = gold.read_text(encoding="utf-8").splitlines()
    gold.write_text("".join(f'{{"doc_id": "d{n}"}}\n' for n, _ in enumerate(lines)), "utf-8")
    checked, opened = _refused(case)
    assert checked == opened
    assert checked.startswith(f"{gold}:1: ") and "required field is missing" in checked
    assert "review writes only" not in checked
