"""Swapping an item's two fields of one label, and removing a list's item at the cursor
(``form_item_edits``, through the session): values and links move together, one undo step,
said; a quoted item holding commas is one item."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.form_item_edits import item_at, other_side, swap_sides
from annotator.core.models import SCHEMA_VERSION, Record
from annotator.core.scheme import load_scheme
from annotator.core.session import AnnotationSession
from annotator.core.session_edits import Refused
from tests.test_session_data import open_on

TEXT = "Maro freed two Pravonian nationals and Ilse Tamm to Tenvar on Monday.\n"
BY, TO, WHO = "releases[0].released_by", "releases[0].received_by", "releases[0].releasees"


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    yield from open_on(tmp_path, TEXT)


def label(session: AnnotationSession, words: str, name: str) -> str:
    start = TEXT.index(words)
    return session.label_selection(start, start + len(words), name).id


def test_the_pairs_are_read_from_the_scheme() -> None:
    scheme = load_scheme(Path("schemas/prisoner_exchange.toml"))
    assert other_side(scheme, BY) == TO
    assert other_side(scheme, "releases[3].received_by") == "releases[3].released_by"
    # A field alone with its label, one not filled from spans, a top-level one: no pair.
    assert other_side(scheme, "releases[0].count") is None
    assert other_side(scheme, "releases[0].releasees") is None
    assert other_side(scheme, "event_type") is None


def test_swap_exchanges_values_and_links_in_one_undo_step(session: AnnotationSession) -> None:
    maro, tenvar = label(session, "Maro", "actor"), label(session, "Tenvar", "actor")
    session.add_group_item("releases")
    session.fill_from_span(BY, tenvar)
    session.fill_from_span(TO, maro)
    session.take_notices()
    before = session.record
    session.swap_sides(TO)  # from either field of the pair
    assert session.field_value(BY) == "Maro" and session.field_value(TO) == "Tenvar"
    assert session.record.links[BY] == [maro] and session.record.links[TO] == [tenvar]
    assert session.take_notices() == [
        "releases #1 swapped: released_by 'Maro', received_by 'Tenvar'"
    ]
    session.undo()
    assert session.record == before


def test_swap_with_one_side_empty_moves_it(session: AnnotationSession) -> None:
    maro = label(session, "Maro", "actor")
    session.add_group_item("releases")
    session.fill_from_span(TO, maro)
    session.take_notices()
    session.swap_sides(BY)
    assert session.field_value(BY) == "Maro" and session.field_value(TO) is None
    assert session.record.links == {BY: [maro]}
    assert session.take_notices() == [
        "releases #1 swapped: released_by 'Maro', received_by (empty)"
    ]


def test_swap_is_refused_where_there_is_nothing_to_swap(session: AnnotationSession) -> None:
    session.add_group_item("releases")
    with pytest.raises(Refused, match="nothing to swap"):
        session.swap_sides(BY)
    with pytest.raises(Refused, match="no other field of its label"):
        session.swap_sides("releases[0].count")
    with pytest.raises(Refused, match=r"^event_type is in no group's item: it has nothing to swap"):
        session.swap_sides("event_type")


@pytest.mark.parametrize(
    ("text", "cursor", "index"),
    [
        ("a, b, c", 0, 0),
        ("a, b, c", 1, 0),  # just after the item, before its comma
        ("a, b, c", 3, 1),
        ("a, b, c", 7, 2),
        ('"x, y", b', 3, 0),  # inside the quotes: the quoted item
        ('"x, y", b', 9, 1),
        ("a, , b", 2, 0),  # an empty piece: the item before it
        ("a, , b", 4, 1),
        (", a", 0, 0),  # before the first: the first
        ("a, b, ", 6, 1),  # a trailing comma: the last
    ],
)
def test_the_item_at_the_cursor(text: str, cursor: int, index: int) -> None:
    assert item_at(text, cursor, []) == index


def test_a_known_item_holding_a_comma_is_one_item() -> None:
    text = "Pavel Ostrovin, 41, Ana"
    assert item_at(text, 17, ["Pavel Ostrovin, 41"]) == 0
    assert item_at(text, 21, ["Pavel Ostrovin, 41"]) == 1
    assert item_at("", 0, []) is None


def test_remove_takes_the_item_and_its_link_in_one_undo_step(session: AnnotationSession) -> None:
    two = label(session, "two Pravonian nationals", "releasee")
    ilse = label(session, "Ilse Tamm", "releasee")
    session.add_group_item("releases")
    session.fill_from_span(WHO, two)
    session.fill_from_span(WHO, ilse)
    session.set_field(WHO, "two Pravonian nationals, Ilse Tamm, Ana Roe")
    session.take_notices()
    before = session.record
    shown = "two Pravonian nationals, Ilse Tamm, Ana Roe"
    assert session.remove_list_item(WHO, shown, 3) == 0
    assert session.field_value(WHO) == ["Ilse Tamm", "Ana Roe"]
    assert session.record.links[WHO] == [ilse]
    assert session.take_notices() == [
        "releases #1 releasees: removed 'two Pravonian nationals' (s1)"
    ]
    session.remove_list_item(WHO, "Ilse Tamm, Ana Roe", 18)  # typed by hand: no link said
    assert session.field_value(WHO) == ["Ilse Tamm"]
    assert session.take_notices() == ["releases #1 releasees: removed 'Ana Roe'"]
    session.undo()
    session.undo()
    assert session.record == before


def test_remove_keeps_a_quoted_item_whole(session: AnnotationSession) -> None:
    session.add_group_item("releases")
    session.set_field(WHO, '"Ostrovin, Pavel", Ana Roe')
    session.remove_list_item(WHO, '"Ostrovin, Pavel", Ana Roe', 5)
    assert session.field_value(WHO) == ["Ana Roe"]
    assert session.take_notices()[-1] == "releases #1 releasees: removed 'Ostrovin, Pavel'"


def test_remove_is_refused_on_text_not_saved_or_empty(session: AnnotationSession) -> None:
    session.add_group_item("releases")
    session.set_field(WHO, "a, b")
    with pytest.raises(Refused, match="save the field first"):
        session.remove_list_item(WHO, "a, b, c", 0)
    session.set_field(WHO, "")
    with pytest.raises(Refused, match="holds no item"):
        session.remove_list_item(WHO, "", 0)
    with pytest.raises(Refused, match="is not a list"):
        session.remove_list_item("releases[0].count", "", 0)
    # A count holding its number: refused the same (a trial's ctrl+o there closed the screen).
    session.set_field("releases[0].count", "95")
    with pytest.raises(Refused, match="releases #1 count is not a list"):
        session.remove_list_item("releases[0].count", "95", 2)


SCHEME_OF_OTHER_NAMES = """
name = "transfers"
version = 1

