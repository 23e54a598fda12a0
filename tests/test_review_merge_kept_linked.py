"""A merge anew keeps a decision that took a span even when taking it linked a field another
decision had set, and that field's item is not in the new merge as it was (``review_kept``).

Taking a span makes the links to it hold where gold's answer is the linking annotator's
(``review_links``): the reviewer typed the count 187 (c3), then took alice and carol's span
"187" (c1), and that step linked ``releases[0].count`` to it. Carol then changed her release
(another receiver and date), so the new merge agrees on no release: the count's conflict is
gone, and its decision rightly with it. But the span's decision, its conflict alike, was dropped too
("what it set changed since: “187”"), the span's conflict open again: the link its step made
to the count, a field it never set, could not be placed, and that sank the whole decision. A
reviewer does not expect a later decision of theirs to undo an earlier one, nor one that
only brought a link along to undo itself.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import orjson

from annotator.core.models import GoldRecord
from annotator.core.review import ReviewSession
from annotator.core.review_kept import kept_decisions, kept_merge
from annotator.core.review_open import open_review
from tests.test_group_align_data import SCHEME, merged, trial, write_case


def open_case(tmp_path: Path, journals: list[Path], corpus: Path) -> ReviewSession:
    return open_review(journals, corpus, tmp_path / "gold.jsonl", "rev")


def typed_then_taken(session: ReviewSession) -> None:
    """c3 typed 187, then c1: alice and carol's "187" taken (which links the count to it)."""
    session.go_to("d1", "c3")
    session.settle_typed("187")
    session.go_to("d1", "c1")
    session.take(0)
    record = session.records["d1"]
    four = next(span for span in record.spans if span.text == "187")
    assert record.links["releases[0].count"] == [four.id]
    assert [conflict["region"] for conflict in record.conflicts] == [[116, 119]]


def carol_with_another_receiver() -> dict[str, Any]:
    # Another receiver and another date: her release agrees with alice's on 2 of 4 fields,
    # so it is no longer theirs (with the receiver alone, 3 of 4, it is still the same
    # release, its count disputed as before: ``align_items``).
    carol = copy.deepcopy(trial()["carol"])
    carol["form"]["releases"][0]["received_by"] = "Ostreva city"
    carol["form"]["releases"][0]["date"] = "2024-06-09"
    del carol["links"]["releases[0].received_by"]
    del carol["links"]["releases[0].date"]
    return carol


def test_a_span_taken_is_kept_when_the_field_its_step_linked_is_gone(tmp_path: Path) -> None:
    corpus, journals = write_case(tmp_path, trial())
    session = open_case(tmp_path, journals, corpus)
    try:
        typed_then_taken(session)
    finally:
        assert session.close()
    with journals[2].open("ab") as handle:
        handle.write(orjson.dumps(carol_with_another_receiver()) + b"\n")
    again = open_case(tmp_path, journals, corpus)
    try:
        again.take_notices()
        again.merge_anew("d1")
        assert again.take_notices() == [
            "merged d1 anew from its annotators' records, 1 decision(s) kept, 1 dropped "
            "(conflict changed or gone: releases #1 count); “187” kept without its link to "
            "releases #1 count (the field is not in the new merge as it was): 3 conflict(s) "
            "open (before: 1 conflict(s) open); ctrl+z puts the record before back"
        ]
        record = again.records["d1"]
        # "187" stays gold under its id; its conflict is not open again.
        assert ("s4", "187") in [(span.id, span.text) for span in record.spans]
        assert [c.get("region") or c["path"] for c in record.conflicts] == [
            [116, 119],
            "releases",
            "releases",
        ]
        assert record.links == {}
    finally:
        assert again.close()


def test_the_decision_a_merge_anew_keeps_is_the_one_made(tmp_path: Path) -> None:
    """``kept_merge`` itself: the span's decision applied, its link to the item gone left out
    and named, the count's decision dropped with its conflict."""
    corpus, journals = write_case(tmp_path, trial())
    session = open_case(tmp_path, journals, corpus)
    try:
        typed_then_taken(session)
        assert session.flush(10)
    finally:
        assert session.close()
    history = [
        GoldRecord.model_validate_json(line)
        for line in (tmp_path / "gold.jsonl").read_bytes().splitlines()
    ]
    records = {**trial(), "carol": carol_with_another_receiver()}
    outcome = kept_merge(merged(records, None), kept_decisions(history), SCHEME)
    assert [conflict["region"] for conflict in outcome.kept] == [[32, 35]]
    assert [conflict["path"] for conflict in outcome.dropped] == ["releases[0].count"]
    assert outcome.unapplied == [] and outcome.untied == []
    assert [(c["region"], path) for c, path in outcome.links_left_out] == [
        ([32, 35], "releases[0].count")
    ]
    assert [span.text for span in outcome.record.spans if span.label == "count"] == ["187"]
