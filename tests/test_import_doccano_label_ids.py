"""doccano 1.x's spans, under ``annotations`` with numbers for labels, are said or read.

A team lead migrating from doccano 1.x imported its export, where a row's spans are
``"annotations": [{"label": 2, "start_offset": 0, "end_offset": 2, "user": 1}]``: without
--annotations it said "imported 1 document(s), 0 record(s) with 0 span(s)", exit 0, the spans
never mentioned; with --annotations "no document in it is labelled", the key unnamed. The
label is doccano's id of a label whose name is in the doccano project only, so the line names
the key, why it is not read and the --map that names the ids; with every id named by --map,
the spans are read under those names. (No real 1.x file is among the fixtures: the row is the
team lead's.)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.formats.import_result import ImportResult
from annotator.core.formats.importing import import_documents
from annotator.core.validate_shape import import_format
from tests.test_formats_support import spans_of

TEXT = "Kestria freed 12 soldiers to Norvania."
WHY = (
    "doccano 1.x's spans, whose labels are numbers (doccano's label ids; the label names are "
    "in the doccano project, not in the file)"
)
NOT_READ = "not read as labels (doccano reads label, labels or entities)"


def span(label: int, start: int, end: int, user: int = 1) -> dict[str, Any]:
    return {"label": label, "start_offset": start, "end_offset": end, "user": user}


def v1_export(path: Path, *rows: list[dict[str, Any]]) -> Path:
    lines = [
        {"id": n, "text": TEXT, "annotations": spans, "meta": {}, "annotation_approver": None}
        for n, spans in enumerate(rows, start=1)
    ]
    path.write_bytes(b"".join(orjson.dumps(line) + b"\n" for line in lines))
    return path


def run(
    source: Path, folder: Path, *maps: str, records: bool = True, fmt: str = "doccano"
) -> tuple[ImportResult, list[str]]:
    warnings: list[str] = []
    result = import_documents(
        source,
        fmt,
        folder / "c.jsonl",
        annotations=folder / "a.jsonl" if records else None,
        annotator="cur" if records else None,
        label_map=maps,
        on_warning=warnings.append,
    )
    return result, warnings


def refusal(source: Path, folder: Path, *maps: str, fmt: str = "doccano") -> str:
    with pytest.raises(AnnotatorError) as raised:
        run(source, folder, *maps, fmt=fmt)
    assert not folder.exists()
    return str(raised.value)


def test_without_annotations_the_spans_are_said_naming_the_key_and_the_ids(
    tmp_path: Path,
) -> None:
    source = v1_export(tmp_path / "v1.jsonl", [span(2, 0, 7), span(5, 14, 16)])
    result, warnings = run(source, tmp_path / "out", records=False)
    assert warnings == [
        f"{source}:1: annotations: 2 span(s) in 1 row(s) {NOT_READ}; {WHY}: name them to read "
        "them, --map 2=NAME --map 5=NAME; kept in the document's meta"
    ]
    assert result.summary() == (
        "imported 1 document(s), 0 record(s) with 0 span(s); not imported: 2 span(s) under "
        "annotations (listed above)"
    )


def test_with_annotations_the_import_is_refused_naming_the_key(tmp_path: Path) -> None:
    source = v1_export(tmp_path / "v1.jsonl", [span(2, 0, 7)], [span(2, 29, 37)])
    assert refusal(source, tmp_path / "out") == (
        f"{source}:1: annotations: 2 span(s) in 2 row(s) {NOT_READ}; {WHY}: name them to read "
        "them, --map 2=NAME; nothing written: no row holds spans where doccano reads them, so "
        "no labels would be imported"
    )


def test_every_id_named_by_map_reads_the_spans_under_those_names(tmp_path: Path) -> None:
    source = v1_export(tmp_path / "v1.jsonl", [span(2, 0, 7), span(5, 14, 16)], [])
    result, warnings = run(source, tmp_path / "out", "2=actor", "5=count")
    assert warnings == []
    assert spans_of(tmp_path / "out" / "a.jsonl") == {
        "1": {(0, 7, "actor"), (14, 16, "count")},
        "2": set(),
    }
    assert (result.records, result.spans) == (2, 2)
    first = orjson.loads((tmp_path / "out" / "c.jsonl").read_bytes().splitlines()[0])
    assert first["meta"] == {"annotation_approver": None}  # the spans are not kept twice


def test_an_id_left_unnamed_reads_none_of_them_and_names_it(tmp_path: Path) -> None:
    source = v1_export(tmp_path / "v1.jsonl", [span(2, 0, 7), span(5, 14, 16), span(7, 29, 37)])
    assert refusal(source, tmp_path / "out", "2=actor") == (
        f"{source}:1: annotations: 3 span(s) in 1 row(s) {NOT_READ}; {WHY}: name them all to "
        "read them, --map 5=NAME --map 7=NAME too; nothing written: no row holds spans where "
        "doccano reads them, so no labels would be imported"
    )


def test_spans_of_several_users_are_read_together_and_said(tmp_path: Path) -> None:
    source = v1_export(tmp_path / "v1.jsonl", [span(2, 0, 7, user=1), span(2, 29, 37, user=3)])
    _result, warnings = run(source, tmp_path / "out", "2=actor")
    assert warnings == [
        f"{source}: annotations: the spans of 2 doccano users (user ids 1, 3) are read "
        "together, one record a document (the file gives each row's spans of every user)"
    ]
    assert spans_of(tmp_path / "out" / "a.jsonl") == {"1": {(0, 7, "actor"), (29, 37, "actor")}}


def test_read_as_prodigy_the_line_names_doccano_and_the_map(tmp_path: Path) -> None:
    source = v1_export(tmp_path / "v1.jsonl", [span(2, 0, 7)])
    assert refusal(source, tmp_path / "out", fmt="prodigy") == (
        f"{source}:1: annotations: 1 span(s) in 1 row(s) not read as labels (prodigy reads "
        f"spans); {WHY}: use --format doccano --map 2=NAME; nothing written: no row holds "
        "spans where prodigy reads them, so no labels would be imported"
    )


def test_validate_and_import_take_such_a_file_for_doccano(tmp_path: Path) -> None:
    assert import_format(v1_export(tmp_path / "v1.jsonl", [span(2, 0, 7)])) == "doccano"
