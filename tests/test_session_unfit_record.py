"""A record of this very text whose spans do not fit it (a journal line edited by hand: a span's
text changed, an end past the text) is not applied: the document is read-only, as for a stale
record, with its own words naming the problem, and ctrl+k / ctrl+r are the ways out. A trial's
damaged line opened without a word, and each later save wrote the damage again."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from annotator.core.session import AnnotationSession, Refused, open_session
from tests.test_session_data import FakeClock, fixed_now, journal_lines, where, write_texts


def alice(corpus: Path, tmp_path: Path) -> AnnotationSession:
    return open_session(corpus, "alice", None, tmp_path / "out", clock=FakeClock(), now=fixed_now)


def damaged(tmp_path: Path, **span: object) -> tuple[AnnotationSession, bytes]:
    """alice's done record of a (Russia, Ukraine), its first span then edited by hand as
    ``span`` says; the session opened again on a, and the journal's bytes before."""
    corpus = write_texts(tmp_path)
    first = alice(corpus, tmp_path)
    first.open("a")
    for word in ("Russia", "Ukraine"):
        first.label_selection(*where(first, word), "actor")
    first.set_field("event_type", "exchange")
    first.mark_done()
    journal = first.journal
    assert first.close()
    *before, last = journal.read_bytes().splitlines()
    record = orjson.loads(last)
    record["spans"][0] |= span
    data = b"".join(line + b"\n" for line in [*before, orjson.dumps(record)])
    journal.write_bytes(data)
    again = alice(corpus, tmp_path)
    again.open("a")
    return again, data


@pytest.mark.parametrize(
    ("span", "problem"),
    [
        ({"text": "Rusxia"}, "spans.0.text: 'Rusxia' does not match the text at 16..22: 'Russia'"),
        ({"end": 9999}, "spans.0.end: 9999 is past the end of the text (68)"),
    ],
)
def test_a_damaged_record_is_not_applied_and_is_said(
    tmp_path: Path, span: dict[str, object], problem: str
) -> None:
    session, data = damaged(tmp_path, **span)
    try:
        assert session.stale is not None and session.record.spans == []
        assert session.stale_title() == "Does not fit the text"
        notice = session.stale_notice()
        assert notice is not None
        assert f"its spans do not fit it: {problem} (its line in {session.journal}" in notice
        assert "ctrl+k twice carries it over" in notice
        with pytest.raises(Refused, match=r"^this document's record does not fit its text"):
            session.label_selection(*where(session, "146"), "count")
        assert session.journal.read_bytes() == data  # nothing written, the damage not again
    finally:
        session.close()


def test_carrying_it_over_places_its_spans_by_their_words(tmp_path: Path) -> None:
    session, _data = damaged(tmp_path, text="Rusxia")
    try:
        carried = session.carry_over()
        assert carried.lines()[1:] == [
            "left out s1 actor 'Rusxia' (was at 16–22): its words are no longer in the text"
        ]
        assert session.stale is None and session.stale_notice() is None
        saved = journal_lines(session)[-1]
        assert [(s["start"], s["end"], s["text"]) for s in saved["spans"]] == [
            (27, 34, "Ukraine"),
        ]
        session.label_selection(*where(session, "146"), "count")  # annotating goes on
    finally:
        session.close()


def test_a_stale_record_keeps_its_own_words(tmp_path: Path) -> None:
    corpus = write_texts(tmp_path)
    first = alice(corpus, tmp_path)
    first.open("a")
    first.label_selection(*where(first, "Russia"), "actor")
    assert first.close()
    (corpus / "a.txt").write_text("Another text: Russia.\n", "utf-8")
    again = alice(corpus, tmp_path)
    try:
        again.open("a")
        assert again.stale_title() == "Stale"
        assert "was made for another text" in (again.stale_notice() or "")
        with pytest.raises(Refused, match=r"^this document's record is stale \(made for another"):
            again.label_selection(0, 7, "actor")
    finally:
        again.close()
