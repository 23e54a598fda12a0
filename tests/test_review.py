"""The review session without a terminal: walking conflicts, settling them, the gold file on disk.

Two annotators on TEXT (see test_agreement_data): alice and bob agree on "Russia" only. The
merge leaves, in d1: c1 span region 13-26 (alice: count "146" + releasee "prisoners"; bob:
count "146 prisoners"), c2 31-38 ("Ukraine": actor / releasee), c3 45-47 (bob's count "12"),
c4 the field ``code`` ("1" / "2"), c5 the group ``releases`` (bob's second frame). d2: one
field conflict (``number``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.models import GoldRecord
from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from annotator.core.review_views import Place
from annotator.core.scheme import load_scheme
from annotator.core.session_edits import Refused
from annotator.core.validate import validate_files
from tests.test_agreement_data import (
    ALICE_SPANS,
    BOB_SPANS,
    SCHEME_TOML,
    TEXT,
    record,
    run_cli,
    span,
    write_corpus,
    write_journal,
)

NOW = "2025-08-24T10:00:00Z"
TEXT2 = "Ukraine freed 12 soldiers."
RELEASE_RUSSIA = {"released_by": "Russia", "count": 146}
RELEASE_UKRAINE = {"released_by": "Ukraine", "count": 12}


def fixed_now() -> str:
    return NOW


@pytest.fixture
def setup(tmp_path: Path) -> dict[str, Path]:
    scheme_file = tmp_path / "scheme.toml"
    # ``code`` is required here: rejecting its versions must be refused.
    scheme_file.write_text(
        SCHEME_TOML.replace(
            'name = "code"\ntype = "choice"', 'name = "code"\ntype = "choice"\nrequired = true'
        ),
        encoding="utf-8",
    )
    corpus = write_corpus(tmp_path, {"d1": TEXT, "d2": TEXT2})
    alice = write_journal(
        tmp_path / "alice.jsonl",
        record("alice", spans=ALICE_SPANS, form={"code": "1", "releases": [RELEASE_RUSSIA]}),
        record("alice", "d2", text=TEXT2, form={"code": "1", "number": 3}),
    )
    bob = write_journal(
        tmp_path / "bob.jsonl",
        record(
            "bob",
            spans=BOB_SPANS,
            form={"code": "2", "releases": [RELEASE_RUSSIA, RELEASE_UKRAINE]},
        ),
        record("bob", "d2", text=TEXT2, form={"code": "1", "number": 4}),
    )
    return {
        "scheme": scheme_file,
        "corpus": corpus,
        "alice": alice,
        "bob": bob,
        "gold": tmp_path / "gold.jsonl",
    }


def open_it(setup: dict[str, Path], reviewer: str = "rita", **kwargs: Any) -> ReviewSession:
    return open_review(
        [setup["alice"], setup["bob"]],
        setup["corpus"],
        setup["gold"],
        reviewer,
        scheme_path=setup["scheme"],
        now=fixed_now,
        **kwargs,
    )


def gold_lines(path: Path) -> list[dict[str, Any]]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines() if line.strip()]


def latest(path: Path) -> dict[str, dict[str, Any]]:
    return {line["doc_id"]: line for line in gold_lines(path)}


def spans_of(line: dict[str, Any]) -> list[tuple[str, int, int, str, Any]]:
    return [(s["id"], s["start"], s["end"], s["label"], s["value"]) for s in line["spans"]]


def assert_valid(setup: dict[str, Path]) -> None:
    problems = validate_files(
        [setup["gold"]], _corpus(setup["corpus"]), load_scheme(setup["scheme"])
    )
    assert problems == []


def _corpus(path: Path) -> Any:
    from annotator.core.corpus import open_corpus

    return open_corpus(path)


def test_opening_writes_the_merge_and_walks_conflicts_in_order(setup: dict[str, Path]) -> None:
    session = open_it(setup)
    try:
        assert session.conflicts_left() == 6
        assert session.documents_left() == 2
        assert session.current == Place("d1", "c1")
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
        # The group: bob's leftover frame (Ukraine 12) is appended after the agreed one.
        session.take(1)
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
    # Three annotators, K = 2: a value dispute on an agreed place, and frames to take.
    count_146 = span("s1", 13, 16, "count", 146)
    count_none = span("s1", 13, 16, "count")
    carol = write_journal(
        tmp_path / "carol.jsonl",
        record("carol", spans=[count_none], form={"code": "1", "releases": [RELEASE_UKRAINE]}),
    )
    alice = write_journal(
        tmp_path / "a3.jsonl",
        record("alice", spans=[count_146], form={"code": "1", "releases": [RELEASE_UKRAINE]}),
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
        assert [v.letter for v in view.versions] == [None, None]  # three annotators
        with pytest.raises(Refused, match="two annotators"):
            session.take_letter("a")
        # carol's null value for the agreed "146": taking it sets the value, no second span.
        session.take(1)
        assert session.record is not None
        assert [(s.id, s.value) for s in session.record.spans] == [("s1", None)]
        assert session.record.sources.spans["s1"] == ["alice", "bob", "carol"]
        # releases: Ukraine agreed by alice and carol; bob's Russia left over: take every version.
        session.take_all()
        assert session.finished
    finally:
        assert session.close()
    line = latest(setup["gold"])["d1"]
    assert line["form"]["releases"] == [RELEASE_UKRAINE, RELEASE_RUSSIA]
    assert line["status"] == "done"


def test_resume_keeps_settled_conflicts_and_undo(setup: dict[str, Path]) -> None:
    session = open_it(setup)
    try:
        session.take(0)
        session.take(1)
        assert session.undo() == Place("d1", "c2")
        assert session.conflicts_left() == 5
    finally:
        assert session.close()
    # The journal: merge line, c1 settled, c2 settled, c2 back (undo).
    assert [len(line["conflicts"]) for line in gold_lines(setup["gold"])] == [5, 1, 4, 3, 4]

    again = open_it(setup)
    try:
        assert "resuming" in again.messages[0]
        assert again.conflicts_left() == 5
        assert again.current == Place("d1", "c2")
        assert again.record is not None
        assert [(s.start, s.end) for s in again.record.spans] == [(0, 6), (13, 16), (17, 26)]
    finally:
        assert again.close()
    # Nothing was written by resuming alone.
    assert len(gold_lines(setup["gold"])) == 5


def test_resume_takes_over_a_merge_by_another_reviewer(setup: dict[str, Path]) -> None:
    result = run_cli(
        "merge",
        setup["alice"],
        setup["bob"],
        "-o",
        setup["gold"],
        "--reviewer",
        "rita",
        "--scheme",
        setup["scheme"],
    )
    assert result.returncode == 0, result.stderr
    session = open_it(setup, reviewer="sam")
    try:
        assert any("taken over by reviewer 'sam'" in m for m in session.messages)
        assert session.conflicts_left() == 6
        session.flush()
    finally:
        assert session.close()
    lines = gold_lines(setup["gold"])
    assert [line["annotator"] for line in lines] == ["rita", "rita", "sam", "sam"]
    assert_valid(setup)


def test_a_second_review_of_the_file_is_refused_and_journals_are_not_gold(
    setup: dict[str, Path],
) -> None:
    session = open_it(setup)
    try:
        with pytest.raises(AnnotatorError, match="locked"):
            open_it(setup)
    finally:
        assert session.close()
    setup["gold"] = setup["alice"].with_name("copy.jsonl")
    setup["gold"].write_bytes(setup["alice"].read_bytes())
    with pytest.raises(AnnotatorError, match="not a gold record"):
        open_it(setup)
    setup["gold"] = setup["alice"]
    with pytest.raises(AnnotatorError, match="one of the journals"):
        open_it(setup)


def test_a_record_changed_in_the_file_is_what_resumes(setup: dict[str, Path]) -> None:
    session = open_it(setup)
    assert session.close()
    # A torn last line (a crash mid-write) is set aside when the review opens again.
    with setup["gold"].open("ab") as handle:
        handle.write(b'{"schema_version": 1, "doc_')
    again = open_it(setup)
    try:
        assert any("incomplete last line" in m for m in again.messages)
        assert again.conflicts_left() == 6
    finally:
        assert again.close()
    assert GoldRecord.model_validate(gold_lines(setup["gold"])[-1]).doc_id == "d2"
