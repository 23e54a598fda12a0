"""brat, hf and conll exports say, once and counted, the document meta (and conll the ids) they
do not write.

A curator exported a Prodigy import (each document's meta ``"source": "The New York Times"``)
to brat, hf and conll: the meta was gone without a word, and conll's documents came back as
``out-000001`` (only docs/formats.md said so). Each now says it in one line of the summary.
brat's ``<id>.txt`` gives back ``source`` (the file's name) and ``date`` (a dateline), so those
are not said when they are what an import back gives.
"""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from annotator.core.formats.export import export_records
from annotator.core.formats.importing import import_documents
from tests.test_formats_support import out_path, record

TEXTS = {
    "a": ("date 2025-08-24\nKestria freed 12.", {"source": "a.txt", "date": "2025-08-24"}),
    "b": ("Norvania freed 8.", {"source": "The New York Times", "section": "World"}),
    "c": ("Maro said so.", {"source": "The New York Times"}),
}


def case(folder: Path) -> tuple[Path, Path]:
    folder.mkdir(parents=True)
    corpus = folder / "corpus.jsonl"
    corpus.write_bytes(
        b"".join(
            orjson.dumps({"id": doc_id, "text": text, "meta": meta}) + b"\n"
            for doc_id, (text, meta) in TEXTS.items()
        )
    )
    gold = folder / "gold.jsonl"
    records = [record(doc_id, text, []) for doc_id, (text, _meta) in TEXTS.items()]
    gold.write_bytes(b"".join(r.model_dump_json().encode() + b"\n" for r in records))
    return corpus, gold


def said(tmp_path: Path, fmt: str) -> list[str]:
    corpus, gold = case(tmp_path / "in")
    heard: list[str] = []
    export_records(gold, fmt, out_path(tmp_path, fmt), corpus=corpus, on_warning=heard.append)
    return heard


KEEP = "; jsonl --with-text, prodigy, doccano, labelstudio and spacy keep it"


def test_brat_says_the_meta_its_txt_files_do_not_give_back(tmp_path: Path) -> None:
    assert said(tmp_path, "brat") == [
        "brat cannot carry a document's meta: not written for 2 document(s) (first: b; keys: "
        "source (2), section (1)); an import back gives only source (the file's name) and date "
        f"(from a dateline){KEEP}"
    ]
    import_documents(tmp_path / "out", "brat", tmp_path / "back.jsonl")
    back = {
        row["id"]: row["meta"] for row in map(orjson.loads, (tmp_path / "back.jsonl").open("rb"))
    }
    assert back["a"] == TEXTS["a"][1]  # what the line does not name came back
    assert back["b"] == {"source": "b.txt"}


def test_hf_says_every_documents_meta(tmp_path: Path) -> None:
    assert said(tmp_path, "hf") == [
        "hf cannot carry a document's meta: not written for 3 document(s) (first: a; keys: "
        f"source (3), date (1), section (1)){KEEP}"
    ]


def test_conll_says_the_ids_and_the_meta(tmp_path: Path) -> None:
    assert said(tmp_path, "conll") == [
        "conll cannot carry document ids: not written for 3 document(s) (first: a); an import "
        "back names them <file>-000001 on, in this order",
        "conll cannot carry a document's meta: not written for 3 document(s) (first: a; keys: "
        f"source (3), date (1), section (1)){KEEP}",
    ]


@pytest.mark.parametrize("fmt", ["prodigy", "doccano", "labelstudio", "spacy"])
def test_the_formats_that_write_the_meta_say_nothing_of_it(tmp_path: Path, fmt: str) -> None:
    if fmt == "spacy":
        pytest.importorskip("spacy")
    assert said(tmp_path, fmt) == []
