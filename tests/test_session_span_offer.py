"""Which span ctrl+l and ctrl+t highlight (``span_offer.pick_order``, best first). A trial's
list highlighted the span nearest the article's cursor, mostly the one last labelled or picked,
and the annotator typed a filter for almost every field: for a field of a group's item, a span
no field is linked to yet comes first."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.session import AnnotationSession, open_session
from annotator.core.span_offer import pick_order
from tests.test_session_data import fixed_now, open_on, where
from tests.test_session_selection_fill import TEXT, label, with_a_release

# Kestria said 95 Norvanian soldiers were returned to Ulmaria on Sunday through Vellmark.


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    yield from open_on(tmp_path, TEXT)


def actors(session: AnnotationSession) -> tuple[str, str, str]:
    return (
        label(session, "Kestria", "actor"),
        label(session, "Ulmaria", "actor"),
        label(session, "Vellmark", "actor"),
    )


def at(session: AnnotationSession, words: str) -> int:
    """Put the cursor at the start of ``words`` (no selection), as the screen does."""
    start = where(session, words)[0]
    session.follow(start, start, start)
    return start


def test_a_span_no_field_is_linked_to_comes_first_nearest_the_cursor(
    session: AnnotationSession,
) -> None:
    kestria, ulmaria, vellmark = actors(session)
    with_a_release(session)
    session.fill_from_span("releases[0].released_by", kestria)
    # The cursor still on Kestria, just picked: Ulmaria, the nearest span not linked yet.
    cursor = at(session, "Kestria")
    assert session.selected == kestria
    order = pick_order(session, "releases[0].received_by", None, cursor)
    assert order == [ulmaria, vellmark, kestria]
    # The cursor on Vellmark: Ulmaria, nearer the item's Kestria, still comes first (a
    # trial's cursor sat on the article's last span, labelled last: another release's).
    cursor = at(session, "Vellmark")
    order = pick_order(session, "releases[0].received_by", None, cursor)
    assert order == [ulmaria, vellmark, kestria]


def test_every_span_linked_falls_back_to_the_one_at_the_cursor_then_the_nearest(
    session: AnnotationSession,
) -> None:
    kestria, ulmaria, vellmark = actors(session)
    with_a_release(session)
    session.fill_from_span("releases[0].released_by", kestria)
    session.fill_from_span("releases[0].received_by", ulmaria)
    session.add_group_item("releases")
    session.fill_from_span("releases[1].released_by", vellmark)
    cursor = at(session, "Ulmaria")
    order = pick_order(session, "releases[1].received_by", None, cursor)
    # Vellmark, the giver of this release, is never offered first as its receiver. Kestria,
    # the giver of the release before, comes before Ulmaria at the cursor: in an exchange
    # the receiver of one release is the giver of the other (``_named_by_other_items``).
    assert order == [kestria, ulmaria, vellmark]
    # A third release's giver: Ulmaria, the first one's receiver, then among the givers of
    # both (of equal standing) the one at the cursor.
    session.add_group_item("releases")
    cursor = at(session, "Vellmark")
    assert pick_order(session, "releases[2].released_by", None, cursor) == [
        ulmaria,
        vellmark,
        kestria,
    ]


def test_a_span_in_the_selection_comes_first_linked_or_not(session: AnnotationSession) -> None:
    kestria, ulmaria, vellmark = actors(session)
    with_a_release(session)
    session.fill_from_span("releases[0].released_by", kestria)
    session.add_group_item("releases")
    start, end = where(session, "Kestria said")
    session.follow(start, end, end)
    order = pick_order(session, "releases[1].received_by", (start, end), end)
    assert order == [kestria, ulmaria, vellmark]


def test_a_count_linked_in_one_release_gives_way_in_the_next(session: AnnotationSession) -> None:
    ninety_five = label(session, "95", "count")
    twelve = label(session, "Sunday", "count")  # any second count span
    with_a_release(session)
    session.fill_from_span("releases[0].count", ninety_five)
    session.add_group_item("releases")
    cursor = at(session, "95")
    assert pick_order(session, "releases[1].count", None, cursor) == [twelve, ninety_five]


def third_release(session: AnnotationSession) -> tuple[str, str, str]:
    """Two releases filled (Kestria → Ulmaria, Vellmark → Kestria): every actor linked."""
    kestria, ulmaria, vellmark = actors(session)
    with_a_release(session)
    session.fill_from_span("releases[0].released_by", kestria)
    session.fill_from_span("releases[0].received_by", ulmaria)
    session.add_group_item("releases")
    session.fill_from_span("releases[1].released_by", vellmark)
    session.fill_from_span("releases[1].received_by", kestria)
    session.add_group_item("releases")
    return kestria, ulmaria, vellmark


def test_the_items_other_actor_is_not_offered_even_at_the_cursor_or_selected(
    session: AnnotationSession,
) -> None:
    # A trial's third release offered its giver Kestria as its receiver, and enter took it.
    kestria, ulmaria, vellmark = third_release(session)
    session.fill_from_span("releases[2].released_by", kestria)
    cursor = at(session, "Kestria")
    order = pick_order(session, "releases[2].received_by", None, cursor)
    assert order[0] != kestria and order[-1] == kestria
    selection = where(session, "Kestria")
    session.follow(*selection, selection[1])
    order = pick_order(session, "releases[2].received_by", selection, selection[1])
    assert order[-1] == kestria
    # The other way round: the receiver is not offered as the giver.
    session.fill_from_span("releases[2].received_by", ulmaria)
    order = pick_order(session, "releases[2].released_by", None, at(session, "Ulmaria"))
    assert order == [vellmark, ulmaria, kestria]  # Kestria, the field's own, last


def test_a_count_inside_the_items_releasee_comes_first_and_the_releasee_around_its_count(
    session: AnnotationSession,
) -> None:
    ninety_five = label(session, "95", "count")
    soldiers = label(session, "95 Norvanian soldiers", "releasee")
    other_count = label(session, "Sunday", "count")  # nearer the cursor below
    other_releasee = label(session, "Vellmark", "releasee")
    with_a_release(session)
    session.fill_from_span("releases[0].releasees", soldiers)
    cursor = at(session, "Sunday")
    assert pick_order(session, "releases[0].count", None, cursor)[0] == ninety_five
    session.add_group_item("releases")
    session.fill_from_span("releases[1].count", ninety_five)
    cursor = at(session, "Vellmark")
    assert pick_order(session, "releases[1].releasees", None, cursor)[0] == soldiers
    assert other_count and other_releasee


TOP_LEVEL_SCHEME = """
name = "speakers"
version = 1

[[labels]]
name = "actor"
key = "1"
color = "#4e79a7"
value_type = "none"

[[fields]]
name = "speaker"
type = "text"
from_label = "actor"

[[fields]]
name = "mediator"
type = "text"
from_label = "actor"
"""


def test_a_top_level_field_keeps_the_span_at_the_cursor_then_the_nearest(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "d.txt").write_text(TEXT, encoding="utf-8")
    scheme = tmp_path / "speakers.toml"
    scheme.write_text(TOP_LEVEL_SCHEME, encoding="utf-8")
    session = open_session(folder, "alice", scheme, tmp_path / "out", now=fixed_now)
    try:
        session.open("d")
        kestria, ulmaria, vellmark = actors(session)
        session.fill_from_span("speaker", kestria)
        cursor = at(session, "Kestria")
        assert pick_order(session, "mediator", None, cursor) == [kestria, ulmaria, vellmark]
        cursor = at(session, "through")
        assert pick_order(session, "mediator", None, cursor) == [vellmark, ulmaria, kestria]
    finally:
        session.close()
