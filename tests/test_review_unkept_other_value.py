"""A version's link to a span gold holds with another value is said so, not "not in gold"
(``review_unkept_links.unkept_mark``, ``_why``): the link is still not kept.

A reviewer's trial typed no value for the count "95" (``v``, backspace, enter), then saw
alice's count 95 marked ``⛓ “95” 66–68 (not in gold)`` and, taking it, "that span is not in
gold", of a span gold held. A link is carried to a gold span alike in its value too
(``review_links.linked_span``): a count 95 linked to a span whose decided value is none (or
96) would say gold's 95 was read from a span that gives none, so the link goes, and the
wording says why.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.core.models import sha256_text
from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from annotator.core.review_views import label_only
from tests.test_agreement_data import write_corpus, write_journal
from tests.test_review_session_data import latest

TEXT = "Kestria handed 95 prisoners of war to Norvania on Sunday."
START = TEXT.index("95")
WHERE = f"{START}–{START + 2}"


def record(name: str, count: int) -> dict[str, Any]:
    """``name`` marks "95" as a count of ``count`` and gives it as the release's, linked."""
    return {
        "schema_version": 1,
        "doc_id": "d1",
        "doc_sha256": sha256_text(TEXT),
        "annotator": name,
        "status": "done",
        "spans": [
            {"id": "x1", "start": 0, "end": 7, "label": "actor", "text": "Kestria", "value": None},
            {
                "id": "x3",
                "start": TEXT.index("Norvania"),
                "end": TEXT.index("Norvania") + 8,
                "label": "actor",
                "text": "Norvania",
                "value": None,
            },
            {
                "id": "x2",
                "start": START,
                "end": START + 2,
                "label": "count",
                "text": "95",
                "value": count,
            },
        ],
        "form": {
            "event_type": "exchange",
            "releases": [
                {
                    "released_by": "Kestria",
                    "received_by": "Norvania",
                    "count": count,
                    "date": "2024-03-17",
                }
            ],
        },
        "links": {
            "releases[0].released_by": ["x1"],
            "releases[0].received_by": ["x3"],
            "releases[0].count": ["x2"],
        },
    }


def opened(tmp_path: Path) -> ReviewSession:
    corpus = write_corpus(tmp_path, {"d1": TEXT})
    files = [
        write_journal(tmp_path / "alice.jsonl", record("alice", 95)),
        write_journal(tmp_path / "bob.jsonl", record("bob", 96)),
    ]
    return open_review(files, corpus, tmp_path / "gold.jsonl", "rita")


def count_conflict(session: ReviewSession) -> str:
    record = session.records["d1"]
    return next(c["id"] for c in record.conflicts if c.get("path") == "releases[0].count")


def test_a_link_to_a_span_gold_holds_without_its_value_says_so(tmp_path: Path) -> None:
    session = opened(tmp_path)
    try:
        assert session.span_value_to_type() is not None  # c1: the count's value, 95 / 96
        session.settle_span_value("")  # typed: no value
        gold = next(s for s in session.records["d1"].spans if s.label == "count")
        assert (gold.start, gold.value) == (START, None)
        session.take_notices()
        field = count_conflict(session)
        assert session.current is not None and session.current.conflict_id == field
        view = session.view()
        assert view is not None
        marks = [version.unkept for version in view.versions]
        assert marks == [
            (((START, START + 2, "count", 95), "gold's has no value"),),
            (((START, START + 2, "count", 96), "gold's has no value"),),
        ]
        session.take(0)  # alice's 95
        assert session.take_notices()[0] == (
            f"settled {field}: took alice's version; its link to “95” {WHERE} not kept: "
            f"gold's count “95” {WHERE} has another value (none)"
        )
    finally:
        assert session.close()
    line = latest(tmp_path / "gold.jsonl")["d1"]
    assert line["form"]["releases"][0]["count"] == 95
    assert "releases[0].count" not in line["links"]


def test_a_version_of_the_value_gold_gives_keeps_its_link_the_other_says_why(
    tmp_path: Path,
) -> None:
    session = opened(tmp_path)
    try:
        session.settle_span_value("95")
        session.take_notices()
        view = session.view()
        assert view is not None
        assert [version.unkept for version in view.versions] == [
            (),  # alice's span is gold's, value and all
            (((START, START + 2, "count", 96), "gold's has 95"),),
        ]
        field = count_conflict(session)
        session.take(1)  # bob's 96
        assert session.take_notices()[0].endswith(
            f"its link to “95” {WHERE} not kept: gold's count “95” {WHERE} has another value (95)"
        )
        assert "releases[0].count" not in session.records["d1"].links
        session.undo()
        session.take(0)  # alice's 95: linked to gold's "95"
        gold = next(s for s in session.records["d1"].spans if s.label == "count")
        assert session.records["d1"].links["releases[0].count"] == [gold.id]
        assert field not in {c["id"] for c in session.records["d1"].conflicts}
    finally:
        assert session.close()


def test_a_conflict_over_the_label_alone_is_told_from_one_over_the_words() -> None:
    def body(start: int, end: int, label: str) -> dict[str, Any]:
        return {"start": start, "end": end, "label": label, "text": "x", "value": None}

    def conflict(*versions: list[dict[str, Any]]) -> dict[str, Any]:
        return {
            "id": "c1",
            "kind": "span",
            "region": [0, 9],
            "versions": [
                {"spans": spans, "annotators": [f"a{n}"]} for n, spans in enumerate(versions)
            ],
        }

    assert label_only(conflict([body(0, 9, "releasee")], [body(0, 9, "actor")]))
    assert not label_only(conflict([body(0, 9, "actor")], [body(2, 9, "actor")]))
    assert not label_only(conflict([body(0, 9, "releasee")], [body(2, 9, "actor")]))
    assert not label_only(conflict([body(0, 9, "actor")], []))  # one marked nothing
    field = {"id": "c2", "kind": "field", "path": "event_type", "versions": []}
    assert not label_only(field)
