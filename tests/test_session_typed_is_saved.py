"""typed_is_saved: text typed in a field reads as the value the open document's record holds
through the field's own reading, whatever its words (the screen's d takes it as saved: a
count typed '1,200', saved as 1200, refused d as text not saved)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.session import AnnotationSession
from tests.test_session_data import alice_on_a


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    yield from alice_on_a(tmp_path)


@pytest.mark.parametrize(
    ("path", "saved", "typed", "is_saved"),
    [
        ("releases[0].count", "1200", "1,200", True),
        ("releases[0].count", "1200", "1 200", True),
        ("releases[0].count", "1200", "1,201", False),
        ("releases[0].count", "1200", "1x", False),  # refused: not a value saved
        ("releases[0].releasees", "Layla, Yusuf", "Layla,Yusuf", True),
        ("releases[0].releasees", "Layla, Yusuf", "Yusuf, Layla", False),
        ("releases[0].date", "2025-08-24", " 2025-08-24 ", True),
        ("releases[0].date", "2025-08-24", "2025-08", False),
        ("releases[0].released_by", "Kaldera", "Kaldera gov", False),
        ("releases[0].released_by", "", "", True),
        ("releases[5].count", "1200", "1200", False),  # no such item
    ],
)
def test_text_reads_as_the_value_held(
    session: AnnotationSession, path: str, saved: str, typed: str, is_saved: bool
) -> None:
    session.add_group_item("releases")
    session.set_field(path if "[5]" not in path else "releases[0].count", saved)
    assert session.typed_is_saved(path, typed) is is_saved


def test_the_note_reads_as_itself(session: AnnotationSession) -> None:
    session.set_note("talks stalled")
    assert session.typed_is_saved(None, "talks stalled") is True
    assert session.typed_is_saved(None, "talks stalled again") is False


def test_nothing_is_saved_with_no_document_open(session: AnnotationSession) -> None:
    session.close_document()
    assert session.typed_is_saved(None, "") is False
