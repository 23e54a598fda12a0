"""Items typed by hand on a group's conflict (``e`` on ``releases``) keep their links field by
field: a trial's typed release lost every link, as links were carried only for an item equal to
an annotator's whole. A typed field keeps the links of the version item it began as while its
value is that item's (or a linked span gives it), and only to spans gold holds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from annotator.core import review_decisions as decide
from annotator.core.annotation import Annotation
from annotator.core.compare import Unit
from annotator.core.merge import merge_units
from annotator.core.models import GoldRecord, Record, sha256_text
from annotator.core.review_typed import BadValue, settle_typed
from annotator.core.review_typed_start import ItemTexts, blank_item, version_items
from annotator.core.scheme import Scheme
from tests.test_agreement_data import TEXT, record, scheme, span

# TEXT: "Russia freed 146 prisoners and Ukraine freed 12 soldiers on Sunday."
RUSSIA = (0, 6, "actor")
COUNT_146 = (13, 16, "count", 146)
UKRAINE = (31, 38, "actor")
COUNT_12 = (45, 47, "count", 12)


@pytest.fixture
def test_scheme(tmp_path: Path) -> Scheme:
    return scheme(tmp_path)


def spans_of(name: str, *extra: tuple[Any, ...]) -> list[dict[str, Any]]:
    """The four spans both annotators mark (ids a1.. or b1..), then ``extra``."""
    marked = [RUSSIA, COUNT_146, UKRAINE, COUNT_12, *extra]
    return [span(f"{name[0]}{n}", *where) for n, where in enumerate(marked, start=1)]


def annotator(name: str, releases: list[dict[str, Any]], links: dict[str, list[str]]) -> Record:
    # alice's "soldiers" (a5, a releasee) and "12 soldiers" (a6, a count): c1, a span conflict
    extra = [(48, 56, "releasee"), (45, 56, "count", 12)] if name == "alice" else []
    return Record.model_validate(
        record(name, spans=spans_of(name, *extra), form={"releases": releases}, links=links)
    )


# alice: Russia -> 146, from her "Russia" and "146"; bob: Ukraine -> 12 from his.
RECORDS = {
    "alice": annotator(
        "alice",
        [{"released_by": "Russia", "count": 146}],
        {"releases[0].released_by": ["a1"], "releases[0].count": ["a2"]},
    ),
    "bob": annotator(
        "bob",
        [{"released_by": "Ukraine", "count": 12}],
        {"releases[0].released_by": ["b3"], "releases[0].count": ["b4"]},
    ),
}


def merged(test_scheme: Scheme, records: dict[str, Record]) -> GoldRecord:
    works = {name: Annotation(records[name]) for name in sorted(records)}
    (made,) = merge_units([Unit("d1", sha256_text(TEXT), works)], test_scheme, "rita")
    # s1 Russia, s2 146, s3 Ukraine, s4 12; c1 alice's "soldiers" spans; c2 alice's release,
    # c3 bob's (each a conflict of its own, its one version the item).
    assert [c["id"] for c in made.conflicts] == ["c1", "c2", "c3"]
    return made


def typed_from(
    test_scheme: Scheme, made: GoldRecord, whose: int, **changes: str
) -> list[ItemTexts]:
    """The release of alice (``whose`` 0: c2) or bob (1: c3) as the editor starts from it,
    with ``changes`` typed into it."""
    items = version_items(made.conflicts[1 + whose], test_scheme, 0)
    items[0].update(changes)
    return items


@pytest.mark.parametrize("with_records", [True, False], ids=["records", "without-records"])
def test_a_field_typed_over_loses_its_link_the_others_keep_theirs(
    test_scheme: Scheme, with_records: bool
) -> None:
    made = merged(test_scheme, RECORDS)
    typed = typed_from(test_scheme, made, 0, count="150")  # alice's Russia, another count
    assert typed[0].origin == (0, 0)
    settled = settle_typed(made, "c2", typed, test_scheme, RECORDS if with_records else None)
    assert settled.form["releases"] == [{"released_by": "Russia", "count": 150}]
    assert settled.links == {"releases[0].released_by": ["s1"]}


def test_items_of_the_other_version_keep_theirs(test_scheme: Scheme) -> None:
    made = merged(test_scheme, RECORDS)
    typed = typed_from(test_scheme, made, 1, count="13")
    settled = settle_typed(made, "c3", typed, test_scheme, RECORDS)
    assert (settled.form["releases"], settled.links) == (
        [{"released_by": "Ukraine", "count": 13}],
        {"releases[0].released_by": ["s3"]},
    )


def test_an_item_typed_as_it_was_keeps_every_link(test_scheme: Scheme) -> None:
    made = merged(test_scheme, RECORDS)
    typed = [*typed_from(test_scheme, made, 0), ItemTexts({"released_by": "Kyiv", "count": ""})]
    for works in (RECORDS, None):
        settled = settle_typed(made, "c2", typed, test_scheme, works)
        assert settled.links == {"releases[0].released_by": ["s1"], "releases[0].count": ["s2"]}
        # The item added by hand (ctrl+n) began as no version's: no link.
        assert settled.form["releases"][1] == {"released_by": "Kyiv", "count": None}


def test_a_count_retyped_to_another_figure_it_is_linked_to_keeps_both(
    test_scheme: Scheme,
) -> None:
    """The guidelines link every figure of a disputed entry, the value the receiving side's:
    typing the other figure keeps both links."""
    disputed = {
        **RECORDS,
        "alice": annotator(
            "alice",
            [{"released_by": "Russia", "count": 146}],
            {"releases[0].released_by": ["a1"], "releases[0].count": ["a2", "a4"]},
        ),
    }
    made = merged(test_scheme, disputed)
    settled = settle_typed(made, "c2", typed_from(test_scheme, made, 0, count="12"), test_scheme)
    assert settled.links == {
        "releases[0].released_by": ["s1"],
        "releases[0].count": ["s2", "s4"],
    }
    # A figure no linked span gives: the count's links go.
    other = settle_typed(made, "c2", typed_from(test_scheme, made, 0, count="99"), test_scheme)
    assert other.links == {"releases[0].released_by": ["s1"]}


def test_an_empty_linked_field_typed_as_it_was_keeps_its_link(test_scheme: Scheme) -> None:
    """A count linked to "12" with no value (it says where the count is) stays linked."""
    unvalued = {
        **RECORDS,
        "alice": annotator(
            "alice",
            [{"released_by": "Russia", "count": None}],
            {"releases[0].count": ["a4"]},
        ),
    }
    made = merged(test_scheme, unvalued)
    typed = typed_from(test_scheme, made, 0, released_by="Russia ")
    settled = settle_typed(made, "c2", typed, test_scheme, unvalued)
    assert (settled.form["releases"], settled.links) == (
        [{"released_by": "Russia", "count": None}],
        # alice linked no released_by: "Russia " is s1's words (review_typed_words).
        {"releases[0].count": ["s4"], "releases[0].released_by": ["s1"]},
    )


def test_a_link_to_a_span_not_gold_is_not_made_and_typed_links_outlive_later_decisions(
    test_scheme: Scheme,
) -> None:
    # alice's count is linked to her "soldiers" too, a releasee (the wrong label: an older
    # journal), and to her "12 soldiers", a count bob did not mark (not gold): neither is linked.
    odd = {
        **RECORDS,
        "alice": annotator(
            "alice",
            [{"released_by": "Russia", "count": 146}],
            {"releases[0].released_by": ["a1"], "releases[0].count": ["a2", "a5", "a6"]},
        ),
    }
    made = merged(test_scheme, odd)
    assert made.conflicts[1]["versions"][0]["links"]["releases[0].count"] == [
        {"start": 13, "end": 16, "label": "count", "text": "146", "value": 146},
        {"start": 45, "end": 56, "label": "count", "text": "12 soldiers", "value": 12},
    ]
    typed = typed_from(test_scheme, made, 0, released_by="Moscow")
    settled = settle_typed(made, "c2", typed, test_scheme, odd)
    assert settled.links == {"releases[0].count": ["s2"]}
    settled = decide.reject(settled, "c3", test_scheme, odd)  # bob's release, on its own
    assert settled.links == {"releases[0].count": ["s2"]}
    assert {span.id for span in settled.spans} == {"s1", "s2", "s3", "s4"}
    # c1 (alice's "soldiers") settled after: the typed item's links stay while their spans do
    # (its link to "12 soldiers", not gold when the item was typed, is not made then).
    for works in (odd, None):
        later = decide.take(settled, "c1", [0], test_scheme, works)
        assert (later.status, later.links) == ("done", {"releases[0].count": ["s2"]})
    # Typed as alice gave it, the item is her frame: merge's rule links it as hers, "12
    # soldiers" too once it is gold.
    as_given = settle_typed(made, "c2", typed_from(test_scheme, made, 0), test_scheme, odd)
    as_given = decide.reject(as_given, "c3", test_scheme, odd)
    later = decide.take(as_given, "c1", [0], test_scheme, odd)
    assert later.links == {"releases[0].released_by": ["s1"], "releases[0].count": ["s2", "s5"]}
    assert later.spans[4].model_dump() == {**span("s5", 45, 56, "count", 12)}


def test_the_editors_items_say_where_they_began(test_scheme: Scheme) -> None:
    made = merged(test_scheme, RECORDS)
    assert [item.origin for item in version_items(made.conflicts[2], test_scheme, 0)] == [(0, 0)]
    group = test_scheme.field("releases")
    assert group is not None and blank_item(group).origin is None


def test_an_item_left_blank_is_kept_while_it_keeps_a_link(test_scheme: Scheme) -> None:
    """A release whose count is linked to "12" with no value, typed as it was (every input
    blank): kept, linked. Blank otherwise, an item is left out, as before."""
    linked_only = {
        **RECORDS,
        "alice": annotator(
            "alice",
            [{"released_by": None, "count": None}],
            {"releases[0].count": ["a4"]},
        ),
    }
    made = merged(test_scheme, linked_only)
    typed = typed_from(test_scheme, made, 0)
    assert typed == [{"released_by": "", "count": ""}]
    settled = settle_typed(made, "c2", [*typed, blank_item(test_scheme.fields[2])], test_scheme)
    assert (settled.form["releases"], settled.links) == (
        [{"released_by": None, "count": None}],
        {"releases[0].count": ["s4"]},
    )
    # bob's release emptied by hand: its links go with its values, and so does the item.
    emptied = typed_from(test_scheme, made, 1, released_by="", count="")
    with pytest.raises(BadValue, match="no item is typed"):
        settle_typed(made, "c3", emptied, test_scheme)
