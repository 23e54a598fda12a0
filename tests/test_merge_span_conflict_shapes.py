"""The span conflicts merge makes most (one span some annotators marked alike, the others
nothing) are made without the general way's dicts and sort (``merge_spans._one_span_conflict``),
and with ``--min-agree`` a span every annotator marked is sourced without asking each of them:
the conflicts, their versions' order and the sources are those of the rule, whatever the way.
``ordered_versions`` orders two versions by hand: as the sort does."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest

from annotator.core.compare import load_comparison
from annotator.core.goldfile import gold_line
from annotator.core.merge import merged_data
from annotator.core.merge_versions import Versions, ordered_versions
from annotator.core.models import GoldRecord, record_line
from tests.test_agreement_data import record, scheme, span, write_journal

RUSSIA = span("s1", 0, 6, "actor")  # "Russia"
COUNT = span("s2", 13, 16, "count", 146)  # "146"
UKRAINE = span("s3", 31, 38, "actor")  # "Ukraine"
TWELVE = span("s4", 45, 47, "count", 12)  # "12"
COUNT_BODY = {"start": 13, "end": 16, "label": "count", "text": "146", "value": 146}


def merged(
    folder: Path, min_agree: int | None = None, **spans_of: list[dict[str, Any]]
) -> dict[str, Any]:
    """The gold record's fields of one document the annotators (``spans_of``) marked so; its
    line is checked to be the model's."""
    files = [
        write_journal(folder / f"{name}.jsonl", record(name, spans=spans))
        for name, spans in spans_of.items()
    ]
    test_scheme = scheme(folder)
    units = load_comparison(files, test_scheme).units
    (data,) = merged_data(units, test_scheme, "rita", min_agree, "2026-01-01T00:00:00Z")
    assert gold_line(data) == record_line(GoldRecord.model_validate(data))
    return data


def test_two_of_three_marked_one_span_alike(tmp_path: Path) -> None:
    data = merged(tmp_path, alice=[RUSSIA, COUNT], bob=[RUSSIA], carol=[COUNT, RUSSIA])
    assert data["conflicts"] == [
        {
            "id": "c1",
            "kind": "span",
            "region": [13, 16],
            "versions": [
                {"spans": [COUNT_BODY], "annotators": ["alice", "carol"]},
                {"spans": [], "annotators": ["bob"]},
            ],
        }
    ]


def test_one_of_three_marked_a_span(tmp_path: Path) -> None:
    data = merged(tmp_path, alice=[RUSSIA], bob=[RUSSIA, COUNT], carol=[RUSSIA])
    assert data["conflicts"][0]["versions"] == [
        {"spans": [], "annotators": ["alice", "carol"]},
        {"spans": [COUNT_BODY], "annotators": ["bob"]},
    ]


@pytest.mark.parametrize("marking", ["alice", "bob"])
def test_one_against_one_is_ordered_by_the_first_name(tmp_path: Path, marking: str) -> None:
    spans_of = {"alice": [RUSSIA], "bob": [RUSSIA]}
    spans_of[marking] = [RUSSIA, COUNT]
    data = merged(tmp_path, **spans_of)
    alice = {"spans": [COUNT_BODY] if marking == "alice" else [], "annotators": ["alice"]}
    bob = {"spans": [COUNT_BODY] if marking == "bob" else [], "annotators": ["bob"]}
    assert data["conflicts"][0]["versions"] == [alice, bob]


def test_spans_of_other_values_or_by_one_annotator_twice_take_the_general_way(
    tmp_path: Path,
) -> None:
    # Two spans at one place (other values), and bob's count marked twice alike.
    data = merged(
        tmp_path,
        alice=[span("s1", 13, 16, "count", 147)],
        bob=[COUNT, {**COUNT, "id": "s9"}],
        carol=[],
    )
    assert data["conflicts"][0]["versions"] == [
        {"spans": [{**COUNT_BODY, "value": 147}], "annotators": ["alice"]},
        {"spans": [COUNT_BODY, COUNT_BODY], "annotators": ["bob"]},
        {"spans": [], "annotators": ["carol"]},
    ]


def test_with_min_agree_a_span_one_marked_is_settled_and_sources_say_who(
    tmp_path: Path,
) -> None:
    data = merged(
        tmp_path,
        min_agree=2,
        alice=[RUSSIA, COUNT, TWELVE],
        bob=[RUSSIA, UKRAINE],
        carol=[RUSSIA, COUNT],
    )
    assert data["conflicts"] == []  # bob's Ukraine and alice's 12: two marked nothing there
    assert [(one["id"], one["text"]) for one in data["spans"]] == [("s1", "Russia"), ("s2", "146")]
    assert data["sources"]["spans"] == {"s1": ["alice", "bob", "carol"], "s2": ["alice", "carol"]}


def test_with_min_agree_three_of_four_two_against_two_stay_in_conflict(tmp_path: Path) -> None:
    data = merged(tmp_path, min_agree=3, alice=[COUNT], bob=[COUNT], carol=[RUSSIA], dora=[RUSSIA])
    # Two against two: nobody settles either; each is one conflict, ordered by the first name.
    russia = {"start": 0, "end": 6, "label": "actor", "text": "Russia", "value": None}
    assert [conflict["versions"] for conflict in data["conflicts"]] == [
        [
            {"spans": [], "annotators": ["alice", "bob"]},
            {"spans": [russia], "annotators": ["carol", "dora"]},
        ],
        [
            {"spans": [COUNT_BODY], "annotators": ["alice", "bob"]},
            {"spans": [], "annotators": ["carol", "dora"]},
        ],
    ]


def test_ordered_versions_orders_as_the_sort_does() -> None:
    names = ["alice", "bob", "carol", "dora"]

    def sort(versions: Versions) -> list[tuple[Any, list[str]]]:
        return sorted(versions.values(), key=lambda item: (-len(item[1]), item[1][0]))

    # Every way of splitting the names into up to four versions, in every order of them.
    for labels in itertools.product(range(4), repeat=len(names)):
        groups: dict[int, list[str]] = {}
        for name, label in zip(names, labels, strict=True):
            groups.setdefault(label, []).append(name)
        for order in itertools.permutations(groups):
            versions: Versions = {label: (label, groups[label]) for label in order}
            assert ordered_versions(versions) == sort(versions)
    assert ordered_versions({}) == []
