"""A Prodigy export cuts its tokens at span edges, so token_start..token_end is the span exactly.

spaCy, hf and CoNLL exports cut a token a span starts or ends inside (6798ee2); the Prodigy
export still wrote the project's tokens whole, and a span inside one (Prodigy's own ``Yahoo`` in
``Ex-Yahoo``, whose tokens were ``Ex``, ``-``, ``Yahoo``) got token indices covering
``Ex-Yahoo``: said, but a Prodigy recipe or ``data-to-spacy`` reading the tokens trained on
``Ex-Yahoo``. Now every span, on any character edges (whitespace too, as spaCy's words), is
exactly its tokens, and an import of the file reads the tokens as the ones export writes.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import orjson
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.formats.export import export_records
from annotator.core.models import Record
from annotator.core.tokens import character_pattern
from tests.test_formats_fixtures import PRODIGY, run_import
from tests.test_formats_prodigy_tokens import check_tokens, prodigy_task
from tests.test_formats_roundtrip import LABELS, SETTINGS, round_trip, texts
from tests.test_formats_support import export_import, out_path, record, spans_of, write_case

YAHOO = "annotated_news_headlines-ORG-PERSON-LOCATION-ner.first200-000076"


@st.composite
def any_edges(draw: st.DrawFn) -> tuple[str, Record]:
    """A text and a record of spans on the edges of whole characters (overlaps allowed)."""
    text = draw(texts)
    chars = [m.span() for m in character_pattern().finditer(text)]
    spans: set[tuple[int, int, str]] = set()
    for _ in range(draw(st.integers(0, 5)) if chars else 0):
        start = draw(st.sampled_from([low for low, _high in chars]))
        ends = [high for low, high in chars if low >= start]
        spans.add((start, draw(st.sampled_from(ends)), draw(st.sampled_from(LABELS))))
    return text, record("a", text, sorted(spans))


@SETTINGS
@given(any_edges())
def test_every_span_is_exactly_its_tokens_and_comes_back(case: tuple[str, Record]) -> None:
    text, doc = case
    check_tokens(text, prodigy_task(text, doc))  # token_start..token_end: the span exactly
    with tempfile.TemporaryDirectory() as folder:
        round_trip(Path(folder), "prodigy", [("a", text, doc)])


def tokens_of(task: dict[str, Any], span: dict[str, Any]) -> list[str]:
    return [t["text"] for t in task["tokens"][span["token_start"] : span["token_end"] + 1]]


def test_a_span_inside_a_word_and_one_with_whitespace_edges_get_their_own_tokens(
    tmp_path: Path,
) -> None:
    text = "An Ex-Yahoo head:\nSecond group."
    yahoo, second = text.index("Yahoo"), text.index("\nSecond")
    spans = [(yahoo, yahoo + 5, "actor"), (second, second + 7, "actor")]
    corpus, gold = write_case(tmp_path / "w", [("e", text)], [record("e", text, spans)])
    out, _back, again, said = export_import(tmp_path, "prodigy", corpus, gold)
    # Neither "does not start and end on token edges" nor, on import, "tokens: ... not carried"
    assert not [line for line in said if "token" in line]
    (task,) = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert [tokens_of(task, s) for s in task["spans"]] == [["Yahoo"], ["\n", "Second"]]
    assert [t["text"] for t in task["tokens"]][:4] == ["An", "Ex-", "Yahoo", "head"]
    assert spans_of(again) == spans_of(gold)


def test_prodigy_s_yahoo_goes_out_and_back_exact(tmp_path: Path) -> None:
    run_import(PRODIGY, "prodigy", tmp_path / "in")
    corpus, gold = tmp_path / "in" / "corpus.jsonl", tmp_path / "in" / "records.jsonl"
    out, back, again, said = export_import(tmp_path, "prodigy", corpus, gold)
    assert not [line for line in said if "token" in line]
    tasks = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    (task,) = [t for t in tasks if t["meta"]["doc_id"] == YAHOO]
    assert ["Yahoo"] in [tokens_of(task, s) for s in task["spans"]]
    assert spans_of(again) == spans_of(gold)
    second = out_path(tmp_path, "prodigy", "second")
    export_records(again, "prodigy", second, corpus=back)
    assert second.read_bytes() == out.read_bytes()
