"""spaCy's words and Prodigy's tokens hold a zero-width space (U+200B) or U+FEFF in the word
beside it, never as a word of its own where they can.

The project's tokenizer parts tokens at both as at whitespace (the annotate screen snaps to
``zero`` and ``width`` in ``zero\\u200bwidth``, a CoNLL export writes those two lines), but the
spaCy and Prodigy exports rebuild the text from words and ``ws`` flags (one plain space), and
wrote every other gap as a word: ``zero``, ``\\u200b``, ``width``, a span of three words of which
one is invisible and, to spaCy, no space (``Token.is_space`` is ``str.isspace``). Now the break
is kept in the word before it (``zero\\u200b``), else the one after it, so the words are the
project's tokens one for one and the text every character of it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.formats.wstokens import exact_pieces
from annotator.core.models import Record
from annotator.core.tokens import INVISIBLE_BREAKS, character_pattern, tokenize
from tests.test_formats_prodigy_tokens import check_tokens, prodigy_task
from tests.test_formats_roundtrip import LABELS, SETTINGS, texts_from
from tests.test_formats_support import export_import, need, record, spans_of, write_case

TEXT = "Freed: zero\u200bwidth people.\u200b Then more."
ZERO_WIDTH = (7, 17, "actor")  # "zero\u200bwidth"
# Texts whose words must rebuild them exactly: each break, no-break and ideographic spaces,
# CRLF, emoji (a joiner sequence, a flag, a variation selector), a combining accent.
TEXTS = {
    "zw": TEXT,
    "bom": "Two\ufefffiles joined\ufeff. \ufeffThen",
    "spaces": "Kyiv\u00a0freed 146\u3000people.\r\nThen \U0001f54a\ufe0f e\u0301 "
    "\U0001f469\u200d\U0001f469\u200d\U0001f467 \U0001f1fa\U0001f1e6.",
    "edges": "\u200bAlice\u200bBob \u200b end\u200b\r\n",
}


def invisible(word: str) -> bool:
    return word != "" and word.strip(INVISIBLE_BREAKS) == ""


def test_prodigy_keeps_the_break_in_the_word_before_it() -> None:
    task = prodigy_task(TEXT, record("a", TEXT, [ZERO_WIDTH]))
    check_tokens(TEXT, task)
    assert [(t["text"], t["ws"]) for t in task["tokens"]] == [
        *[("Freed", False), (":", True), ("zero\u200b", False), ("width", True)],
        *[("people", False), (".\u200b", True), ("Then", True), ("more", False), (".", False)],
    ]
    # The project's tokens, one for one.
    assert [t["text"].strip(INVISIBLE_BREAKS) for t in task["tokens"]] == [
        t.text for t in tokenize(TEXT)
    ]
    (span,) = task["spans"]
    assert (span["token_start"], span["token_end"]) == (2, 3)


def test_a_span_edge_at_the_break_sends_it_to_the_other_word() -> None:
    text = "Alice\u200bBob"
    pieces = exact_pieces
    assert [p.text for p in pieces(text, record("a", text, [(0, 5, "actor")]).spans)] == [
        *["Alice", "\u200bBob"]
    ]
    assert [p.text for p in pieces(text, record("a", text, [(6, 9, "actor")]).spans)] == [
        *["Alice\u200b", "Bob"]
    ]
    # A span edge on both sides of it: only then is it a word of its own.
    both = record("a", text, [(0, 5, "actor"), (6, 9, "actor")])
    assert [p.text for p in pieces(text, both.spans)] == ["Alice", "\u200b", "Bob"]


def docbin_docs(path: Path) -> dict[str, Any]:
    spacy = need("spacy")
    from spacy.tokens import DocBin

    # An English vocabulary: its lexemes know which words are spaces (``is_space``).
    docs = DocBin().from_bytes(path.read_bytes()).get_docs(spacy.blank("en").vocab)
    return {doc.user_data["doc_id"]: doc for doc in docs}


def test_spacy_words_rebuild_each_text_and_hold_no_lone_break(tmp_path: Path) -> None:
    spans = {
        "zw": [ZERO_WIDTH],
        "bom": [(0, 9, "actor")],
        "spaces": [(0, 4, "actor"), (11, 14, "count")],
        "edges": [(1, 6, "actor"), (7, 10, "actor")],
    }
    records = [record(doc_id, text, spans[doc_id]) for doc_id, text in TEXTS.items()]
    corpus, gold = write_case(tmp_path, list(TEXTS.items()), records)
    out, _back, again, said = export_import(tmp_path, "spacy", corpus, gold)
    assert not [line for line in said if "token" in line]  # the import reads our words back
    assert spans_of(again) == spans_of(gold)
    docs = docbin_docs(out)
    for doc_id, text in TEXTS.items():
        doc = docs[doc_id]
        assert doc.text == text
        assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == spans[doc_id]
    assert [t.text for t in docs["zw"]] == [
        *["Freed", ":", "zero\u200b", "width", "people", ".\u200b", "Then", "more", "."]
    ]
    assert [t.text for t in docs["bom"]] == [
        *["Two\ufeff", "files", "joined\ufeff", ".", "\ufeffThen"]
    ]
    # Whitespace words are spaCy's spaces; the breaks left alone sit between two spans'
    # edges (before Alice, between Alice and Bob) or between spaces.
    assert [(t.text, t.is_space) for t in docs["edges"]] == [
        *[("\u200b", False), ("Alice", False), ("\u200b", False), ("Bob", False)],
        *[("\u200b", False), ("end\u200b", False), ("\r\n", True)],
    ]
    assert [t.text for t in docs["spaces"] if t.is_space] == ["\u00a0", "\u3000", "\r\n"]


@st.composite
def break_cases(draw: st.DrawFn) -> tuple[str, Record]:
    """A text full of breaks and whitespace, with spans on any character edges."""
    text = draw(texts_from(["\u200b", "\ufeff", " ", "\n", "\u00a0", "Kyiv", ".", "e\u0301"]))
    chars = [m.span() for m in character_pattern().finditer(text)]
    spans: set[tuple[int, int, str]] = set()
    for _ in range(draw(st.integers(0, 4)) if chars else 0):
        start = draw(st.sampled_from([low for low, _high in chars]))
        ends = [high for low, high in chars if low >= start]
        spans.add((start, draw(st.sampled_from(ends)), draw(st.sampled_from(LABELS))))
    return text, record("a", text, sorted(spans))


@SETTINGS
@given(break_cases())
def test_a_break_is_a_word_alone_only_where_no_word_beside_it_may_take_it(
    case: tuple[str, Record],
) -> None:
    text, doc = case
    task = prodigy_task(text, doc)
    check_tokens(text, task)  # every character, every span exactly its tokens
    tokens = task["tokens"]
    edges = {edge for span in doc.spans for edge in (span.start, span.end)}

    def word(number: int) -> bool:
        if not 0 <= number < len(tokens):
            return False
        found = tokens[number]["text"]
        return not found.isspace() and not invisible(found)

    for number, token in enumerate(tokens):
        if not invisible(token["text"]):
            continue
        before = tokens[number - 1] if number else None
        takes_before = word(number - 1) and before is not None and not before["ws"]
        assert not takes_before or token["start"] in edges, (text, token)
        takes_after = word(number + 1) and not token["ws"]
        assert not takes_after or token["end"] in edges, (text, token)


def test_the_prodigy_file_read_back_has_the_words_export_writes(tmp_path: Path) -> None:
    corpus, gold = write_case(tmp_path, [("zw", TEXT)], [record("zw", TEXT, [ZERO_WIDTH])])
    out, _back, again, said = export_import(tmp_path, "prodigy", corpus, gold)
    assert not [line for line in said if "token" in line]
    (task,) = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert not [t for t in task["tokens"] if invisible(t["text"])]
    assert spans_of(again) == spans_of(gold)
