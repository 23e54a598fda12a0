"""A count span whose words are read as a number outside its label's range ("4,000" or "120"
labelled a count of at most 100) is left with no value (``value_range.in_range_or_none``), and
labelling says why, as it says why of words it does not read: a trial saw "95" get ``= 95`` and
"120" nothing, with no word (``value_unread.no_value_reason``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.scheme import default_scheme_path
from annotator.core.session import AnnotationSession, open_session
from tests.test_session_data import fixed_now

TEXT = "They freed 4,000 men, then 120, then 95, then 0 and none at all.\n"


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    scheme = default_scheme_path().read_text(encoding="utf-8")
    ranged = scheme.replace('value_type = "integer"\n', 'value_type = "integer"\nmax = 100\n', 1)
    ranged = ranged.replace("min = 0\n", "min = 1\n", 1)
    ranged = re.sub(r"(?m)^guidelines = .*\n", "", ranged)  # its file stays beside the scheme
    assert ranged.count("max = 100") == 1 and "min = 1\n" in ranged  # the count label's
    (tmp_path / "scheme.toml").write_text(ranged, encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(TEXT, encoding="utf-8")
    opened = open_session(
        corpus, "alice", tmp_path / "scheme.toml", tmp_path / "out", now=fixed_now
    )
    opened.open("a")
    opened.take_notices()
    yield opened
    opened.close()


def label(session: AnnotationSession, words: str) -> tuple[object, list[str]]:
    start = re.search(rf"(?<!\S){re.escape(words)}\b", session.text).start()  # "0", not 4,000's
    span = session.label_selection(start, start + len(words), "count")
    return span.value, session.take_notices()


def test_labelling_a_count_beyond_its_range_says_why_it_has_no_value(
    session: AnnotationSession,
) -> None:
    assert label(session, "4,000") == (
        None,
        ["s1 '4,000': no value: 4000 is more than its max = 100; v sets it"],
    )
    assert label(session, "120") == (
        None,
        ["s2 '120': no value: 120 is more than its max = 100; v sets it"],
    )
    assert label(session, "0") == (
        None,
        ["s3 '0': no value: 0 is less than its min = 1; v sets it"],
    )
    assert label(session, "95") == (95, [])  # within: its value, nothing said


def test_relabelling_and_rebounding_onto_a_count_beyond_its_range_say_it_too(
    session: AnnotationSession,
) -> None:
    start = session.text.index("4,000")
    session.label_selection(start, start + len("4,000"), "releasee")
    session.take_notices()
    session.selected = "s1"
    relabelled = session.label_selection(start, start, "count")  # the current span
    assert (relabelled.id, relabelled.value) == ("s1", None)
    assert session.take_notices() == [
        "relabelled s1 '4,000' releasee → count",
        "s1 '4,000': no value: 4000 is more than its max = 100; v sets it",
    ]
    start = session.text.index("men")
    session.label_selection(start, start + len("men"), "count")
    session.take_notices()
    start = session.text.index("120")
    moved = session.rebound(start, start + len("120"), "s2")
    assert moved.value is None
    assert session.take_notices() == [
        "re-bound s2 count 'men' → '120' (27–30)",
        "s2 '120': no value: 120 is more than its max = 100; v sets it",
    ]
