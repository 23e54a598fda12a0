"""One rule for a group's empty items (no value in any field, no link: ``form_compare``):
merge, diff, agree and review leave them out, so gold never holds one, and paths keep naming
the annotator's own items. A trial's merge put an item all annotators left empty into done
gold, which ``validate`` then warned of."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.core import review_decisions as decide
from annotator.core.annotation import Annotation
from annotator.core.compare import Unit
from annotator.core.form_agreement import field_agreement
from annotator.core.form_compare import items_in
from annotator.core.form_complete import empty_items
from annotator.core.form_differences import form_differences
from annotator.core.merge import merge_units, merged_data
from annotator.core.models import GoldRecord, Record, sha256_text
from annotator.core.scheme import Scheme
from tests.test_agreement_data import TEXT, record, scheme, span

NOW = "2025-08-24T10:00:00Z"
EMPTY = {"released_by": None, "count": None}
RUSSIA = {"released_by": "Russia", "count": 146}
UKRAINE = {"released_by": "Ukraine", "count": 12}


def works(*records: dict[str, Any]) -> dict[str, Annotation]:
    """The records as a unit holds them, by annotator in name order."""
    made = {one["annotator"]: Annotation(Record.model_validate(one)) for one in records}
    return dict(sorted(made.items()))


def merged(test_scheme: Scheme, *records: dict[str, Any], k: int | None = None) -> dict[str, Any]:
    """The gold record merge writes for the records of d1 (its fields, as the line has them)."""
    unit = Unit("d1", sha256_text(TEXT), works(*records))
    (data,) = merged_data([unit], test_scheme, "rita", k, now=NOW)
    return data


def gold_line(
    records: dict[str, Annotation],
    spans: list[dict[str, Any]],
    form: dict[str, Any],
    links: dict[str, list[str]],
    min_agree: int | str = "all",
) -> dict[str, Any]:
    """A done gold record with no conflict, its spans marked by every annotator."""
    return {
        "schema_version": 1,
        "doc_id": "d1",
        "doc_sha256": sha256_text(TEXT),
        "annotator": "rita",
        "status": "done",
        "spans": spans,
        "flagged": False,
        "form": form,
        "links": links,
        "note": "",
        "updated_at": NOW,
        "seconds_spent": 0.0,
        "sources": {
            "annotators": list(records),
            "spans": {one["id"]: list(records) for one in spans},
            "versions": {name: work.version for name, work in records.items()},
            "min_agree": min_agree,
        },
        "conflicts": [],
    }


def russia_span(span_id: str) -> dict[str, Any]:
    return {**span(span_id, 0, 6, "actor"), "value": None}


# ---------------------------------------------------------------- merge
def test_an_item_everyone_left_empty_is_not_gold_and_links_follow_own_indexes(
    tmp_path: Path,
) -> None:
    # alice's Russia is her releases[0], bob's his releases[1]: each also left an item empty.
    alice = record(
        "alice",
        spans=[russia_span("a1")],
        form={"releases": [RUSSIA, EMPTY]},
        links={"releases[0].released_by": ["a1"]},
    )
    bob = record(
        "bob",
        spans=[russia_span("b1")],
        form={"releases": [EMPTY, RUSSIA]},
        links={"releases[1].released_by": ["b1"]},
    )
    assert merged(scheme(tmp_path), alice, bob) == gold_line(
        works(alice, bob),
        [russia_span("s1")],
        {"releases": [RUSSIA]},
        {"releases[0].released_by": ["s1"]},
    )


def test_an_empty_item_of_one_annotator_is_no_version(tmp_path: Path) -> None:
    alice = record("alice", form={"releases": [RUSSIA, EMPTY]})
    bob = record("bob", form={"releases": [RUSSIA]})
    assert merged(scheme(tmp_path), alice, bob) == gold_line(
        works(alice, bob), [], {"releases": [RUSSIA]}, {}
    )


def test_with_min_agree_two_empty_items_are_two_annotators_giving_none(tmp_path: Path) -> None:
    """alice's and bob's empty items agreed as a frame put it in done gold; empty, they give
    no item, and carol's Russia is settled by the two who gave nothing more."""
    alice = record("alice", form={"releases": [EMPTY]})
    bob = record("bob", form={"releases": [EMPTY]})
    carol = record("carol", form={"releases": [RUSSIA]})
    assert merged(scheme(tmp_path), alice, bob, carol, k=2) == gold_line(
        works(alice, bob, carol), [], {"releases": []}, {}, min_agree=2
    )


HUNDREDS_TEXT = "Russia freed hundreds of prisoners."


