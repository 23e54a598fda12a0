"""An hf row's fields other than those an import reads are said, once a file, counted.

CoNLL-2003 as the Hugging Face hub gives it has ``pos_tags`` and ``chunk_tags`` beside
``ner_tags``; an import dropped them, and any other field, without a word. Our export's rows
(``id``, ``tokens``, ``ner_tags``, ``spaces``, ``whitespace``) say nothing.
"""

from __future__ import annotations

from pathlib import Path

import orjson

from annotator.core.formats.export import export_records
from annotator.core.formats.importing import import_documents
from tests.test_formats_support import record, write_case

LABELS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]


def test_other_fields_of_the_rows_are_said_and_counted(tmp_path: Path) -> None:
    folder = tmp_path / "hf"
    folder.mkdir()
    rows = [
        {"id": "0", "tokens": ["EU", "rejects", "German", "call"], "pos_tags": [22, 42, 16, 21],
         "chunk_tags": [11, 21, 11, 12], "ner_tags": [3, 0, 7, 0]},
        {"id": "1", "tokens": ["Peter", "Blackburn"], "pos_tags": [22, 22],
         "chunk_tags": [11, 12], "ner_tags": [1, 2]},
    ]  # fmt: skip
    (folder / "train.jsonl").write_bytes(b"".join(orjson.dumps(row) + b"\n" for row in rows))
    (folder / "labels.json").write_bytes(orjson.dumps(LABELS))
    said: list[str] = []
    result = import_documents(folder, "hf", tmp_path / "o" / "c.jsonl",
                              annotations=tmp_path / "o" / "a.jsonl", annotator="cur",
                              on_warning=said.append)  # fmt: skip
    train = folder / "train.jsonl"
    assert said[:2] == [
        f"{train}: pos_tags: 2 row(s) (first: line 1); not carried: a record holds the text "
        "and its labelled spans",
        f"{train}: chunk_tags: 2 row(s) (first: line 1); not carried: a record holds the text "
        "and its labelled spans",
    ]
    assert result.spans == 3
    assert "not imported: 2 row(s) with pos_tags, 2 row(s) with chunk_tags" in result.summary()


def test_our_export_s_rows_say_nothing_of_their_fields(tmp_path: Path) -> None:
    text = "Kestria freed 12 soldiers."
    corpus, gold = write_case(tmp_path, [("d1", text)], [record("d1", text, [(0, 7, "actor")])])
    export_records(gold, "hf", tmp_path / "hf", corpus=corpus)
    said: list[str] = []
    import_documents(tmp_path / "hf", "hf", tmp_path / "o" / "c.jsonl",
                     annotations=tmp_path / "o" / "a.jsonl", annotator="cur",
                     on_warning=said.append)  # fmt: skip
    assert not [line for line in said if "not carried" in line]
