"""Pair counting of ``agree`` against the definitions, written out the plain way."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.agreement import _add_pair, _Marks, _Pair

Key = tuple[int, int, str]

keys = st.lists(
    st.tuples(
        st.integers(0, 12), st.integers(1, 4), st.sampled_from(["actor", "count", "date"])
    ).map(lambda drawn: (drawn[0], drawn[0] + drawn[1], drawn[2])),
    max_size=8,
)


def by_definition(a: list[Key], b: list[Key]) -> dict[str, list[int]]:
    """Per label: spans in both (as multisets), A's, B's, A's overlapped by a same-label span of
    B, and B's by A's (design.md, "Agreement, diff, adjudication")."""

    def overlapped(spans: list[Key], others: list[Key]) -> Counter[str]:
        return Counter(
            label
            for start, end, label in spans
            if any(
                o_label == label and o_start < end and o_end > start
                for o_start, o_end, o_label in others
            )
        )

    both = Counter(
        label for (_s, _e, label), n in (Counter(a) & Counter(b)).items() for _ in range(n)
    )
    size_a = Counter(label for _s, _e, label in a)
    size_b = Counter(label for _s, _e, label in b)
    over_a, over_b = overlapped(a, b), overlapped(b, a)
    labels = set(size_a) | set(size_b)
    return {
        label: [both[label], size_a[label], size_b[label], over_a[label], over_b[label]]
        for label in labels
    }


@settings(max_examples=400, deadline=None)
@given(keys, keys)
def test_pair_counts_follow_the_definitions(a: list[Key], b: list[Key]) -> None:
    pair = _Pair()
    doc = _add_pair(_Marks(a), _Marks(b), pair)
    expected = by_definition(a, b)
    assert {label: counts for label, counts in pair.by_label.items() if any(counts)} == {
        label: counts for label, counts in expected.items() if any(counts)
    }
    assert doc == [sum(counts[index] for counts in expected.values()) for index in range(5)]
    assert pair.counts == doc


def test_a_span_twice_in_one_record_is_counted_twice() -> None:
    pair = _Pair()
    doc = _add_pair(_Marks([(0, 3, "actor"), (0, 3, "actor")]), _Marks([(0, 3, "actor")]), pair)
    assert doc == [1, 2, 1, 2, 1]