def test_an_item_with_a_link_and_no_value_is_gold(tmp_path: Path) -> None:
    """A count linked to "hundreds" (no value) says where the count is: not empty."""
    hundreds = span("x", 13, 21, "count", text=HUNDREDS_TEXT)
    records = [
        record(
            name,
            spans=[{**hundreds, "id": f"{name[0]}7", "value": None}],
            form={"releases": [EMPTY]},
            links={"releases[0].count": [f"{name[0]}7"]},
            text=HUNDREDS_TEXT,
        )
        for name in ("alice", "bob")
    ]
    unit = Unit("d1", sha256_text(HUNDREDS_TEXT), works(*records))
    (data,) = merged_data([unit], scheme(tmp_path), "rita", None, now=NOW)
    assert (data["status"], data["form"], data["links"], data["spans"]) == (
        "done",
        {"releases": [EMPTY]},
        {"releases[0].count": ["s1"]},
        [{**hundreds, "id": "s1", "value": None}],
    )


# ---------------------------------------------------------------- diff and agree
def test_diff_leaves_an_empty_item_out_and_names_each_annotators_own_item(
    tmp_path: Path,
) -> None:
    test_scheme = scheme(tmp_path)
    assert form_differences(
        {"releases": [EMPTY, RUSSIA]}, {"releases": [UKRAINE]}, test_scheme
    ) == [
        # Nothing alike (``align_items``): each annotator's own, at their own index.
        {"field": "releases[1]", "b_field": None, "a": RUSSIA, "b": None, "only": "a"},
        {"field": "releases[0]", "b_field": "releases[0]", "a": None, "b": UKRAINE, "only": "b"},
    ]
    assert (
        form_differences({"releases": [EMPTY, RUSSIA]}, {"releases": [RUSSIA]}, test_scheme) == []
    )
    # Linked, an item with no value is an answer: bob's is his alone.
    assert form_differences(
        {"releases": [RUSSIA]},
        {"releases": [RUSSIA, EMPTY]},
        test_scheme,
        {},
        {"releases[1].count": ["s9"]},
    ) == [{"field": "releases[1]", "b_field": "releases[1]", "a": None, "b": EMPTY, "only": "b"}]


def test_agree_counts_no_frame_for_an_empty_item(tmp_path: Path) -> None:
    alice = record("alice", form={"releases": [RUSSIA, EMPTY]})
    bob = record("bob", form={"releases": [RUSSIA]})
    units = [Unit("d1", sha256_text(TEXT), works(alice, bob))]
    figures = field_agreement(units, ["alice", "bob"], scheme(tmp_path))["releases"]
    assert (figures["frame_f1"], figures["agreement"]) == (1.0, 1.0)


def test_d_and_validate_use_the_same_rule_as_the_comparisons(tmp_path: Path) -> None:
    test_scheme = scheme(tmp_path)
    form = {"releases": [EMPTY, RUSSIA, {"released_by": " ", "count": None}, EMPTY]}
    links = {"releases[3].count": ["s1"], "releases[0].count": []}
    held = items_in(form, test_scheme.fields[2], links)
    assert [index for index, _item in held] == [1, 3]
    made = Record.model_validate(
        record("alice", spans=[span("s1", 13, 16, "count", 146)], form=form, links=links)
    )
    assert empty_items(made, test_scheme) == ["releases[0]", "releases[2]"]


# ---------------------------------------------------------------- review
def twelve_linked(name: str, end: int) -> Record:
    """An item with no value whose count is linked to the annotator's "12" (45-``end``)."""
    return Record.model_validate(
        record(
            name,
            spans=[span(f"{name[0]}1", 45, end, "count", 12)],
            form={"releases": [EMPTY]},
            links={"releases[0].count": [f"{name[0]}1"]},
        )
    )


def gold_of_twelves(test_scheme: Scheme) -> tuple[GoldRecord, dict[str, Record]]:
    """alice links her "12", bob his "12 soldiers": the items agree, the spans are c1."""
    records = {"alice": twelve_linked("alice", 47), "bob": twelve_linked("bob", 56)}
    unit = Unit("d1", sha256_text(TEXT), {name: Annotation(one) for name, one in records.items()})
    (made,) = merge_units([unit], test_scheme, "rita")
    assert (made.form, made.links, [c["kind"] for c in made.conflicts]) == (
        {"releases": [EMPTY]},
        {},
        ["span"],
    )
    return made, records


def test_a_span_taken_links_the_agreed_item_and_rejected_leaves_it_out(tmp_path: Path) -> None:
    test_scheme = scheme(tmp_path)
    made, records = gold_of_twelves(test_scheme)
    taken = decide.take(made, "c1", [0], test_scheme, records)  # alice's "12"
    assert (taken.status, taken.form, taken.links) == (
        "done",
        {"releases": [EMPTY]},
        {"releases[0].count": ["s1"]},
    )
    # Rejected: the item's link is to no gold span, and nothing is left to give it one.
    rejected = decide.reject(made, "c1", test_scheme, records)
    assert (rejected.status, rejected.form, rejected.links) == ("done", {"releases": []}, {})
