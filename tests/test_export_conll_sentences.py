"""A span across a sentence break: CoNLL readers take a sentence at a time, so the export writes
one span per sentence (B- again after the break) and says so; hf rows are whole documents."""

from __future__ import annotations

from pathlib import Path

import orjson

from annotator.core.formats.export import export_records
from annotator.core.formats.importing import import_documents
from tests.test_formats_support import record, spans_of, write_case

# The edsnlp file's span over a line break, which the sentence splitter cuts at.
TEXT = "Il a un problème \nde locomotion. Rien."
SPANS = [(8, 31, "pathologie"), (33, 37, "sosy")]


def export(tmp_path: Path, fmt: str) -> tuple[Path, list[str]]:
    corpus, gold = write_case(tmp_path, [("d1", TEXT)], [record("d1", TEXT, SPANS)])
    out = tmp_path / ("out" if fmt == "hf" else f"out.{fmt}")
    warnings: list[str] = []
    export_records(gold, fmt, out, corpus=corpus, on_warning=warnings.append)
    return out, warnings


def test_conll_writes_a_span_across_a_sentence_break_as_one_per_sentence(tmp_path: Path) -> None:
    out, warnings = export(tmp_path, "conll")
    assert out.read_text(encoding="utf-8").split("\n") == [
        "-DOCSTART- O",
        "",
        "Il O",
        "a O",
        "un O",
        "problème B-pathologie",
        "",
        "de B-pathologie",
        "locomotion I-pathologie",
        ". O",
        "",
        "Rien B-sosy",
        ". O",
        "",
        "",
    ]
    assert warnings == [
        "d1: conll: span s1 pathologie 8..31 'problème \\nde locomotion' runs across 1 "
        "sentence break(s); written as 2 spans, one per sentence (B- again after each break: "
        "a sentence is read alone)",
        "conll cannot carry document ids: not written for 1 document(s) (first: d1); "
        "an import back names them <file>-000001 on, in this order",
        "conll cannot carry the text's whitespace: an import back rebuilds each text from its "
        "tokens, one sentence per line, words spaced ('27–29' as '27 – 29'; blank lines and a "
        "last line break dropped), so 1 document(s) (first: d1) come back with another text "
        "and other offsets; jsonl --with-text, prodigy, doccano, labelstudio, brat and spacy "
        "keep the text",
    ]
    # Read back, they are the two spans written; a second export writes the same file.
    import_documents(
        out, "conll", tmp_path / "back.jsonl", annotations=tmp_path / "r.jsonl", annotator="a"
    )
    assert spans_of(tmp_path / "r.jsonl") == {
        "out-000001": {(8, 16, "pathologie"), (17, 30, "pathologie"), (32, 36, "sosy")}
    }
    again = tmp_path / "again.conll"
    export_records(tmp_path / "r.jsonl", "conll", again, corpus=tmp_path / "back.jsonl")
    assert again.read_bytes() == out.read_bytes()


def test_hf_rows_are_whole_documents_so_the_span_stays_whole(tmp_path: Path) -> None:
    out, warnings = export(tmp_path, "hf")
    row = orjson.loads((out / "data.jsonl").read_bytes())
    names = orjson.loads((out / "labels.json").read_bytes())
    assert row["tokens"] == ["Il", "a", "un", "problème", "de", "locomotion", ".", "Rien", "."]
    assert [names[tag] for tag in row["ner_tags"]] == [
        "O", "O", "O", "B-pathologie", "I-pathologie", "I-pathologie", "O", "B-sosy", "O",
    ]  # fmt: skip
    # No sentence break is said; only that no scheme gives these labels their integers.
    assert [line for line in warnings if not line.startswith("hf: labels.json:")] == []
