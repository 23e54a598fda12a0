"""The annotation session without a terminal: every change lands in the journal on disk."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.session import AnnotationSession, Refused, open_session
from tests.test_session_data import (
    FakeClock,
    fixed_now,
    journal_lines,
    session_on,
    where,
    write_texts,
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_texts(tmp_path)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def session(corpus: Path, tmp_path: Path, clock: FakeClock) -> Any:
    opened = open_session(corpus, "alice", None, tmp_path / "out", clock=clock, now=fixed_now)
    opened.open(opened.first_unfinished_id())
    yield opened
    opened.close()


def test_starts_at_first_document_and_writes_nothing_before_a_change(
    session: AnnotationSession,
) -> None:
    assert session.document.id == "a"
    assert session.position == 0
    assert session.progress() == (0, 3)
    assert journal_lines(session) == []
    assert session.journal == session.store.journal
    assert session.journal.name == "alice.jsonl"


def test_label_selection_saves_the_record(session: AnnotationSession) -> None:
    span = session.label_selection(*where(session, "Russia"), "actor")
    assert (span.text, span.label) == ("Russia", "actor")
    assert session.selected == span.id
    lines = journal_lines(session)
    assert len(lines) == 1
    line = lines[0]
    assert line["doc_id"] == "a" and line["annotator"] == "alice"
    assert line["status"] == "in_progress"
    assert line["updated_at"] == "2025-08-24T10:00:00Z"
    assert [(s["text"], s["label"]) for s in line["spans"]] == [("Russia", "actor")]


def test_selection_is_snapped_to_tokens_unless_in_character_mode(
    session: AnnotationSession,
) -> None:
    start, end = where(session, "Russia")
    span = session.label_selection(start - 1, end + 1, "actor")  # " Russia "
    assert span.text == "Russia"
    session.char_mode = True
    start, end = where(session, "Ukraine")
    span = session.label_selection(start, start + 3, "actor")
    assert span.text == "Ukr"


def test_whitespace_selection_is_refused(session: AnnotationSession) -> None:
    start, _ = where(session, " and")
    with pytest.raises(Refused):
        session.label_selection(start, start + 1, "actor")
    assert journal_lines(session) == []


def test_count_gets_a_suggested_value_and_can_be_edited(session: AnnotationSession) -> None:
    span = session.label_selection(*where(session, "146"), "count")
    assert span.value == 146
    with pytest.raises(Refused):
        session.set_value("many", span.id)
    span = session.set_value("1,460", span.id)
    assert span.value == 1460
    span = session.set_value("", span.id)
    assert span.value is None
    assert journal_lines(session)[-1]["spans"][0]["value"] is None


def test_relabel_without_selection_keeps_the_id(session: AnnotationSession) -> None:
    span = session.label_selection(*where(session, "Russia"), "actor")
    start, _ = where(session, "Russia")
    session.select_at(start + 2)
    relabelled = session.label_selection(start + 2, start + 2, "releasee")
    assert relabelled.id == span.id and relabelled.label == "releasee"
    assert journal_lines(session)[-1]["spans"][0]["label"] == "releasee"


def test_labelling_the_same_extent_with_another_label_relabels(
    session: AnnotationSession,
) -> None:
    first = session.label_selection(*where(session, "Ukraine"), "releasee")
    again = session.label_selection(*where(session, "Ukraine"), "actor")
    assert again.id == first.id and again.label == "actor"
    assert len(session.record.spans) == 1
    with pytest.raises(Refused, match="already labelled"):
        session.label_selection(*where(session, "Ukraine"), "actor")


def test_rebound_delete_undo_redo(session: AnnotationSession) -> None:
    span = session.label_selection(*where(session, "Russia"), "actor")
    start, _ = where(session, "Russia")
    _, end = where(session, "Ukraine")
    wider = session.rebound(start, end)
    assert (wider.id, wider.label, wider.text) == (span.id, "actor", "Russia and Ukraine")
    session.delete()
    assert session.record.spans == []
    assert session.undo()
    assert [s.text for s in session.record.spans] == ["Russia and Ukraine"]
    assert session.undo()
    assert [s.text for s in session.record.spans] == ["Russia"]
    assert session.redo()
    assert [s.text for s in session.record.spans] == ["Russia and Ukraine"]
    lines = journal_lines(session)
    assert [[s["text"] for s in line["spans"]] for line in lines] == [
        ["Russia"],
        ["Russia and Ukraine"],
        [],
        ["Russia and Ukraine"],
        ["Russia"],
        ["Russia and Ukraine"],
    ]
    assert session.redo()
    assert session.record.spans == []
    assert session.redo() is None


def test_history_is_kept_per_document_while_the_session_runs(
    session: AnnotationSession,
) -> None:
    session.label_selection(*where(session, "Russia"), "actor")
    session.open("b")
    session.label_selection(*where(session, "Norvania"), "actor")
    session.open("a")
    assert session.undo()
    assert session.record.spans == []
    session.open("b")
    assert [s.text for s in session.record.spans] == ["Norvania"]


def test_done_is_refused_until_required_fields_are_filled(session: AnnotationSession) -> None:
    session.label_selection(*where(session, "Russia"), "actor")
    with pytest.raises(Refused, match="event_type"):
        session.mark_done()
    assert journal_lines(session)[-1]["status"] == "in_progress"
    with pytest.raises(Refused):
        session.set_field("event_type", "swap")
    session.set_field("event_type", "exchange")
    following = session.mark_done()
    assert following == "b"
    line = journal_lines(session)[-1]
    assert (line["status"], line["form"]["event_type"]) == ("done", "exchange")
    assert session.progress() == (1, 3)


def test_emptying_a_required_field_of_a_done_document_reopens_it(
    session: AnnotationSession,
) -> None:
    session.set_field("event_type", "exchange")
    session.mark_done()
    session.set_field("event_type", "")
    assert session.record.status == "in_progress"
    assert any("back to in progress" in notice for notice in session.take_notices())


def test_skip_flag_and_next_unfinished_wrap(session: AnnotationSession) -> None:
    assert session.skip() == "b"
    session.open("b")
    assert session.toggle_flag() is True
    assert session.next_unfinished_id() == "c"
    session.open("c")
    assert session.next_unfinished_id() == "b"  # wraps; a is skipped, b has a flag only
    statuses = {entry.doc_id: (entry.status, entry.flagged) for entry in session.entries()}
    assert statuses == {
        "a": ("skipped", False),
        "b": ("in_progress", True),
        "c": ("new", False),
    }
    assert session.next_id() is None
    assert session.previous_id() == "b"


def test_finishing_the_last_unfinished_document_says_so(session: AnnotationSession) -> None:
    for doc_id in ("a", "b", "c"):
        session.open(doc_id)
        following = session.skip()
    assert following is None
    assert any("every document is finished" in n for n in session.take_notices())


def test_form_edits_groups_lists_and_links(session: AnnotationSession) -> None:
    actor = session.label_selection(*where(session, "Ukraine"), "actor")
    count = session.label_selection(*where(session, "146"), "count")
    index = session.add_group_item("releases")
    assert index == 0
    session.set_field("releases[0].received_by", "Russia")
    session.set_field("releases[0].releasees", "Ivan Petrov, , Anna K ")
    with pytest.raises(Refused):
        session.set_field("releases[0].count", "lots")
    with pytest.raises(Refused):
        session.set_field("releases[0].date", "2025-02-30")
    session.fill_from_span("releases[0].released_by", actor.id)
    session.fill_from_span("releases[0].count", count.id)
    session.set_note("figures from the ministry")
    line = journal_lines(session)[-1]
    release = line["form"]["releases"][0]
    assert release["released_by"] == "Ukraine"
    assert release["received_by"] == "Russia"
    assert release["count"] == 146
    assert release["releasees"] == ["Ivan Petrov", "Anna K"]
    assert line["links"]["releases[0].released_by"] == [actor.id]
    assert line["links"]["releases[0].count"] == [count.id]
    assert line["note"] == "figures from the ministry"
    session.remove_group_item("releases", 0)
    assert session.group_size("releases") == 0


def test_a_count_field_takes_the_count_where_the_current_span_begins(
    session: AnnotationSession,
) -> None:
    """A trial: with the cursor on "six", both a count and the start of the releasee "six
    wounded soldiers", ctrl+l in a count field was refused for the releasee."""
    releasee = session.label_selection(*where(session, "146 prisoners"), "releasee")
    count = session.label_selection(*where(session, "146"), "count")
    session.add_group_item("releases")
    session.selected = releasee.id  # the releasee is the current span
    session.fill_from_span("releases[0].count")
    line = journal_lines(session)[-1]
    assert line["form"]["releases"][0]["count"] == 146
    assert line["links"] == {"releases[0].count": [count.id]}
    # A field the current span fits takes the current span itself.
    session.fill_from_span("releases[0].releasees")
    assert journal_lines(session)[-1]["links"]["releases[0].releasees"] == [releasee.id]


