"""Span numbers: one reading of ``sN`` (spans.span_number) for the session, merge and review, and
the span ids a journal's earlier lines held, kept on opening (``Store.earlier_span_ids``) so that
a session never gives them again."""

from __future__ import annotations

from pathlib import Path

from annotator.core.models import Record, Span, record_line, sha256_text
from annotator.core.spans import highest_span_number, next_span_id, span_number
from annotator.core.store import Store

TEXT = "Russia and Ukraine swapped 146 prisoners."


def test_span_number_reads_only_s_and_digits() -> None:
    numbers = {"s1": 1, "s10": 10, "s007": 7, "T1": 0, "s": 0, "s1a": 0, "S2": 0, "s3\n": 0}
    assert {span_id: span_number(span_id) for span_id in numbers} == numbers
    assert highest_span_number(["s2", "T9", "s10", "s9"]) == 10
    assert highest_span_number([]) == 0


def record(annotator: str, doc_id: str, *words: str) -> Record:
    """A record of ``TEXT`` with a span over each word, numbered as given (``"s3:146"``)."""
    spans = []
    for word in words:
        span_id, text = word.split(":")
        start = TEXT.index(text)
        spans.append(Span(id=span_id, start=start, end=start + len(text), label="actor", text=text))
    return Record(
        schema_version=1,
        doc_id=doc_id,
        doc_sha256=sha256_text(TEXT),
        annotator=annotator,
        status="in_progress",
        spans=spans,
    )


def test_the_store_keeps_the_ids_earlier_lines_held_that_the_latest_does_not(
    tmp_path: Path,
) -> None:
    journal = tmp_path / "alice.jsonl"
    lines = [
        record("alice", "a", "s1:Russia", "s2:Ukraine", "s3:146"),
        record("bob", "a", "s9:Russia"),  # another annotator's line: not alice's ids
        record("alice", "b", "s1:Russia"),
        record("alice", "a", "s1:Russia"),
        record("alice", "a", "s1:Russia", "s4:prisoners"),
        record("alice", "b", "s1:Russia", "s2:Ukraine"),
    ]
    journal.write_bytes(b"".join(record_line(line) for line in lines))
    with Store(journal, "alice") as store:
        assert store.earlier_span_ids == {"a": {"s2", "s3"}}  # b's earlier ids are all kept
        assert next_span_id(store.records["a"]) == "s5"
