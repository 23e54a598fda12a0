"""Label Studio predictions as pre-annotations (--predictions): one model's, in progress, the
annotator named after its model_version unless --annotator names one."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.core.errors import AnnotatorError, UsageError
from annotator.core.formats.importing import import_documents
from tests.test_formats_fixtures import LS

TASKS = LS / "tasks.json"  # one task, one prediction of "model 1": Date "February 22"


# The prediction's one field an import does not read, said (nothing is dropped unsaid).
CREATED_AGO = (
    f"{TASKS}: 1 other field(s) of the imported predictions not carried (Label Studio's own; "
    "a record has no place for them): created_ago (1)"
)
# Its result names the tag 'ner', which an export writes 'label' (test_labelstudio_tag_names).
NER_TAG = (
    f"{TASKS}: 1 span result(s) name the tags from_name 'ner', to_name 'text' (first: task 1, "
    "line 2); a labelstudio export writes from_name 'label', to_name 'text': Label Studio shows "
    "them in a project whose labelling config names its <Labels> 'label' and its <Text> 'text' "
    "(docs/formats.md)"
)


def records(path: Path) -> list[dict[str, Any]]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


def brief(path: Path) -> list[tuple[str, str, str, list[tuple[int, int, str]]]]:
    out = []
    for r in records(path):
        spans = [(s["start"], s["end"], s["label"]) for s in r["spans"]]
        out.append((r["doc_id"], r["annotator"], r["status"], spans))
    return out


def test_predictions_become_the_model_s_records_in_progress(tmp_path: Path) -> None:
    warnings: list[str] = []
    result = import_documents(
        TASKS,
        "labelstudio",
        tmp_path / "c.jsonl",
        annotations=tmp_path / "r.jsonl",
        predictions=True,
        on_warning=warnings.append,
    )
    assert (result.records, result.spans, result.annotator) == (1, 1, "model_1")
    assert warnings == [NER_TAG, CREATED_AGO]
    assert brief(tmp_path / "r.jsonl") == [
        ("tasks-000001", "model_1", "in_progress", [(343, 354, "Date")])
    ]


def test_annotator_and_status_given_are_taken(tmp_path: Path) -> None:
    import_documents(
        TASKS,
        "labelstudio",
        tmp_path / "c.jsonl",
        annotations=tmp_path / "r.jsonl",
        annotator="ner-bot",
        status="done",
        predictions=True,
    )
    assert brief(tmp_path / "r.jsonl") == [
        ("tasks-000001", "ner-bot", "done", [(343, 354, "Date")])
    ]


def span(start: int, end: int, label: str) -> dict[str, Any]:
    return {"type": "labels", "value": {"start": start, "end": end, "labels": [label]}}


def test_one_model_is_read_and_the_rest_is_said(tmp_path: Path) -> None:
    text = "Kyiv freed 146 people."
    source = tmp_path / "export.json"
    source.write_bytes(
        orjson.dumps(
            [
                {
                    "id": 7,
                    "data": {"text": text},
                    "annotations": [{"result": [span(0, 4, "GPE")]}],
                    "predictions": [
                        {"model_version": "v1", "result": [span(11, 14, "COUNT")]},
                        {"model_version": "v2", "result": [span(0, 4, "LOC")]},
                    ],
                },
                {
                    "id": 8,
                    "data": {"text": text},
                    "predictions": [{"model_version": "v2", "result": [span(0, 4, "LOC")]}],
                },
            ]
        )
    )
    warnings: list[str] = []
    result = import_documents(
        source,
        "labelstudio",
        tmp_path / "c.jsonl",
        annotations=tmp_path / "r.jsonl",
        predictions=True,
        on_warning=warnings.append,
    )
    assert brief(tmp_path / "r.jsonl") == [("7", "v1", "in_progress", [(11, 14, "COUNT")])]
    assert warnings == [
        f"{source}:1: task 1 (id 7): 1 annotation(s) not imported (--predictions reads the "
        "model's; import the annotations without it)",
        f"{source}:1: task 1 (id 7): prediction 2 is of model_version 'v2', not 'v1'; not "
        "imported (one import holds one model's)",
        f"{source}:1: task 2 (id 8): prediction 1 is of model_version 'v2', not 'v1'; not "
        "imported (one import holds one model's)",
    ]
    assert result.not_imported == {
        "annotation(s) beside predictions": 1,
        "prediction(s) of another model": 2,
    }


def test_predictions_without_a_model_version_need_an_annotator(tmp_path: Path) -> None:
    source = tmp_path / "export.json"
    task = {"data": {"text": "Kyiv"}, "predictions": [{"result": [span(0, 4, "GPE")]}]}
    source.write_bytes(orjson.dumps([task]))
    with pytest.raises(AnnotatorError) as raised:
        import_documents(
            source, "labelstudio", tmp_path / "c.jsonl", annotations=tmp_path / "r.jsonl",
            predictions=True,
        )  # fmt: skip
    assert str(raised.value) == (
        f"{source}: the predictions name no model_version: nothing to name the annotator after; "
        "name one with --annotator"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.json"]


@pytest.mark.parametrize(
    ("fmt", "annotations", "message"),
    [
        ("conll", True, "--predictions is for labelstudio"),
        ("labelstudio", False, "--predictions imports them as records: pass --annotations FILE"),
    ],
)
def test_predictions_usage(tmp_path: Path, fmt: str, annotations: bool, message: str) -> None:
    out = tmp_path / "r.jsonl" if annotations else None
    with pytest.raises(UsageError) as raised:
        import_documents(TASKS, fmt, tmp_path / "c.jsonl", annotations=out, predictions=True)
    assert str(raised.value) == message


def test_the_cli_names_the_annotator(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "annotator", "import", str(TASKS), "--format", "labelstudio",
         "-o", str(tmp_path / "c.jsonl"), "--annotations", str(tmp_path / "r.jsonl"),
         "--predictions"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:2] == [
        "imported 1 document(s), 1 record(s) with 1 span(s); not imported: 1 field(s) of the "
        "imported predictions (listed above)",
        "the predictions are model_1's records (named after their model)",
    ]
    assert result.stderr.splitlines() == [NER_TAG, CREATED_AGO, "2 warning(s): see above"]


def test_help_says_the_option() -> None:
    helped = subprocess.run(
        [sys.executable, "-m", "annotator", "import", "--help"],
        capture_output=True, text=True, check=True, env={"COLUMNS": "300", "PATH": ""},
    )  # fmt: skip
    assert (
        "--predictions         labelstudio: import a model's predictions (the first "
        "model_version found) instead of the annotations, as pre-annotations in progress; "
        "--annotator names whose (default: the model_version)"
    ) in helped.stdout
