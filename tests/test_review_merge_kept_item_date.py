"""A merge anew finds a release's item again when the annotators changed its date since: a
decision on the item's count is kept, whichever was settled first, count or date, and after
the review is quit and resumed (``review_kept_form.item_now``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from tests.test_agreement_data import record, write_corpus, write_journal
from tests.test_review_session_data import fixed_now, latest

TEXT = "Russia freed 146 prisoners to Ukraine on 11 November."
SCHEME = Path(__file__).parent.parent / "schemas" / "prisoner_exchange.toml"
COUNT = "releases[0].count"
DATE = "releases[0].date"


def span(span_id: str, start: int, end: int, label: str, value: Any = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": span_id,
        "start": start,
        "end": end,
        "label": label,
        "text": TEXT[start:end],
    }
    if value is not None:
        out["value"] = value
    return out


def release_record(annotator: str, date: str, count: int) -> dict[str, Any]:
    """One release both annotators give alike but for its count and date (3 fields of 5
    agree: merge pairs the items and leaves the two fields in dispute)."""
    spans = [
        span("s1", 0, 6, "actor"),
        span("s2", 13, 16, "count", count),
        span("s3", 17, 26, "releasee"),
        span("s4", 30, 37, "actor"),
        span("s5", 41, 52, "date", date),
    ]
    release = {
        "released_by": "Russia",
        "received_by": "Ukraine",
        "count": count,
        "date": date,
        "releasees": ["prisoners"],
    }
    links = {
        "releases[0].released_by": ["s1"],
        "releases[0].count": ["s2"],
        "releases[0].releasees": ["s3"],
        "releases[0].received_by": ["s4"],
        "releases[0].date": ["s5"],
    }
    form = {"event_type": "exchange", "releases": [release]}
    return record(annotator, text=TEXT, spans=spans, form=form, links=links)


@pytest.fixture
def case(tmp_path: Path) -> dict[str, Path]:
    return {
        "corpus": write_corpus(tmp_path, {"d1": TEXT}),
        "alice": write_journal(
            tmp_path / "alice.jsonl", release_record("alice", "2023-11-11", 146)
        ),
        "bob": write_journal(tmp_path / "bob.jsonl", release_record("bob", "2023-11-12", 150)),
        "gold": tmp_path / "gold.jsonl",
    }


def open_it(case: dict[str, Path]) -> ReviewSession:
    return open_review(
        [case["alice"], case["bob"]],
        case["corpus"],
        case["gold"],
        "rita",
        scheme_path=SCHEME,
        now=fixed_now,
    )


def settle(session: ReviewSession, where: str | list[int], letter: str) -> None:
    for conflict in session.records["d1"].conflicts:
        if (conflict.get("path") or conflict.get("region")) == where:
            session.go_to("d1", conflict["id"])
            session.take_letter(letter)
            return
    raise AssertionError(f"no conflict {where} open")


def decide(case: dict[str, Path], count_first: bool) -> dict[str, Any]:
    """alice's count 146 (its span, then the field) and bob's date 2023-11-12, in the order
    asked; the review quit; the gold line it left."""
    count = [([13, 16], "a"), (COUNT, "a")]
    date = [([41, 52], "b"), (DATE, "b")]
    session = open_it(case)
    try:
        for where, letter in [*count, *date] if count_first else [*date, *count]:
            settle(session, where, letter)
        assert session.flush(10)
    finally:
        assert session.close()
    return latest(case["gold"])["d1"]


def release_of(line: dict[str, Any]) -> dict[str, Any]:
    (release,) = line["form"]["releases"]
    return dict(release)


@pytest.mark.parametrize("count_first", [True, False])
def test_both_decisions_stand_after_quitting_and_resuming(
    case: dict[str, Path], count_first: bool
) -> None:
    decided = decide(case, count_first)
    assert release_of(decided) == {
        "released_by": "Russia",
        "received_by": "Ukraine",
        "count": 146,
        "date": "2023-11-12",
        "releasees": ["prisoners"],
    }
    assert decided["conflicts"] == [] and decided["status"] == "done"
    session = open_it(case)
    try:
        assert session.records["d1"].form == decided["form"]
        assert session.records["d1"].conflicts == []
    finally:
        assert session.close()


@pytest.mark.parametrize("count_first", [True, False])
@pytest.mark.parametrize("alice_date", ["2023-11-12", "2023-11-10"])
def test_a_merge_anew_after_the_date_changed_keeps_the_count_decision(
    case: dict[str, Path], count_first: bool, alice_date: str
) -> None:
    """alice changes her date since (to bob's, or to a third): the date's decisions are
    dropped, named (their conflicts changed or are gone); the count's item is the same
    release, its count conflict alike, so the count decision is kept with its link. Before,
    the item was looked for by its whole frame, the date in it: the count decision was
    dropped ('what it set changed since: releases #1 count') when it was made before the date
    was settled (alice agreeing now) or after it (alice disputing otherwise)."""
    decide(case, count_first)
    with case["alice"].open("ab") as handle:
        handle.write(orjson.dumps(release_record("alice", alice_date, 146)) + b"\n")
    session = open_it(case)
    try:
        session.take_notices()
        session.merge_anew("d1")
        (notice,) = session.take_notices()
        assert "2 decision(s) kept, 2 dropped (conflict changed or gone: “11 November”, " in notice
        assert "what it set changed since" not in notice
        assert session.flush(10)
    finally:
        assert session.close()
    now = latest(case["gold"])["d1"]
    release = release_of(now)
    assert release["count"] == 146
    spans = {one["id"]: (one["start"], one["end"], one.get("value")) for one in now["spans"]}
    assert [spans[one] for one in now["links"][COUNT]] == [(13, 16, 146)]
    if alice_date == "2023-11-12":  # agreed now: nothing left open
        assert release["date"] == "2023-11-12" and now["conflicts"] == []
    else:  # the date's conflicts open again, to settle anew
        assert release["date"] is None
        assert [c.get("path") or c.get("region") for c in now["conflicts"]] == [[41, 52], DATE]
