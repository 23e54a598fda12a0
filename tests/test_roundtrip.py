"""Spans survive every round trip: record → journal line → store → reading, over any text."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.corpus import normalise_txt
from annotator.core.journal import read_journal
from annotator.core.models import Record, sha256_text
from annotator.core.store import Store

# Characters that make offsets hard: emoji with modifiers, combining marks, curly quotes, CR/LF,
# line separators, markup-looking brackets.
HARD = [
    "🕊️",
    "👩‍👩‍👧",
    "🇺🇦",
    "e\u0301",
    "“",
    "”",
    "’",
    "\r\n",
    "\r",
    "\n",
    "\u2028",
    "[b]",
    "\x0c",
    "ß",
]
texts = st.lists(
    st.one_of(st.sampled_from(HARD), st.text(min_size=1, max_size=3)), max_size=30
).map("".join)


@st.composite
def records(draw: st.DrawFn) -> tuple[str, Record]:
    text = draw(texts)
    spans = []
    if text:
        count = draw(st.integers(0, 6))
        for number in range(count):
            start = draw(st.integers(0, len(text) - 1))
            end = draw(st.integers(start + 1, len(text)))
            spans.append(
                {
                    "id": f"s{number + 1}",
                    "start": start,
                    "end": end,
                    "label": draw(st.sampled_from(["actor", "releasee"])),
                    "text": text[start:end],
                }
            )
    record = Record.model_validate(
        {
            "schema_version": 1,
            "doc_id": "d",
            "doc_sha256": sha256_text(text),
            "annotator": "alice",
            "status": "in_progress",
            "spans": spans,
        }
    )
    return text, record


@settings(max_examples=150, deadline=None)
@given(records())
def test_record_line_round_trip(pair: tuple[str, Record]) -> None:
    text, record = pair
    with tempfile.TemporaryDirectory() as folder:
        journal = Path(folder) / "alice.jsonl"
        with Store(journal, "alice") as store:
            store.save(record)
        ((_line, read_back),) = read_journal(journal).records
        assert read_back == record
        for span in read_back.spans:
            assert text[span.start : span.end] == span.text
        reopened = Store(journal, "alice")
        assert reopened.records["d"] == record
        reopened.close()


@settings(max_examples=150, deadline=None)
@given(texts)
def test_txt_reading_only_changes_line_ends(text: str) -> None:
    read = normalise_txt(text.encode("utf-8"), Path("x.txt"))
    assert "\r" not in read
    assert read == text.replace("\r\n", "\n").replace("\r", "\n")
    assert normalise_txt(b"\xef\xbb\xbf" + text.encode("utf-8"), Path("x.txt")) == read
