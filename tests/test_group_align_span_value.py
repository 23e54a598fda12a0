"""Review's ``v`` names the item fields the annotators filled from the span by the gold item
merge made of their items (``review_links.item_holders``), on the curator's trial
(``tests/test_group_align_data.py``): gold's release is alice's and bob's, its count and
date settled in review, equal to neither annotator's release, and the notice left out the
date both filled from the span."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.review_open import open_review
from tests.test_group_align_data import (
    COUNT_187,
    COUNT_210,
    record,
    release,
    span,
    write_case,
)

NOW = "2025-01-01T00:00:00Z"


@pytest.mark.parametrize(("count", "typed"), [(187, False), (200, True)])
def test_v_names_the_date_of_golds_release_made_of_theirs(
    tmp_path: Path, count: int, typed: bool
) -> None:
    # Alice: 187 on 7 June; bob: 210 on 8 June, from the same words "7 June 2024". One
    # release, its count and date in dispute; the date span's value too.
    alice = record("alice", [release(187, releasees=["Ivan"])], COUNT_187)
    bob = record("bob", [release(210, "2024-06-08", releasees=["Ivan"])], COUNT_210)
    bob["spans"][3] = span("s4", "7 June 2024", "date", "2024-06-08")
    corpus, journals = write_case(tmp_path, {"alice": alice, "bob": bob})
    session = open_review(journals, corpus, tmp_path / "gold.jsonl", "rita", now=lambda: NOW)
    try:
        gold = session.records["d1"]
        ids = {c.get("path") or tuple(c["region"]): c["id"] for c in gold.conflicts}
        # The count: alice's 187 (gold's release is then alice's frame), or 200 typed (no
        # annotator's: the notice said nothing of the date).
        session.go_to("d1", ids["releases[0].count"])
        if typed:
            session.settle_typed(str(count))
        else:
            session.take(0)
        session.go_to("d1", ids["releases[0].date"])
        session.take(0)  # alice's 2024-06-07
        assert session.records["d1"].form["releases"] == [
            release(count, "2024-06-07", releasees=["Ivan"])
        ]
        session.go_to("d1", ids[(60, 71)])  # "7 June 2024": 2024-06-07 or 2024-06-08
        session.take_notices()
        session.settle_span_value("2024-06-09")
        assert session.take_notices()[0] == (
            "settled c2: s3 date “7 June 2024” = 2024-06-09 (typed); the annotators filled "
            "releases #1 date from it: not linked now, and it keeps its own value (settle or "
            "type it to match)"
        )
    finally:
        session.close()
