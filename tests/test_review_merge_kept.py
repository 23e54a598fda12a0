"""A merge anew keeps the decisions whose conflict the new merge still has alike, and drops
(naming them) only those whose conflict changed or is gone; the spans it shares with gold keep
their ids, and ctrl+z gives back the record before it (``review_kept``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.core.models import GoldRecord
from annotator.core.review import ReviewSession
from annotator.core.review_kept import kept_decisions
from tests.test_agreement_data import (
    ALICE_SPANS,
    BOB_SPANS,
    SCHEME_TOML,
    TEXT,
    record,
    span,
    write_corpus,
    write_journal,
)
from tests.test_review_session_data import (
    RELEASE_RUSSIA,
    RELEASE_UKRAINE,
    assert_valid,
    latest,
    open_it,
    spans_of,
    write_review_case,
)

# d1's merge: s1 "Russia" agreed; c1 the region "146 prisoners" (alice: count "146" and
# releasee "prisoners", bob: count "146 prisoners"), c2 "Ukraine" (alice: actor, bob:
# releasee), c3 "12" (bob's count), c4 code (alice 1, bob 2), c5 bob's release of Ukraine.
BOB_FORM = {"code": "2", "releases": [RELEASE_RUSSIA, RELEASE_UKRAINE]}


@pytest.fixture
def setup(tmp_path: Path) -> dict[str, Path]:
    return write_review_case(tmp_path)


def append(journal: Path, line: dict[str, Any]) -> None:
    with journal.open("ab") as handle:
        handle.write(orjson.dumps(line) + b"\n")


def go_to(session: ReviewSession, region: list[int] | None = None, path: str = "") -> None:
    """Make the conflict over ``region`` (or at ``path``) of d1 current."""
    for conflict in session.records["d1"].conflicts:
        if conflict.get("region") == region and conflict.get("path", "") == path:
            session.go_to("d1", conflict["id"])
            return
    raise AssertionError(f"no conflict {region or path} open")


def decide_three(setup: dict[str, Path]) -> dict[str, Any]:
    """An earlier session: alice's "146" / "prisoners", bob's releasee "Ukraine", bob's code;
    the gold line it left."""
    session = open_it(setup)
    try:
        go_to(session, [13, 26])
        session.take_letter("a")  # s2 count "146", s3 releasee "prisoners"
        go_to(session, [31, 38])
        session.take_letter("b")  # s4 releasee "Ukraine"
        go_to(session, path="code")
        session.take_letter("b")
        assert session.flush(10)
    finally:
        assert session.close()
    return latest(setup["gold"])["d1"]


def bob_marks_ukraine_an_actor(setup: dict[str, Path]) -> None:
    """bob's record changed in "Ukraine" alone: alice and bob agree on it now (c2 is gone)."""
    spans = [dict(one) for one in BOB_SPANS]
    spans[2]["label"] = "actor"
    append(setup["bob"], record("bob", spans=spans, form=BOB_FORM))


