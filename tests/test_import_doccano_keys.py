"""doccano's own import lets the user name the text and label columns; so does ours."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from annotator.core.errors import UsageError
from annotator.core.formats.importing import import_documents
from tests.test_formats_fixtures import EXAMPLES, SEQ
from tests.test_formats_support import spans_of

# doccano's import example: {"column_data": ..., "column_label": [[0, 2, "ORG"]]}
COLUMNS = EXAMPLES / f"{SEQ}.jsonl"


def test_the_columns_named_are_the_text_and_the_labels(tmp_path: Path) -> None:
    warnings: list[str] = []
    result = import_documents(
        COLUMNS,
        "doccano",
        tmp_path / "c.jsonl",
        annotations=tmp_path / "r.jsonl",
        annotator="a",
        text_key="column_data",
        label_key="column_label",
        on_warning=warnings.append,
    )
    assert (result.documents, result.records, result.spans, warnings) == (3, 3, 3, [])
    documents = [orjson.loads(line) for line in (tmp_path / "c.jsonl").read_bytes().splitlines()]
    assert [(d["id"], d["text"], d["meta"]) for d in documents] == [
        (f"{SEQ}-000001", "EU rejects German call to boycott British lamb.", {}),
        (f"{SEQ}-000002", "Peter Blackburn", {}),
        (f"{SEQ}-000003", "President Obama", {}),
    ]
    assert spans_of(tmp_path / "r.jsonl") == {
        f"{SEQ}-000001": {(0, 2, "ORG")},
        f"{SEQ}-000002": {(0, 15, "PERSON")},
        f"{SEQ}-000003": {(10, 15, "PERSON")},
    }


def test_a_label_key_no_row_has_is_said(tmp_path: Path) -> None:
    warnings: list[str] = []
    result = import_documents(
        COLUMNS,
        "doccano",
        tmp_path / "c.jsonl",
        text_key="column_data",
        label_key="column_lable",
        on_warning=warnings.append,
    )
    assert (result.documents, result.spans) == (3, 0)
    # The typo's field is named, and the key that does hold the spans.
    assert warnings == [
        f"{COLUMNS}: --label-key column_lable: no row has it; no labels imported",
        f"{COLUMNS}:1: column_label: 3 span(s) in 3 row(s) not read as labels (doccano reads "
        "column_lable); [start, end, label] lists: use --label-key column_label; kept in the "
        "document's meta",
    ]


@pytest.mark.parametrize(
    ("fmt", "keys", "message"),
    [
        ("conll", {"text_key": "words"}, "--text-key is for doccano and labelstudio"),
        ("labelstudio", {"label_key": "tags"}, "--label-key is for doccano"),
        ("doccano", {"text_key": ""}, "--text-key: name the field (not empty)"),
    ],
)
def test_the_keys_are_doccano_s(
    tmp_path: Path, fmt: str, keys: dict[str, str], message: str
) -> None:
    with pytest.raises(UsageError) as raised:
        import_documents(COLUMNS, fmt, tmp_path / "c.jsonl", **keys)  # type: ignore[arg-type]
    assert str(raised.value) == message
    assert list(tmp_path.iterdir()) == []


def test_the_cli_takes_them_and_help_says_them(tmp_path: Path) -> None:
    args = [sys.executable, "-m", "annotator", "import", str(COLUMNS), "--format", "doccano"]
    args += ["-o", str(tmp_path / "c.jsonl"), "--annotations", str(tmp_path / "r.jsonl")]
    args += ["--annotator", "a", "--text-key", "column_data", "--label-key", "column_label"]
    result = subprocess.run(args, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "imported 3 document(s), 3 record(s) with 3 span(s)"
    helped = subprocess.run(
        [sys.executable, "-m", "annotator", "import", "--help"],
        capture_output=True, text=True, check=True, env={"COLUMNS": "200", "PATH": ""},
    )  # fmt: skip
    assert (
        '--text-key KEY        doccano: the field holding the text (default: "text"), as '
        "doccano's Column Data"
    ) in helped.stdout
    assert (
        "--label-key KEY       doccano: the field holding [start, end, label] lists (default: "
        '"label" or "labels"), as doccano\'s Column Label'
    ) in helped.stdout


def test_with_keys_named_the_usual_fields_go_to_meta_not_away(tmp_path: Path) -> None:
    # A review's row: a document-level "label" beside "column_label" was dropped unsaid.
    source = tmp_path / "rows.jsonl"
    row = {
        "column_data": "EU rejects German call",
        "column_label": [[0, 2, "ORG"]],
        "label": ["politics"],
        "text": "an older copy",
        "entities": [],
        "source": "x",
    }
    source.write_bytes(orjson.dumps(row) + b"\n")
    result = import_documents(
        source,
        "doccano",
        tmp_path / "c.jsonl",
        annotations=tmp_path / "r.jsonl",
        annotator="a",
        text_key="column_data",
        label_key="column_label",
    )
    assert (result.documents, result.spans) == (1, 1)
    document = orjson.loads((tmp_path / "c.jsonl").read_bytes())
    assert document["text"] == "EU rejects German call"
    assert document["meta"] == {
        "label": ["politics"],
        "text": "an older copy",
        "entities": [],
        "source": "x",
    }
