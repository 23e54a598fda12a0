"""One status rule for a change, whether saved on the open document or, typed on a document
before the next opened, saved to it after (``session_status``): a skipped document annotated
more (spans, form, links) is in progress, a note keeps it skipped; a done one with a required
field emptied, or an empty group item added, is in progress. A span's value typed with v on a
skipped article and saved after the next opened kept it skipped, where saved at once it
un-skipped it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.models import SCHEMA_VERSION, Record, Span
from annotator.core.session import AnnotationSession
from annotator.core.session_status import status_after_change
from tests.test_session_data import alice_on_a, journal_lines, statuses, where


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    yield from alice_on_a(tmp_path)


def last_status(session: AnnotationSession, doc_id: str) -> str:
    return [line for line in journal_lines(session) if line["doc_id"] == doc_id][-1]["status"]


def skipped_a_with_count(session: AnnotationSession) -> str:
    """a, its '146' labelled count, skipped; b open. The count span's id."""
    count = session.label_selection(*where(session, "146"), "count")
    assert session.skip() == "b"
    session.open("b")
    session.take_notices()
    assert session.document.id == "b" and last_status(session, "a") == "skipped"
    return count.id


def test_a_value_typed_on_skipped_a_saved_after_b_opened_unskips_a(
    session: AnnotationSession,
) -> None:
    span_id = skipped_a_with_count(session)
    span = session.set_value("147", span_id, doc_id="a")
    assert span.value == 147
    assert last_status(session, "a") == "in_progress"
    assert statuses(session)["a"] == "in_progress"
    assert "a is no longer skipped: in progress" in session.take_notices()
    assert session.document.id == "b" and session.record.status == "in_progress"


def test_the_same_value_saved_at_once_unskips_a_the_same(session: AnnotationSession) -> None:
    span_id = skipped_a_with_count(session)
    session.open("a")
    session.set_value("147", span_id)
    assert session.record.status == "in_progress"
    assert last_status(session, "a") == "in_progress"
    assert session.take_notices()[-1] == "a is no longer skipped: in progress"


def test_a_note_typed_on_skipped_a_saved_after_b_opened_keeps_it_skipped(
    session: AnnotationSession,
) -> None:
    skipped_a_with_count(session)
    assert session.set_note("not a news article", doc_id="a") is True
    assert last_status(session, "a") == "skipped"
    assert not any("no longer skipped" in notice for notice in session.take_notices())


def test_a_field_typed_on_skipped_a_saved_after_b_opened_unskips_a(
    session: AnnotationSession,
) -> None:
    skipped_a_with_count(session)
    assert session.set_field("event_type", "exchange", doc_id="a") is True
    assert last_status(session, "a") == "in_progress"
    assert "a is no longer skipped: in progress" in session.take_notices()


def test_a_done_document_changed_elsewhere_with_required_fields_kept_stays_done(
    session: AnnotationSession,
) -> None:
    session.set_field("event_type", "exchange")
    session.mark_done()
    session.open("b")
    session.take_notices()
    assert session.set_note("checked twice", doc_id="a") is True
    assert last_status(session, "a") == "done"
    assert session.take_notices() == [
        "saved to a's note: 'checked twice', typed there before b opened (ctrl+z on a undoes it)"
    ]


def record(status: str, **changes: object) -> Record:
    blank = Record(
        schema_version=SCHEMA_VERSION,
        doc_id="a",
        doc_sha256="0" * 64,
        annotator="alice",
        status=status,
        spans=[],
    )
    return blank.model_copy(update=changes)


COUNT = Span(id="s1", start=42, end=45, label="count", text="146", value=146)


@pytest.mark.parametrize(
    ("before", "after", "status", "notices"),
    [
        # Spans alone count as annotating a skipped document (the v case), links too.
        (record("skipped"), record("skipped", spans=[COUNT]), "in_progress", 1),
        (
            record("skipped", spans=[COUNT]),
            record("skipped", spans=[COUNT.model_copy(update={"value": 147})]),
            "in_progress",
            1,
        ),
        (record("skipped"), record("skipped", links={"date": ["s1"]}), "in_progress", 1),
        (record("skipped"), record("skipped", form={"x": 1}), "in_progress", 1),
        (record("skipped"), record("skipped", note="why"), "skipped", 0),
        (record("in_progress"), record("in_progress", spans=[COUNT]), "in_progress", 0),
    ],
)
def test_the_rule_reads_spans_form_and_links_not_the_note(
    session: AnnotationSession, before: Record, after: Record, status: str, notices: int
) -> None:
    changed, said = status_after_change(before, after, session.scheme)
    assert (changed.status, len(said)) == (status, notices)
    # Nothing but the status changes.
    assert changed.model_copy(update={"status": after.status}) == after


def test_the_rule_names_the_document_only_elsewhere(session: AnnotationSession) -> None:
    done = record("done")  # event_type, required, empty
    here = status_after_change(done, done, session.scheme)
    there = status_after_change(done, done, session.scheme, elsewhere=True)
    assert (here[0].status, there[0].status) == ("in_progress", "in_progress")
    assert here[1] == ["event_type is empty now: the document is back to in progress"]
    assert there[1] == ["event_type of a is empty now: it is back to in progress"]


def test_an_empty_item_added_to_a_done_document_puts_it_back_in_progress(
    session: AnnotationSession,
) -> None:
    """A trial's "+ add to releases" on a done article wrote the empty item with status done,
    which d refuses and validate warns of; a filled item keeps it done."""
    session.set_field("event_type", "exchange")
    session.mark_done()
    session.open("a")
    session.take_notices()
    session.add_group_item("releases")
    assert last_status(session, "a") == "in_progress"
    assert session.take_notices()[-1] == (
        "releases #1 is empty now: the document is back to in progress"
    )
    session.set_field("releases[0].count", "146")
    session.mark_done()
    assert last_status(session, "a") == "done"
    session.set_field("releases[0].received_by", "Russia")
    assert last_status(session, "a") == "done"
    # ctrl+z takes the item away and leaves it in progress, as after a required field
    # emptied: d says it is done again.
    session.add_group_item("releases")
    assert last_status(session, "a") == "in_progress"
    session.undo()
    assert len(session.record.form["releases"]) == 1
    session.mark_done()
    assert last_status(session, "a") == "done"
