"""A Label Studio export writes the brat R lines a record keeps between its spans as Label
Studio's relation results (``{"from_id", "to_id", "type": "relation", "direction", "labels"}``,
its documented JSON export), and an import keeps an annotation's relation results as R lines,
so brat → annotator → Label Studio → annotator → Label Studio and brat loses no relation.

Before, a Label Studio export said ``labelstudio cannot carry 2 relation(s) kept from brat`` of
brat's tutorial document, and an import said each relation result "is not imported (spans
only)": a relation made in Label Studio was lost on the way in.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import orjson

from annotator.core.formats.export import export_records
from annotator.core.formats.importing import import_documents
from tests.test_formats_support import FIXTURES

NEWS = "tutorials__news__000-introduction"  # brat's tutorial: R1 Family, R2 Origin
NAMED_ENTITY = FIXTURES / "label_studio" / "frontend_examples_named_entity" / "annotations_1.json"


def imported(source: Path, fmt: str, out: Path, **options: Any) -> tuple[Path, Path, list[str]]:
    said: list[str] = []
    import_documents(source, fmt, out / "c.jsonl", annotations=out / "a.jsonl",
                     annotator="cur", on_warning=said.append, **options)  # fmt: skip
    return out / "c.jsonl", out / "a.jsonl", said


def exported(records: Path, corpus: Path, fmt: str, out: Path) -> list[str]:
    said: list[str] = []
    export_records(records, fmt, out, corpus=corpus, on_warning=said.append, verbose=True)
    return said


def brat_news(folder: Path) -> Path:
    """A folder holding brat's tutorial document alone."""
    source = folder / "brat"
    source.mkdir(parents=True)
    for suffix in (".txt", ".ann"):
        shutil.copy(FIXTURES / "brat" / "docs" / f"{NEWS}{suffix}", source / f"d{suffix}")
    return source


def relation_results(path: Path) -> list[dict[str, Any]]:
    (task,) = orjson.loads(path.read_bytes())
    return [r for r in task["annotations"][0]["result"] if r["type"] == "relation"]


def test_brat_relations_go_out_as_label_studio_s_and_come_back(tmp_path: Path) -> None:
    corpus, records, _said = imported(brat_news(tmp_path), "brat", tmp_path / "in")
    first = tmp_path / "first.json"
    said = exported(records, corpus, "labelstudio", first)
    # In the .ann's order: R2 Origin (banks → Switzerland), then R1 Family.
    assert relation_results(first) == [
        {"from_id": "T6", "to_id": "T7", "type": "relation", "direction": "right",
         "labels": ["Origin"]},
        {"from_id": "T4", "to_id": "T5", "type": "relation", "direction": "right",
         "labels": ["Family"]},
    ]  # fmt: skip
    (line,) = [line for line in said if "cannot carry" in line]
    assert "relation" not in line  # only the event, attributes, normalisation and note
    # Label Studio → annotator → Label Studio: the same file, result ids and relations.
    corpus2, records2, imported_said = imported(first, "labelstudio", tmp_path / "back")
    assert (
        f"{first}:2: task 1: annotation 1: 2 relation(s) kept in the record's note as brat R "
        "lines, not imported as spans (Label Studio, doccano and brat exports write them back)"
    ) in imported_said
    assert not [line for line in imported_said if "not imported (spans only)" in line]
    second = tmp_path / "second.json"
    assert exported(records2, corpus2, "labelstudio", second) == []
    assert second.read_bytes() == first.read_bytes()
    # and a brat export of the Label Studio import writes them as R lines.
    exported(records2, corpus2, "brat", tmp_path / "brat_out")
    ann = (tmp_path / "brat_out" / "d.ann").read_text().splitlines()
    assert [line for line in ann if line.startswith("R")] == [
        "R1\tOrigin Arg1:T6 Arg2:T7",
        "R2\tFamily Arg1:T4 Arg2:T5",
    ]


