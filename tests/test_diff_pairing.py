"""``diff``'s pairing by sets (step 1) gives what the four steps give one span at a time."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.annotation import Annotation
from annotator.core.diff import paired_spans, span_differences
from annotator.core.models import Record, sha256_text

TEXT = "Russia freed 146 prisoners and Ukraine freed 12 soldiers on 24 August 2025."

span_fields = st.tuples(
    st.integers(0, 10),
    st.integers(1, 4),
    st.sampled_from(["actor", "count"]),
    st.sampled_from([None, 1, 2]),
)


def annotation(name: str, drawn: list[tuple[int, int, str, int | None]]) -> Annotation:
    spans = [
        {
            "id": f"s{number}",
            "start": start,
            "end": start + length,
            "label": label,
            "text": TEXT[start : start + length],
            "value": value,
        }
        for number, (start, length, label, value) in enumerate(drawn)
    ]
    return Annotation(
        Record.model_validate(
            {
                "schema_version": 1,
                "doc_id": "d1",
                "doc_sha256": sha256_text(TEXT),
                "annotator": name,
                "status": "done",
                "spans": spans,
            }
        )
    )


@settings(max_examples=400, deadline=None)
@given(st.lists(span_fields, max_size=8), st.lists(span_fields, max_size=8))
def test_pairing_by_sets_is_pairing_one_by_one(
    drawn_a: list[tuple[int, int, str, int | None]], drawn_b: list[tuple[int, int, str, int | None]]
) -> None:
    a, b = annotation("alice", drawn_a), annotation("bob", drawn_b)
    assert span_differences(a, b) == paired_spans(list(a.spans), list(b.spans))


def test_a_value_difference_and_a_boundary_in_one_document() -> None:
    a = annotation("alice", [(0, 6, "actor", None), (13, 3, "count", 146), (31, 7, "actor", None)])
    b = annotation("bob", [(0, 6, "actor", None), (13, 3, "count", 145), (31, 6, "actor", None)])
    kinds = [(kind, x and x.id, y and y.id) for kind, x, y in span_differences(a, b)]
    assert kinds == [("value", "s1", "s1"), ("boundary", "s2", "s2")]


def test_a_difference_s_spans_are_written_as_span_view_writes_them() -> None:
    from annotator.core.annotation import SpanView
    from annotator.core.diff import _span_json

    span = SpanView("s3", 4, 9, "count", "12 of", 12)
    assert _span_json(span) == span.as_json()
    assert list(_span_json(span) or {}) == ["id", "start", "end", "label", "text", "value"]
    assert _span_json(None) is None
