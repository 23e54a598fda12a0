"""A date read from the dateline ("Monday", "yesterday", "24 August") in an article with none
gets no value, and labelling it says so, and what a dateline is: a trial's "Monday" labelled a
date in such an article got no value and no word. A day opening the article's first line as a
wire dateline gives it ("LISBON, 14 March 2025 — ...") is named, never read as one."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.normalise_dates import needs_dateline, no_dateline_words, opening_day
from annotator.core.session import AnnotationSession, open_session
from tests.test_session_data import fixed_now

TEXTS = {
    "a_wire": "LISBON, 14 March 2025 — Tenants marched on Saturday. Two days later, a vote.\n",
    "b_plain": "Tenants marched on Saturday, from 24 August on.\n",
    "c_dated": "date 2025-03-14 Tenants marched on Saturday.\n",
}


@pytest.mark.parametrize(
    ("words", "needs"),
    [
        ("Monday", True),
        ("on Saturday", True),
        ("last Sunday", True),
        ("yesterday", True),
        ("24 August", True),  # its year
        ("last month", True),
        ("7 June 2024", False),  # a whole date
        ("two days later", False),  # counts from a date before it (normalise_relative)
        ("the next Sunday", False),  # the one after a date in the text: none either way
        ("soon", False),
    ],
)
def test_words_read_from_the_dateline(words: str, needs: bool) -> None:
    assert needs_dateline(words, None) is needs
    assert needs_dateline(words, "2025-03-14") is False  # there is one


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("LISBON, 14 March 2025 — Thousands", ("14 March 2025", "2025-03-14")),
        ("March 14, 2025 – Police said", ("March 14, 2025", "2025-03-14")),
        ("WASHINGTON (Reuters), 3 June 2025 - x", ("3 June 2025", "2025-06-03")),
        ("On 14 March 2025, police said", None),  # a sentence, no dateline
        ("LISBON, 14 March 2025. Police", None),  # no dash after it
        ("LISBON, March 2025 — x", None),  # no day
        ("Tenants marched.\nLISBON, 14 March 2025 — x", None),  # not the first line
    ],
)
def test_a_day_opening_the_first_line_as_a_dateline(text: str, day: tuple[str, str] | None) -> None:
    assert opening_day(text) == day


def test_what_a_dateline_is_names_the_opening_day() -> None:
    assert no_dateline_words("Tenants marched.") == "(a first line 'date YYYY-MM-DD')"
    assert no_dateline_words(TEXTS["a_wire"]) == (
        "(a first line 'date YYYY-MM-DD'; '14 March 2025' in its first line is not read as one)"
    )


@pytest.fixture
def session(tmp_path: Path) -> AnnotationSession:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for doc_id, text in TEXTS.items():
        (corpus / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    return open_session(corpus, "alice", None, tmp_path / "out", now=fixed_now)


def label(session: AnnotationSession, words: str, name: str = "date") -> str:
    start = session.text.index(words)
    span = session.label_selection(start, start + len(words), name)
    return span.id


def test_labelling_a_date_read_from_no_dateline_says_why_it_has_no_value(
    session: AnnotationSession,
) -> None:
    try:
        session.open("a_wire")
        session.take_notices()
        s1 = label(session, "Saturday")
        assert session.record.span_by_id(s1).value is None  # never read from the opening
        assert session.take_notices() == [
            "s1 'Saturday': no value: it is read from the dateline, and this article has none "
            "(a first line 'date YYYY-MM-DD'; '14 March 2025' in its first line is not read "
            "as one); v sets it"
        ]
        # Counted from it: the nearest date before has none, and why is said.
        label(session, "Two days later")
        assert session.take_notices() == [
            "s2 'Two days later': no value: 2 days after s1 'Saturday', the nearest date "
            "before it, which has no value: it is read from the dateline, and this article "
            "has none (a first line 'date YYYY-MM-DD'; '14 March 2025' in its first line is "
            "not read as one); v sets it"
        ]

        session.open("b_plain")
        session.take_notices()
        label(session, "24 August")
        assert session.take_notices() == [
            "s1 '24 August': no value: it is read from the dateline, and this article has "
            "none (a first line 'date YYYY-MM-DD'); v sets it"
        ]
        # Relabelled a date (here from an actor): said the same way.
        span_id = label(session, "Saturday", "actor")
        session.take_notices()
        start = session.text.index("Saturday")
        session.label_selection(start, start + len("Saturday"), "date")
        assert session.take_notices() == [
            f"relabelled {span_id} 'Saturday' actor → date",
            f"{span_id} 'Saturday': no value: it is read from the dateline, and this article "
            "has none (a first line 'date YYYY-MM-DD'); v sets it",
        ]

        # With a dateline, the value, and no such word.
        session.open("c_dated")
        session.take_notices()
        s1 = label(session, "Saturday")
        assert session.record.span_by_id(s1).value == "2025-03-08"
        assert session.take_notices() == []
    finally:
        session.close()
