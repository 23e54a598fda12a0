"""Import messages count documents from 1 in every format. A trial's spaCy import said
``spacy.out: doc 4: document 10-pravonia-…`` of the fifth document, while Prodigy says
``file:5:``, Label Studio ``task 5`` and a document without id is ``<file>-000005``."""

from __future__ import annotations

from pathlib import Path

import orjson

from tests.test_agreement_data import run_cli
from tests.test_formats_support import need


def import_error(source: Path, fmt: str, tmp_path: Path) -> str:
    out = tmp_path / "corpus.jsonl"
    result = run_cli("import", source, "--format", fmt, "-o", out)
    assert result.returncode == 1, result.stdout + result.stderr
    assert not out.exists()
    return result.stderr.strip().splitlines()[-1]


def test_spacy_counts_its_docs_from_1(tmp_path: Path) -> None:
    need("spacy")
    from spacy.tokens import Doc, DocBin
    from spacy.vocab import Vocab

    vocab = Vocab()
    docbin = DocBin(store_user_data=True)
    for doc_id in (None, "b", "b"):
        doc = Doc(vocab, words=["Russia", "freed", "146"])
        if doc_id is not None:
            doc.user_data["doc_id"] = doc_id
        docbin.add(doc)
    source = tmp_path / "three.spacy"
    source.write_bytes(docbin.to_bytes())
    assert import_error(source, "spacy", tmp_path) == (
        f"{source}: doc 3: id: duplicate document id 'b' (first at {source}: doc 2)"
    )
    # The first, without an id, is named by the same count.
    docbin = DocBin(store_user_data=True, docs=[Doc(vocab, words=["Talks", "resumed"])])
    source.write_bytes(docbin.to_bytes())
    out = tmp_path / "corpus.jsonl"
    assert run_cli("import", source, "--format", "spacy", "-o", out).returncode == 0
    assert orjson.loads(out.read_bytes())["id"] == "three-000001"


def test_the_json_formats_count_from_1_too(tmp_path: Path) -> None:
    tasks = [{"id": 7, "data": {"text": "a"}}, {"id": 7, "data": {"text": "b"}}]
    studio = tmp_path / "tasks.json"
    studio.write_bytes(orjson.dumps(tasks))
    assert import_error(studio, "labelstudio", tmp_path) == (
        f"{studio}:1: task 2 (id 7): id: duplicate document id '7' (first at {studio}:1: task 1 "
        "(id 7))"
    )
    rows = [{"id": "x", "text": "a", "label": []}, {"id": "x", "text": "b", "label": []}]
    doccano = tmp_path / "rows.json"
    doccano.write_bytes(orjson.dumps(rows, option=orjson.OPT_INDENT_2))  # pretty-printed
    assert import_error(doccano, "doccano", tmp_path) == (
        f"{doccano}: entry 2: id: duplicate document id 'x' (first at {doccano}: entry 1)"
    )
    lines = tmp_path / "rows.jsonl"
    lines.write_bytes(b"".join(orjson.dumps(row) + b"\n" for row in rows))
    assert import_error(lines, "doccano", tmp_path) == (
        f"{lines}:2: id: duplicate document id 'x' (first at {lines}:1)"
    )