def label_studio_task(folder: Path, relations: list[dict[str, Any]]) -> Path:
    """Label Studio's named-entity example (its result ``beFiQTT1cU``, "February 22") with a
    second region, "Comissaria Smith", and ``relations`` between the two."""
    task = orjson.loads(NAMED_ENTITY.read_bytes())
    text = task["data"]["text"]
    start = text.index("Comissaria Smith")
    value = {"start": start, "end": start + 16, "text": "Comissaria Smith",
             "labels": ["Organization"]}  # fmt: skip
    task["annotations"][0]["result"] += [
        {"from_name": "ner", "id": "k3Xw9QpLmZ", "source": "$text", "to_name": "text",
         "type": "labels", "value": value},
        *relations,
    ]  # fmt: skip
    path = folder / "task.json"
    path.write_bytes(orjson.dumps([task], option=orjson.OPT_INDENT_2))
    return path


def relation(source: str, target: str, **fields: Any) -> dict[str, Any]:
    return {"from_id": source, "to_id": target, "type": "relation", "direction": "right",
            "labels": ["reports"], **fields}  # fmt: skip


def test_label_studio_s_own_result_ids_are_kept_and_brat_gets_t_ids(tmp_path: Path) -> None:
    source = label_studio_task(
        tmp_path,
        [
            relation("k3Xw9QpLmZ", "beFiQTT1cU"),
            relation("beFiQTT1cU", "k3Xw9QpLmZ", direction="left", labels=["dated"]),
        ],
    )
    corpus, records, _said = imported(source, "labelstudio", tmp_path / "in")
    out = tmp_path / "out.json"
    assert exported(records, corpus, "labelstudio", out) == []
    # "left" runs from to_id to from_id: written back "right", the ids swapped.
    assert relation_results(out) == [
        relation("k3Xw9QpLmZ", "beFiQTT1cU", labels=["reports", "dated"])
    ]
    exported(records, corpus, "brat", tmp_path / "brat_out")
    ann = (tmp_path / "brat_out" / "1.ann").read_text().splitlines()
    # Result ids are no brat ids: the spans get T1, T2 in text order, and the R lines name them.
    assert [line.split("\t")[:2] for line in ann if line[0] in "TR"] == [
        ["T1", "Organization 212 228"],
        ["T2", "Date 343 354"],
        ["R1", "reports Arg1:T1 Arg2:T2"],
        ["R2", "dated Arg1:T1 Arg2:T2"],
    ]


def test_relations_an_r_line_cannot_hold_are_said(tmp_path: Path) -> None:
    source = label_studio_task(
        tmp_path,
        [
            relation("k3Xw9QpLmZ", "beFiQTT1cU", direction="bi"),
            relation("k3Xw9QpLmZ", "beFiQTT1cU", labels=[]),
            relation("k3Xw9QpLmZ", "beFiQTT1cU", labels=["is a"]),
            relation("k3Xw9QpLmZ", "nowhere"),
            relation("k3Xw9QpLmZ", "beFiQTT1cU"),
        ],
    )
    corpus, records, said = imported(source, "labelstudio", tmp_path / "in")
    lines = [line for line in said if ": task 1 (id 1): annotation 1" in line]
    # Each line names the line its result starts on; after that, the task and annotation.
    assert [line.partition(": task 1 (id 1): annotation 1")[2] for line in lines] == [
        ': result 3: direction "bi": a relation both ways, which a brat R line (the note keeps '
        "relations as) is not; not imported",
        ": result 4: labels: none; a brat R line (the note keeps relations as) needs a type; "
        "not imported",
        ": result 5: labels.0: 'is a' is no brat relation type (a word); not imported",
        ": result 6: to_id: 'nowhere' is the id of no span result of the annotation; not imported",
        ": 1 relation(s) kept in the record's note as brat R lines, not imported as spans "
        "(Label Studio, doccano and brat exports write them back)",
    ]
    out = tmp_path / "out.json"
    exported(records, corpus, "labelstudio", out)
    assert relation_results(out) == [relation("k3Xw9QpLmZ", "beFiQTT1cU")]