def test_a_merge_anew_keeps_the_decisions_on_conflicts_the_change_left_alone(
    setup: dict[str, Path],
) -> None:
    decided = decide_three(setup)
    assert spans_of(decided) == [
        ("s1", 0, 6, "actor", None),
        ("s2", 13, 16, "count", 146),
        ("s3", 17, 26, "releasee", None),
        ("s4", 31, 38, "releasee", None),
    ]
    bob_marks_ukraine_an_actor(setup)
    session = open_it(setup)
    try:
        assert [e.doc_id for e in session.document_entries() if e.records_changed] == ["d1"]
        session.take_notices()
        place = session.merge_anew("d1")
        assert session.take_notices() == [
            "merged d1 anew from its annotators' records, 2 decision(s) kept, 1 dropped "
            "(conflict changed or gone: “Ukraine”): 2 conflict(s) open (before: 2 conflict(s) "
            "open); ctrl+z puts the record before back"
        ]
        assert session.flush(10)
        now = latest(setup["gold"])["d1"]
        # "146" and "prisoners" kept with their ids; "Ukraine" agreed now, numbered above s4.
        assert spans_of(now) == [
            ("s1", 0, 6, "actor", None),
            ("s2", 13, 16, "count", 146),
            ("s3", 17, 26, "releasee", None),
            ("s5", 31, 38, "actor", None),
        ]
        assert now["form"]["code"] == "2"  # bob's code, kept
        assert now["sources"]["spans"]["s2"] == ["alice"]
        assert now["sources"]["spans"]["s5"] == ["alice", "bob"]
        assert [c.get("region") or c["path"] for c in now["conflicts"]] == [[45, 47], "releases"]
        assert place is not None and place.conflict_id == now["conflicts"][0]["id"]
        assert now["sources"]["versions"] != decided["sources"]["versions"]
        assert not any(e.records_changed for e in session.document_entries())

        session.undo()  # exactly the record before
        assert session.flush(10)
        back = latest(setup["gold"])["d1"]
        unsaved = ("updated_at", "seconds_spent")
        assert {k: v for k, v in back.items() if k not in unsaved} == {
            k: v for k, v in decided.items() if k not in unsaved
        }
        assert [e.doc_id for e in session.document_entries() if e.records_changed] == ["d1"]
        session.redo()
        assert session.flush(10)
        assert spans_of(latest(setup["gold"])["d1"]) == spans_of(now)
    finally:
        assert session.close()
    assert_valid(setup)


def test_a_kept_decision_stands_through_a_second_merge_anew(setup: dict[str, Path]) -> None:
    """The decision on "146 prisoners" was kept by a first merge anew; a second one (alice
    gives code 2 now: c4 gone) reads it from the gold file's history and keeps it again."""
    decide_three(setup)
    bob_marks_ukraine_an_actor(setup)
    first = open_it(setup)
    try:
        first.merge_anew("d1")
    finally:
        assert first.close()
    form = {"code": "2", "releases": [RELEASE_RUSSIA]}
    append(setup["alice"], record("alice", spans=ALICE_SPANS, form=form))
    again = open_it(setup)
    try:
        again.take_notices()
        again.merge_anew("d1")
        assert again.take_notices()[0].startswith(
            "merged d1 anew from its annotators' records, 1 decision(s) kept, 1 dropped "
            "(conflict changed or gone: code)"
        )
        assert again.flush(10)
        now = latest(setup["gold"])["d1"]
        assert spans_of(now)[1:3] == [
            ("s2", 13, 16, "count", 146),
            ("s3", 17, 26, "releasee", None),
        ]
        assert now["form"]["code"] == "2"  # agreed now
    finally:
        assert again.close()
    assert_valid(setup)


def test_a_decision_on_a_conflict_that_changed_is_dropped_and_its_conflict_opens(
    setup: dict[str, Path],
) -> None:
    decide_three(setup)
    spans = [dict(one) for one in BOB_SPANS]
    spans[1] = {**spans[1], "end": 16, "text": "146"}  # bob's count "146" now: c1 changed
    append(setup["bob"], record("bob", spans=spans, form=BOB_FORM))
    session = open_it(setup)
    try:
        session.take_notices()
        session.merge_anew("d1")
        said = session.take_notices()[0]
        assert "2 decision(s) kept, 1 dropped (conflict changed or gone: “146 prisoners”)" in said
        record_now = session.records["d1"]
        # bob's and alice's "146" agree now (s2 as gold had it); "prisoners" is alice's alone.
        assert [(s.id, s.text) for s in record_now.spans] == [
            ("s1", "Russia"),
            ("s2", "146"),
            ("s4", "Ukraine"),
        ]
        assert [c.get("region") or c["path"] for c in record_now.conflicts] == [
            [17, 26],
            [45, 47],
            "releases",
        ]
    finally:
        assert session.close()
    assert_valid(setup)


