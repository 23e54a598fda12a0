"""A span every annotator marked alike but for its value is a conflict of its own, even inside
a run of other disputed spans: a trial's count "95" (95 / 96) inside releasees of other bounds
was lumped with them, so drawing the releasee (``e``) dropped it and ``v`` could not type its
value. Merge makes the conflicts; the review settles them one by one, each as ``v`` or ``e``
settles a conflict alone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from annotator.core.compare import load_comparison
from annotator.core.merge import merge_units
from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from annotator.core.review_views import Place
from tests.test_agreement_data import (
    SCHEME_TOML,
    TEXT,
    record,
    scheme,
    span,
    write_corpus,
    write_journal,
)
from tests.test_review_session_data import fixed_now, latest

# "146 prisoners" (13–26): alice's releasee; bob's is "prisoners" (17–26). Both mark the
# count "146" (13–16), alice as 146, bob as 147.
ALICE = [span("s1", 13, 16, "count", 146), span("s2", 13, 26, "releasee")]
BOB = [span("s1", 13, 16, "count", 147), span("s2", 17, 26, "releasee")]
COUNT = {"start": 13, "end": 16, "label": "count", "text": "146"}


def journals(folder: Path, *spans_of: tuple[str, list[dict[str, Any]]]) -> list[Path]:
    return [
        write_journal(folder / f"{name}.jsonl", record(name, spans=spans))
        for name, spans in spans_of
    ]


def test_a_value_dispute_inside_other_disputed_spans_is_a_conflict_of_its_own(
    tmp_path: Path,
) -> None:
    files = journals(tmp_path, ("alice", ALICE), ("bob", BOB))
    test_scheme = scheme(tmp_path)
    (gold,) = merge_units(load_comparison(files, test_scheme).units, test_scheme, "rita")
    count, releasee = gold.conflicts
    assert count == {
        "id": "c1",
        "kind": "span",
        "region": [13, 16],
        "versions": [
            {"spans": [{**COUNT, "value": 146}], "annotators": ["alice"]},
            {"spans": [{**COUNT, "value": 147}], "annotators": ["bob"]},
        ],
    }
    assert releasee["id"] == "c2" and releasee["region"] == [13, 26]
    assert [
        [(s["start"], s["end"], s["label"]) for s in version["spans"]]
        for version in releasee["versions"]
    ] == [[(13, 26, "releasee")], [(17, 26, "releasee")]]


def test_a_span_not_every_annotator_marked_stays_in_the_run(tmp_path: Path) -> None:
    # carol marked nothing there: whether the count is there at all is disputed, with the rest.
    files = journals(tmp_path, ("alice", ALICE), ("bob", BOB), ("carol", []))
    test_scheme = scheme(tmp_path)
    (gold,) = merge_units(load_comparison(files, test_scheme).units, test_scheme, "rita")
    (lumped,) = gold.conflicts
    assert lumped["region"] == [13, 26]
    assert [len(version["spans"]) for version in lumped["versions"]] == [2, 2, 0]


@pytest.fixture
def review(tmp_path: Path) -> Iterator[ReviewSession]:
    scheme_file = tmp_path / "scheme.toml"
    scheme_file.write_text(SCHEME_TOML, encoding="utf-8")
    corpus = write_corpus(tmp_path, {"d1": TEXT})
    files = journals(tmp_path, ("alice", ALICE), ("bob", BOB))
    session = open_review(
        files, corpus, tmp_path / "gold.jsonl", "rita", scheme_path=scheme_file, now=fixed_now
    )
    yield session
    session.close()


def gold_spans(session: ReviewSession) -> list[tuple[int, int, str, Any]]:
    assert session.flush(10)
    line = latest(session.store.journal)["d1"]
    return [(s["start"], s["end"], s["label"], s.get("value")) for s in line["spans"]]


def test_drawing_the_releasee_leaves_the_count_to_settle_by_its_value(
    review: ReviewSession,
) -> None:
    assert review.current == Place("d1", "c1")
    assert review.span_value_to_type() is not None  # v types the count's value
    review.next_conflict()
    assert review.current == Place("d1", "c2")
    review.edit(13, 26, "releasee")
    assert "left out: count" not in review.take_notices()[0]
    assert gold_spans(review) == [(13, 26, "releasee", None)]
    assert review.current == Place("d1", "c1")  # the count's value is still open
    review.settle_span_value("146")
    assert gold_spans(review) == [(13, 16, "count", 146), (13, 26, "releasee", None)]
    assert review.finished


def test_the_count_settled_first_then_a_version_of_the_releasee(review: ReviewSession) -> None:
    review.take(1)  # bob's 147
    assert review.current == Place("d1", "c2")
    review.take(1)  # bob's "prisoners"
    assert gold_spans(review) == [(13, 16, "count", 147), (17, 26, "releasee", None)]
    assert review.finished


def test_the_cursor_in_both_regions_keeps_the_current_conflict(review: ReviewSession) -> None:
    assert not review.focus_at(14)  # the count's, current
    assert review.focus_at(20) and review.current == Place("d1", "c2")
    assert not review.focus_at(14)  # inside the releasee's region too: it stays
    review.previous_conflict()
    assert review.current == Place("d1", "c1")
    assert not review.focus_at(13)
