"""Pair counting of ``agree`` against the definitions, written out the plain way."""

from __future__ import annotations

from collections import Counter
from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.span_pairs import Marks, SpanTally

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


names = ["alice", "bob", "carol"]
# Documents, each the records of two or three of the annotators (in name order).
documents = st.lists(
    st.lists(st.one_of(st.none(), keys), min_size=3, max_size=3).filter(
        lambda records: sum(record is not None for record in records) >= 2
    ),
    min_size=1,
    max_size=4,
)


def summed(tallies: list[dict[str, list[int]]]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for tally in tallies:
        for label, counts in tally.items():
            out[label] = [x + y for x, y in zip(out.get(label, [0] * 5), counts, strict=True)]
    return {label: counts for label, counts in out.items() if any(counts)}


@settings(max_examples=300, deadline=None)
@given(documents)
def test_pair_counts_follow_the_definitions(docs: list[list[list[Key] | None]]) -> None:
    tally = SpanTally(names)
    expected: dict[tuple[str, str], list[dict[str, list[int]]]] = {}
    for records in docs:
        marks = {
            name: Marks(record)
            for name, record in zip(names, records, strict=True)
            if record is not None
        }
        counted = tally.add(marks)
        present = list(marks)
        wanted = []
        for a, b in combinations(present, 2):
            by_label = by_definition(marks[a].listed, marks[b].listed)
            expected.setdefault((a, b), []).append(by_label)
            wanted.append(
                [sum(counts[index] for counts in by_label.values()) for index in range(5)]
            )
        assert counted == wanted
    for (a, b), pair in tally.pairs.items():
        mine = expected.get((a, b), [])
        assert pair.documents == len(mine)
        totals = summed(mine)
        assert {label: c for label, c in tally.by_label(a, b).items() if any(c)} == totals
        assert pair.counts == [sum(c[index] for c in totals.values()) for index in range(5)]
    spans = Counter(
        label for records in docs for record in records if record for _s, _e, label in record
    )
    assert +tally.label_counts() == spans


def test_a_span_twice_in_one_record_is_counted_twice() -> None:
    tally = SpanTally(["a", "b"])
    doc = tally.add({"a": Marks([(0, 3, "actor"), (0, 3, "actor")]), "b": Marks([(0, 3, "actor")])})
    assert doc == [[1, 2, 1, 2, 1]]
    assert tally.by_label("a", "b") == {"actor": [1, 2, 1, 2, 1]}
