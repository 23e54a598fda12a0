"""A conll export says, once, that an import back gives another text: CoNLL holds tokens, not
the whitespace between them. A trial's ``\\n\\n`` came back ``\\n``, sentences on new lines,
``December 27–29`` as ``27 – 29`` and every offset after moved, with ids and meta said lost and
nothing said of the text."""

from __future__ import annotations

from pathlib import Path

import orjson

from annotator.core.formats.conll import text_read_back
from tests.test_agreement_data import run_cli
from tests.test_formats_support import record, write_case

TRIAL = "Russia met Ukraine.\n\nTalks ran December 27–29 in Kyiv. More here.\n"
SAID = "conll cannot carry the text's whitespace"


def _export(tmp_path: Path, docs: list[tuple[str, str]], *more: str) -> tuple[Path, str]:
    records = [record(doc_id, text, [(0, 6, "actor")]) for doc_id, text in docs]
    corpus, gold = write_case(tmp_path / "case", docs, records)
    out = tmp_path / "out.conll"
    result = run_cli("export", gold, "--format", "conll", "-o", out, "--corpus", corpus, *more)
    assert result.returncode == 0, result.stderr
    return out, result.stderr


def test_the_export_says_the_text_comes_back_changed(tmp_path: Path) -> None:
    out, said = _export(tmp_path, [("a", TRIAL), ("b", TRIAL)])
    (line,) = [line for line in said.splitlines() if line.startswith(SAID)]
    assert line == (
        f"{SAID}: an import back rebuilds each text from its tokens, one sentence per line, "
        "words spaced ('27–29' as '27 – 29'; blank lines and a last line break dropped), so 2 "
        "document(s) (first: a) come back with another text and other offsets; jsonl "
        "--with-text, prodigy, doccano, labelstudio, brat and spacy keep the text"
    )
    back = tmp_path / "back.jsonl"
    imported = run_cli("import", out, "--format", "conll", "-o", back)
    assert imported.returncode == 0, imported.stderr
    texts = [orjson.loads(raw)["text"] for raw in back.read_bytes().splitlines()]
    assert texts == [text_read_back(TRIAL, [])] * 2
    assert texts[0] == "Russia met Ukraine.\nTalks ran December 27 – 29 in Kyiv.\nMore here."


def test_said_once_for_a_split_export(tmp_path: Path) -> None:
    docs = [(f"d{n}", TRIAL) for n in range(4)]
    records = [record(doc_id, text, [(0, 6, "actor")]) for doc_id, text in docs]
    corpus, gold = write_case(tmp_path / "case", docs, records)
    result = run_cli(
        "export", gold, "--format", "conll", "-o", tmp_path / "out", "--corpus", corpus,
        "--split", "train=0.5,dev=0.5",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stderr.count(SAID) == 1
    assert "so 4 document(s) (first: d0)" in result.stderr


def test_not_said_when_the_text_comes_back_as_it_is(tmp_path: Path) -> None:
    text = "Russia met Ukraine."
    assert text_read_back(text, []) == text
    _out, said = _export(tmp_path, [("a", text)])
    assert SAID not in said
    assert "conll cannot carry document ids" in said
