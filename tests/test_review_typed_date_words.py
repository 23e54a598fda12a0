"""A count or date typed in the review as the words of a gold span of its label is read as
that span's value and linked to it (``review_typed.typed_value`` given the gold spans), one
rule for both: a trial's item editor refused a date typed "Sunday" (gold s5 "Sunday" =
2024-03-17) as "not a date", where a count typed "six" was linked and saved 6."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from annotator.core.models import sha256_text
from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from annotator.core.review_typed import BadValue, settle_typed
from annotator.core.review_typed_start import ItemTexts, version_items
from annotator.core.review_typed_words import as_span_words
from tests.test_agreement_data import write_corpus, write_journal
from tests.test_review_lists_text_order import SPANS, TEXT, span

SUNDAY = span("s5", "Sunday", "date", "2024-03-17")
EIGHT = span("s6", "eight", "count", 8)


def journal(name: str, releases: list[dict[str, Any]], links: dict[str, list[str]]) -> Any:
    return {
        "schema_version": 1,
        "doc_id": "d1",
        "doc_sha256": sha256_text(TEXT),
        "annotator": name,
        "status": "done",
        "spans": [*SPANS, SUNDAY, EIGHT],
        "form": {"event_type": "unilateral_release", "releases": releases},
        "links": links,
    }


def opened(tmp_path: Path) -> ReviewSession:
    """ann1 gives a release (its date linked to "Sunday"), ann2 none: a conflict over it."""
    release = {"released_by": "Front", "received_by": None, "count": 8, "date": "2024-03-17"}
    corpus = write_corpus(tmp_path, {"d1": TEXT})
    journals = [
        write_journal(
            tmp_path / "ann1.jsonl",
            journal("ann1", [{**release, "releasees": []}], {"releases[0].date": ["s5"]}),
        ),
        write_journal(tmp_path / "ann2.jsonl", journal("ann2", [], {})),
    ]
    return open_review(journals, corpus, tmp_path / "gold.jsonl", "rev")


def gold_id(session: ReviewSession, words: str) -> str:
    return next(one.id for one in session.records["d1"].spans if one.text == words)


def started(session: ReviewSession, **texts: str) -> list[ItemTexts]:
    record = session.records["d1"]
    (conflict,) = record.conflicts
    session.go_to("d1", conflict["id"])
    items = version_items(conflict, session.scheme, 0)
    items[0].update(texts)
    return items


@pytest.mark.parametrize("edited", [True, False])
def test_a_date_typed_as_a_spans_words_is_its_value_linked(tmp_path: Path, edited: bool) -> None:
    session = opened(tmp_path)
    try:
        items = started(session, date="Sunday")
        if not edited:
            items = [ItemTexts(dict(items[0]))]  # written from scratch: linked by its words
        sunday = gold_id(session, "Sunday")
        assert session.typed_item_links(items)[0]["date"] == [sunday]
        session.settle_typed(items)
        gold = session.records["d1"]
        assert gold.form["releases"][0]["date"] == "2024-03-17"
        assert gold.links["releases[0].date"] == [sunday]
    finally:
        assert session.close()


def test_a_count_typed_as_a_spans_words_is_read_by_the_same_rule(tmp_path: Path) -> None:
    session = opened(tmp_path)
    try:
        items = started(session, count="eight")
        session.settle_typed([ItemTexts(dict(items[0]))])
        gold = session.records["d1"]
        assert gold.form["releases"][0]["count"] == 8
        assert gold.links["releases[0].count"] == [gold_id(session, "eight")]
    finally:
        assert session.close()


def test_words_no_span_holds_are_still_refused(tmp_path: Path) -> None:
    session = opened(tmp_path)
    try:
        items = started(session, date="Monday")
        record = session.records["d1"]
        # Not read from the dateline, as the form's date field does not read it: the refusal
        # says what is taken.
        with pytest.raises(BadValue) as refused:
            settle_typed(record, record.conflicts[0]["id"], items, session.scheme)
        assert str(refused.value) == (
            "date: 'Monday' is not a date (YYYY-MM-DD, YYYY-MM, YYYY or a date span's words)"
        )
    finally:
        assert session.close()


@pytest.mark.parametrize("typed", ["sunday", "SUNDAY", " sunDay "])
def test_a_spans_words_are_taken_in_any_case(tmp_path: Path, typed: str) -> None:
    """A trial: "two days later" was refused as no date where gold's span read "Two days
    later", and "Two days later" was taken; words are matched as the search matches them."""
    session = opened(tmp_path)
    try:
        items = [ItemTexts(dict(started(session, date=typed)[0]))]
        sunday = gold_id(session, "Sunday")
        (linked,) = session.typed_item_links(items)
        assert linked["date"] == [sunday]
        # The line under the items names the span whose value enter writes.
        assert linked.read_as["date"].spans == (sunday,)
        session.settle_typed(items)
        gold = session.records["d1"]
        assert gold.form["releases"][0]["date"] == "2024-03-17"
        assert gold.links["releases[0].date"] == [sunday]
    finally:
        assert session.close()


def test_a_text_typed_in_another_case_is_the_spans_words_linked(tmp_path: Path) -> None:
    session = opened(tmp_path)
    try:
        items = [ItemTexts(dict(started(session, released_by="FRONT")[0]))]
        front = gold_id(session, "Front")
        assert session.typed_item_links(items)[0]["released_by"] == [front]
        session.settle_typed(items)
        gold = session.records["d1"]
        # Stored as the span's words, as when filled from it (the link holds on the form).
        assert gold.form["releases"][0]["released_by"] == "Front"
        assert gold.links["releases[0].released_by"] == [front]
    finally:
        assert session.close()


def test_words_of_spans_written_differently_are_left_as_typed() -> None:
    """Two spans whose words differ only in case: no rule says which one was meant."""
    from annotator.core.models import Span
    from annotator.core.scheme import FormField

    leaf = FormField(name="released_by", type="text", from_label="actor")
    spans = [
        Span(id="s1", start=0, end=6, label="actor", text="Russia"),
        Span(id="s2", start=9, end=15, label="actor", text="RUSSIA"),
        Span(id="s3", start=20, end=25, label="actor", text="Front"),
        Span(id="s4", start=30, end=35, label="place", text="Nyala"),
    ]
    assert as_span_words(spans, leaf, "russia") == "russia"
    assert as_span_words(spans, leaf, "RUSSIA") == "RUSSIA"
    assert as_span_words(spans, leaf, "front") == "Front"
    assert as_span_words(spans, leaf, "  fRoNt ") == "Front"
    assert as_span_words(spans, leaf, "nyala") == "nyala"  # another label's
    assert as_span_words(spans, leaf, "fronts") == "fronts"


def test_a_date_fields_hint_says_span_words_are_taken() -> None:
    from annotator.core.review_typed import hint
    from annotator.core.scheme import FormField

    assert hint(FormField(name="date", type="date", from_label="date")) == (
        "YYYY-MM-DD, YYYY-MM, YYYY or a date span's words"
    )
    assert hint(FormField(name="signed", type="date")) == "YYYY-MM-DD, YYYY-MM or YYYY"
