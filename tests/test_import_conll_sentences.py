"""`import --format conll --per-sentence`: a document per sentence, as doccano reads CoNLL (a
trial's training file without -DOCSTART- came in as one document)."""

from __future__ import annotations

from pathlib import Path

import orjson

from tests.test_agreement_data import run_cli as cli

# doccano's own example (tests/fixtures/doccano, see its SOURCE.txt): two sentences, no
# -DOCSTART-; doccano makes two examples of it.
EXAMPLE = Path(__file__).parent / "fixtures/doccano/import_examples"
SOURCE = EXAMPLE / "sequence_labeling.example.conll.txt"


def lines(path: Path) -> list[dict[str, object]]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


def test_each_sentence_is_a_document_with_its_spans(tmp_path: Path) -> None:
    corpus, records = tmp_path / "c.jsonl", tmp_path / "r.jsonl"
    result = cli("import", SOURCE, "--format", "conll", "--per-sentence", "-o", corpus,
                 "--annotations", records, "--annotator", "a")  # fmt: skip
    assert result.returncode == 0, result.stderr
    documents = lines(corpus)
    stem = SOURCE.stem
    assert [(d["id"], d["text"]) for d in documents] == [
        (f"{stem}-000001", "EU rejects German call to boycott British lamb."),
        (f"{stem}-000002", "Peter Blackburn"),
    ]
    spans = {r["doc_id"]: [(s["text"], s["label"]) for s in r["spans"]] for r in lines(records)}
    assert spans == {
        f"{stem}-000001": [("EU", "ORG"), ("German", "MISC"), ("British", "MISC")],
        f"{stem}-000002": [("Peter Blackburn", "PER")],
    }


def test_without_it_the_file_is_one_document_and_it_is_for_conll_only(tmp_path: Path) -> None:
    result = cli("import", SOURCE, "--format", "conll", "-o", tmp_path / "c.jsonl")
    assert result.returncode == 0, result.stderr
    assert len(lines(tmp_path / "c.jsonl")) == 1
    refused = cli("import", SOURCE, "--format", "hf", "--per-sentence", "-o", tmp_path / "h.jsonl")
    assert (refused.returncode, refused.stderr.splitlines()[-1]) == (
        2,
        "annotator: error: --per-sentence is for conll",
    )
