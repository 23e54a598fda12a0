"""U+FEFF in a document's text (a byte order mark left there: two files joined) parts tokens as
a zero-width space does, and every import keeps it where the text has it.

A CoNLL export wrote it as a token of its own (an invisible line ``\\ufeff O``), and every import
dropped it from the start of a text as if it were the file's byte order mark: a document
``\\ufeff`` came back empty (a second export differed from the first), and a span on it was
refused as bad data ("1 span(s) are bad data ... nothing written"). A mark opening a *file* is
the file's, dropped by its reader (``test_import_bom``); a document's text is exact. A brat
``.txt`` beginning with it cannot tell the two apart: its export says so.
"""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from annotator.core.sentences import sentences
from annotator.core.tokens import tokenize
from tests.test_formats_support import export_import, need, record, spans_of, texts_of, write_case

MARK = "\ufeff"
# name -> (text, spans): the mark at the start, alone, in the middle, glued inside a word and
# inside a span.
CASES = {
    "start": (f"{MARK}Kyiv said.", [(1, 5, "actor")]),
    "start in a span": (f"{MARK}Kyiv said.", [(0, 5, "actor")]),
    "alone": (MARK, []),
    "alone in a span": (MARK, [(0, 1, "actor")]),
    "middle": (f"Kyiv {MARK} said.", [(0, 4, "actor"), (7, 11, "date")]),
    "inside a span": (f"Kyiv {MARK}Lviv said.", [(0, 10, "actor")]),
    "glued in a word": (f"Ky{MARK}iv said.", [(0, 5, "actor")]),
}


def test_the_tokenizer_parts_tokens_at_it_and_never_writes_it_as_one() -> None:
    assert [t.text for t in tokenize(f"{MARK}Kyiv said{MARK}. Ky{MARK}iv")] == [
        *["Kyiv", "said", ".", "Ky", "iv"]
    ]
    assert tokenize(MARK) == []
    assert tokenize(f"{MARK} {MARK}\u200b{MARK}") == []
    # With marks after it, it is one character holding them: a token, never cut in two.
    assert [t.text for t in tokenize(f"a{MARK}\u0301b")] == ["a", f"{MARK}\u0301", "b"]


def test_after_a_full_stop_it_ends_the_sentence_and_sentences_are_trimmed_of_it() -> None:
    for text in (f"Freed people.{MARK} Then they left.", f"Freed people.{MARK}Then they left."):
        assert [text[a:b] for a, b in sentences(text)] == ["Freed people.", "Then they left."]
    assert sentences(f"{MARK} One.{MARK}") == [(2, 6)]
    assert sentences(MARK) == []


def _export_import(folder: Path, fmt: str, text: str, spans: list[tuple[int, int, str]]):  # type: ignore[no-untyped-def]
    corpus, gold = write_case(folder, [("d1", text)], [record("d1", text, spans)])
    extra = {"with_text": True} if fmt == "jsonl" else {}
    return export_import(folder, fmt, corpus, gold, **extra)


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("fmt", ["jsonl", "prodigy", "doccano", "labelstudio", "spacy"])
def test_a_format_carrying_the_text_gives_it_back_exactly(
    tmp_path: Path, fmt: str, case: str
) -> None:
    if fmt == "spacy":
        need("spacy")
    text, spans = CASES[case]
    _out, back, records, said = _export_import(tmp_path, fmt, text, spans)
    assert texts_of(back) == {"d1": text}
    assert spans_of(records) == {"d1": set(spans)}
    assert not any("byte order mark" in line for line in said)


@pytest.mark.parametrize("case", CASES)
def test_conll_never_writes_it_and_its_import_writes_the_same_file_again(
    tmp_path: Path, case: str
) -> None:
    text, spans = CASES[case]
    out, back, records, said = _export_import(tmp_path, "conll", text, spans)
    assert MARK not in out.read_text(encoding="utf-8")
    again, *_rest = export_import(tmp_path, "conll", back, records, name="again")
    assert again.read_bytes() == out.read_bytes()
    if case == "alone in a span":  # no token to tag: said at export, not bad data at import
        assert any("covers no token; left out" in line for line in said)


def test_conll_of_the_mark_alone_is_a_document_without_tokens(tmp_path: Path) -> None:
    out, back, _records, _said = _export_import(tmp_path, "conll", MARK, [])
    assert out.read_bytes() == b"-DOCSTART- O\n\n"
    assert list(texts_of(back).values()) == [""]


def test_conll_gives_back_a_span_around_it_on_its_words(tmp_path: Path) -> None:
    text, spans = CASES["inside a span"]
    out, back, records, _said = _export_import(tmp_path, "conll", text, spans)
    assert out.read_text(encoding="utf-8").splitlines()[2:4] == ["Kyiv B-actor", "Lviv I-actor"]
    (span,) = orjson.loads(records.read_bytes())["spans"]
    (read_text,) = texts_of(back).values()
    assert (span["text"], read_text[span["start"] : span["end"]]) == ("Kyiv Lviv", "Kyiv Lviv")


@pytest.mark.parametrize("case", ["middle", "inside a span", "glued in a word"])
def test_hf_keeps_it_between_the_tokens_and_gives_the_text_back(tmp_path: Path, case: str) -> None:
    text, spans = CASES[case]
    out, back, records, _said = _export_import(tmp_path, "hf", text, spans)
    row = orjson.loads((out / "data.jsonl").read_bytes())
    assert not any(MARK in token for token in row["tokens"])
    assert any(MARK in gap for gap in row["whitespace"])
    assert texts_of(back) == {"d1": text}
    assert spans_of(records) == {"d1": set(spans)}


def test_hf_says_a_text_beginning_with_it_and_reads_back_from_the_first_token(
    tmp_path: Path,
) -> None:
    text, spans = CASES["start"]
    out, back, records, said = _export_import(tmp_path, "hf", text, spans)
    assert orjson.loads((out / "data.jsonl").read_bytes())["tokens"][0] == "Kyiv"
    assert any("begin with whitespace" in line for line in said)
    assert texts_of(back) == {"d1": text[1:]}
    assert spans_of(records) == {"d1": {(0, 4, "actor")}}


def test_brat_export_says_a_text_beginning_with_it_which_its_import_drops(
    tmp_path: Path,
) -> None:
    text, spans = CASES["start"]
    out, back, records, said = _export_import(tmp_path, "brat", text, spans)
    assert (out / "d1.txt").read_bytes().startswith(b"\xef\xbb\xbf")
    assert any("begin with U+FEFF (first: d1)" in line for line in said)
    assert any("began with a byte order mark" in line for line in said)  # the import's line
    assert texts_of(back) == {"d1": text[1:]}
    assert spans_of(records) == {"d1": {(0, 4, "actor")}}


def test_brat_keeps_it_anywhere_else(tmp_path: Path) -> None:
    text, spans = CASES["inside a span"]
    _out, back, records, said = _export_import(tmp_path, "brat", text, spans)
    assert texts_of(back) == {"d1": text}
    assert spans_of(records) == {"d1": set(spans)}
    assert not any("U+FEFF" in line or "byte order mark" in line for line in said)
