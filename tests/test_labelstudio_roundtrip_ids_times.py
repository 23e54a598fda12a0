"""A Label Studio export imported and exported again is the same file: the import keeps each
result's id as its span's (it numbered them s1, s2, ... in text order: ``s5`` before ``s3``
came back ``s3``, brat's ``T1`` as ``s1``), and the export writes the time spent and the last
change (an annotation's ``lead_time`` and ``updated_at``, which the import reads) where it said
labelstudio could not carry them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from annotator.core.formats.export import export_records
from annotator.core.formats.importing import import_documents
from annotator.core.models import Record
from tests.test_formats_support import record, write_case

TEXT = "Kyiv freed 12 people in Lviv."


def round_trip(folder: Path, **extra: Any) -> tuple[Path, Path, list[str], list[str]]:
    """Export a record to Label Studio, import that, export the import: (first export,
    second export, warnings of the import, warnings of the second export)."""
    made = Record.model_validate({**record("d1", TEXT, []).model_dump(), **extra})
    corpus, gold = write_case(folder, [("d1", TEXT)], [made])
    first = folder / "first.json"
    export_records(gold, "labelstudio", first, corpus=corpus)
    imported: list[str] = []
    import_documents(first, "labelstudio", folder / "back" / "c.jsonl",
                     annotations=folder / "back" / "a.jsonl", annotator="gold",
                     on_warning=imported.append)  # fmt: skip
    second = folder / "second.json"
    said: list[str] = []
    export_records(folder / "back" / "a.jsonl", "labelstudio", second,
                   corpus=folder / "back" / "c.jsonl", on_warning=said.append)  # fmt: skip
    return first, second, imported, said


def spans(*given: tuple[str, int, int, str]) -> list[dict[str, Any]]:
    return [
        {"id": i, "start": s, "end": e, "label": label, "text": TEXT[s:e]}
        for i, s, e, label in given
    ]


def test_span_ids_not_in_text_order_come_back_as_they_were(tmp_path: Path) -> None:
    # s5 added in annotate before s3; T ids of a brat import, not numbered by us.
    given = spans(("s5", 0, 4, "actor"), ("T1", 11, 13, "count"), ("s3", 24, 28, "place"))
    first, second, imported, _said = round_trip(tmp_path, spans=given)
    assert not [line for line in imported if "result ids" in line]
    back = orjson.loads((tmp_path / "back" / "a.jsonl").read_bytes().splitlines()[0])
    assert [(s["id"], s["start"]) for s in back["spans"]] == [("s5", 0), ("T1", 11), ("s3", 24)]
    assert second.read_bytes() == first.read_bytes()


def test_the_time_spent_and_the_last_change_go_out_and_come_back(tmp_path: Path) -> None:
    first, second, _imported, said = round_trip(
        tmp_path, spans=spans(("s1", 0, 4, "actor")),
        updated_at="2025-08-25T09:00:00.5Z", seconds_spent=431.25,
    )  # fmt: skip
    annotation = orjson.loads(first.read_bytes())[0]["annotations"][0]
    assert (annotation["lead_time"], annotation["updated_at"]) == (431.25, "2025-08-25T09:00:00.5Z")
    assert "created_at" not in annotation  # a record has none: none is made up
    back = orjson.loads((tmp_path / "back" / "a.jsonl").read_bytes().splitlines()[0])
    assert (back["seconds_spent"], back["updated_at"]) == (431.25, "2025-08-25T09:00:00.5Z")
    assert second.read_bytes() == first.read_bytes()
    assert not [line for line in said if "cannot carry" in line]


def test_a_record_without_times_writes_none(tmp_path: Path) -> None:
    first, _second, _imported, _said = round_trip(tmp_path, spans=spans(("s1", 0, 4, "actor")))
    annotation = orjson.loads(first.read_bytes())[0]["annotations"][0]
    assert set(annotation) == {"result", "was_cancelled"}


def test_result_ids_that_are_not_one_a_span_are_renumbered_and_said(tmp_path: Path) -> None:
    value = {"start": 0, "end": 4, "text": "Kyiv", "labels": ["actor"]}
    result = {"id": "r1", "from_name": "label", "to_name": "text", "type": "labels"}
    other = {**value, "start": 24, "end": 28, "text": "Lviv"}
    task = {"data": {"text": TEXT}, "annotations": [{"result": [
        {**result, "value": other}, {**result, "value": value}]}]}  # fmt: skip
    source = tmp_path / "ls.json"
    source.write_bytes(orjson.dumps([task]))
    said: list[str] = []
    import_documents(source, "labelstudio", tmp_path / "c.jsonl", annotations=tmp_path / "a.jsonl",
                     annotator="gold", on_warning=said.append)  # fmt: skip
    back = orjson.loads((tmp_path / "a.jsonl").read_bytes())
    assert [(s["id"], s["start"]) for s in back["spans"]] == [("s1", 0), ("s2", 24)]
    assert (
        f"{source}:1: task 1: annotation 1: result ids not kept as span ids (id 'r1' is given "
        "to 2 spans): the spans are numbered s1, s2, ... in text order" in said
    )


def test_a_result_of_two_labels_is_said_as_such_not_as_a_result_without_an_id(
    tmp_path: Path,
) -> None:
    """Label Studio's ``labels`` is a list: a result of two labels gives two spans and one
    id. The import said ``1 span(s) have no result id``, though every result had one."""
    result = {"id": "r1", "from_name": "label", "to_name": "text", "type": "labels"}
    two = {**result, "value": {"start": 0, "end": 4, "labels": ["actor", "place"]}}
    other = {**result, "id": "r2", "value": {"start": 24, "end": 28, "labels": ["place"]}}
    task = {"data": {"text": TEXT}, "annotations": [{"result": [two, other]}]}
    source = tmp_path / "ls.json"
    source.write_bytes(orjson.dumps([task]))
    said: list[str] = []
    import_documents(source, "labelstudio", tmp_path / "c.jsonl", annotations=tmp_path / "a.jsonl",
                     annotator="gold", on_warning=said.append)  # fmt: skip
    back = orjson.loads((tmp_path / "a.jsonl").read_bytes())
    assert [s["id"] for s in back["spans"]] == ["s1", "s2", "s3"]
    assert (
        f"{source}:1: task 1: annotation 1: result ids not kept as span ids (1 span(s) are a "
        "further label of a result, which has one id): the spans are numbered s1, s2, ... in "
        "text order" in said
    )
