"""Where the words a field conflict's versions typed are in the text (``value_words``): the
review brings them into view when no version is linked to a span."""

from __future__ import annotations

from typing import Any

from annotator.core.review_value_words import value_words
from annotator.core.review_views import ConflictView, Place, VersionView
from annotator.core.scheme import load_default_scheme

SCHEME = load_default_scheme()
TEXT = (
    "Two journalists were freed. Canal Litoral said they were handed over to a delegation "
    "from the Essarian Bishops’\nConference. The Essarian government thanked the bishops."
)
CONFERENCE = TEXT.index("Essarian Bishops’")
CONFERENCE_END = TEXT.index("Conference.") + len("Conference")


def view(path: str, *values: Any) -> ConflictView:
    versions = tuple(
        VersionView(index, None, (f"ann{index + 1}",), (), value)
        for index, value in enumerate(values)
    )
    return ConflictView(Place("d1", "c1"), "field", None, path, versions, 1, 1, True, True)


def test_a_typed_text_is_found_quotes_case_and_line_breaks_aside() -> None:
    # Typed with a straight apostrophe and one space; the text has ’ and a line break.
    typed = view("releases[0].received_by", None, "essarian bishops' conference")
    assert value_words(typed, TEXT, SCHEME) == [(CONFERENCE, CONFERENCE_END)]


def test_whole_words_each_place_once_in_text_order() -> None:
    # "Essarian" twice, as a word; both versions' values found, each place once.
    both = view("releases[0].released_by", "Essarian", "Canal Litoral")
    first = TEXT.index("Essarian")
    second = TEXT.index("Essarian", first + 1)
    canal = TEXT.index("Canal Litoral")
    assert value_words(both, TEXT, SCHEME) == [
        (canal, canal + len("Canal Litoral")),
        (first, first + 8),
        (second, second + 8),
    ]


def test_lists_and_a_groups_items_fields_that_hold_words() -> None:
    listed = view("releases[0].releasees", ["Two journalists"], [])
    assert value_words(listed, TEXT, SCHEME) == [(0, len("Two journalists"))]
    item = {"released_by": None, "received_by": "Canal Litoral", "count": 2, "releasees": []}
    canal = TEXT.index("Canal Litoral")
    group = view("releases", [item], [])
    assert value_words(group, TEXT, SCHEME) == [(canal, canal + len("Canal Litoral"))]


def test_nothing_where_the_values_say_nothing_of_a_place() -> None:
    # A choice, a count: their words are not where they were read.
    assert value_words(view("event_type", "exchange", "announcement"), TEXT, SCHEME) == []
    assert value_words(view("releases[0].count", 2, 3), TEXT, SCHEME) == []
    assert value_words(view("releases[0].received_by", "Vatican", None), TEXT, SCHEME) == []
    assert value_words(view("no_such_field", "freed"), TEXT, SCHEME) == []
