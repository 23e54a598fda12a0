"""A zero-width space (U+200B) parts tokens as whitespace does. A trial's CoNLL export wrote it
as a token of its own ("zero B-actor", "\\u200b I-actor", "width I-actor"), and the span came
back from an import as 'zero \\u200b width'; search reads it as a space between words, and so do
the tokenizer and the token exports now: CoNLL gives the span's words back, hf its text."""

from __future__ import annotations

from pathlib import Path

import orjson

from annotator.core.sentences import sentences
from annotator.core.tokens import tokenize
from tests.test_formats_support import export_import, record, texts_of, write_case

TEXT = "Freed: zero\u200bwidth people.\u200b Then more."
SPAN = (7, 17, "actor")  # "zero\u200bwidth"


def test_the_tokenizer_parts_words_at_a_zero_width_space() -> None:
    assert [token.text for token in tokenize(TEXT)] == [
        *["Freed", ":", "zero", "width", "people", ".", "Then", "more", "."]
    ]
    assert tokenize("\u200b \u200b\u200b") == []
    # With marks after it, it is one character holding them: a token, never cut in two.
    assert [token.text for token in tokenize("a\u200b\u0301b")] == ["a", "\u200b\u0301", "b"]


def test_conll_writes_and_reads_back_the_spans_words(tmp_path: Path) -> None:
    corpus, gold = write_case(tmp_path, [("d1", TEXT)], [record("d1", TEXT, [SPAN])])
    out, back, records, _said = export_import(tmp_path, "conll", corpus, gold)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[2:8] == [*["Freed O", ": O", "zero B-actor", "width I-actor", "people O", ". O"]]
    assert "\u200b" not in out.read_text(encoding="utf-8")
    (text,) = texts_of(back).values()  # CoNLL holds no ids
    (span,) = orjson.loads(records.read_bytes())["spans"]
    assert (span["text"], text[span["start"] : span["end"]]) == ("zero width", "zero width")


def test_hf_keeps_it_between_the_tokens_and_gives_the_text_back(tmp_path: Path) -> None:
    corpus, gold = write_case(tmp_path, [("d1", TEXT)], [record("d1", TEXT, [SPAN])])
    out, back, records, _said = export_import(tmp_path, "hf", corpus, gold)
    row = orjson.loads((out / "data.jsonl").read_bytes())
    assert "\u200b" not in row["tokens"]
    assert row["whitespace"][2:6] == ["\u200b", " ", "", "\u200b "]
    assert texts_of(back)["d1"] == TEXT
    (span,) = orjson.loads(records.read_bytes())["spans"]
    assert (span["start"], span["end"], span["text"]) == (7, 17, "zero\u200bwidth")


def test_a_zero_width_space_after_a_full_stop_ends_the_sentence_as_a_space_does() -> None:
    # "people.\u200b Then" was one sentence (the break wants whitespace after the stop), so a
    # CoNLL export kept it on one line and its import glued "people.Then".
    for text in ("Freed people.\u200b Then they left.", "Freed people.\u200bThen they left."):
        assert [text[a:b] for a, b in sentences(text)] == ["Freed people.", "Then they left."]
    assert sentences("\u200b One.\u200b") == [(2, 6)]  # trimmed like whitespace