def test_kept_decisions_follow_undo_and_redo(setup: dict[str, Path]) -> None:
    session = open_it(setup)
    try:
        merged = session.records["d1"]
        session.take(0)  # c1
        one = session.records["d1"]
        session.take(0)  # c2
        two = session.records["d1"]
        session.undo()
        undone = session.records["d1"]
    finally:
        assert session.close()

    def settled(history: list[GoldRecord]) -> list[str]:
        return [made.conflict["id"] for made in kept_decisions(history).values()]

    assert settled([merged]) == []
    assert settled([merged, one, two]) == ["c1", "c2"]
    assert settled([merged, one, two, undone]) == ["c1"]  # c2 undone
    assert settled([merged, one, two, undone, two]) == ["c1", "c2"]  # redone


def test_a_decision_of_this_session_is_kept_too(setup: dict[str, Path]) -> None:
    decide_three(setup)
    bob_marks_ukraine_an_actor(setup)
    session = open_it(setup)
    try:
        go_to(session, [45, 47])
        session.take_letter("b")  # bob's "12", s5: made after the change was read
        session.take_notices()
        session.merge_anew("d1")
        assert session.take_notices()[0].startswith(
            "merged d1 anew from its annotators' records, 3 decision(s) kept, 1 dropped "
            "(conflict changed or gone: “Ukraine”): 1 conflict(s) open"
        )
        spans = [(s.id, s.text) for s in session.records["d1"].spans]
        assert spans == [
            ("s1", "Russia"),
            ("s2", "146"),
            ("s3", "prisoners"),
            ("s6", "Ukraine"),  # agreed now, above s5
            ("s5", "12"),
        ]
        assert [c["path"] for c in session.records["d1"].conflicts] == ["releases"]
    finally:
        assert session.close()
    assert_valid(setup)


# One release each (alice's count "146", bob's "146 prisoners": the conflict over [13, 26]);
# later both add Ukraine's release, agreed.
COUNT_SPANS = {
    "alice": [span("s1", 0, 6, "actor"), span("s2", 13, 16, "count", 146)],
    "bob": [span("s1", 0, 6, "actor"), span("s2", 13, 26, "count", 146)],
}
UKRAINE_SPANS = [span("s7", 31, 38, "actor"), span("s8", 45, 47, "count", 12)]
RUSSIA = {"released_by": "Russia", "count": 146}
UKRAINE = {"released_by": "Ukraine", "count": 12}


def write_count_case(
    tmp_path: Path, form: dict[str, Any], links: dict[str, Any]
) -> dict[str, Path]:
    (tmp_path / "scheme.toml").write_text(SCHEME_TOML, encoding="utf-8")
    journals = {
        name: write_journal(
            tmp_path / f"{name}.jsonl", record(name, spans=spans, form=form, links=links)
        )
        for name, spans in COUNT_SPANS.items()
    }
    return {
        "scheme": tmp_path / "scheme.toml",
        "corpus": write_corpus(tmp_path, {"d1": TEXT}),
        **journals,
        "gold": tmp_path / "gold.jsonl",
    }


def settle_the_count(setup: dict[str, Path], letter: str) -> None:
    session = open_it(setup)
    try:
        go_to(session, [13, 26])
        if letter == "r":
            session.reject_all()
        else:
            session.take_letter(letter)
        assert session.flush(10)
    finally:
        assert session.close()


def both_now(setup: dict[str, Path], form: dict[str, Any], links: dict[str, Any]) -> None:
    for name, spans in COUNT_SPANS.items():
        append(setup[name], record(name, spans=spans + UKRAINE_SPANS, form=form, links=links))


def merged_anew(setup: dict[str, Path]) -> tuple[str, dict[str, Any]]:
    """Merge d1 anew; what was said, and the gold line written."""
    session = open_it(setup)
    try:
        session.take_notices()
        session.merge_anew("d1")
        said = session.take_notices()[0]
        assert session.flush(10)
    finally:
        assert session.close()
    return said, latest(setup["gold"])["d1"]


def linked_texts(line: dict[str, Any]) -> dict[str, list[str]]:
    texts = {one["id"]: one["text"] for one in line["spans"]}
    return {path: [texts[one] for one in ids] for path, ids in line["links"].items()}


