"""A relation kept on import whose span was changed since (re-bound or relabelled in annotate)
is not written by a Label Studio or doccano export, and the export says why, as a brat export
says it: the lines name spans changed or deleted since.

A curator's trial: doccano's relation example imported, ``Larry Page`` re-bound to ``Page`` and
``Sergey Brin`` relabelled in annotate, then exported to Label Studio: the two relations naming
them were left out, said as ``labelstudio cannot carry 2 relation(s) kept from brat``, though
Label Studio carries relations (the rest of the file has one) and the brat export of the same
record named the changed spans.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.core.formats.export import export_records
from annotator.core.formats.importing import import_documents
from tests.test_formats_support import FIXTURES

RELATION_EXAMPLE = FIXTURES / "doccano" / "import_examples" / "relation_extraction.example.jsonl"
CHANGED = "the brat lines R2, R3 kept on import, which name spans changed or deleted since (T3, T4)"


def changed_in_annotate(folder: Path) -> tuple[Path, Path]:
    """doccano's example imported (entities T1..T4; R1 foundedAt T1 T2, R2 foundedBy T1 T3,
    R3 foundedBy T1 T4), then T3 'Larry Page' re-bound to 'Page' and T4 relabelled."""
    corpus, records = folder / "c.jsonl", folder / "a.jsonl"
    import_documents(RELATION_EXAMPLE, "doccano", corpus, annotations=records, annotator="cur")
    record = orjson.loads(records.read_bytes())
    for span in record["spans"]:
        if span["id"] == "T3":
            span.update(start=50, text="Page")
        if span["id"] == "T4":
            span["label"] = "ORG"
    records.write_bytes(orjson.dumps(record) + b"\n")
    return corpus, records


def relation_types(fmt: str, out: Path) -> list[str]:
    if fmt == "doccano":
        (row,) = [orjson.loads(line) for line in out.read_bytes().splitlines()]
        return [relation["type"] for relation in row["relations"]]
    (task,) = orjson.loads(out.read_bytes())
    results = task["annotations"][0]["result"]
    return [label for r in results if r["type"] == "relation" for label in r["labels"]]


@pytest.mark.parametrize(
    ("fmt", "options"), [("labelstudio", {}), ("doccano", {"style": "entities"})]
)
def test_relations_to_spans_changed_since_import_are_said_as_such(
    tmp_path: Path, fmt: str, options: dict[str, Any]
) -> None:
    corpus, records = changed_in_annotate(tmp_path)
    said: list[str] = []
    out = tmp_path / f"out.{fmt}"
    export_records(records, fmt, out, corpus=corpus, on_warning=said.append, **options)
    assert relation_types(fmt, out) == ["foundedAt"]
    doc_id = orjson.loads(records.read_bytes())["doc_id"]
    assert f"{doc_id}: {fmt} cannot carry {CHANGED}; not written" in said
    assert not [line for line in said if "relation(s) kept from brat" in line]


def test_the_brat_export_says_them_in_the_same_words(tmp_path: Path) -> None:
    corpus, records = changed_in_annotate(tmp_path)
    said: list[str] = []
    export_records(records, "brat", tmp_path / "b", corpus=corpus, on_warning=said.append)
    assert [line for line in said if CHANGED in line]


def test_many_documents_count_them_apart_from_what_the_format_cannot_carry(
    tmp_path: Path,
) -> None:
    corpus, records = changed_in_annotate(tmp_path)
    document = orjson.loads(corpus.read_bytes())
    record = orjson.loads(records.read_bytes())
    documents, lines = [], []
    for number in range(6):
        documents.append(orjson.dumps({**document, "id": f"d{number}"}))
        lines.append(orjson.dumps({**record, "doc_id": f"d{number}"}))
    corpus.write_bytes(b"\n".join(documents) + b"\n")
    records.write_bytes(b"\n".join(lines) + b"\n")
    said: list[str] = []
    export_records(records, "labelstudio", tmp_path / "o.json", corpus=corpus,
                   on_warning=said.append)  # fmt: skip
    assert (
        "labelstudio cannot carry: brat lines naming spans changed or deleted since import (12) "
        "in 6 document(s); not written (first: d0)"
    ) in said


def test_map_leaving_out_a_label_leaves_out_the_relations_naming_its_spans_and_says_so(
    tmp_path: Path,
) -> None:
    """``--map DATE=`` left the DATE span out and kept ``R1 foundedAt Arg1:T1 Arg2:T2`` in the
    note, counted among the relations kept, though no export could ever write it: each said
    it later as a span changed or deleted since."""
    corpus, records = tmp_path / "c.jsonl", tmp_path / "a.jsonl"
    said: list[str] = []
    result = import_documents(
        RELATION_EXAMPLE, "doccano", corpus, annotations=records, annotator="cur",
        label_map=["DATE="], on_warning=said.append,
    )  # fmt: skip
    record = orjson.loads(records.read_bytes())
    assert "foundedAt" not in record["note"]
    assert "foundedBy Arg1:T1 Arg2:T3" in record["note"]
    assert (
        "--map: 1 relation(s) naming spans it left out are left out too, since no export could "
        "write them (first: relation_extraction.example-000001: R1)"
    ) in said
    assert result.not_imported["relation(s) naming spans left out by --map"] == 1
    assert result.not_imported["relation(s) kept in the note"] == 2  # of the example's 3
    export_said: list[str] = []
    export_records(records, "labelstudio", tmp_path / "o.json", corpus=corpus,
                   on_warning=export_said.append)  # fmt: skip
    assert export_said == []


def test_map_leaving_out_a_brat_span_names_the_kinds_of_the_lines_it_leaves_out(
    tmp_path: Path,
) -> None:
    """brat's tutorial: ``Money`` left out takes E1 (its argument), A5 (E1's attribute) and the
    note #1 on it."""
    source = tmp_path / "brat"
    source.mkdir()
    for suffix in (".txt", ".ann"):
        name = f"tutorials__news__000-introduction{suffix}"
        (source / f"d{suffix}").write_bytes((FIXTURES / "brat" / "docs" / name).read_bytes())
    said: list[str] = []
    result = import_documents(
        source, "brat", tmp_path / "c.jsonl", annotations=tmp_path / "a.jsonl",
        annotator="cur", label_map=["Money="], on_warning=said.append,
    )  # fmt: skip
    assert (
        "--map: 1 event(s), 1 attribute(s), 1 brat note(s) naming spans it left out are left "
        "out too, since no export could write them (first: d: E1, A5, #1)"
    ) in said
    assert result.not_imported["brat line(s) kept in the note"] == 7  # of the tutorial's 10


