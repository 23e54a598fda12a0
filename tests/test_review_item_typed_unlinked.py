"""A value typed for an item's field conflict (``e`` on ``releases #1 count``) that a version
gives too, unlinked, is linked to the gold span whose value (or words) it is, as README says
(``…= 187 (typed), linked to s2``). A reviewer's trial: ann1 and ann3 gave 187, ann2 210, none
linked the count, all marked "187" and "210"; typed 187 was saved with no link, because the
version giving 187 had none and its (empty) links were taken as the answer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.core.review_item_field import item_place, typed_links
from annotator.core.review_open import open_review
from annotator.core.review_typed import settle_typed
from tests.test_group_align_data import (
    COUNT_187,
    COUNT_210,
    LINKS,
    SCHEME,
    body,
    merged,
    record,
    release,
    write_case,
)

UNLINKED = {path: ids for path, ids in LINKS.items() if path != "releases[0].count"}


def marked_both(name: str, count: int) -> dict[str, Any]:
    """``name``'s record: both figures marked (s2 "187", s5 "210"), the count not linked."""
    made = record(name, [release(count)], COUNT_187, UNLINKED)
    made["spans"].append({**COUNT_210, "id": "s5"})
    return made


def trial() -> dict[str, dict[str, Any]]:
    return {
        "ann1": marked_both("ann1", 187),
        "ann2": marked_both("ann2", 210),
        "ann3": marked_both("ann3", 187),
    }


def test_a_typed_value_a_version_gives_unlinked_is_linked_by_its_value(tmp_path: Path) -> None:
    corpus, journals = write_case(tmp_path, trial())
    session = open_review(journals, corpus, tmp_path / "gold.jsonl", "rev")
    try:
        gold = session.records["d1"]
        conflict = next(c for c in gold.conflicts if c.get("path") == "releases[0].count")
        assert [v.get("links") for v in conflict["versions"]] == [None, None]
        spans = {span.text: span.id for span in gold.spans}
        assert (spans["187"], spans["210"]) == ("s2", "s5")
        session.go_to("d1", conflict["id"])
        session.settle_typed("187")
        assert session.take_notices()[0] == (
            f"settled {conflict['id']}: releases #1 count = 187 (ann1 and ann3's value), "
            "linked to s2"
        )
        assert session.records["d1"].links["releases[0].count"] == ["s2"]
    finally:
        assert session.close()


def test_the_first_version_of_that_value_linking_gold_gives_the_link() -> None:
    gold = merged(trial(), None)
    conflict = next(c for c in gold.conflicts if c.get("path") == "releases[0].count")
    place = item_place(SCHEME, conflict)
    assert place is not None
    path = "releases[0].count"
    to_210 = {path: [body(COUNT_210)]}
    to_187 = {path: [body(COUNT_187)]}
    # Two versions of 187 (an older gold may hold such): the first links nothing gold, the
    # second links "210" (a figure of the disputed entry, as the guidelines link each): its.
    unlinked = {"value": 187, "annotators": ["ann1"]}
    linked = {"value": 187, "annotators": ["ann3"], "links": to_210}
    both = {**conflict, "versions": [unlinked, linked]}
    assert typed_links(gold, both, place[2], 187) == {path: ["s5"]}
    # A version whose link is to a span that is not gold gives none: the value's span does.
    lost = {**COUNT_187, "start": 0, "end": 5, "text": "Drava"}
    astray = {"value": 187, "annotators": ["ann1"], "links": {path: [body(lost)]}}
    assert typed_links(gold, {**conflict, "versions": [astray]}, place[2], 187) == {path: ["s2"]}
    # A version's own link still comes first when it reaches gold.
    kept = {**conflict, "versions": [{"value": 187, "annotators": ["ann1"], "links": to_187}]}
    assert typed_links(gold, kept, place[2], 187) == {path: ["s2"]}
    # Saved so too.
    with_both = gold.model_copy(
        update={"conflicts": [both if c is conflict else c for c in gold.conflicts]}
    )
    saved = settle_typed(with_both, conflict["id"], "187", SCHEME)
    assert saved.links[path] == ["s5"]
