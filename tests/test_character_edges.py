"""A span edge inside a character (a letter and its accent, an emoji and its modifier, a joiner
sequence, a flag) is found, and validate refuses the span."""

from __future__ import annotations

from pathlib import Path

import orjson
from hypothesis import example, given, settings
from hypothesis import strategies as st

from annotator.core.corpus import open_corpus
from annotator.core.models import sha256_text
from annotator.core.scheme import load_default_scheme
from annotator.core.tokens import character_around, character_pattern, tokenize
from annotator.core.validate import validate_files

PIECES = [
    "a",
    "Z",
    " ",
    "\n",
    "\u0301",
    "\u200d",
    "\u200c",
    "👩",
    "🏽",
    "\ufe0f",
    "🇺",
    "🇦",
    ".",
    "é",
    *["中", "ก", "\u0e31", "ำ", "เ", "ក", "\u17d2"],  # scripts written without spaces
]


@given(st.lists(st.sampled_from(PIECES), max_size=14).map("".join))
@settings(max_examples=400)
@example("Rene\u0301e")
@example(" \u0301a")
@example("👩\u200d👧")
def test_inside_a_character_is_off_the_tiling_of_the_whole_text(text: str) -> None:
    characters = [match.span() for match in character_pattern().finditer(text)]
    starts = {start for start, _end in characters} | {len(text)}
    for offset in range(len(text) + 1):
        around = character_around(text, offset)
        if offset in starts:
            assert around is None, offset
        else:
            assert around is not None and around in characters, offset
            assert around[0] < offset < around[1]


@given(st.lists(st.sampled_from(PIECES), max_size=14).map("".join))
@settings(max_examples=400)
@example("🕊\ufe0f\u200c")  # a non-joiner after an emoji belongs to it, in a token too
@example(" \u0301a")  # a mark after a space: a character (and a token) of its own
def test_no_token_edge_cuts_a_character(text: str) -> None:
    # A span snapped to tokens must pass validate: token and character edges agree.
    for token in tokenize(text):
        assert character_around(text, token.start) is None, token
        assert character_around(text, token.end) is None, token


def test_the_common_cases() -> None:
    text = "Rene\u0301e freed 🙏🏽 today"
    assert character_around(text, 4) == (3, 5)  # between e and its accent
    assert character_around(text, 5) is None
    assert character_around(text, text.index("🏽")) == (text.index("🙏"), text.index("🙏") + 2)
    assert all(character_around("plain ASCII, all of it", n) is None for n in range(23))


def test_validate_refuses_a_span_cutting_a_letter_from_its_accent(tmp_path: Path) -> None:
    # A trial: a copy of a journal with "Rene" (325..329, dropping U+0301) validated "ok".
    text = "date 2024-07-20 Freed: Rene\u0301e Castellan-Moor."
    (tmp_path / "d1.txt").write_text(text, encoding="utf-8")
    start = text.index("Rene")
    span = {"id": "s1", "start": start, "end": start + 4, "label": "releasee", "text": "Rene"}
    record = {
        "schema_version": 1,
        "doc_id": "d1",
        "doc_sha256": sha256_text(text),
        "annotator": "bob",
        "status": "in_progress",
        "spans": [span],
    }
    journal = tmp_path / "bob.jsonl"
    journal.write_bytes(orjson.dumps(record) + b"\n")
    problems = validate_files([journal], open_corpus(tmp_path), load_default_scheme())
    assert [problem.format(journal) for problem in problems] == [
        f"{journal}:1: spans.0.end: {start + 4} falls inside the character 'e\u0301' at "
        f"{start + 3}..{start + 5}: a span takes whole characters"
    ]