def test_tabbing_through_spans_wraps(session: AnnotationSession) -> None:
    first = session.label_selection(*where(session, "Russia"), "actor")
    second = session.label_selection(*where(session, "146"), "count")
    session.selected = None
    assert session.step_span(0) == first
    assert session.step_span(0) == second
    assert session.step_span(0) == first
    assert session.step_span(0, forward=False) == second


def test_find_is_case_insensitive_and_wraps(session: AnnotationSession) -> None:
    found = session.find("ukraine", 0)
    assert found is not None and found[:2] == where(session, "Ukraine")
    start, end = where(session, "Ukraine")
    found = session.find("UKRAINE", end)
    assert found is not None and found[:2] == (start, end)
    assert session.find("Kestria", 0) is None


def test_find_starts_from_the_start_of_the_span_at_the_cursor(tmp_path: Path) -> None:
    """A trial's /Three, just after labelling "Three Vellmark citizens", went past the "Three"
    in it to the next one."""
    text = "date 2024-01-09 Three Vellmark citizens were freed. The three flew home.\n"
    session = session_on(tmp_path, text)
    try:
        session.open("d")
        span = session.label_selection(*where(session, "Three Vellmark citizens"), "releasee")
        assert session.selected == span.id
        found = session.find("three", span.end)
        assert found is not None and found[:2] == (span.start, span.start + 5)
        session.selected = None  # no span at the cursor: from the cursor, as before
        later = text.index("three")
        found = session.find("three", span.end)
        assert found is not None and found[:2] == (later, later + 5)
    finally:
        session.close()


