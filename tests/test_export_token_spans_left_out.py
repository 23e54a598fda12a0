"""A span a token format leaves out is reported as left out only, never also as written."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from hypothesis import given

from annotator.core.formats.common import Reporter
from annotator.core.formats.export import export_records
from annotator.core.formats.tokenlabels import apart, place_spans
from annotator.core.models import Record
from annotator.core.tokens import tokenize
from tests.test_formats_roundtrip import SETTINGS, text_cases
from tests.test_formats_support import record, write_case

CONLL_IDS = (
    "conll cannot carry document ids: not written for 1 document(s) (first: e1); an import "
    "back names them <file>-000001 on, in this order"
)

TEXT = "Kyiv freed them.\nSecond came later."
BREAK = TEXT.index("\nSecond")


def warnings_of(tmp_path: Path, fmt: str) -> list[str]:
    # s1 "them.\nSecond" is on token edges; s2 "\nSecond" starts on the line break, which no
    # token holds, so it is the token "Second", which s1 already holds: one tag per token leaves
    # s2 out.
    spans = [(11, BREAK + 7, "releasee"), (BREAK, BREAK + 7, "actor")]
    corpus, gold = write_case(tmp_path / "in", [("e1", TEXT)], [record("e1", TEXT, spans)])
    warnings: list[str] = []
    out = tmp_path / ("out" if fmt == "hf" else f"out.{fmt}")
    export_records(gold, fmt, out, corpus=corpus, on_warning=warnings.append)
    return warnings


@pytest.mark.parametrize("fmt", ["hf", "conll"])
def test_a_narrowed_span_left_out_for_an_overlap_is_not_said_to_be_written(
    tmp_path: Path, fmt: str
) -> None:
    # s1 runs across the sentence break: conll, read a sentence at a time, cuts it there.
    cut = [
        "e1: conll: span s1 releasee 11..23 'them.\\nSecond' runs across 1 sentence break(s); "
        "written as 2 spans, one per sentence (B- again after each break: a sentence is read "
        "alone)"
    ]
    assert warnings_of(tmp_path, fmt) == [
        f"e1: {fmt}: cannot hold overlapping spans: s2 actor 16..23 '\\nSecond' "
        "(narrowed to tokens 4..4 'Second') overlaps s1; left out",
        *(cut if fmt == "conll" else []),
        *([CONLL_IDS] if fmt == "conll" else []),
    ]


def test_what_is_said_is_what_hf_wrote(tmp_path: Path) -> None:
    warnings_of(tmp_path, "hf")
    row = orjson.loads((tmp_path / "out" / "data.jsonl").read_bytes())
    names = orjson.loads((tmp_path / "out" / "labels.json").read_bytes())
    tags = [names[number] for number in row["ner_tags"]]
    assert tags[row["tokens"].index("Second")] == "I-releasee"  # s1's, not s2's B-actor
    assert "B-actor" not in tags


def test_a_narrowed_span_that_is_written_is_still_said_narrowed(tmp_path: Path) -> None:
    text = "Freed:\nSecond group."
    start = text.index("\nSecond")
    corpus, gold = write_case(
        tmp_path / "w", [("e2", text)], [record("e2", text, [(start, start + 7, "actor")])]
    )
    said: list[str] = []
    export_records(gold, "conll", tmp_path / "w.conll", corpus=corpus, on_warning=said.append)
    assert said == [
        "e2: conll: span s1 actor 6..13 '\\nSecond' begins or ends with whitespace, which no "
        "token holds; written as tokens 2..2 'Second'",
        CONLL_IDS.replace("e1", "e2"),
    ]


@SETTINGS
@given(text_cases())
def test_spacy_keeps_in_doc_ents_what_conll_and_hf_keep(
    case: list[tuple[str, str, Record]],
) -> None:
    # spacy places every span (doc.spans) and keeps apart those one tag per token can hold
    # (doc.ents); conll and hf place them without overlaps: the same spans either way.
    for doc_id, text, made in case:
        tokens = tokenize(text)
        every = place_spans(doc_id, text, tokens, made.spans, "spacy", Reporter(), True)
        kept = place_spans(doc_id, text, tokens, made.spans, "conll", Reporter())
        assert apart(every) == kept
