"""An hf import keeps labels.json's labels, every one, in its order: an export gives the same ids.

A curator's trial: a scheme's labels PER, ORG, LOC, MISC, DATE, EVENT exported as hf, imported
back and exported again gave a labels.json sorted (``B-DATE`` first) without EVENT, no span having
it, and ``B-LOC`` moved from 5 to 3, while the export said the ids were stable across exports.
"""

from __future__ import annotations

from pathlib import Path

import orjson

from annotator.core.formats.export import export_records
from annotator.core.formats.importing import import_documents
from annotator.core.scheme import load_scheme
from tests.test_formats_support import record, write_case

TEXT = "Ada of Acme met Bob in Rome at the Expo on Sunday."
SPANS = [(0, 3, "PER"), (7, 11, "ORG"), (16, 19, "PER"), (23, 27, "LOC"), (35, 39, "MISC"),
         (43, 49, "DATE")]  # fmt: skip
LABELS = ["PER", "ORG", "LOC", "MISC", "DATE", "EVENT"]  # EVENT: no span has it
SCHEME = "\n".join(
    ['name = "news"', "version = 1"]
    + [
        f'[[labels]]\nname = "{name}"\nkey = "{n}"\ncolor = "#4e79a7"'
        for n, name in enumerate(LABELS, 1)
    ]
)


def exported(folder: Path) -> tuple[list[str], bytes]:
    return orjson.loads((folder / "labels.json").read_bytes()), (folder / "data.jsonl").read_bytes()


def test_export_import_export_gives_the_same_labels_json_and_ner_tags(tmp_path: Path) -> None:
    corpus, gold = write_case(tmp_path / "w", [("d", TEXT)], [record("d", TEXT, SPANS)])
    (tmp_path / "s.toml").write_text(SCHEME, encoding="utf-8")
    scheme = load_scheme(tmp_path / "s.toml")
    export_records(gold, "hf", tmp_path / "ex1", corpus=corpus, scheme=scheme)
    first = exported(tmp_path / "ex1")
    assert first[0][5:7] == ["B-LOC", "I-LOC"] and first[0][-2:] == ["B-EVENT", "I-EVENT"]

    said: list[str] = []
    back, records = tmp_path / "im" / "c.jsonl", tmp_path / "im" / "annotations" / "cur.jsonl"
    import_documents(
        tmp_path / "ex1", "hf", back, annotations=records, annotator="cur", on_warning=said.append
    )
    written = load_scheme(tmp_path / "im" / "c.scheme.toml")
    assert [label.name for label in written.labels] == LABELS
    assert said == [
        f"hf: {tmp_path / 'ex1' / 'labels.json'}: {tmp_path / 'im' / 'c.scheme.toml'} keeps its "
        "6 label(s) in its order (those without spans too), so an export of these records gives "
        "each tag the same integer"
    ]

    export_records(records, "hf", tmp_path / "ex2", corpus=back)
    assert exported(tmp_path / "ex2") == first


def test_a_labels_json_in_another_order_is_kept_and_its_other_ids_said(tmp_path: Path) -> None:
    source = tmp_path / "hf"
    source.mkdir()
    # Another tool's order: every B- first; the labels are PER then LOC all the same.
    (source / "labels.json").write_bytes(b'["O", "B-PER", "B-LOC", "I-PER", "I-LOC"]')
    row = {"id": "d", "tokens": ["Rome"], "ner_tags": [2]}
    (source / "data.jsonl").write_bytes(orjson.dumps(row) + b"\n")
    said: list[str] = []
    corpus = tmp_path / "c.jsonl"
    import_documents(
        source, "hf", corpus, annotations=tmp_path / "r.jsonl", annotator="cur",
        on_warning=said.append,
    )  # fmt: skip
    written = load_scheme(tmp_path / "c.scheme.toml")
    assert [label.name for label in written.labels] == ["PER", "LOC"]
    assert said == [
        f"hf: {source / 'labels.json'}: {tmp_path / 'c.scheme.toml'} keeps its 2 label(s) in "
        "its order (those without spans too), but its tags are not in the order an export "
        "writes them (O, then B-X and I-X of each label): an export's integers differ"
    ]


def test_map_renames_and_leaves_out_labels_json_labels_in_its_order(tmp_path: Path) -> None:
    source = tmp_path / "hf"
    source.mkdir()
    tags = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"]
    (source / "labels.json").write_bytes(orjson.dumps(tags))
    row = {"id": "d", "tokens": ["Ada", "in", "Rome"], "ner_tags": [1, 0, 5]}
    (source / "data.jsonl").write_bytes(orjson.dumps(row) + b"\n")
    corpus = tmp_path / "c.jsonl"
    import_documents(
        source, "hf", corpus, annotations=tmp_path / "r.jsonl", annotator="cur",
        label_map=["PER=person", "ORG="],
    )  # fmt: skip
    written = load_scheme(tmp_path / "c.scheme.toml")
    assert [label.name for label in written.labels] == ["person", "LOC"]
