"""session.typing_unlinks: what typing over a linked field would unlink, said at the first
keystroke (the save that unlinks comes a pause later). A trial's "d", meant as done while the
focus was in the form, replaced a linked name; the notice came a second late and faded."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.session import AnnotationSession
from tests.test_session_data import open_on
from tests.test_session_selection_fill import TEXT, label, with_a_release


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    yield from open_on(tmp_path, TEXT)


def test_typing_over_a_linked_value_says_what_goes(session: AnnotationSession) -> None:
    kestria = label(session, "Kestria", "actor")
    with_a_release(session)
    path = "releases[0].released_by"
    assert session.typing_unlinks(path, "d") is None  # nothing linked yet
    session.fill_from_span(path, kestria)
    said = session.typing_unlinks(path, "dKestria")
    assert said is not None and said.startswith(f"released_by: typing over Kestria from {kestria}")
    assert session.typing_unlinks(path, "Kestria") is None  # as it is: nothing goes
    assert session.record.links == {path: [kestria]}  # said only; the save unlinks


def test_a_list_says_only_the_linked_items_typed_over(session: AnnotationSession) -> None:
    soldiers = label(session, "95 Norvanian soldiers", "releasee")
    with_a_release(session)
    path = "releases[0].releasees"
    session.fill_from_span(path, soldiers)
    assert session.typing_unlinks(path, "95 Norvanian soldiers, Pavel") is None  # one added
    said = session.typing_unlinks(path, "95 Norvanian soldier")
    assert said is not None and "typing over 95 Norvanian soldiers from" in said
    count = session.typing_unlinks("releases[0].count", "9")
    assert count is None  # no link there
