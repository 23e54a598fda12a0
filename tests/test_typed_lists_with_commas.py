"""A list item holding a comma ("Sergeant Pavel Ostrovin, 41", filled from a span) survives
the list being typed into: the input shows items comma-separated, and reading it back split
every comma, so one more name typed at the end broke the item in two."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.forms import typed_list, typed_text
from annotator.core.session import AnnotationSession
from tests.test_session_data import journal_lines, open_on

NAME = "Sergeant Pavel Ostrovin, 41"
TEXT = f"date 2024-03-17 Freed were {NAME}, and Marta Ostrovina.\n"


@pytest.mark.parametrize(
    ("typed", "known", "items"),
    [
        (f"{NAME}, Marta, Dmitri", [NAME, "Marta"], [NAME, "Marta", "Dmitri"]),
        ("Sergeant Pavel Ostrovin,41 ,Marta", [NAME], [NAME, "Marta"]),  # spacing as typed
        (f"Marta, {NAME}", [NAME], ["Marta", NAME]),
        ("a, b,, c", [], ["a", "b", "c"]),
        ("Sergeant Pavel Ostrovin, 42", [NAME], ["Sergeant Pavel Ostrovin", "42"]),  # not known
    ],
)
def test_known_items_keep_their_commas(typed: str, known: list[str], items: list[str]) -> None:
    assert typed_list(typed, known) == items


def test_shown_and_read_back_the_items_are_the_same() -> None:
    items = [NAME, "Marta Ostrovina", "Jan, the driver, 30"]
    assert typed_list(typed_text(items), items) == items


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    yield from open_on(tmp_path, TEXT)


def test_typing_after_a_filled_item_keeps_it_whole(session: AnnotationSession) -> None:
    start = session.text.index(NAME)
    span = session.label_selection(start, start + len(NAME), "releasee")
    session.add_group_item("releases")
    session.fill_from_span("releases[0].releasees", span.id)
    # The annotator types one more name after what the input shows.
    shown = typed_text(session.field_value("releases[0].releasees"))
    session.set_field("releases[0].releasees", f"{shown}, Marta Ostrovina")
    line = journal_lines(session)[-1]
    assert line["form"]["releases"][0]["releasees"] == [NAME, "Marta Ostrovina"]
    assert line["links"]["releases[0].releasees"] == [span.id]