def test_emptying_a_group_on_the_last_conflict_does_not_empty_it_in_a_merge_anew(
    tmp_path: Path,
) -> None:
    """Rejecting "146" left the release empty, and settling the last conflict took it away:
    no part of the decision. The agreed release added since stays, linked, and valid."""
    setup = write_count_case(tmp_path, {"releases": [{}]}, {"releases[0].count": ["s2"]})
    settle_the_count(setup, "r")
    assert latest(setup["gold"])["d1"]["form"] == {"releases": []}
    both_now(
        setup,
        {"releases": [{}, UKRAINE]},
        {
            "releases[0].count": ["s2"],
            "releases[1].released_by": ["s7"],
            "releases[1].count": ["s8"],
        },
    )
    said, now = merged_anew(setup)
    assert said.startswith(
        "merged d1 anew from its annotators' records, 1 decision(s) kept, none dropped: done"
    )
    assert now["form"] == {"releases": [UKRAINE]}
    assert linked_texts(now) == {
        "releases[0].released_by": ["Ukraine"],
        "releases[0].count": ["12"],
    }
    assert [one["text"] for one in now["spans"]] == ["Russia", "Ukraine", "12"]
    assert now["status"] == "done" and now["conflicts"] == []
    assert_valid(setup)


def test_a_kept_decision_links_the_item_it_linked_where_that_item_is_now(
    tmp_path: Path,
) -> None:
    """alice's "146" taken linked Russia's count; the annotators put Ukraine's release first
    since: the link follows Russia's release to releases[1], and Ukraine's stays."""
    setup = write_count_case(
        tmp_path,
        {"releases": [RUSSIA]},
        {"releases[0].released_by": ["s1"], "releases[0].count": ["s2"]},
    )
    settle_the_count(setup, "a")
    assert linked_texts(latest(setup["gold"])["d1"]) == {
        "releases[0].released_by": ["Russia"],
        "releases[0].count": ["146"],
    }
    both_now(
        setup,
        {"releases": [UKRAINE, RUSSIA]},
        {
            "releases[0].released_by": ["s7"],
            "releases[0].count": ["s8"],
            "releases[1].released_by": ["s1"],
            "releases[1].count": ["s2"],
        },
    )
    said, now = merged_anew(setup)
    assert said.startswith(
        "merged d1 anew from its annotators' records, 1 decision(s) kept, none dropped: done"
    )
    assert now["form"] == {"releases": [UKRAINE, RUSSIA]}
    assert linked_texts(now) == {
        "releases[0].released_by": ["Ukraine"],
        "releases[0].count": ["12"],
        "releases[1].released_by": ["Russia"],
        "releases[1].count": ["146"],
    }
    assert now["status"] == "done"
    assert_valid(setup)


def test_a_kept_decision_whose_linked_item_is_gone_keeps_its_span_without_the_link(
    tmp_path: Path,
) -> None:
    """alice's "146" taken linked Russia's count; both annotators took Russia's release away
    since. The span's conflict is alike, and the decision (a span, not the count) stands: the
    link its step made to an item that is not there is left out and said, nothing linked to
    an item that is not there. (It was dropped whole, its conflict open again.)"""
    setup = write_count_case(
        tmp_path,
        {"releases": [RUSSIA]},
        {"releases[0].released_by": ["s1"], "releases[0].count": ["s2"]},
    )
    settle_the_count(setup, "a")
    both_now(
        setup,
        {"releases": [UKRAINE]},
        {"releases[0].released_by": ["s7"], "releases[0].count": ["s8"]},
    )
    said, now = merged_anew(setup)
    assert said.startswith(
        "merged d1 anew from its annotators' records, 1 decision(s) kept, none dropped; "
        "“146 prisoners” kept without its link to releases #1 count (the field is not in the "
        "new merge as it was): done"
    )
    assert now["form"] == {"releases": [UKRAINE]}
    assert linked_texts(now) == {
        "releases[0].released_by": ["Ukraine"],
        "releases[0].count": ["12"],
    }
    assert [(one["text"], one["value"]) for one in now["spans"] if one["label"] == "count"] == [
        ("146", 146),
        ("12", 12),
    ]
    assert now["conflicts"] == [] and now["status"] == "done"
    assert_valid(setup)