[[labels]]
name = "party"
key = "1"
color = "#4e79a7"
value_type = "none"

[[fields]]
name = "transfers"
type = "group"

  [[fields.fields]]
  name = "giver"
  type = "text"
  from_label = "party"

  [[fields.fields]]
  name = "taker"
  type = "text"
  from_label = "party"
"""


def test_swap_says_each_field_by_its_name_in_the_scheme_with_what_it_holds_now(
    tmp_path: Path,
) -> None:
    """A trial read ``swapped (Norvania → Kestria)`` as giver → receiver: each field is named,
    from the scheme, with its value after the swap, quoted (a value's comma is not the
    message's)."""
    path = tmp_path / "transfers.toml"
    path.write_text(SCHEME_OF_OTHER_NAMES, encoding="utf-8")
    scheme = load_scheme(path)
    form = {"transfers": [{"giver": "Norvania", "taker": "Kestria, Vellmark"}]}
    record = Record(
        schema_version=SCHEMA_VERSION,
        doc_id="d",
        doc_sha256="0" * 64,
        annotator="alice",
        status="in_progress",
        spans=[],
        form=form,
    )
    edited = swap_sides(record, "transfers[0].taker", scheme)
    assert edited.record.form == {
        "transfers": [{"giver": "Kestria, Vellmark", "taker": "Norvania"}]
    }
    assert edited.said == "transfers #1 swapped: giver 'Kestria, Vellmark', taker 'Norvania'"
