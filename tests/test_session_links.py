"""The session's links between form fields and spans: disputed figures, unlinking, and saying
what ctrl+l replaced (guidelines, "releases", worked example 7)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.session import AnnotationSession, Refused, open_session
from tests.test_session_data import fixed_now, journal_lines, open_on, session_on

TEXT = (
    "date 2024-05-02 Ostreva said 187 soldiers and civilians had been returned. "
    "Drava said it had handed over 210 people, and Drava freed 3 more.\n"
)


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    yield from open_on(tmp_path, TEXT)


def label(session: AnnotationSession, word: str, name: str, nth: int = 0) -> str:
    start = -1
    for _ in range(nth + 1):
        start = session.text.index(word, start + 1)
    return session.label_selection(start, start + len(word), name).id


def test_link_span_links_a_second_figure_without_changing_the_value(
    session: AnnotationSession,
) -> None:
    received, given = label(session, "187", "count"), label(session, "210", "count")
    session.add_group_item("releases")
    session.fill_from_span("releases[0].count", received)
    linked = session.link_span("releases[0].count", given)
    assert linked.id == given
    line = journal_lines(session)[-1]
    assert line["form"]["releases"][0]["count"] == 187
    assert line["links"] == {"releases[0].count": [received, given]}
    with pytest.raises(Refused, match="linked already"):
        session.link_span("releases[0].count", given)
    actor = label(session, "Drava", "actor")
    with pytest.raises(Refused, match="is labelled actor"):
        session.link_span("releases[0].count", actor)


def test_link_span_takes_the_fitting_span_at_the_cursor(session: AnnotationSession) -> None:
    count = label(session, "210", "count")
    releasee = label(session, "210 people", "releasee")
    session.add_group_item("releases")
    session.selected = releasee
    session.link_span("releases[0].count")
    assert session.record.links == {"releases[0].count": [count]}
    assert session.field_value("releases[0].count") is None


def test_filling_over_a_linked_value_says_what_was_replaced(session: AnnotationSession) -> None:
    received, given = label(session, "187", "count"), label(session, "210", "count")
    session.add_group_item("releases")
    session.fill_from_span("releases[0].count", received)
    session.take_notices()
    session.fill_from_span("releases[0].count", given)
    assert session.take_notices() == [
        f"count: 210 (was 187 from {received}, now unlinked; ctrl+z gives the link back); "
        "ctrl+t links a span without filling"
    ]
    assert session.record.links == {"releases[0].count": [given]}
    # A field filled the first time, or from the span it holds, replaces nothing.
    session.fill_from_span("releases[0].count", given)
    session.fill_from_span("releases[0].released_by", label(session, "Drava", "actor"))
    assert session.take_notices() == []


def test_filling_from_another_span_of_the_same_value_unlinks_the_first(
    session: AnnotationSession,
) -> None:
    """A trial took the wrong "Drava" with ctrl+l, then the right one: the field showed both
    links and nothing said the wrong one stayed. ctrl+l fills from the span taken alone, in
    one undo step; ctrl+t is the key that adds a link."""
    first, second = label(session, "Drava", "actor"), label(session, "Drava", "actor", 1)
    session.add_group_item("releases")
    session.fill_from_span("releases[0].released_by", second)
    session.take_notices()
    session.fill_from_span("releases[0].released_by", first)
    assert session.take_notices() == [
        f"released_by: Drava from {first}; {second} unlinked (ctrl+t links a span without filling)"
    ]
    assert journal_lines(session)[-1]["links"] == {"releases[0].released_by": [first]}
    session.undo()
    assert session.record.links == {"releases[0].released_by": [second]}
    session.redo()
    session.link_span("releases[0].released_by", second)
    assert session.record.links == {"releases[0].released_by": [first, second]}


def test_unlink_drops_the_span_at_the_cursor_or_every_link(session: AnnotationSession) -> None:
    received, given = label(session, "187", "count"), label(session, "210", "count")
    first, second = label(session, "Drava", "actor"), label(session, "Drava", "actor", 1)
    session.add_group_item("releases")
    session.fill_from_span("releases[0].count", received)
    session.link_span("releases[0].count", given)
    session.fill_from_span("releases[0].released_by", first)
    session.link_span("releases[0].released_by", second)
    session.selected = given
    assert session.unlink("releases[0].count") == [given]
    assert session.record.links["releases[0].count"] == [received]
    assert session.field_value("releases[0].count") == 187  # the value stays
    session.selected = None  # the cursor on no linked span: every link goes
    assert session.unlink("releases[0].released_by") == [first, second]
    line = journal_lines(session)[-1]
    assert line["links"] == {"releases[0].count": [received]}
    assert line["form"]["releases"][0]["released_by"] == "Drava"
    # The field named as the form shows it (a trial read the raw releases[0].released_by).
    with pytest.raises(Refused, match=r"^releases #1 released_by has no links: ctrl\+n has"):
        session.unlink("releases[0].released_by")
    session.undo()
    assert session.record.links["releases[0].released_by"] == [first, second]


def test_emptying_a_field_drops_its_links(session: AnnotationSession) -> None:
    received, given = label(session, "187", "count"), label(session, "210", "count")
    session.add_group_item("releases")
    session.fill_from_span("releases[0].count", received)
    session.link_span("releases[0].count", given)
    session.fill_from_span("releases[0].releasees", label(session, "210 people", "releasee"))
    session.set_field("releases[0].count", "")
    session.set_field("releases[0].releasees", "")
    assert journal_lines(session)[-1]["links"] == {}


def test_removing_an_item_says_so_and_undo_brings_it_back(session: AnnotationSession) -> None:
    received = label(session, "187", "count")
    for _ in range(3):
        session.add_group_item("releases")
    session.fill_from_span("releases[2].count", received)
    session.take_notices()
    session.remove_group_item("releases", 2)
    assert session.take_notices() == ["removed releases #3; ctrl+z brings it back"]
    step = session.undo()
    assert step is not None and step.text == "remove releases #3 (it is back)"
    assert step.path == "releases[2]"
    line = journal_lines(session)[-1]
    assert line["form"]["releases"][2]["count"] == 187
    assert line["links"] == {"releases[2].count": [received]}


def test_x_with_a_selection_deletes_the_one_span_it_overlaps(session: AnnotationSession) -> None:
    """A trial: /Pravonian men selects past the span "Pravonian"; x said no span there."""
    actor = label(session, "Drava", "actor")
    start = session.text.index("Drava said")
    session.selected = None
    assert session.delete_in(start, start + len("Drava said")).id == actor
    assert journal_lines(session)[-1]["spans"] == []
    label(session, "187", "count")
    label(session, "soldiers", "releasee")
    session.selected = None
    start = session.text.index("187 soldiers")
    several = r"overlaps s\d+ \(count .*, s\d+ \(releasee .*; none deleted"
    with pytest.raises(Refused, match=several):
        session.delete_in(start, start + len("187 soldiers"))
    assert len(session.record.spans) == 2
    with pytest.raises(Refused, match="touches no span"):
        session.delete_in(0, 4)
    # A selection covering one span exactly deletes it, though it overlaps the other too.
    around = label(session, "187 soldiers", "releasee")
    assert session.selected == around
    assert session.delete_in(start, start + 3).text == "187"
    assert [span.id for span in session.record.spans if span.text != "soldiers"] == [around]


def test_undo_and_redo_say_what_they_did_and_select_the_span(
    session: AnnotationSession,
) -> None:
    count = label(session, "187", "count")
    session.set_value("190", count)
    session.selected = None
    step = session.undo()
    # What the step undone had done.
    assert step is not None and step.text == f"value of {count} back to 187 (was 190)"
    assert session.selected == count
    step = session.undo()
    assert step is not None and step.text == f"label {count} count '187' ({count} is gone)"
    assert step.offset == session.text.index("187")
    assert session.selected is None
    step = session.redo()
    assert step is not None and step.text == f"label {count} count '187'"
    assert session.selected == count
    session.add_group_item("releases")
    session.set_field("releases[0].date", "2024-05-01")
    step = session.undo()
    # The field named as the form shows it, with the change (a trial read five undos that
    # all said "releases[0].releasees").
    assert step is not None and (step.text, step.path) == (
        "releases #1 date back to empty (was '2024-05-01')",
        "releases[0].date",
    )
    session.redo()
    session.redo()
    assert session.redo() is None
    # A deleted span that gave a field its value: the link goes, the value stays, said.
    session.fill_from_span("releases[0].count", count)
    session.delete_in(session.text.index("187"), session.text.index("187"))
    assert session.take_notices()[-1] == (
        f"{count} was linked from releases #1 count: unlinked, the value stays (empty the "
        "field to clear it)"
    )
    assert session.field_value("releases[0].count") == 187


def test_skipping_says_so_with_the_next_document(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / f"{name}.txt").write_text(TEXT, encoding="utf-8")
    session = open_session(folder, "alice", None, tmp_path / "out", now=fixed_now)
    try:
        session.open("a")
        following = session.skip()
        assert following == "b"
        assert session.take_notices() == []  # told once b is open: a's messages go then
        session.open("b")
        assert session.take_notices() == [
            "skipped a (ctrl+z undoes it); its note is empty: the guidelines want the reason "
            "there (p goes back)"
        ]
        session.set_note("a duplicate of a")
        assert session.skip() is None
        assert session.take_notices() == [
            "skipped b (ctrl+z undoes it)",
            "every document is finished (0/2 done)",
        ]
    finally:
        session.close()


def test_labelling_a_skipped_document_makes_it_in_progress_a_note_does_not(
    tmp_path: Path,
) -> None:
    # A trial skipped by mistake and found no way back but filling the form and pressing d.
    session = session_on(tmp_path, TEXT)
    try:
        session.open("d")
        session.skip()
        session.take_notices()
        session.set_note("not a news article")  # the reason the guidelines ask for
        assert session.record.status == "skipped"
        label(session, "187", "count")
        assert session.record.status == "in_progress"
        assert session.take_notices() == ["d is no longer skipped: in progress"]
        assert journal_lines(session)[-1]["status"] == "in_progress"
    finally:
        session.close()
