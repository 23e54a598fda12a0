"""A merge anew beside two alike spans (same start, end, label and value) in a gold file
edited by hand: decisions are told by their spans' bodies, so one that wrote or took away one
of two alike spans cannot say which copy it meant. It is dropped and named for that, its
conflict open again; the document's other decisions are kept (``review_kept``). Every
decision was dropped, said to be on a conflict "changed or gone", or one writing two alike
spans was said kept with one of them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from annotator.core.models import GoldRecord
from annotator.core.review_conflict_key import conflict_key
from annotator.core.review_kept import kept_decisions, kept_merge
from annotator.core.scheme import load_scheme
from tests.test_agreement_data import BOB_SPANS, record
from tests.test_review_merge_kept import BOB_FORM, append, go_to
from tests.test_review_session_data import (
    assert_valid,
    gold_lines,
    latest,
    open_it,
    spans_of,
    write_review_case,
)

UKRAINE_RELEASEE = {"start": 31, "end": 38, "label": "releasee", "text": "Ukraine"}


@pytest.fixture
def setup(tmp_path: Path) -> dict[str, Path]:
    return write_review_case(tmp_path)


def decide_two(setup: dict[str, Path]) -> dict[str, Any]:
    """A session's decisions on d1: alice's "146" / "prisoners" (c1), bob's code (c4)."""
    session = open_it(setup)
    try:
        go_to(session, [13, 26])
        session.take_letter("a")
        go_to(session, path="code")
        session.take_letter("b")
        assert session.flush(10)
    finally:
        assert session.close()
    return latest(setup["gold"])["d1"]


def bob_drops_his_12(setup: dict[str, Path]) -> None:
    """bob's record changed away from "Ukraine": his count "12" gone (c3 with it)."""
    spans = [one for one in BOB_SPANS if one["start"] != 45]
    append(setup["bob"], record("bob", spans=spans, form=BOB_FORM))


def test_a_decision_writing_two_alike_spans_is_dropped_for_that_and_the_others_kept(
    setup: dict[str, Path],
) -> None:
    line = decide_two(setup)
    # "Ukraine" (c2: alice's actor, bob's releasee) settled by hand in the file, bob's releasee
    # written twice.
    line["spans"] += [{"id": "s5", **UKRAINE_RELEASEE}, {"id": "s6", **UKRAINE_RELEASEE}]
    line["sources"]["spans"].update({"s5": ["bob"], "s6": ["bob"]})
    line["conflicts"] = [c for c in line["conflicts"] if c.get("region") != [31, 38]]
    append(setup["gold"], line)
    bob_drops_his_12(setup)
    session = open_it(setup)
    try:
        session.take_notices()
        session.merge_anew("d1")
        assert session.take_notices() == [
            "merged d1 anew from its annotators' records, 2 decision(s) kept, 1 dropped "
            "(two alike spans, not told apart: “Ukraine”): 2 conflict(s) open (before: "
            "2 conflict(s) open); ctrl+z puts the record before back"
        ]
        assert session.flush(10)
        now = latest(setup["gold"])["d1"]
        assert spans_of(now) == [
            ("s1", 0, 6, "actor", None),
            ("s2", 13, 16, "count", 146),  # c1's decision, kept
            ("s3", 17, 26, "releasee", None),
        ]
        assert now["form"]["code"] == "2"  # c4's, kept
        # "Ukraine" is open again, to be settled anew; "12" (bob's) is gone.
        assert [c.get("region") or c["path"] for c in now["conflicts"]] == [[31, 38], "releases"]
        session.undo()  # the hand-settled record, both copies, back
        assert session.flush(10)
        assert spans_of(latest(setup["gold"])["d1"])[3:] == [
            ("s5", 31, 38, "releasee", None),
            ("s6", 31, 38, "releasee", None),
        ]
    finally:
        assert session.close()
    assert_valid(setup)


def test_two_alike_spans_no_decision_changed_keep_every_decision(
    setup: dict[str, Path],
) -> None:
    """A copy of "Russia" added by hand, settling nothing: the decisions changed no span of
    that body, so each is tied to its own spans and kept."""
    line = decide_two(setup)
    line["spans"].append({**line["spans"][0], "id": "s9"})
    line["sources"]["spans"]["s9"] = ["alice"]
    append(setup["gold"], line)
    bob_drops_his_12(setup)
    session = open_it(setup)
    try:
        session.take_notices()
        session.merge_anew("d1")
        assert session.take_notices() == [
            "merged d1 anew from its annotators' records, 2 decision(s) kept, none dropped: "
            "2 conflict(s) open (before: 3 conflict(s) open); ctrl+z puts the record before back"
        ]
        now = session.records["d1"]
        assert [(s.id, s.text) for s in now.spans] == [
            ("s1", "Russia"),
            ("s2", "146"),
            ("s3", "prisoners"),
        ]
    finally:
        assert session.close()
    assert_valid(setup)


def test_a_new_merge_with_two_alike_spans_stays_as_merged_each_decision_named(
    setup: dict[str, Path],
) -> None:
    """Merge writes no two alike spans; were a new merge's record to hold them, a record made
    of span bodies would lose a copy: it stays as merged, and each decision is named for
    what kept it out (its conflict gone, or the alike spans), none as another's reason."""
    decide_two(setup)
    lines = [one for one in gold_lines(setup["gold"]) if one["doc_id"] == "d1"]
    history = [GoldRecord.model_validate(one) for one in lines]
    decided = kept_decisions(history)
    assert [made.conflict["id"] for made in decided.values()] == ["c1", "c4"]
    merged = history[0]
    twin = merged.spans[0].model_copy(update={"id": "s9"})
    c4 = next(key for key, made in decided.items() if made.conflict["id"] == "c4")
    merged = merged.model_copy(
        update={
            "spans": [*merged.spans, twin],
            "conflicts": [c for c in merged.conflicts if conflict_key(c) != c4],
        }
    )
    out = kept_merge(merged, decided, load_scheme(setup["scheme"]))
    assert out.record == merged
    assert (out.kept, out.unapplied) == ([], [])
    assert [c["id"] for c in out.untied] == ["c1"]
    assert [c["id"] for c in out.dropped] == ["c4"]
