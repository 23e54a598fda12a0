"""What the group editor (``e`` on ``releases``) shows beside each input: the spans the field
will be linked to once enter settles (``review_typed_links.typed_item_links``). Kept while the
value is the version item's (or a linked span gives it), dropped as it changes, and always what
``settle_typed`` then saves (the cases of test_group_items_typed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.models import GoldRecord
from annotator.core.review_typed import settle_typed
from annotator.core.review_typed_links import typed_item_links
from annotator.core.review_typed_start import ItemTexts, blank_item
from annotator.core.scheme import Scheme
from tests.test_agreement_data import scheme
from tests.test_group_items_typed import RECORDS, annotator, merged, typed_from


@pytest.fixture
def test_scheme(tmp_path: Path) -> Scheme:
    return scheme(tmp_path)


def saved_links(made: GoldRecord, cid: str, typed: list[ItemTexts], sch: Scheme) -> list[dict]:
    """The links ``settle_typed`` gives each typed item, by item and field (blank items that
    are left out have none)."""
    settled = settle_typed(made, cid, typed, sch, RECORDS)
    out: list[dict[str, list[str]]] = [{} for _ in typed]
    kept = [n for n, texts in enumerate(typed) if any(t.strip() for t in texts.values())]
    for place, number in enumerate(kept):
        for path, ids in settled.links.items():
            prefix = f"releases[{place}]."
            if path.startswith(prefix):
                out[number][path[len(prefix) :]] = ids
    return out


@pytest.mark.parametrize("with_records", [True, False], ids=["records", "without-records"])
def test_a_field_shows_its_links_while_its_value_is_the_items_and_drops_them_as_it_changes(
    test_scheme: Scheme, with_records: bool
) -> None:
    made = merged(test_scheme, RECORDS)
    works = RECORDS if with_records else None
    as_was = typed_from(test_scheme, made, 0)
    assert typed_item_links(made, "c2", as_was, test_scheme, works) == [
        {"released_by": ["s1"], "count": ["s2"]}
    ]
    retyped = typed_from(test_scheme, made, 0, count="150")
    assert typed_item_links(made, "c2", retyped, test_scheme, works) == [{"released_by": ["s1"]}]
    # Typed back (spaces aside), the link is back.
    back = typed_from(test_scheme, made, 0, count=" 146")
    assert typed_item_links(made, "c2", back, test_scheme, works)[0]["count"] == ["s2"]
    # Text enter would refuse: no link shown there, the other field keeps its own.
    bad = typed_from(test_scheme, made, 0, count="about 146")
    assert typed_item_links(made, "c2", bad, test_scheme, works) == [{"released_by": ["s1"]}]


def test_what_is_shown_is_what_enter_saves(test_scheme: Scheme) -> None:
    made = merged(test_scheme, RECORDS)
    cases = [
        typed_from(test_scheme, made, 0),
        typed_from(test_scheme, made, 0, count="150"),
        typed_from(test_scheme, made, 0, released_by="Moscow"),
        [*typed_from(test_scheme, made, 0), ItemTexts({"released_by": "Kyiv", "count": ""})],
        [blank_item(test_scheme.fields[2]), *typed_from(test_scheme, made, 0)],
    ]
    for typed in cases:
        shown = typed_item_links(made, "c2", typed, test_scheme, RECORDS)
        assert shown == saved_links(made, "c2", typed, test_scheme), typed


def test_a_count_retyped_to_another_linked_figure_keeps_both(test_scheme: Scheme) -> None:
    disputed = {
        **RECORDS,
        "alice": annotator(
            "alice",
            [{"released_by": "Russia", "count": 146}],
            {"releases[0].released_by": ["a1"], "releases[0].count": ["a2", "a4"]},
        ),
    }
    made = merged(test_scheme, disputed)
    typed = typed_from(test_scheme, made, 0, count="12")
    assert typed_item_links(made, "c2", typed, test_scheme)[0]["count"] == ["s2", "s4"]
    typed = typed_from(test_scheme, made, 0, count="99")
    assert "count" not in typed_item_links(made, "c2", typed, test_scheme)[0]


def test_a_blank_item_keeping_a_link_shows_it_an_added_one_none(test_scheme: Scheme) -> None:
    linked_only = {
        **RECORDS,
        "alice": annotator(
            "alice", [{"released_by": None, "count": None}], {"releases[0].count": ["a4"]}
        ),
    }
    made = merged(test_scheme, linked_only)
    typed = [*typed_from(test_scheme, made, 0), blank_item(test_scheme.fields[2])]
    assert typed_item_links(made, "c2", typed, test_scheme) == [{"count": ["s4"]}, {}]
