"""Prodigy tokens rebuild the task's text exactly: token text + one space when ``ws``.

Prodigy (like spaCy) rebuilds the text from the tokens this way (``data-to-spacy`` does), so
whitespace other than one plain space after a token must be tokens of its own.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.formats.common import Item
from annotator.core.formats.prodigy import task
from annotator.core.models import Document, Record
from annotator.core.tokens import tokenize
from tests.test_formats_roundtrip import LABELS, SETTINGS, round_trip, texts_from
from tests.test_formats_support import need, record

PIECES = [
    "\n\n", "\n", "\t", "\x0c ", "\x0c", "\u2028", " ", "  ", "   ", "\u00a0", " \n",
    "🕊️", "👩‍👩‍👧", "🇺🇦", "e\u0301", "क्षि", "Kyiv", "146", ".", "Mr.", "“", "”", "'s", "1,200",
]  # fmt: skip
texts = texts_from(PIECES)


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, Record]:
    """A text and a record of token-aligned spans (overlaps allowed: Prodigy holds them)."""
    text = draw(texts)
    tokens = tokenize(text)
    spans: set[tuple[int, int, str]] = set()
    for _ in range(draw(st.integers(0, 5)) if tokens else 0):
        first = draw(st.integers(0, len(tokens) - 1))
        last = draw(st.integers(first, min(first + 3, len(tokens) - 1)))
        spans.add((tokens[first].start, tokens[last].end, draw(st.sampled_from(LABELS))))
    return text, record("a", text, sorted(spans))


def prodigy_task(text: str, doc: Record) -> dict[str, Any]:
    return task(Item(Document(id="a", text=text, meta={}), doc))


def check_tokens(text: str, exported: dict[str, Any]) -> None:
    tokens = exported["tokens"]
    assert "".join(t["text"] + (" " if t["ws"] else "") for t in tokens) == text
    cursor = 0
    for number, token in enumerate(tokens):
        assert token["id"] == number
        assert token["start"] == cursor
        assert text[token["start"] : token["end"]] == token["text"] != ""
        cursor = token["end"] + (1 if token["ws"] else 0)
        if token["ws"]:
            assert text[token["end"]] == " "
    assert cursor == len(text)
    for span in exported["spans"]:
        assert tokens[span["token_start"]]["start"] == span["start"]
        assert tokens[span["token_end"]]["end"] == span["end"]


@SETTINGS
@given(documents())
def test_prodigy_tokens_rebuild_the_text_and_spans_point_at_their_tokens(
    case: tuple[str, Record],
) -> None:
    text, doc = case
    check_tokens(text, prodigy_task(text, doc))


def test_prodigy_paragraph_breaks_are_tokens() -> None:
    text = "Kyiv freed  146.\n\nMoscow\tsaid\x0c \u2028🕊️ e\u0301 "
    doc = record("a", text, [(0, 4, "actor"), (18, 24, "actor"), (12, 15, "count")])
    exported = prodigy_task(text, doc)
    check_tokens(text, exported)
    pieces = [(t["text"], t["ws"]) for t in exported["tokens"]]
    assert pieces == [
        ("Kyiv", True), ("freed", True), (" ", False), ("146", False), (".", False),
        ("\n\n", False), ("Moscow", False), ("\t", False), ("said", False),
        ("\x0c \u2028", False), ("🕊️", True), ("e\u0301", True),
    ]  # fmt: skip
    assert [(s["text"], s["token_start"], s["token_end"]) for s in exported["spans"]] == [
        ("Kyiv", 0, 0),
        ("146", 3, 3),
        ("Moscow", 6, 6),
    ]


def test_prodigy_tokens_are_the_words_spacy_makes_of_the_text() -> None:
    spacy = need("spacy")
    from spacy.tokens import Doc

    text = "  Kyiv freed  146.\n\nMoscow\tsaid\x0c \u2028🕊️ e\u0301 \n"
    exported = prodigy_task(text, record("a", text, [(2, 6, "actor"), (20, 26, "actor")]))
    tokens = exported["tokens"]
    doc = Doc(spacy.blank("en").vocab, [t["text"] for t in tokens], [t["ws"] for t in tokens])
    assert doc.text == text
    for span in exported["spans"]:
        found = doc.char_span(span["start"], span["end"])
        assert found is not None
        assert (found.start, found.end - 1) == (span["token_start"], span["token_end"])


@SETTINGS
@given(documents())
def test_prodigy_round_trip_with_whitespace_tokens(case: tuple[str, Record]) -> None:
    text, doc = case
    with tempfile.TemporaryDirectory() as folder:
        round_trip(Path(folder), "prodigy", [("a", text, doc)])
