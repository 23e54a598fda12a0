"""Label Studio tasks whose text is under another data key beside other text fields.

A curator's trial: ``{"data": {"body": TEXT, "title": "x"}}`` with results naming no ``source``
(current Label Studio exports) could not be imported at all ("several text fields ... none is
called text"), and ``--text-key body`` was refused as doccano's. ``--text-key`` names the data
key for labelstudio too; the error line names it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.core.errors import AnnotatorError, UsageError
from annotator.core.formats.importing import import_documents
from tests.test_agreement_data import run_cli as cli

TEXT = "Kestria freed 12 soldiers to Norvania."
RESULT = {"from_name": "label", "to_name": "text", "type": "labels",
          "value": {"start": 0, "end": 7, "labels": ["actor"]}}  # fmt: skip


def tasks_file(tmp_path: Path) -> Path:
    source = tmp_path / "ls.json"
    task = {"id": 8, "data": {"body": TEXT, "title": "x"}, "annotations": [{"result": [RESULT]}]}
    source.write_bytes(orjson.dumps([task]))
    return source


def lines(path: Path) -> list[dict[str, Any]]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


def test_text_key_names_the_data_key_of_the_text(tmp_path: Path) -> None:
    source = tasks_file(tmp_path)
    out = tmp_path / "o"
    args = ["--format", "labelstudio", "--text-key", "body", "--annotator", "cur"]
    result = cli("import", source, *args, "-o", out / "c.jsonl", "--annotations", out / "a.jsonl")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "imported 1 document(s), 1 record(s) with 1 span(s)"
    (doc,) = lines(out / "c.jsonl")
    assert (doc["id"], doc["text"], doc["meta"]) == ("8", TEXT, {"title": "x"})
    (record,) = lines(out / "a.jsonl")
    spans = [(s["start"], s["end"], s["label"], s["text"]) for s in record["spans"]]
    assert spans == [(0, 7, "actor", "Kestria")]


def test_without_it_the_error_names_it(tmp_path: Path) -> None:
    source = tasks_file(tmp_path)
    with pytest.raises(AnnotatorError) as raised:
        import_documents(source, "labelstudio", tmp_path / "o" / "c.jsonl")
    assert str(raised.value) == (
        f"{source}:1: task 1 (id 8): data: several text fields (body, title) and none is called "
        "text; name the text's with --text-key KEY"
    )
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize(
    ("data", "found"),
    [({"title": "x"}, "missing"), ({"body": 3, "title": "x"}, "not a string")],
)
def test_a_text_key_the_task_lacks_is_one_line(
    tmp_path: Path, data: dict[str, object], found: str
) -> None:
    source = tmp_path / "ls.json"
    source.write_bytes(orjson.dumps([{"id": 8, "data": data, "annotations": []}]))
    with pytest.raises(AnnotatorError) as raised:
        import_documents(source, "labelstudio", tmp_path / "o" / "c.jsonl", text_key="body")
    assert str(raised.value) == (
        f"{source}:1: task 1 (id 8): data.body: {found} (--text-key body); the text fields "
        "here: title"
    )


def test_text_key_is_for_doccano_and_labelstudio_only(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as raised:
        import_documents(tasks_file(tmp_path), "prodigy", tmp_path / "c.jsonl", text_key="body")
    assert str(raised.value) == "--text-key is for doccano and labelstudio"
