"""doccano ``--style entities`` writes a record's brat R lines as ``relations``, and an import
keeps doccano's relations (as R lines in the note), so doccano → annotator → doccano keeps them;
what doccano, Prodigy and Label Studio still cannot write of brat's lines is counted by kind.

A curator's trial: a brat import's relations, events and attributes (kept in the note) went out
as ``"relations": []``, said only as ``doccano cannot carry the note; not written``: a reader saw
"no relations".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.core.formats.export import export_records
from annotator.core.formats.importing import import_documents
from tests.test_formats_support import FIXTURES

TEXT = "Google was founded by Larry Page in 1998.\n"
ANN = (
    "T1\tORG 0 6\tGoogle\n"
    "T2\tPERSON 22 32\tLarry Page\n"
    "T3\tFound 11 18\tfounded\n"
    "T4\tDATE 36 40\t1998\n"
    "R1\tfoundedBy Arg1:T1 Arg2:T2\n"
    "R2\tfoundedAt Arg1:T1 Arg2:T4\n"
    "E1\tFound:T3 Org:T1 Founder:T2\n"
    "R3\tabout Arg1:E1 Arg2:T4\n"  # an event's: no entity for doccano to link
    "A1\tNegated E1\n"
    "A2\tConfidence T2 High\n"
    "N1\tReference T1 Wikipedia:12345\tGoogle\n"
)
RELATION_EXAMPLE = FIXTURES / "doccano" / "import_examples" / "relation_extraction.example.jsonl"


def imported(source: Path, fmt: str, out: Path) -> tuple[Path, Path, list[str]]:
    said: list[str] = []
    import_documents(source, fmt, out / "c.jsonl", annotations=out / "a.jsonl",
                     annotator="cur", on_warning=said.append)  # fmt: skip
    return out / "c.jsonl", out / "a.jsonl", said


def exported(
    records: Path, corpus: Path, fmt: str, out: Path, verbose: bool = True, **options: Any
) -> list[str]:
    said: list[str] = []
    export_records(records, fmt, out, corpus=corpus, on_warning=said.append, verbose=verbose,
                   **options)  # fmt: skip
    return said


def brat_case(folder: Path, names: tuple[str, ...] = ("d",)) -> tuple[Path, Path]:
    source = folder / "brat"
    source.mkdir(parents=True)
    for name in names:
        (source / f"{name}.txt").write_text(TEXT)
        (source / f"{name}.ann").write_text(ANN)
    corpus, records, _said = imported(source, "brat", folder / "in")
    return corpus, records


def rows(path: Path) -> list[dict[str, Any]]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


def test_brat_relations_go_out_as_doccano_s_and_come_back(tmp_path: Path) -> None:
    corpus, records = brat_case(tmp_path)
    first = tmp_path / "first.jsonl"
    said = exported(records, corpus, "doccano", first, style="entities")
    (row,) = rows(first)
    # Entities in text order: Google 0, founded 1, Larry Page 2, 1998 3.
    assert [e["label"] for e in row["entities"]] == ["ORG", "Found", "PERSON", "DATE"]
    assert row["relations"] == [
        {"id": 0, "from_id": 0, "to_id": 2, "type": "foundedBy"},
        {"id": 1, "from_id": 0, "to_id": 3, "type": "foundedAt"},
    ]
    assert (
        "d: doccano cannot carry 1 relation(s), 1 event(s), 2 attribute(s), 1 normalisation(s) "
        "kept from brat; not written"
    ) in said
    assert not [line for line in said if "the note" in line]
    # doccano → annotator → doccano: the same file, relations and all.
    corpus2, records2, imported_said = imported(first, "doccano", tmp_path / "back")
    assert (
        f"{first}:1: 2 relation(s) kept in the record's note as brat R lines, not imported as "
        "spans (doccano and brat exports write them back)"
    ) in imported_said
    second = tmp_path / "second.jsonl"
    assert exported(records2, corpus2, "doccano", second, style="entities") == []
    assert second.read_bytes() == first.read_bytes()
    # and a brat export of the doccano import writes them as R lines.
    exported(records2, corpus2, "brat", tmp_path / "brat_out")
    ann = (tmp_path / "brat_out" / "d.ann").read_text().splitlines()
    assert [line for line in ann if line.startswith("R")] == [
        "R1\tfoundedBy Arg1:T1 Arg2:T3",
        "R2\tfoundedAt Arg1:T1 Arg2:T4",
    ]


def test_a_relation_to_a_span_changed_since_import_is_not_written_and_said(
    tmp_path: Path,
) -> None:
    corpus, records = brat_case(tmp_path)
    (record,) = rows(records)
    for span in record["spans"]:
        if span["id"] == "T4":
            span["label"] = "YEAR"  # relabelled in annotate: R2 no longer names it as brat did
    records.write_bytes(orjson.dumps(record) + b"\n")
    out = tmp_path / "out.jsonl"
    said = exported(records, corpus, "doccano", out, style="entities")
    assert [r["type"] for r in rows(out)[0]["relations"]] == ["foundedBy"]
    # R2 and R3 name T4: said as the change leaves them out, apart from what doccano cannot
    # carry (test_relations_changed_since).
    assert (
        "d: doccano cannot carry 1 event(s), 2 attribute(s), 1 normalisation(s) kept from brat, "
        "the brat lines R2, R3 kept on import, which name spans changed or deleted since (T4); "
        "not written"
    ) in said


@pytest.mark.parametrize(("fmt", "relations"), [("prodigy", 3), ("labelstudio", 1)])
def test_prodigy_and_label_studio_count_brat_s_lines_by_kind(
    tmp_path: Path, fmt: str, relations: int
) -> None:
    """Label Studio writes the two relations between spans (``test_labelstudio_relations``),
    not the one of an event."""
    corpus, records = brat_case(tmp_path)
    (record,) = rows(records)
    record["note"] = "Check the date\n\n" + record["note"]  # what a person typed, before it
    records.write_bytes(orjson.dumps(record) + b"\n")
    said = exported(records, corpus, fmt, tmp_path / f"out.{fmt}")
    assert (
        f"d: {fmt} cannot carry the note's text, {relations} relation(s), 1 event(s), 2 "
        "attribute(s), 1 normalisation(s) kept from brat; not written"
    ) in said


def test_doccano_s_relation_example_comes_back_from_an_export(tmp_path: Path) -> None:
    corpus, records, _said = imported(RELATION_EXAMPLE, "doccano", tmp_path / "in")
    out = tmp_path / "out.jsonl"
    assert exported(records, corpus, "doccano", out, style="entities") == []
    (source,) = rows(RELATION_EXAMPLE)
    (row,) = rows(out)
    assert row["entities"] == source["entities"]
    assert [{k: v for k, v in r.items() if k != "id"} for r in row["relations"]] == (
        source["relations"]
    )


def test_relations_doccano_cannot_keep_are_said(tmp_path: Path) -> None:
    row = {"id": "d", "text": TEXT, "entities": [
        {"id": 7, "label": "ORG", "start_offset": 0, "end_offset": 6},
        {"id": 9, "label": "PERSON", "start_offset": 22, "end_offset": 32}],
        "relations": [{"from_id": 7, "to_id": 9, "type": "founded by"},
                      {"from_id": 7, "to_id": 8, "type": "foundedBy"},
                      {"from_id": 9, "to_id": 7, "type": "worksAt"}]}  # fmt: skip
    source = tmp_path / "d.jsonl"
    source.write_bytes(orjson.dumps(row) + b"\n")
    corpus, records, said = imported(source, "doccano", tmp_path / "in")
    assert [line.removeprefix(f"{source}:1: ") for line in said if "relation" in line] == [
        "relations.0.type: 'founded by' is no brat relation type (a word); not imported",
        "relations.1.to_id: 8 is not the id of one of the row's entities (ids: 7, 9); not imported",
        "1 relation(s) kept in the record's note as brat R lines, not imported as spans "
        "(doccano and brat exports write them back)",
    ]
    out = tmp_path / "out.jsonl"
    exported(records, corpus, "doccano", out, style="entities")
    assert rows(out)[0]["relations"] == [{"id": 0, "from_id": 1, "to_id": 0, "type": "worksAt"}]


def test_labels_the_import_renames_keep_their_relations(tmp_path: Path) -> None:
    """``big-org`` (not a scheme name) and ``PER SON`` (not one word, as a brat T line holds
    a label) are imported as ``big_org`` and ``PER_SON``: the relation between them stays."""
    row = {"id": "d", "text": TEXT, "entities": [
        {"id": 1, "label": "big-org", "start_offset": 0, "end_offset": 6},
        {"id": 2, "label": "PER SON", "start_offset": 22, "end_offset": 32}],
        "relations": [{"from_id": 1, "to_id": 2, "type": "foundedBy"}]}  # fmt: skip
    source = tmp_path / "d.jsonl"
    source.write_bytes(orjson.dumps(row) + b"\n")
    corpus, records, _said = imported(source, "doccano", tmp_path / "in")
    out = tmp_path / "out.jsonl"
    assert exported(records, corpus, "doccano", out, style="entities") == []
    (written,) = rows(out)
    assert [e["label"] for e in written["entities"]] == ["big_org", "PER_SON"]
    assert written["relations"] == [{"id": 0, "from_id": 0, "to_id": 1, "type": "foundedBy"}]


def test_relations_of_a_row_with_spans_besides_its_entities_are_said(tmp_path: Path) -> None:
    row = {"id": "d", "text": TEXT, "label": [[36, 40, "DATE"]], "entities": [
        {"id": 1, "label": "ORG", "start_offset": 0, "end_offset": 6}],
        "relations": [{"from_id": 1, "to_id": 1, "type": "self"}]}  # fmt: skip
    source = tmp_path / "d.jsonl"
    source.write_bytes(orjson.dumps(row) + b"\n")
    _corpus, _records, said = imported(source, "doccano", tmp_path / "in")
    assert (
        f"{source}:1: 1 relation(s) not imported (the row's spans are not its entities "
        "alone, which relations link)" in said
    )


def test_the_summary_of_many_documents_counts_brat_s_lines_apart_from_notes(
    tmp_path: Path,
) -> None:
    names = tuple(f"d{n}" for n in range(6))  # past the five documents said one by one
    corpus, records = brat_case(tmp_path, names)
    lines = records.read_bytes().splitlines()
    typed = orjson.loads(lines[0])
    typed["note"] = "Check the date\n\n" + typed["note"]
    records.write_bytes(b"\n".join([orjson.dumps(typed), *lines[1:]]) + b"\n")
    said = exported(records, corpus, "doccano", tmp_path / "out.jsonl", False, style="entities")
    assert said[0] == (
        "doccano cannot carry: the note of 1 document(s), 6 relation(s), 6 event(s), 12 "
        "attribute(s), 6 normalisation(s) kept from brat in 6 document(s); not written (first: "
        "d0)"
    )
