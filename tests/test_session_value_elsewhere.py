"""Typing handled after another document opened, and leaving documents: a span's value typed
on a is saved to a's span (it was lost, unsaid); nothing typed is never said nor written; d is
refused while a field shows text not saved; only looking at a document writes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.session import AnnotationSession, Refused
from tests.test_session_data import (
    FakeClock,
    alice_on_a,
    journal_lines,
    open_alice_on,
    where,
    write_texts,
)


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    yield from alice_on_a(tmp_path)


def lines_of(session: AnnotationSession, doc_id: str) -> list[dict[str, object]]:
    return [line for line in journal_lines(session) if line["doc_id"] == doc_id]


def test_a_value_typed_on_a_handled_on_b_is_saved_to_a_span(session: AnnotationSession) -> None:
    count = session.label_selection(*where(session, "146"), "count")
    session.add_group_item("releases")
    session.fill_from_span("releases[0].count", count.id)
    session.open("b")
    span = session.set_value("147", count.id, doc_id="a")
    assert (span.id, span.value) == (count.id, 147)
    assert session.document.id == "b" and session.record.spans == []
    last = lines_of(session, "a")[-1]
    assert last["spans"][0]["value"] == 147  # type: ignore[index]
    # The field linked to it follows, as on a itself.
    assert last["form"]["releases"][0]["count"] == 147  # type: ignore[index]
    assert lines_of(session, "b") == []
    notices = session.take_notices()
    assert notices[0] == (
        f"saved to a's value of {count.id}: '147', typed there before b opened "
        "(ctrl+z on a undoes it)"
    )
    # What followed is said of a, not read as of b, open now (a trial read "releases #1 count
    # follows s3" on an article with no releases).
    assert notices[1] == f"a: releases #1 count follows {count.id}: 146 → 147"
    # A value a's span refuses: said not saved, nothing written.
    before = journal_lines(session)
    with pytest.raises(Refused, match=f"not saved: 'many' typed in a's value of {count.id}"):
        session.set_value("many", count.id, doc_id="a")
    assert journal_lines(session) == before
    # A field's own refusal names it as the form shows it, not by its path (releases[0].date).
    with pytest.raises(Refused) as refused:
        session.set_field("releases[0].date", "2025-04-2", doc_id="a")
    assert "releases[0]" not in str(refused.value)
    assert str(refused.value).startswith("not saved: '2025-04-2' typed in a's releases #1 date")
    assert "releases #1 date" in str(refused.value).split(": ", 2)[2]
    assert journal_lines(session) == before


def test_what_a_record_holds_already_is_no_typing_and_says_nothing(
    session: AnnotationSession,
) -> None:
    session.add_group_item("releases")
    session.open("b")
    session.take_notices()
    before = journal_lines(session)
    # The fields of a's release, left empty as shown: not typing, whatever else is true.
    for field in ("released_by", "count", "date", "releasees"):
        assert session.set_field(f"releases[0].{field}", "", doc_id="a") is False
    assert session.set_note("", doc_id="a") is False
    session.close()
    # Even with the session closed: nothing typed, nothing to refuse.
    assert session.set_field("releases[0].count", "", doc_id="a") is False
    assert (journal_lines(session), session.take_notices()) == (before, [])


def test_d_is_refused_while_a_field_shows_text_not_saved(session: AnnotationSession) -> None:
    session.set_field("event_type", "exchange")
    session.add_group_item("releases")
    session.set_field("releases[0].count", "1")
    with pytest.raises(Refused) as refused:
        session.mark_done([("releases[0].count", "1x")])
    assert str(refused.value) == (
        "not done: releases #1 count shows '1x', not saved; correct it (enter saves it), or "
        "ctrl+z in the field gives back the value saved"
    )
    assert lines_of(session, "a")[-1]["status"] == "in_progress"
    session.mark_done()
    assert lines_of(session, "a")[-1]["status"] == "done"


def test_only_looking_at_documents_writes_nothing(tmp_path: Path) -> None:
    corpus = write_texts(tmp_path)
    session = open_alice_on(corpus, tmp_path, "a")
    clock = session.clock
    assert isinstance(clock, FakeClock)
    session.set_field("event_type", "exchange")
    session.mark_done()
    session.open("b")
    session.set_field("event_type", "exchange")
    session.mark_done()
    session.open("a")
    assert session.flush(5)
    written = session.journal.read_bytes()
    for doc_id in ("b", "a", "b", "c", "a"):  # minutes spent reading each, nothing changed
        clock.seconds += 30
        session.activity()
        session.open(doc_id)
    session.close()
    assert session.journal.read_bytes() == written
    # The time spent looking counts with the document's next change.
    again = open_alice_on(corpus, tmp_path, "a")
    again_clock = again.clock
    assert isinstance(again_clock, FakeClock)
    again_clock.seconds += 20
    again.activity()
    again.open("b")
    again.open("a")
    seconds = lines_of(again, "a")[-1]["seconds_spent"]
    again.set_note("looked again")
    assert isinstance(seconds, float)
    assert lines_of(again, "a")[-1]["seconds_spent"] == pytest.approx(seconds + 20)
    again.close()
