"""A date typed with ``v`` is read alike in the annotation screen and in review (one function,
``typed_value.read_typed_value``), on the same article: words are read as labelling reads a
date span's words (a trial's review refused "Friday", and so did annotate's ``v``, though
labelling "Friday" valued it), weekdays from the dateline and "two days later" from the nearest
date before the span; both say what the words were read as, and both refuse words that give no
value with the same reason."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from annotator.core.session import AnnotationSession, open_session
from tests.test_agreement_data import SCHEME_TOML, record, span, write_journal
from tests.test_review_session_data import fixed_now as review_now
from tests.test_review_session_data import latest
from tests.test_session_data import FakeClock, fixed_now, where

# The dateline is a Monday; "5 June" is the date before "Friday" (not labelled).
TEXT = (
    "date 2024-06-10 Talks began on 5 June. The exchange was carried out on Friday, "
    "the ministry said.\n"
)
FRIDAY = TEXT.index("Friday")
FIVE_JUNE = f"'5 June' {TEXT.index('5 June')}–{TEXT.index('5 June') + 6}"
READ = {
    "Friday": ("2024-06-07", "'Friday': the Friday before the dateline"),
    "last Sunday": ("2024-06-09", "'last Sunday': the Sunday before the dateline"),
    "next Sunday": ("2024-06-16", "'next Sunday': the Sunday after the dateline"),
    "yesterday": ("2024-06-09", "'yesterday': the day before the dateline"),
    "two days later": ("2024-06-07", f"'two days later': 2 days after 2024-06-05 ({FIVE_JUNE})"),
    "the day before": ("2024-06-04", f"'the day before': 1 day before 2024-06-05 ({FIVE_JUNE})"),
    "7 June 2024": ("2024-06-07", "'7 June 2024'"),
    "last month": ("2024-05", "'last month': the month before the dateline's"),
}
REFUSED = {
    "a few days later": "'a few days later': no value: its words say no exact number of days",
    "the following week": "'the following week': no value: it names a week, not a day",
    "soon": (
        "'soon' is not a date (YYYY-MM-DD, YYYY-MM or YYYY, or words such as 7 June 2024, "
        "last Sunday or two days later)"
    ),
    "2024-13-01": "'2024-13-01' is not a calendar date",
}


@pytest.fixture
def annotating(tmp_path: Path) -> Any:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    opened = open_session(folder, "alice", None, tmp_path / "out", clock=FakeClock(), now=fixed_now)
    opened.open(opened.first_unfinished_id())
    opened.label_selection(*where(opened, "Friday"), "date")
    assert opened.span("s1").value == "2024-06-07"  # labelled: read from the dateline
    opened.take_notices()
    yield opened
    opened.close()


@pytest.fixture
def review(tmp_path: Path) -> Any:
    """Review of the same article (its dateline in its meta, as a .txt document's is read)
    with a conflict over the value of "Friday" only."""
    scheme = tmp_path / "scheme.toml"
    scheme.write_text(SCHEME_TOML, encoding="utf-8")
    corpus = tmp_path / "corpus.jsonl"
    line = {"id": "d1", "text": TEXT, "meta": {"date": "2024-06-10"}}
    corpus.write_bytes(orjson.dumps(line) + b"\n")
    journals = [
        write_journal(
            tmp_path / f"{name}.jsonl",
            record(name, text=TEXT, spans=[span("s1", FRIDAY, FRIDAY + 6, "date", value, TEXT)]),
        )
        for name, value in [("alice", "2024-06-07"), ("bob", "2024-06-08")]
    ]
    session = open_review(
        journals, corpus, tmp_path / "gold.jsonl", "rita", scheme_path=scheme, now=review_now
    )
    yield session
    session.close()


def gold_date(review: ReviewSession) -> tuple[list[Any], int]:
    """Gold's date values, and how many conflicts are left."""
    assert review.flush(10)
    line = latest(review.store.journal)["d1"]
    return [s["value"] for s in line["spans"] if s["label"] == "date"], len(line["conflicts"])


def refusal(typed: str, set_value: Any) -> str:
    """Why ``set_value`` refused ``typed``, less the prefix naming the span."""
    with pytest.raises(AnnotatorError) as refused:
        set_value(typed)
    return str(refused.value).split(": ", 1)[1]


@pytest.mark.parametrize("typed", list(READ))
def test_words_v_takes_are_read_and_said_alike(
    annotating: AnnotationSession, review: ReviewSession, typed: str
) -> None:
    value, reading = READ[typed]
    assert annotating.set_value(typed, "s1").value == value
    assert annotating.take_notices()[0] == f"s1 = {value} ({reading})"
    review.settle_span_value(typed)
    assert gold_date(review) == ([value], 0)
    assert review.take_notices()[0] == (f"settled c1: s1 date “Friday” = {value} (typed {reading})")


@pytest.mark.parametrize("typed", list(REFUSED))
def test_words_v_refuses_are_refused_alike_with_the_same_reason(
    annotating: AnnotationSession, review: ReviewSession, typed: str
) -> None:
    said = refusal(typed, lambda raw: annotating.set_value(raw, "s1"))
    assert said == refusal(typed, review.settle_span_value) == REFUSED[typed]
    assert annotating.span("s1").value == "2024-06-07"  # nothing changed
    assert annotating.take_notices() == []
    assert gold_date(review) == ([], 1)


@pytest.mark.parametrize("typed", ["2024-06-08", " 2024-06 ", "2024"])
def test_a_value_typed_as_a_value_is_taken_alike_and_said_as_before(
    annotating: AnnotationSession, review: ReviewSession, typed: str
) -> None:
    assert annotating.set_value(typed, "s1").value == typed.strip()
    assert not any(notice.startswith("s1 = ") for notice in annotating.take_notices())
    review.settle_span_value(typed)
    assert gold_date(review) == ([typed.strip()], 0)
    # bob's value, typed as he gave it, is said as his (as its undo says it).
    how = "bob's value" if typed == "2024-06-08" else "typed"
    said = f"settled c1: s1 date “Friday” = {typed.strip()} ({how})"
    assert review.take_notices()[0] == said
