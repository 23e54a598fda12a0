"""list_links: what a list field's link marker says (an item typed by hand as ``–``), how many
items it holds, where the item ctrl+l added begins in its input, and the order of a list's
items and links."""

from __future__ import annotations

from annotator.core.forms import add_group_item, fill_from_span, set_field, typed_text
from annotator.core.list_links import (
    added_item_place,
    added_item_start,
    ids_in_items_order,
    ids_in_text_order,
    in_text_order,
    list_size,
    marker_words,
    spans_of_linked_lists,
)
from annotator.core.scheme import Scheme
from tests.test_forms import SCHEME, labelled

PATH = "releases[0].releasees"


def test_a_list_marks_each_item_with_its_span_or_as_typed() -> None:
    # A trial's list of two, one typed, showed only "⛓ s8".
    record = add_group_item(labelled(), "releases", SCHEME)
    assert marker_words(record, PATH, SCHEME) == [] and list_size(record, PATH, SCHEME) == 0
    record = fill_from_span(record, PATH, "s6", SCHEME)  # an ex-marine
    record = set_field(record, PATH, ["Ivan Petrenko", "an ex-marine"], SCHEME)
    assert marker_words(record, PATH, SCHEME) == ["–", "s6"]
    assert list_size(record, PATH, SCHEME) == 2
    record = fill_from_span(record, "releases[0].released_by", "s1", SCHEME)
    assert marker_words(record, "releases[0].released_by", SCHEME) == ["s1"]
    assert list_size(record, "releases[0].released_by", SCHEME) is None  # no list


def test_the_item_added_begins_where_the_input_shows_it() -> None:
    assert added_item_start([], ["Zoë"]) == 0
    assert added_item_start(["Aïssatou", "Zoë"], ["Aïssatou", "Théodore", "Zoë"]) == 10
    assert added_item_start(["Aïssatou"], ["Aïssatou", "Zoë"]) == 10
    assert added_item_start(["Zoë"], ["Zoë"]) is None  # linked only, nothing added


def test_the_item_added_begins_where_the_input_shows_it_beside_a_quoted_item() -> None:
    # Items apart whose words, joined, are a linked span's: the form shows the first quoted
    # (``list_text.shown_list``, given the field's known items), 2 characters more than the
    # items' own text; the cursor goes to the added item all the same.
    known = ["Sergeant Pavel Ostrovin, 41"]  # the span's words (``session_form_elsewhere``)
    apart = ["Sergeant Pavel Ostrovin", "41"]
    cases = [
        (apart, [*apart, "Zoë"], "Zoë"),  # after the quoted item
        (["Ivan", apart[0]], ["Ivan", *apart], "41"),  # the one added quotes the one before
        (["Ivan", "41"], ["Ivan", *apart], '"Sergeant'),  # the one added is quoted: its quote
    ]
    for before, after, added in cases:
        shown = typed_text(after, known)
        assert shown.count('"') == 2
        assert added_item_start(before, after, known) == shown.index(added), (before, after)


def test_a_list_in_text_order_is_the_annotation_screens_order() -> None:
    # ctrl+l on the ex-marine (s6), then Kaliush (s5) before it in the text, beside an item
    # typed by hand: the screen's list; the review's rule gives it from any order typed.
    record = add_group_item(labelled(), "releases", SCHEME)
    record = set_field(record, PATH, ["Ivan Petrenko"], SCHEME)
    record = fill_from_span(record, PATH, "s6", SCHEME)
    record = fill_from_span(record, PATH, "s5", SCHEME)
    screen = ["Ivan Petrenko", "Mark Kaliush", "an ex-marine"]
    assert record.form["releases"][0]["releasees"] == screen
    linked = [span for span in record.spans if span.id in ("s6", "s5")]
    typed = ["Ivan Petrenko", "an ex-marine", "Mark Kaliush"]
    assert in_text_order(typed, linked) == screen
    # An item typed without a span keeps its place; the linked ones take their spans' turns.
    assert in_text_order(["an ex-marine", "Ivan Petrenko", "Mark Kaliush"], linked) == [
        "Mark Kaliush",
        "Ivan Petrenko",
        "an ex-marine",
    ]
    assert in_text_order(["an ex-marine", "Mark  Kaliush"], linked[:1]) == [
        "an ex-marine",
        "Mark  Kaliush",
    ]  # Kaliush alone linked: nothing to order it against
    assert ids_in_text_order(record, ["s6", "s9", "s5"]) == ["s5", "s6", "s9"]


def test_a_lists_links_follow_its_items_as_the_annotation_screen_keeps_them() -> None:
    record = add_group_item(labelled(), "releases", SCHEME)
    record = set_field(record, PATH, ["Ivan Petrenko"], SCHEME)
    record = fill_from_span(record, PATH, "s6", SCHEME)
    record = fill_from_span(record, PATH, "s5", SCHEME)
    items = record.form["releases"][0]["releasees"]
    assert record.links[PATH] == ["s5", "s6"]
    # The screen's links are at its items' places; carried in another order, they are put so.
    assert ids_in_items_order(record, items, ["s6", "s5"]) == ["s5", "s6"]
    # Items in another order (typed so): the links follow the items, not the text.
    reversed_items = ["an  ex-marine", "Ivan Petrenko", "Mark Kaliush"]
    assert ids_in_items_order(record, reversed_items, ["s5", "s6"]) == ["s6", "s5"]
    # A span linked that no item holds (ctrl+t) comes after, in text order.
    assert ids_in_items_order(record, ["an ex-marine"], ["s6", "s5"]) == ["s6", "s5"]
    assert ids_in_items_order(record, ["Mark Kaliush"], ["s6", "s5"]) == ["s5", "s6"]


def test_the_spans_of_linked_lists_are_those_list_fields_link() -> None:
    """What merge orders lists by: the spans linked from list fields (an item's releasees),
    not from other fields; each scheme read for its own list fields (they are kept per
    scheme, made once)."""
    links = {
        "releases[0].releasees": ["s4", "s2"],
        "releases[1].releasees": ["s9"],
        "releases[0].released_by": ["s1"],
        "event_type": ["s3"],
    }
    assert spans_of_linked_lists(SCHEME, links) == {"s2", "s4", "s9"}
    assert spans_of_linked_lists(SCHEME, {}) == set()
    data = SCHEME.model_dump()
    for group in data["fields"]:
        for sub in group.get("fields", ()):
            if sub["name"] == "releasees":
                sub["type"] = "text"
    other = Scheme.model_validate(data)
    assert spans_of_linked_lists(other, links) == set()
    assert spans_of_linked_lists(SCHEME, links) == {"s2", "s4", "s9"}


def test_the_item_added_is_placed_with_its_end() -> None:
    before = ["31 Tenvari fishermen", "Jonas Birk"]
    after = ["31 Tenvari fishermen", "two minors", "Jonas Birk"]
    shown = "31 Tenvari fishermen, two minors, Jonas Birk"
    start, end = added_item_place(before, after) or (0, 0)
    assert shown[start:end] == "two minors"
    start, end = added_item_place(after[:1], after[:2]) or (0, 0)  # added last
    assert (start, end) == (22, 32)
    assert added_item_place(after, after) is None  # nothing added
    # An item before it shown quoted (a known item holds its words joined): 2 characters on.
    known = ["Sergeant Pavel Ostrovin, 41"]
    items = ["Sergeant Pavel Ostrovin", "41", "Zoë N'Diaye"]
    start, end = added_item_place(items[:2], items, known) or (0, 0)
    assert '"Sergeant Pavel Ostrovin", 41, Zoë N\'Diaye'[start:end] == "Zoë N'Diaye"
