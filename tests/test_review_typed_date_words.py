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
        with pytest.raises(BadValue, match="date: 'Monday' is not a date"):
            settle_typed(record, record.conflicts[0]["id"], items, session.scheme)
    finally:
        assert session.close()
