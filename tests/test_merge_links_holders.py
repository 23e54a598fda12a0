"""A gold field's link comes from the first of the annotators who gave its answer whose linked
span is gold, not only from the first of them: a trial's three annotators gave one release,
the first linking its receiver to a "Norvania" only she marked, the two others to the one
that became gold, and gold kept no link for the receiver at all."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.core import review_decisions as decide
from annotator.core.annotation import Annotation
from annotator.core.compare import Unit
from annotator.core.merge import merge_units
from annotator.core.models import GoldRecord, Record, sha256_text
from annotator.core.scheme import Scheme
from tests.test_agreement_data import record, scheme, span

# Two "Russia": alice marks and links the second, bob and carol the first.
TEXT = "Russia freed 12 men; Russia said so."
FIRST = (0, 6)
SECOND = (21, 27)
TWELVE = (13, 15)


def russia(span_id: str, where: tuple[int, int]) -> dict[str, Any]:
    return span(span_id, where[0], where[1], "actor", text=TEXT)


def twelve(span_id: str, value: int = 12) -> dict[str, Any]:
    return span(span_id, *TWELVE, "count", value=value, text=TEXT)


def annotator(name: str, where: tuple[int, int], count: int = 12) -> Record:
    return Record.model_validate(
        record(
            name,
            text=TEXT,
            spans=[russia(f"{name[0]}1", where), twelve(f"{name[0]}2")],
            form={"releases": [{"released_by": "Russia", "count": count}]},
            links={
                "releases[0].released_by": [f"{name[0]}1"],
                "releases[0].count": [f"{name[0]}2"],
            },
        )
    )


def merged(test_scheme: Scheme, records: list[Record], min_agree: int | None) -> GoldRecord:
    works = {one.annotator: Annotation(one) for one in records}
    (made,) = merge_units(
        [Unit("d1", sha256_text(TEXT), works)], test_scheme, "rita", min_agree=min_agree
    )
    return made


def gold_span(made: GoldRecord, span_id: str) -> tuple[int, int]:
    (one,) = [one for one in made.spans if one.id == span_id]
    return one.start, one.end


def test_an_accepted_item_links_the_gold_span_another_holder_linked(tmp_path: Path) -> None:
    records = [annotator("alice", SECOND), annotator("bob", FIRST), annotator("carol", FIRST)]
    made = merged(scheme(tmp_path), records, min_agree=2)
    assert made.form["releases"] == [{"released_by": "Russia", "count": 12}]
    (receiver,) = made.links["releases[0].released_by"]
    assert gold_span(made, receiver) == FIRST
    (count,) = made.links["releases[0].count"]
    assert gold_span(made, count) == TWELVE


def test_an_accepted_field_of_a_merged_item_links_another_holders_gold_span(
    tmp_path: Path,
) -> None:
    # The item is merged field by field (counts differ: carol's 13 loses), so the receiver's
    # link is carried by the field's own rule.
    records = [
        annotator("alice", SECOND),
        annotator("bob", FIRST),
        annotator("carol", FIRST, count=13),
    ]
    made = merged(scheme(tmp_path), records, min_agree=2)
    assert made.form["releases"][0]["released_by"] == "Russia"
    (receiver,) = made.links["releases[0].released_by"]
    assert gold_span(made, receiver) == FIRST


def test_an_item_only_some_gave_is_linked_to_the_gold_span_either_holder_linked(
    tmp_path: Path,
) -> None:
    # K is all three: alice marks both "Russia" and links the second (only hers, so in
    # dispute); bob links the first, which carol marks too; carol gives no release. The
    # item alice and bob gave alike is a conflict whose version links bob's span, gold
    # already, and taking it links gold's "Russia", with the records at hand or not.
    test_scheme = scheme(tmp_path)
    alice = Record.model_validate(
        record(
            "alice",
            text=TEXT,
            spans=[russia("a0", FIRST), russia("a1", SECOND), twelve("a2")],
            form={"releases": [{"released_by": "Russia", "count": 12}]},
            links={"releases[0].released_by": ["a1"], "releases[0].count": ["a2"]},
        )
    )
    bob = annotator("bob", FIRST)
    carol = Record.model_validate(
        record("carol", text=TEXT, spans=[russia("c1", FIRST), twelve("c2")], form={})
    )
    made = merged(test_scheme, [alice, bob, carol], min_agree=None)
    (item_conflict,) = [one for one in made.conflicts if one.get("path") == "releases"]
    (version,) = item_conflict["versions"]
    assert version["annotators"] == ["alice", "bob"]
    (receiver_span,) = version["links"]["releases[0].released_by"]
    assert (receiver_span["start"], receiver_span["end"]) == FIRST
    records = {"alice": alice, "bob": bob, "carol": carol}
    for at_hand in (records, None):
        taken = decide.take(made, item_conflict["id"], [0], test_scheme, at_hand)
        (receiver,) = taken.links["releases[0].released_by"]
        assert gold_span(taken, receiver) == FIRST


def test_a_link_to_a_gold_span_of_another_label_does_not_make_a_holder_first(
    tmp_path: Path,
) -> None:
    # alice links the giver to her second "Russia" (not gold) and to "12", a gold count: the
    # count is not of the label the giver is filled from, so bob's gold "Russia" is carried.
    alice = Record.model_validate(
        record(
            "alice",
            text=TEXT,
            spans=[russia("a0", FIRST), russia("a1", SECOND), twelve("a2")],
            form={"releases": [{"released_by": "Russia", "count": 12}]},
            links={"releases[0].released_by": ["a1", "a2"], "releases[0].count": ["a2"]},
        )
    )
    carol = Record.model_validate(
        record("carol", text=TEXT, spans=[russia("c1", FIRST), twelve("c2")], form={})
    )
    made = merged(scheme(tmp_path), [alice, annotator("bob", FIRST), carol], min_agree=None)
    (item_conflict,) = [one for one in made.conflicts if one.get("path") == "releases"]
    (version,) = item_conflict["versions"]
    (giver,) = version["links"]["releases[0].released_by"]
    assert (giver["start"], giver["end"]) == FIRST
