"""hf's integers are the same tag in every export: the labels of the scheme in force, in order.

A curator's trial: without ``--scheme`` the labels were sorted from the records exported, so
``B-date`` was 5 in the seed gold's export and 3 in an export of the same work without counts.
"""

from __future__ import annotations

from pathlib import Path

import orjson

from annotator.core.formats.export import export_records
from annotator.core.formats.importing import import_documents
from tests.test_formats_support import record, write_case

TEXT = "Ukraine freed 146 Russian servicemen on Sunday."
ALL = [(0, 7, "actor"), (14, 17, "count"), (40, 46, "date")]
DEFAULT_TAGS = ["O", "B-actor", "I-actor", "B-count", "I-count", "B-date", "I-date",
                "B-releasee", "I-releasee"]  # fmt: skip


def export_hf(folder: Path, spans: list[tuple[int, int, str]]) -> tuple[list[str], list[str]]:
    corpus, gold = write_case(folder, [("d", TEXT)], [record("d", TEXT, spans)])
    said: list[str] = []
    export_records(gold, "hf", folder / "hf", corpus=corpus, on_warning=said.append)
    return orjson.loads((folder / "hf" / "labels.json").read_bytes()), said


def tag_of(folder: Path, names: list[str], token: str) -> str:
    row = orjson.loads((folder / "hf" / "data.jsonl").read_bytes())
    return names[row["ner_tags"][row["tokens"].index(token)]]


def test_the_same_tag_is_the_same_integer_whichever_labels_an_export_holds(tmp_path: Path) -> None:
    every, said = export_hf(tmp_path / "a", ALL)
    without_count, said_too = export_hf(tmp_path / "b", [ALL[0], ALL[2]])
    assert every == without_count == DEFAULT_TAGS  # the default scheme's labels, in its order
    assert (said, said_too) == ([], [])
    row = orjson.loads((tmp_path / "b" / "hf" / "data.jsonl").read_bytes())
    assert row["ner_tags"][row["tokens"].index("Sunday")] == 5 == every.index("B-date")


def test_imported_labels_follow_the_scheme_import_wrote(tmp_path: Path) -> None:
    rows = [
        {"id": "a", "text": "Ada met Bob in Rome.", "label": [[0, 3, "PER"], [15, 19, "LOC"]]},
        {"id": "b", "text": "Bob left.", "label": [[0, 3, "PER"]]},
    ]
    source = tmp_path / "dc.jsonl"
    source.write_bytes(b"".join(orjson.dumps(row) + b"\n" for row in rows))
    corpus, records = tmp_path / "news.jsonl", tmp_path / "r.jsonl"
    import_documents(source, "doccano", corpus, annotations=records, annotator="cur")
    scheme = tmp_path / "news.scheme.toml"
    assert scheme.is_file()
    said: list[str] = []
    # Only b's record: PER alone, yet LOC keeps its integers.
    just_b = tmp_path / "b.jsonl"
    just_b.write_bytes(records.read_bytes().splitlines(keepends=True)[1])
    export_records(just_b, "hf", tmp_path / "hf", corpus=corpus, on_warning=said.append)
    names = orjson.loads((tmp_path / "hf" / "labels.json").read_bytes())
    assert names == ["O", "B-LOC", "I-LOC", "B-PER", "I-PER"]
    assert said == [
        f"hf: labels.json: the labels in the order of {scheme} (the scheme annotator import "
        "wrote beside the corpus), for ids stable across exports; --scheme chooses another"
    ]


def test_labels_no_scheme_holds_are_sorted_and_that_is_said(tmp_path: Path) -> None:
    names, said = export_hf(tmp_path, [(0, 7, "GPE"), (40, 46, "date")])
    assert names == ["O", "B-GPE", "I-GPE", "B-date", "I-date"]
    assert said == [
        "hf: labels.json: the labels are sorted (no scheme holds all of GPE, date), so an "
        "integer depends on the labels this export holds; pass --scheme for ids stable across "
        "exports"
    ]
    assert tag_of(tmp_path, names, "Ukraine") == "B-GPE"
