"""Typing the value that settles a conflict over a span's value (``v`` in review): a trial's
reviewer could take alice's 2023-11-11 or bob's 2023-11-12 for "Sunday", or draw the span for
the value its words give, but not write the value neither gave."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from annotator.core.review import ReviewSession
from annotator.core.review_conflict import value_conflict_span
from annotator.core.review_open import open_review
from annotator.core.session_edits import Refused
from tests.test_agreement_data import (
    SCHEME_TOML,
    TEXT,
    record,
    span,
    write_corpus,
    write_journal,
)
from tests.test_review_session_data import fixed_now, latest

SUNDAY = TEXT.index("Sunday")
RUSSIA = span("s1", 0, 6, "actor")


def sunday(value: str) -> dict[str, Any]:
    return span("s2", SUNDAY, SUNDAY + 6, "date", value)


@pytest.fixture
def review(tmp_path: Path) -> Any:
    scheme = tmp_path / "scheme.toml"
    scheme.write_text(SCHEME_TOML, encoding="utf-8")
    corpus = write_corpus(tmp_path, {"d1": TEXT})
    alice = write_journal(
        tmp_path / "alice.jsonl", record("alice", spans=[RUSSIA, sunday("2025-08-24")])
    )
    bob = write_journal(tmp_path / "bob.jsonl", record("bob", spans=[RUSSIA, sunday("2025-08-17")]))
    session = open_review(
        [alice, bob], corpus, tmp_path / "gold.jsonl", "rita", scheme_path=scheme, now=fixed_now
    )
    yield session
    session.close()


def gold_d1(session: ReviewSession) -> dict[str, Any]:
    assert session.flush(10)
    return latest(session.store.journal)["d1"]


def test_a_conflict_over_a_value_is_settled_with_the_value_typed(review: ReviewSession) -> None:
    body = review.span_value_to_type()
    assert body is not None
    assert (body["start"], body["end"], body["label"]) == (SUNDAY, SUNDAY + 6, "date")
    review.settle_span_value("2025-08-23")
    line = gold_d1(review)
    dates = [s for s in line["spans"] if s["label"] == "date"]
    assert [(s["start"], s["end"], s["text"], s["value"]) for s in dates] == [
        (SUNDAY, SUNDAY + 6, "Sunday", "2025-08-23")
    ]
    assert line["sources"]["spans"][dates[0]["id"]] == []  # neither annotator gave it
    assert (line["status"], line["conflicts"]) == ("done", [])
    assert review.take_notices()[0] == (
        f"settled c1: {dates[0]['id']} date “Sunday” = 2025-08-23 (typed)"
    )
    review.undo()
    assert len(gold_d1(review)["conflicts"]) == 1


def test_a_value_an_annotator_gave_names_them(review: ReviewSession) -> None:
    review.settle_span_value("2025-08-17")
    line = gold_d1(review)
    (date,) = [s for s in line["spans"] if s["label"] == "date"]
    assert line["sources"]["spans"][date["id"]] == ["bob"]


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("next week", "date: "),
        ("2025-13-01", "date: "),
    ],
)
def test_a_value_that_is_no_date_is_refused(review: ReviewSession, typed: str, said: str) -> None:
    with pytest.raises(Refused) as refused:
        review.settle_span_value(typed)
    assert str(refused.value).startswith(said)
    assert len(gold_d1(review)["conflicts"]) == 1  # nothing settled


def test_versions_that_differ_in_words_are_not_typed(tmp_path: Path) -> None:
    conflict = {
        "id": "c1",
        "kind": "span",
        "region": [0, 10],
        "versions": [
            {"spans": [span("s1", 0, 6, "actor")], "annotators": ["alice"]},
            {"spans": [span("s1", 0, 10, "actor")], "annotators": ["bob"]},
        ],
    }
    assert value_conflict_span(conflict) is None
    assert value_conflict_span({**conflict, "kind": "field"}) is None


def test_a_version_that_marked_nothing_there_is_not_a_value_to_type() -> None:
    conflict = {
        "id": "c1",
        "kind": "span",
        "region": [0, 6],
        "versions": [
            {"spans": [span("s1", 0, 6, "count", 6)], "annotators": ["alice"]},
            {"spans": [], "annotators": ["bob"]},
        ],
    }
    assert value_conflict_span(conflict) is None


def test_two_values_and_a_version_that_marked_nothing_is_a_value_to_type() -> None:
    """alice's 210 and bob's 200 for one count, carol none: v types the figure the article
    gives, which neither gave (only 210 or 200 could be taken)."""
    conflict = {
        "id": "c1",
        "kind": "span",
        "region": [13, 16],
        "versions": [
            {"spans": [span("s2", 13, 16, "count", 210)], "annotators": ["alice"]},
            {"spans": [span("s2", 13, 16, "count", 200)], "annotators": ["bob"]},
            {"spans": [], "annotators": ["carol"]},
        ],
    }
    body = value_conflict_span(conflict)
    assert body is not None and (body["start"], body["end"], body["value"]) == (13, 16, 210)
    # Two versions of other words, beside the one that marked nothing: no value to type.
    versions = conflict["versions"]
    versions[1] = {"spans": [span("s2", 13, 26, "count", 200)], "annotators": ["bob"]}
    assert value_conflict_span(conflict) is None


def test_a_value_typed_overrules_a_version_that_marked_nothing(tmp_path: Path) -> None:
    scheme = tmp_path / "scheme.toml"
    scheme.write_text(SCHEME_TOML, encoding="utf-8")
    corpus = write_corpus(tmp_path, {"d1": TEXT})
    counts = {
        "alice": [span("s2", 13, 16, "count", 210)],
        "bob": [span("s2", 13, 16, "count", 200)],
    }
    journals = [
        write_journal(
            tmp_path / f"{name}.jsonl", record(name, spans=[RUSSIA, *counts.get(name, [])])
        )
        for name in ("alice", "bob", "carol")
    ]
    session = open_review(
        journals, corpus, tmp_path / "gold.jsonl", "rita", scheme_path=scheme, now=fixed_now
    )
    try:
        view = session.view()
        assert view is not None and len(view.versions) == 3 and view.value_typed
        session.settle_span_value("146")
        line = gold_d1(session)
        (count,) = [s for s in line["spans"] if s["label"] == "count"]
        assert (count["start"], count["end"], count["value"]) == (13, 16, 146)
        assert line["sources"]["spans"][count["id"]] == []  # no annotator gave 146
        assert (line["status"], line["conflicts"]) == ("done", [])
    finally:
        session.close()


def test_one_version_is_no_value_conflict() -> None:
    """A conflict of one version (a document fewer than --min-agree K finished, all alike) holds
    no values that differ: a trial's panel titled "Norvania", an actor, a "Value conflict" and
    offered v, which then refused every value."""
    for one in (span("s1", 0, 6, "actor"), span("s3", 13, 16, "count", 146)):
        conflict = {
            "id": "c1",
            "kind": "span",
            "region": [one["start"], one["end"]],
            "versions": [{"spans": [one], "annotators": ["alice", "bob"]}],
        }
        assert value_conflict_span(conflict) is None


def test_a_document_fewer_than_k_finished_offers_no_value_to_type(tmp_path: Path) -> None:
    scheme = tmp_path / "scheme.toml"
    scheme.write_text(SCHEME_TOML, encoding="utf-8")
    corpus = write_corpus(tmp_path, {"d1": TEXT, "d2": TEXT})
    # d2 by all three, agreed; d1 by alice and bob alone: its span is a conflict of one version.
    journals = [
        write_journal(
            tmp_path / f"{name}.jsonl", *(record(name, doc, spans=[RUSSIA]) for doc in docs)
        )
        for name, docs in (("alice", ("d1", "d2")), ("bob", ("d1", "d2")), ("carol", ("d2",)))
    ]
    session = open_review(
        journals,
        corpus,
        tmp_path / "gold.jsonl",
        "rita",
        scheme_path=scheme,
        min_agree=3,
        now=fixed_now,
    )
    try:
        view = session.view()
        assert view is not None and view.kind == "span" and len(view.versions) == 1
        assert not view.value_typed  # the panel says "Span conflict", and v is not offered
        assert session.span_value_to_type() is None
    finally:
        session.close()


def counts_reviewed(tmp_path: Path, *, same_form: bool) -> ReviewSession:
    """alice's and bob's count "146" (146 and 147), each linked to releases #1 count, whose
    value both gave as 146 (``same_form``) or as their span's; the review at that conflict."""
    scheme = tmp_path / "scheme.toml"
    scheme.write_text(SCHEME_TOML, encoding="utf-8")
    corpus = write_corpus(tmp_path, {"d1": TEXT})

    def counted(name: str, value: int) -> dict[str, Any]:
        return record(
            name,
            spans=[span("s2", 13, 16, "count", value)],
            form={"releases": [{"count": 146 if same_form else value}]},
            links={"releases[0].count": ["s2"]},
        )

    alice = write_journal(tmp_path / "alice.jsonl", counted("alice", 146))
    bob = write_journal(tmp_path / "bob.jsonl", counted("bob", 147))
    session = open_review(
        [alice, bob], corpus, tmp_path / "gold.jsonl", "rita", scheme_path=scheme, now=fixed_now
    )
    while session.span_value_to_type() is None:
        session.next_conflict()
    return session


def test_fields_filled_from_the_span_are_named_when_they_do_not_follow(tmp_path: Path) -> None:
    session = counts_reviewed(tmp_path, same_form=True)
    try:
        session.settle_span_value("145")
        said = session.take_notices()[0]
        assert said.endswith(
            "= 145 (typed); the annotators filled releases #1 count from it: not linked now, "
            "and it keeps its own value (settle or type it to match)"
        )
    finally:
        session.close()


def test_a_field_still_in_a_conflict_is_not_named(tmp_path: Path) -> None:
    """Its links come when it is settled (a trial was told of a link lost that the next
    decision made)."""
    session = counts_reviewed(tmp_path, same_form=False)
    try:
        session.settle_span_value("146")
        assert session.take_notices()[0].endswith("= 146 (alice's value)")  # as she gave it
    finally:
        session.close()
