"""``review_group_take.lone_item_group``: the one test of "a conflict over one item only some
annotators gave" that the panel (``review_views``), ``r``'s notice and the item taken notice
share, and ``item_brief.given_item_brief`` that names such an item."""

from __future__ import annotations

from typing import Any

from annotator.core.item_brief import (
    bracketed_brief,
    given_item_brief,
    lone_item_brief,
    lone_item_of,
)
from annotator.core.review_group_take import holds_one_item, lone_item_group
from tests.test_group_align_data import SCHEME, merged, record, release


def version(value: Any, *who: str) -> dict[str, Any]:
    return {"value": value, "annotators": list(who)}


def conflict(*versions: dict[str, Any], path: str = "releases") -> dict[str, Any]:
    return {"id": "c1", "kind": "field", "path": path, "versions": list(versions)}


def test_a_conflict_merge_made_of_an_item_only_one_gave_is_one() -> None:
    records: dict[str, dict[str, Any]] = {
        "alice": record("alice", [release(187), release(6, "2024-06-09")], None, {}),
        "bob": record("bob", [release(187)], None, {}),
    }
    (made,) = merged(records, None).conflicts
    group = lone_item_group(made, SCHEME)
    assert group is not None and group.name == "releases"
    assert given_item_brief(made["versions"], group) == lone_item_brief(made, group)
    assert given_item_brief(made["versions"], group) == (
        "the item alice gave (Drava People's Authority → Ostreva, 6, 2024-06-09)"
    )


def test_two_versions_of_one_item_are_one_and_two_items_are_not() -> None:
    group = SCHEME.field("releases")
    assert group is not None
    one = conflict(version([release(187)], "alice"), version([release(190)], "bob"))
    assert lone_item_group(one, SCHEME) is group
    assert given_item_brief(one["versions"], group) == (
        "the item alice and bob gave (Drava People's Authority → Ostreva, 187, 2024-06-07 / "
        "Drava People's Authority → Ostreva, 190, 2024-06-07)"
    )
    # Two items merge would never pair (other dates, other counts): an older gold file's
    # conflict of left-over items, not one item.
    two = conflict(
        version([release(187)], "alice"),
        version([release(6, "2025-01-01", released_by="Ostreva")], "bob"),
    )
    assert lone_item_of(two) is not None and not holds_one_item(two, group)
    assert lone_item_group(two, SCHEME) is None


def test_other_conflicts_are_none() -> None:
    items = conflict(version([release(187), release(6)], "alice"), version([], "bob"))
    assert lone_item_of(items) is None and lone_item_group(items, SCHEME) is None
    field = conflict(version("exchange", "alice"), version("release", "bob"), path="event_type")
    assert lone_item_group(field, SCHEME) is None
    span = {"id": "c2", "kind": "span", "region": [0, 4], "versions": [{"spans": []}]}
    assert lone_item_group(span, SCHEME) is None


def test_an_empty_item_is_named_in_one_pair_of_brackets() -> None:
    # An empty item merge kept for its link: "the item bob gave ((an empty item))".
    empty = {"released_by": "", "count": None, "releasees": []}
    group = SCHEME.field("releases")
    lone = conflict(version([empty], "bob"))
    assert given_item_brief(lone["versions"], group) == "the item bob gave (an empty item)"
    two = conflict(version([empty], "bob"), version([release(187)], "carol"))
    assert given_item_brief(two["versions"], group) == (
        "the item bob and carol gave (an empty item / Drava People's Authority → Ostreva, 187, "
        "2024-06-07)"
    )
    assert bracketed_brief(empty, group) == "(an empty item)"
    assert bracketed_brief(release(187), group) == (
        "(Drava People's Authority → Ostreva, 187, 2024-06-07)"
    )
