"""A count or date span whose words the readers do not read ("trois", "14 mars", "dimanche":
counts and dates are read in digits and English words) gets no value, and labelling says why,
naming the words, where such a span got none and no word (value_unread). No value is guessed
from them; words read and giving none on purpose (a vague count, an ambiguous 24/08/2025) are
not said to be unread."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.session import AnnotationSession, open_session
from annotator.core.value_unread import unread_count, unread_date
from tests.test_session_data import fixed_now

COUNTS = "(counts are read in digits and English words: 146, forty-one)"
DATES = "(dates are read in digits and English words: 14 March 2025, last Sunday)"
TEXT = (
    "date 2025-03-16 Le 14 mars, dimanche, trois prisonniers et des centaines d'autres. "
    "Hundreds more came back on the next Sunday, and 24/08/2025 too.\n"
)


@pytest.mark.parametrize(
    ("words", "why"),
    [
        ("trois", f"no number read in its words {COUNTS}"),
        ("trois prisonniers", f"no number read in its words {COUNTS}"),
        ("vingt-deux", f"no number read in its words {COUNTS}"),
        ("three", None),  # read: 3
        ("146 prisoners", None),
        ("hundreds", None),  # read, vague: none on purpose
        ("about 50", None),
        ("three and a half", None),
        ("~50", None),
    ],
)
def test_a_count_none_of_whose_words_is_read(words: str, why: str | None) -> None:
    assert unread_count(words) == why


@pytest.mark.parametrize(
    ("words", "why"),
    [
        ("14 mars", f"'mars' is not read in a date {DATES}"),
        ("dimanche", f"'dimanche' is not read in a date {DATES}"),
        ("le 14 mars 2025", f"'le', 'mars' are not read in a date {DATES}"),
        ("mars, mars", f"'mars' is not read in a date {DATES}"),  # named once
        ("the third of March", f"'third' is not read in a date {DATES}"),
        ("14 March", None),  # read
        ("on Sunday", None),
        ("24/08/2025", None),  # read, ambiguous: none on purpose
        ("the next Sunday", None),  # read: it follows a day in the text
    ],
)
def test_a_date_some_of_whose_words_are_not_read(words: str, why: str | None) -> None:
    assert unread_date(words, "2025-03-16") == why


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(TEXT, encoding="utf-8")
    opened = open_session(corpus, "alice", None, tmp_path / "out", now=fixed_now)
    opened.open("a")
    opened.take_notices()
    yield opened
    opened.close()


def label(session: AnnotationSession, words: str, name: str) -> list[str]:
    start = session.text.index(words)
    span = session.label_selection(start, start + len(words), name)
    assert span.value is None  # nothing guessed
    return session.take_notices()


def test_labelling_words_not_read_says_why_the_span_has_no_value(
    session: AnnotationSession,
) -> None:
    assert label(session, "14 mars", "date") == [
        f"s1 '14 mars': no value: 'mars' is not read in a date {DATES}; v sets it"
    ]
    assert label(session, "dimanche", "date") == [
        f"s2 'dimanche': no value: 'dimanche' is not read in a date {DATES}; v sets it"
    ]
    assert label(session, "trois prisonniers", "count") == [
        f"s3 'trois prisonniers': no value: no number read in its words {COUNTS}; v sets it"
    ]
    # Read, and none on purpose: nothing said of them, as before.
    assert label(session, "Hundreds", "count") == []
    assert label(session, "24/08/2025", "date") == []
    # Re-bounding onto words not read says it too, as labelling does.
    start = session.text.index("trois")
    session.selected = "s3"
    session.rebound(start, start + len("trois"))
    assert f"s3 'trois': no value: no number read in its words {COUNTS}; v sets it" in (
        session.take_notices()
    )
