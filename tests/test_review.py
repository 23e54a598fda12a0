"""The review session without a terminal: walking conflicts, settling them, the gold file on disk.

Two annotators on TEXT (see test_agreement_data): alice and bob agree on "Russia" only. The
merge leaves, in d1: c1 span region 13-26 (alice: count "146" + releasee "prisoners"; bob:
count "146 prisoners"), c2 31-38 ("Ukraine": actor / releasee), c3 45-47 (bob's count "12"),
c4 the field ``code`` ("1" / "2"), c5 the group ``releases`` (bob's second frame). d2: one
field conflict (``number``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.review_open import open_review
from annotator.core.review_views import Place
from annotator.core.session_edits import Refused
from tests.test_agreement_data import record, run_cli, span, write_journal
from tests.test_review_session_data import (
    NOW,
    RELEASE_RUSSIA,
    RELEASE_UKRAINE,
    assert_valid,
    fixed_now,
    gold_lines,
    latest,
    open_it,
    spans_of,
    write_review_case,
)


@pytest.fixture
def setup(tmp_path: Path) -> dict[str, Path]:
    return write_review_case(tmp_path)


def test_opening_writes_the_merge_and_walks_conflicts_in_order(setup: dict[str, Path]) -> None:
    session = open_it(setup)
    try:
        assert session.conflicts_left() == 6
        assert session.documents_left() == 2
        assert session.current == Place("d1", "c1")
        assert session.journal == setup["gold"]  # the file a rescue is to be appended to
        assert "new gold file" in session.messages[0]
        view = session.view()
        assert view is not None
        assert (view.kind, view.region, view.position, view.in_document) == ("span", (13, 26), 1, 5)
        assert [(v.key, v.letter, v.annotators) for v in view.versions] == [
            ("1", "a", ("alice",)),
            ("2", "b", ("bob",)),
        ]
        # The version spans to paint: alice's two (version 0), bob's one (version 1).
        assert session.version_marks() == [(13, 16, 0), (17, 26, 0), (13, 26, 1)]
        assert session.other_regions() == [(31, 38), (45, 47)]
        walk = [session.current]
        for _ in range(6):
            walk.append(session.next_conflict())
            assert session.wrapped == (len(walk) == 7)
        assert [(p.doc_id, p.conflict_id) for p in walk if p] == [
            ("d1", "c1"),
            ("d1", "c2"),
            ("d1", "c3"),
            ("d1", "c4"),
            ("d1", "c5"),
            ("d2", "c1"),
            ("d1", "c1"),  # wrapped around
        ]
        assert session.previous_conflict() == Place("d2", "c1")
        assert session.wrapped
        assert session.previous_conflict() == Place("d1", "c5")
        assert not session.wrapped
        # The cursor in another region makes that conflict current.
        session.go_to("d1", "c1")
        assert session.focus_at(33) and session.current == Place("d1", "c2")
        assert not session.focus_at(2)
    finally:
        assert session.close()
    # The gold file holds the merge, one line per document, as the reviewer's.
    lines = gold_lines(setup["gold"])
    assert [(line["doc_id"], line["annotator"], line["status"]) for line in lines] == [
        ("d1", "rita", "in_progress"),
        ("d2", "rita", "in_progress"),
    ]
    assert_valid(setup)


def test_take_take_all_reject_and_edit_spans(setup: dict[str, Path]) -> None:
    session = open_it(setup)
    try:
        # c1: take bob's version (b): one new span with a new id, sourced from bob.
        assert session.take_letter("b") == Place("d1", "c2")
        session.store.flush()
        line = latest(setup["gold"])["d1"]
        assert spans_of(line) == [("s1", 0, 6, "actor", None), ("s2", 13, 26, "count", 146)]
        assert line["sources"]["spans"] == {"s1": ["alice", "bob"], "s2": ["bob"]}
        assert [c["id"] for c in line["conflicts"]] == ["c2", "c3", "c4", "c5"]
        assert line["updated_at"] == NOW and line["annotator"] == "rita"

        # c2: take both: "Ukraine" as actor (alice) and as releasee (bob).
        session.take_all()
        # c3: bob's "12": reject.
        session.reject_all()
        session.store.flush()
        line = latest(setup["gold"])["d1"]
        assert spans_of(line) == [
            ("s1", 0, 6, "actor", None),
            ("s2", 13, 26, "count", 146),
            ("s3", 31, 38, "actor", None),
            ("s4", 31, 38, "releasee", None),
        ]
        assert line["sources"]["spans"]["s3"] == ["alice"]
        assert line["sources"]["spans"]["s4"] == ["bob"]
        assert [c["id"] for c in line["conflicts"]] == ["c4", "c5"]
        assert session.conflicts_left() == 3
    finally:
        assert session.close()
    assert_valid(setup)


def test_edit_settles_a_span_conflict_with_a_drawn_span(setup: dict[str, Path]) -> None:
    session = open_it(setup)
    try:
        session.begin_edit()
        assert session.editing
        # Outside the region 13-26: refused, nothing changes.
        with pytest.raises(Refused, match="inside or across"):
            session.edit(0, 5, "actor")
        # " 146 pri" (12..20) snaps to whole tokens: "146 prisoners" 13..26, count 146 (bob's).
        drawn = session.edit(12, 20, "count")
        assert (drawn.start, drawn.end, drawn.text, drawn.value) == (13, 26, "146 prisoners", 146)
        assert not session.editing
        assert session.current == Place("d1", "c2")
        # c2: a releasee span drawn by hand that nobody marked exactly: "Ukraine freed".
        session.begin_edit()
        drawn = session.edit(31, 44, "releasee")
        assert drawn.text == "Ukraine freed"
        session.store.flush()
        line = latest(setup["gold"])["d1"]
        assert line["sources"]["spans"][drawn.id] == []
        assert line["sources"]["spans"]["s2"] == ["bob"]
        # A field conflict cannot be drawn.
        session.go_to("d1", "c4")
        with pytest.raises(Refused, match="form field"):
            session.begin_edit()
    finally:
        assert session.close()
    assert_valid(setup)


def test_field_and_group_conflicts_and_done(setup: dict[str, Path]) -> None:
    session = open_it(setup)
    try:
        session.go_to("d1", "c4")
        # code is required: rejecting every answer is refused.
        with pytest.raises(Refused, match="required"):
            session.reject_all()
        # A one-value field cannot take both.
        with pytest.raises(Refused, match="holds one value"):
            session.take_all()
        assert session.take(1) == Place("d1", "c5")  # bob's "2"
        # The group: bob's release alice did not give (Ukraine 12), a conflict of its own whose
        # one version is his, is appended after the agreed one.
        session.take(0)
        session.store.flush()
        line = latest(setup["gold"])["d1"]
        assert line["form"]["code"] == "2"
        assert line["form"]["releases"] == [RELEASE_RUSSIA, RELEASE_UKRAINE]
        # Back to the spans (wrapped around): settle them, and d1 is done.
        assert session.current == Place("d2", "c1")
        session.go_to("d1", "c1")
        session.take(0)
        session.take(0)
        session.reject_all()
        assert session.record is not None and session.record.doc_id == "d2"
        session.store.flush()
        line = latest(setup["gold"])["d1"]
        assert line["status"] == "done" and line["conflicts"] == []
        assert spans_of(line) == [
            ("s1", 0, 6, "actor", None),
            ("s2", 13, 16, "count", 146),
            ("s3", 17, 26, "releasee", None),
            ("s4", 31, 38, "actor", None),
        ]
        # d2: number 3 or 4; taking 4 settles the last conflict.
        assert "d1 is settled: done" in session.take_notices()
        assert session.take(1) is None
        assert session.finished and session.current is None
        notices = session.take_notices()
        assert any(n.startswith("every conflict is settled: 2 of 2") for n in notices)
        with pytest.raises(Refused, match="every conflict is settled"):
            session.take(0)
    finally:
        assert session.close()
    final = latest(setup["gold"])
    assert final["d2"]["form"] == {"code": "1", "number": 4}
    assert final["d2"]["status"] == "done"
    assert_valid(setup)
    result = run_cli(
        "validate", setup["gold"], "--corpus", setup["corpus"], "--scheme", setup["scheme"]
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_take_all_groups_and_values(tmp_path: Path, setup: dict[str, Path]) -> None:
    # Three annotators, K = 2: a value dispute on an agreed place, and frames to take. (Each
    # conflict needs fewer than K annotators with nothing more of its question, or K of them
    # settle it: alice also marks "146 prisoners" a count, which carol's count competes with.
    # A release one of three gives is settled so,
    # as two of them did not give it: carol's frame of her own and bob's are left out.)
    count_146 = span("s1", 13, 16, "count", 146)
    count_none = span("s1", 13, 16, "count")
    wide_count = span("s2", 13, 26, "count", 146)
    kyiv = {"released_by": "Kyiv", "count": 3}
    carol = write_journal(
        tmp_path / "carol.jsonl",
        record(
            "carol", spans=[count_none], form={"code": "1", "releases": [RELEASE_UKRAINE, kyiv]}
        ),
    )
    alice = write_journal(
        tmp_path / "a3.jsonl",
        record(
            "alice",
            spans=[count_146, wide_count],
            form={"code": "1", "releases": [RELEASE_UKRAINE]},
        ),
    )
    bob = write_journal(
        tmp_path / "b3.jsonl",
        record("bob", spans=[count_146], form={"code": "1", "releases": [RELEASE_RUSSIA]}),
    )
    session = open_review(
        [alice, bob, carol],
        setup["corpus"],
        setup["gold"],
        "rita",
        scheme_path=setup["scheme"],
        min_agree=2,
        now=fixed_now,
    )
    try:
        record_ = session.record
        assert record_ is not None
        assert [(s.start, s.end, s.value) for s in record_.spans] == [(13, 16, 146)]
        view = session.view()
        assert view is not None and view.kind == "span"
        assert [v.letter for v in view.versions] == [None, None, None]  # three annotators
        with pytest.raises(Refused, match="two annotators"):
            session.take_letter("a")
        # carol's null value for the agreed "146": taking it sets the value, no second span.
        assert [v.annotators for v in view.versions] == [("alice",), ("bob",), ("carol",)]
        session.take(2)
        # releases: Ukraine agreed by alice and carol; bob's Russia and carol's Kyiv each two
        # of three did not give: no conflict left.
        assert session.finished
    finally:
        assert session.close()
    line = latest(setup["gold"])["d1"]
    assert [(s["id"], s["value"]) for s in line["spans"]] == [("s1", None)]
    assert line["sources"]["spans"]["s1"] == ["alice", "bob", "carol"]
    assert line["form"]["releases"] == [RELEASE_UKRAINE]
    assert kyiv not in line["form"]["releases"]
    assert line["status"] == "done"


def test_a_second_review_of_the_gold_file_is_told_what_holds_it(setup: dict[str, Path]) -> None:
    session = open_it(setup)
    try:
        with pytest.raises(AnnotatorError, match="a review of this gold file is writing it"):
            open_it(setup, reviewer="sam")
    finally:
        session.close()
