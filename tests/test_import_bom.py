"""A UTF-8 file that begins with a byte order mark imports as the same file without it, in
every import format, as a ``.txt`` corpus reads it.

Editors on Windows write the mark. A review found the conllu import refuse such a file
(``expected 10 tab-separated columns``: its first line read as ``\\ufeff# text = a``), the conll
import keep it as the first character of the text and of the first span (``'\\ufeffParis'``),
a brat ``.ann`` read its first line ``\\ufeffT1`` as no span (kept in the note), and an hf
``labels.json`` refused as invalid JSON.
"""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from annotator.core.formats.importing import import_documents

BOM = b"\xef\xbb\xbf"
LABELS_JSON = b'["O", "B-LOC", "I-LOC"]'
HF_ROW = b'{"id": "d1", "tokens": ["Paris", "is"], "ner_tags": [1, 0]}'
DOCCANO_ROW = b'{"id": "d1", "text": "Paris is", "label": [[0, 5, "LOC"]]}'
TASK = {"text": "Paris is", "spans": [{"start": 0, "end": 5, "label": "LOC"}], "answer": "accept"}
LS_SPAN = {"from_name": "label", "to_name": "text", "type": "labels",
           "value": {"start": 0, "end": 5, "text": "Paris", "labels": ["LOC"]}}  # fmt: skip

# format -> (the file given to the import, {file name: content}); the first file gets the mark
INPUTS: dict[str, tuple[str, dict[str, bytes]]] = {
    "conllu": ("ud.conllu", {"ud.conllu": b"# text = Paris is\n"
               b"1\tParis\t_\t_\t_\t_\t_\t_\t_\tNER=B-LOC\n2\tis\t_\t_\t_\t_\t_\t_\t_\tNER=O\n"}),
    "conll": ("in.conll", {"in.conll": b"Paris B-LOC\nis O\n"}),
    "brat .ann": (".", {"d1.ann": b"T1\tLOC 0 5\tParis\n", "d1.txt": b"Paris is"}),
    # brat counts the mark as a character of the text (as it reads the file): LOC 1 6
    "brat .txt": (".", {"d1.txt": b"Paris is", "d1.ann": b"T1\tLOC 1 6\tParis\n"}),
    "hf labels.json": ("rows.jsonl", {"labels.json": LABELS_JSON, "rows.jsonl": HF_ROW}),
    "hf": ("rows.jsonl", {"rows.jsonl": HF_ROW, "labels.json": LABELS_JSON}),
    "doccano": ("d.jsonl", {"d.jsonl": DOCCANO_ROW}),
    "labelstudio": ("ls.json", {"ls.json": orjson.dumps(
        [{"id": 1, "data": {"text": "Paris is"}, "annotations": [{"result": [LS_SPAN]}]}])}),
    "prodigy": ("p.jsonl", {"p.jsonl": orjson.dumps(TASK)}),
}  # fmt: skip


@pytest.mark.parametrize("case", INPUTS)
def test_a_leading_bom_is_dropped(tmp_path: Path, case: str) -> None:
    given, files = INPUTS[case]
    folder = tmp_path / "in"
    folder.mkdir()
    for index, (name, content) in enumerate(files.items()):
        (folder / name).write_bytes(BOM + content if index == 0 else content)
    out = tmp_path / "out"
    import_documents(folder / given, case.split()[0], out / "c.jsonl",
                     annotations=out / "a.jsonl", annotator="al")  # fmt: skip
    docs = [orjson.loads(line) for line in (out / "c.jsonl").read_bytes().splitlines()]
    records = [orjson.loads(line) for line in (out / "a.jsonl").read_bytes().splitlines()]
    assert [doc["text"] for doc in docs] == ["Paris is"]
    spans = [(s["start"], s["end"], s["label"], s["text"]) for s in records[0]["spans"]]
    assert spans == [(0, 5, "LOC", "Paris")]