def test_the_line_names_only_the_spans_its_relations_name(tmp_path: Path) -> None:
    """A brat import whose attribute names T3 and relation names T1 and T2: T3 deleted and
    T2 relabelled in annotate. Label Studio said ``the brat lines R1 ..., which name spans
    changed or deleted since (T2, T3)``, though R1 names T1 and T2; the attribute on T3 is
    counted with the attributes Label Studio cannot carry."""
    source = tmp_path / "brat"
    source.mkdir()
    (source / "d.txt").write_text("Ana met Bo in Oslo.\n", encoding="utf-8")
    (source / "d.ann").write_text(
        "T1\tPerson 0 3\tAna\nT2\tPerson 8 10\tBo\nT3\tPlace 14 18\tOslo\n"
        "R1\tmet Arg1:T1 Arg2:T2\nA1\tNegation T3\n",
        encoding="utf-8",
    )
    corpus, records = tmp_path / "c.jsonl", tmp_path / "a.jsonl"
    import_documents(source, "brat", corpus, annotations=records, annotator="cur")
    record = orjson.loads(records.read_bytes())
    record["spans"] = [span for span in record["spans"] if span["id"] != "T3"]
    for span in record["spans"]:
        if span["id"] == "T2":
            span["label"] = "Place"
    records.write_bytes(orjson.dumps(record) + b"\n")
    said: list[str] = []
    export_records(records, "labelstudio", tmp_path / "o.json", corpus=corpus,
                   on_warning=said.append)  # fmt: skip
    assert (
        "d: labelstudio cannot carry 1 attribute(s) kept from brat, the brat lines R1 kept on "
        "import, which name spans changed or deleted since (T2); not written"
    ) in said
    said.clear()
    export_records(records, "brat", tmp_path / "b", corpus=corpus, on_warning=said.append)
    assert (
        "d: brat cannot carry the brat lines R1, A1 kept on import, which name spans changed "
        "or deleted since (T2, T3); not written"
    ) in said