def test_active_time_leaves_out_idle_gaps(session: AnnotationSession, clock: FakeClock) -> None:
    clock.seconds += 10
    session.activity()
    clock.seconds += 5
    session.label_selection(*where(session, "Russia"), "actor")
    assert session.record.seconds_spent == pytest.approx(15)
    clock.seconds += 600  # lunch
    session.label_selection(*where(session, "Ukraine"), "actor")
    assert session.record.seconds_spent == pytest.approx(15)
    clock.seconds += 30
    session.activity()
    session.open("b")  # leaving saves the time spent
    assert journal_lines(session)[-1]["seconds_spent"] == pytest.approx(45)


def test_moving_on_from_a_document_that_could_not_be_opened(
    session: AnnotationSession,
) -> None:
    session.close_document()
    assert not session.loaded
    assert session.next_id(after="b") == "c"
    assert session.previous_id(before="b") == "a"
    assert session.next_unfinished_id(after="c") == "a"
    with pytest.raises(AnnotatorError):
        session.label_selection(0, 4, "actor")


def test_rebound_moves_only_a_span_the_selection_touches(session: AnnotationSession) -> None:
    russia = session.label_selection(*where(session, "Russia"), "actor")
    sunday = session.label_selection(*where(session, "Sunday"), "date")
    assert session.selected == sunday.id
    before = session.record

    # Selected "Sunday", then a selection elsewhere (a search): r refuses and names the span.
    with pytest.raises(Refused, match=r"r would move s2 \(date 'Sunday'\).*select over part"):
        session.rebound(*where(session, "146 prisoners"))
    assert session.record == before

    # The selection overlaps another span than the selected one: that one moves.
    start, _ = where(session, "Russia")
    _, end = where(session, "Ukraine")
    wider = session.rebound(start, end)
    assert (wider.id, wider.text) == (russia.id, "Russia and Ukraine")
    assert session.selected == russia.id
    assert session.span(sunday.id) == sunday

    # The selection overlaps the selected span (and another): the selected one moves.
    session.selected = sunday.id
    _, end = where(session, "Sunday")
    moved = session.rebound(where(session, "Ukraine")[0], end)
    assert moved.id == sunday.id and moved.text.startswith("Ukraine")


def test_rebound_refuses_when_the_selection_touches_several_spans_or_none(
    session: AnnotationSession,
) -> None:
    session.label_selection(*where(session, "Russia"), "actor")
    session.label_selection(*where(session, "Ukraine"), "actor")
    session.selected = None
    before = session.record
    start, _ = where(session, "Russia")
    _, end = where(session, "swapped")
    with pytest.raises(Refused, match=r"overlaps s1 \(actor 'Russia'\), s2 \(actor 'Ukraine'\)"):
        session.rebound(start, end)
    with pytest.raises(Refused, match="touches no span"):
        session.rebound(*where(session, "prisoners"))
    assert session.record == before
