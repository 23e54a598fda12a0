"""A date span the reviewer draws over "two days later" (e): its value is counted from the
nearest date before it as the annotation screen counts it, anchored in gold's date spans (not
in the versions still in dispute), else a date in the text, else the dateline; the notice says
from where instead of "read from its words"."""

from __future__ import annotations

from pathlib import Path

import orjson

from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from annotator.core.review_views import Place
from tests.test_agreement_data import record, span, write_journal, write_scheme
from tests.test_review_session_data import fixed_now

# No date in the text reads as a day ("early August"): an anchor there is gold's span.
TEXT = "Talks were held in early August. The envoys met again two days later."
EARLY = (19, 31)
TWO_DAYS = (54, 68)
DAYS = (58, 68)


def dated(annotator: str, spans: list[dict[str, object]]) -> dict[str, object]:
    return record(annotator, spans=spans, text=TEXT)


def review(
    tmp_path: Path,
    alice: list[dict[str, object]],
    bob: list[dict[str, object]],
    dateline: str | None = "2023-08-20",
) -> ReviewSession:
    corpus = tmp_path / "corpus.jsonl"
    line = {"id": "d1", "text": TEXT, "meta": {"date": dateline} if dateline else {}}
    corpus.write_bytes(orjson.dumps(line) + b"\n")
    return open_review(
        [
            write_journal(tmp_path / "alice.jsonl", dated("alice", alice)),
            write_journal(tmp_path / "bob.jsonl", dated("bob", bob)),
        ],
        corpus,
        tmp_path / "gold.jsonl",
        "rita",
        scheme_path=write_scheme(tmp_path),
        now=fixed_now,
    )


def early(span_id: str) -> dict[str, object]:
    # Both annotators typed the 6th: no reading of the words gives it.
    return span(span_id, *EARLY, "date", "2023-08-06", text=TEXT)


def test_a_drawn_relative_date_counts_from_gold_s_date_span(tmp_path: Path) -> None:
    session = review(
        tmp_path,
        [early("s1"), span("s2", *TWO_DAYS, "date", "2023-08-08", text=TEXT)],
        [early("s1"), span("s2", *DAYS, "date", text=TEXT)],
    )
    try:
        assert session.current == Place("d1", "c1")
        gold_early = session.records["d1"].spans[0]
        assert (gold_early.text, gold_early.value) == ("early August", "2023-08-06")
        session.begin_edit()
        drawn = session.edit(*TWO_DAYS, "date")
        assert (drawn.text, drawn.value) == ("two days later", "2023-08-08")
        assert session.take_notices()[0] == (
            f"settled c1 with date “two days later” = 2023-08-08 (2 days after 2023-08-06 "
            f"({gold_early.id})); left out: date “days later” (bob) · ctrl+z undoes"
        )
        gold = session.records["d1"]
        assert [(s.text, s.value) for s in gold.spans] == [
            ("early August", "2023-08-06"),
            ("two days later", "2023-08-08"),
        ]
        # Credited to alice, who marked this span with this value.
        assert gold.sources.spans[drawn.id] == ["alice"]
        assert gold.conflicts == []
    finally:
        assert session.close()


def test_a_date_still_in_dispute_is_no_anchor(tmp_path: Path) -> None:
    # Only alice marked "early August": it is a conflict, not gold, so the drawn span counts
    # from the text's "August", a month naming no day: no value, not alice's 8th (said as
    # hers), nor the dateline's 22nd, passing over the month.
    session = review(
        tmp_path,
        [early("s1"), span("s2", *TWO_DAYS, "date", "2023-08-08", text=TEXT)],
        [span("s1", *DAYS, "date", text=TEXT)],
    )
    try:
        assert session.records["d1"].spans == []
        session.go_to("d1", "c2")
        session.begin_edit()
        drawn = session.edit(*TWO_DAYS, "date")
        assert drawn.value is None
        assert session.take_notices()[0] == (
            "settled c2 with date “two days later” = no value (2 days after 2023-08 ('August' "
            "25–31), which names no day; version 1 (alice) gave 2023-08-08); left out: date "
            "“days later” (bob) · ctrl+z undoes"
        )
        gold = session.records["d1"]
        assert gold.sources.spans[drawn.id] == []
        # Settled the other way round, gold's "early August" is counted from.
        session.undo()
        session.go_to("d1", "c1")
        session.take_letter("a")
        session.go_to("d1", "c2")
        session.begin_edit()
        assert session.edit(*TWO_DAYS, "date").value == "2023-08-08"
    finally:
        assert session.close()


def test_no_date_before_it_no_value_and_says_why(tmp_path: Path) -> None:
    session = review(
        tmp_path,
        [span("s1", *TWO_DAYS, "date", "2023-08-08", text=TEXT)],
        [span("s1", *DAYS, "date", text=TEXT)],
        dateline=None,
    )
    try:
        session.begin_edit()
        drawn = session.edit(*TWO_DAYS, "date")
        assert drawn.value is None
        assert session.take_notices()[0] == (
            "settled c1 with date “two days later” = no value (2 days after 'August' 25–31, "
            "the nearest date before it, which has no value: it is read from the dateline, "
            "and this article has none (a first line 'date YYYY-MM-DD'); version 1 (alice) "
            "gave 2023-08-08); left out: date “days later” (bob) · ctrl+z undoes"
        )
        assert session.records["d1"].spans[0].value is None
    finally:
        assert session.close()
