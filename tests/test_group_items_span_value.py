"""Review's ``v`` names the form fields the annotators filled from the span by gold's paths:
an annotator's own item index may be another in gold (bob's first release is gold's second),
and a trial's notice named gold's first release, which nobody filled from the span."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.core.models import GoldRecord, Span
from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from annotator.core.review_span_value import fields_not_following
from tests.test_agreement_data import (
    SCHEME_TOML,
    TEXT,
    record,
    span,
    write_corpus,
    write_journal,
)
from tests.test_review_session_data import fixed_now

UKRAINE_12 = {"released_by": "Ukraine", "count": 12}
COUNT_146 = {"released_by": "Russia", "count": 146}


def counted(name: str, value: int, releases: list[dict[str, Any]], index: int) -> dict[str, Any]:
    """``name``'s "146" (``value``) linked to their releases[``index``].count."""
    return record(
        name,
        spans=[span("s2", 13, 16, "count", value)],
        form={"releases": releases},
        links={f"releases[{index}].count": ["s2"]},
    )


def reviewed(tmp_path: Path) -> ReviewSession:
    """alice gives Ukraine 12 then Russia 146 (her releases[1] from her "146" = 146); bob the
    two the other way round (his releases[0] from his "146" = 147). Merged: gold's releases
    are alice's order, the 146 gold's releases[1]; the span's value is the one conflict."""
    scheme = tmp_path / "scheme.toml"
    scheme.write_text(SCHEME_TOML, encoding="utf-8")
    corpus = write_corpus(tmp_path, {"d1": TEXT})
    alice = write_journal(
        tmp_path / "alice.jsonl", counted("alice", 146, [UKRAINE_12, COUNT_146], 1)
    )
    bob = write_journal(tmp_path / "bob.jsonl", counted("bob", 147, [COUNT_146, UKRAINE_12], 0))
    return open_review(
        [alice, bob], corpus, tmp_path / "gold.jsonl", "rita", scheme_path=scheme, now=fixed_now
    )


def test_v_names_golds_item_not_the_annotators(tmp_path: Path) -> None:
    session = reviewed(tmp_path)
    try:
        assert session.record.form["releases"] == [UKRAINE_12, COUNT_146]
        assert session.span_value_to_type() is not None
        session.settle_span_value("145")
        said = session.take_notices()[0]
        assert said == (
            "settled c1: s1 count “146” = 145 (typed); the annotators filled releases #2 "
            "count from it: not linked now, and it keeps its own value (settle or type it to "
            "match)"
        )
    finally:
        session.close()


def test_an_item_gold_does_not_hold_is_not_named(tmp_path: Path) -> None:
    """An annotator's item whose frame gold lacks (its version rejected, or typed over by the
    reviewer) has no gold path: nothing of gold's is named for it."""
    session = reviewed(tmp_path)
    try:
        typed = Span(id="s1", start=13, end=16, label="count", text="146", value=145)
        fields = session.record.model_dump()
        gold = GoldRecord.model_validate(
            {**fields, "spans": [typed.model_dump()], "form": {"releases": [UKRAINE_12]}}
        )
        works = session.annotations.get("d1")
        assert fields_not_following(gold, typed, works, session.scheme) == ""
        both = GoldRecord.model_validate(
            {**fields, "spans": [typed.model_dump()], "form": {"releases": [COUNT_146]}}
        )
        assert fields_not_following(both, typed, works, session.scheme) == (
            "; the annotators filled releases #1 count from it: not linked now, and it keeps "
            "its own value (settle or type it to match)"
        )
    finally:
        session.close()
