"""set_field and set_note say whether they saved: a value the field or note holds already
writes no journal line, and the screen, told nothing was saved, says nothing (a field left
as saved took a change's message away)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.session import AnnotationSession
from tests.test_session_data import alice_on_a, journal_lines


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    yield from alice_on_a(tmp_path)


def test_the_same_note_again_saves_nothing(session: AnnotationSession) -> None:
    assert session.set_note("seen twice") is True
    lines = journal_lines(session)
    assert session.set_note("seen twice") is False
    assert journal_lines(session) == lines
    assert session.take_notices() == []


def test_the_same_field_value_again_saves_nothing(session: AnnotationSession) -> None:
    session.add_group_item("releases")
    assert session.set_field("releases[0].count", "146") is True
    lines = journal_lines(session)
    # As typed or as the field shows it: the value is the same.
    assert session.set_field("releases[0].count", "146") is False
    assert session.set_field("releases[0].count", "146", typing=True) is False
    assert journal_lines(session) == lines
    session.set_field("releases[0].releasees", "Ana Roe, Jon Doe")
    lines = journal_lines(session)
    assert session.set_field("releases[0].releasees", "Ana Roe,Jon Doe") is False
    assert journal_lines(session) == lines
