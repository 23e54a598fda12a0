"""Carrying a stale record over in the annotation session: saved through the journal, undone."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.carry_over import CarriedOver, carry_over
from annotator.core.models import Record
from annotator.core.session import AnnotationSession, Refused, open_session
from tests.test_session_data import FakeClock, fixed_now, journal_lines, where, write_texts

OLD = "date 2025-08-24 Russia and Ukraine swapped 146 prisoners on Sunday.\n"
NEW = "date 2025-08-24 UPDATED: Russia and Ukriane swapped 146 prisoners on Sunday.\n"


def alice(corpus: Path, tmp_path: Path) -> AnnotationSession:
    return open_session(corpus, "alice", None, tmp_path / "out", clock=FakeClock(), now=fixed_now)


@pytest.fixture
def stale_session(tmp_path: Path) -> AnnotationSession:
    """alice's done record of ``OLD`` (Russia, Ukraine, 146; the form filled from them), the
    text then changed to ``NEW`` (a line before, Ukraine misspelt), opened again on a."""
    corpus = write_texts(tmp_path)
    first = alice(corpus, tmp_path)
    first.open("a")
    for word, label in (("Russia", "actor"), ("Ukraine", "actor"), ("146", "count")):
        first.label_selection(*where(first, word), label)
    first.set_field("event_type", "exchange")
    first.add_group_item("releases")
    first.fill_from_span("releases[0].released_by", "s2")
    first.fill_from_span("releases[0].count", "s3")
    first.mark_done()
    assert first.close()
    (corpus / "a.txt").write_text(NEW, "utf-8")
    again = alice(corpus, tmp_path)
    again.open("a")
    return again


def test_carrying_over_saves_the_spans_at_their_new_offsets(
    stale_session: AnnotationSession,
) -> None:
    session = stale_session
    try:
        before = len(journal_lines(session))
        preview = session.carry_over_preview()
        assert preview is not None
        assert preview.summary() == "2 of 3 spans carried (2 moved), 1 left out"
        assert len(journal_lines(session)) == before  # nothing saved by the preview
        carried = session.carry_over()
        assert session.stale is None and session.stale_notice() is None
        lines = journal_lines(session)
        assert len(lines) == before + 1
        saved = lines[-1]
        assert saved["doc_sha256"] == session.document.sha256
        assert [(s["id"], s["start"], s["end"], s["text"]) for s in saved["spans"]] == [
            ("s1", 25, 31, "Russia"),
            ("s3", 52, 55, "146"),
        ]
        assert saved["status"] == "in_progress"
        assert saved["links"] == {"releases[0].count": ["s3"]}
        assert saved["form"]["releases"][0]["released_by"] == "Ukraine"  # kept, typed
        assert carried.lines() == [
            "2 of 3 spans carried (2 moved), 1 left out",
            "moved s1 'Russia' from 16 to 25",
            "moved s3 '146' from 43 to 52",
            "left out s2 actor 'Ukraine' (was at 27–34): its words are no longer in the text",
            "link dropped: releases #1 released_by from s2 (left out); its value stays, as typed",
        ]
        # Annotating goes on from the carried record.
        session.label_selection(*where(session, "Ukriane"), "actor")
        assert [s.id for s in session.record.spans] == ["s1", "s4", "s3"]  # s2 not reused
    finally:
        session.close()


def test_ctrl_z_gives_the_stale_record_back(stale_session: AnnotationSession) -> None:
    session = stale_session
    try:
        stale = session.stale
        assert stale is not None
        session.carry_over()
        session.label_selection(*where(session, "Sunday"), "date")
        session.undo()  # the label
        step = session.undo()  # the carry over
        assert step is not None
        assert step.text == "carry over: your record (3 spans, done) is back, stale here"
        assert session.stale is not None and session.stale.spans == stale.spans
        assert session.record.spans == []
        last = journal_lines(session)[-1]
        assert last["doc_sha256"] == stale.doc_sha256 and len(last["spans"]) == 3
        assert session.status_of("a") == "stale"
        with pytest.raises(Refused, match="stale"):
            session.undo()  # nothing more: it is stale again, as before ctrl+k
        session.carry_over()  # and it can be carried over again
        assert [s.id for s in session.record.spans] == ["s1", "s3"]
    finally:
        session.close()


def test_ctrl_z_does_not_undo_a_carry_over_under_later_work(
    stale_session: AnnotationSession,
) -> None:
    session = stale_session
    try:
        session.carry_over()
        session.toggle_flag()
        session.set_note("checked")
        # Two undos take the note and the flag; only the third gives the stale record back.
        assert [session.undo() is not None for _ in range(2)] == [True, True]
        assert session.stale is None and not session.record.flagged
        assert session.undo() is not None and session.stale is not None
    finally:
        session.close()


def test_carry_over_is_refused_on_a_current_record(tmp_path: Path) -> None:
    corpus = write_texts(tmp_path)
    session = alice(corpus, tmp_path)
    try:
        session.open("a")
        assert session.carry_over_preview() is None
        with pytest.raises(Refused, match="carry over is for a stale record"):
            session.carry_over()
    finally:
        session.close()


def test_the_stale_notice_and_refusals_name_both_keys(stale_session: AnnotationSession) -> None:
    session = stale_session
    try:
        notice = session.stale_notice() or ""
        assert notice.endswith(
            "ctrl+k twice carries it over to this text (its spans found anew by their words); "
            "ctrl+r twice starts over."
        )
        with pytest.raises(Refused, match=r"carry it over \(ctrl\+k twice\) or start over"):
            session.label_selection(*where(session, "Sunday"), "date")
    finally:
        session.close()


def test_an_unchanged_carry_over_keeps_the_record_done(tmp_path: Path) -> None:
    corpus = write_texts(tmp_path)
    first = alice(corpus, tmp_path)
    first.open("a")
    first.label_selection(*where(first, "Russia"), "actor")
    first.set_field("event_type", "exchange")
    first.mark_done()
    assert first.close()
    (corpus / "a.txt").write_text(OLD.replace("Sunday", "Sunday night"), "utf-8")
    session = alice(corpus, tmp_path)
    try:
        session.open("a")
        carried = session.carry_over()
        assert carried.unchanged
        assert session.record.status == "done"
        assert session.status_of("a") == "done"
    finally:
        session.close()


@pytest.mark.parametrize("replace", ["carry_over", "start_over"])
def test_ctrl_z_gives_the_stale_record_back_with_its_own_time(tmp_path: Path, replace: str) -> None:
    # After ctrl+k as after ctrl+r (one way back, session_stale._stale_again): the stale
    # banner names when the work was done, not the undo.
    import datetime as dt

    corpus = write_texts(tmp_path)
    first = alice(corpus, tmp_path)
    first.open("a")
    first.label_selection(*where(first, "Russia"), "actor")
    assert first.close()
    (corpus / "a.txt").write_text(NEW, "utf-8")
    later = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    session = open_session(
        corpus, "alice", None, tmp_path / "out", clock=FakeClock(), now=lambda: later
    )
    try:
        session.open("a")
        stale = session.stale
        assert stale is not None and stale.updated_at is not None
        assert stale.updated_at != later
        getattr(session, replace)()
        session.undo()
        assert session.stale is not None and session.stale.updated_at == stale.updated_at
        assert journal_lines(session)[-1]["updated_at"] == journal_lines(session)[-3]["updated_at"]
    finally:
        session.close()


def test_the_second_ctrl_k_carries_over_what_the_first_worked_out(
    stale_session: AnnotationSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long article's spans are placed once: the preview is kept for carry_over (a review
    timed 800 spans at 4 s, twice, on the screen's thread)."""
    import annotator.core.session_carry as session_carry

    calls: list[str] = []
    real = session_carry.carry_over

    def counted(stale: Record, text: str) -> CarriedOver:
        calls.append(stale.doc_id)
        return real(stale, text)

    monkeypatch.setattr(session_carry, "carry_over", counted)
    session = stale_session
    try:
        preview = session.carry_over_preview()
        assert session.carry_over_preview() is preview
        assert session.carry_over() is preview
        assert calls == ["a"]
        assert session.record.spans == preview.record.spans
    finally:
        session.close()


def test_a_preview_worked_out_elsewhere_is_kept_only_for_its_stale_record(
    stale_session: AnnotationSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The screen works the preview out off its thread: the annotator may have moved on."""
    import annotator.core.session_carry as session_carry

    session = stale_session
    try:
        stale = session.stale
        assert stale is not None
        preview = carry_over(stale, session.document.text)
        session.open("b")
        assert not session.keep_carry_over_preview(stale, preview)
        session.open("a")
        assert not session.keep_carry_over_preview(stale.model_copy(), preview)  # another
        assert session.keep_carry_over_preview(stale, preview)
        monkeypatch.setattr(session_carry, "carry_over", None)  # not worked out again
        assert session.carry_over() is preview
    finally:
        session.close()
