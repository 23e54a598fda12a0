"""What the review says after a decision: a confirmation, and what it did beyond the panel.

The review case (tests/test_review_session_data.py): in d1, c1 is alice's count "146" and
releasee "prisoners" against bob's count "146 prisoners", c2 "Ukraine" (alice actor, bob
releasee), c3 bob's count "12".
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.review import ReviewSession
from annotator.core.review_notices import DrawnNotice, distinct_quotes
from annotator.core.review_open import open_review
from annotator.core.review_views import Place
from tests.test_agreement_data import (
    TEXT,
    record,
    span,
    write_corpus,
    write_journal,
    write_scheme,
)
from tests.test_review_left_out import CODE, COUNT_145, COUNT_WIDE, three_way
from tests.test_review_session_data import fixed_now, open_it, write_review_case


def test_taking_both_bounds_of_a_count_says_gold_now_overlaps(tmp_path: Path) -> None:
    # A user trial: t on alice's count "295" and bob's "295 prisoners" wrote both without a
    # word, and an export to conll then left one out.
    session = open_it(write_review_case(tmp_path))
    try:
        session.take_all()
        assert session.take_notices() == [
            "settled c1: took every version",
            "gold now holds overlapping count spans “146” and “146 prisoners” (an export to "
            "conll or hf keeps one) · ctrl+z undoes",
        ]
        counts = [(s.start, s.end) for s in session.records["d1"].spans if s.label == "count"]
        assert counts == [(13, 16), (13, 26)]  # both written: said, not refused
        # The same words given two labels are said too (tests/test_review_label_taken.py).
        session.take_all()
        assert session.take_notices() == [
            "settled c2: took every version",
            "gold now holds “Ukraine” as actor and releasee: the same words carry two labels "
            "(an export to conll or hf keeps one) · ctrl+z undoes",
        ]
    finally:
        assert session.close()


def test_each_decision_is_confirmed(tmp_path: Path) -> None:
    session = open_it(write_review_case(tmp_path))
    try:
        session.take_letter("b")
        session.take(0)
        session.reject_all()
        assert session.take_notices() == [
            # Bob's count “146 prisoners” is the span gold's releases #1 count names.
            "settled c1: took bob's version; releases #1 count linked to it",
            "settled c2: took alice's version",
            "settled c3: rejected bob's version",
        ]
    finally:
        assert session.close()


def test_a_version_taken_beside_gold_s_span_says_it_stays(tmp_path: Path) -> None:
    # K = 2: the count "146" is gold (alice, bob); c1 is alice's releasee "146 prisoners" (and
    # bob's count "146 prisoners", carol's 145 for the count).
    session = three_way(tmp_path, min_agree=2, carol=(COUNT_145,), bob=(COUNT_WIDE,))
    try:
        assert session.current == Place("d1", "c1")
        session.take(0)
        assert session.take_notices()[0] == (
            "settled c1: took alice's version; gold's count “146” stays beside it"
        )
    finally:
        assert session.close()


def test_a_version_giving_gold_s_span_another_value_says_the_value_changed(
    tmp_path: Path,
) -> None:
    # A user trial: K = 2 made the count "146" = 146 gold; carol's 145 was in the conflict.
    # Taking carol's sets that span's value (one span per place), while the notice said the
    # majority's span stayed beside it.
    session = three_way(tmp_path, min_agree=2, carol=(COUNT_145,), bob=(COUNT_WIDE,))
    try:
        view = session.view()
        assert view is not None
        assert [v.annotators for v in view.versions] == [("alice",), ("bob",), ("carol",)]
        session.take(2)
        assert session.take_notices()[0] == (
            "settled c1: took carol's version; gold's count “146” now = 145 (was 146)"
        )
        assert [(s.start, s.end, s.value) for s in session.records["d1"].spans] == [(13, 16, 145)]
    finally:
        assert session.close()


HOSTAGES_TEXT = "Rebels freed eight foreign hostages and two guards on Monday."


def _hostages_span(words: str) -> dict[str, object]:
    start = HOSTAGES_TEXT.index(words)
    return span("s1", start, start + len(words), "releasee", text=HOSTAGES_TEXT)


def test_spans_left_out_have_offsets_and_never_read_as_the_drawn_one(tmp_path: Path) -> None:
    # A user trial: drawn "eight foreign", left out "eight foreign hostages", and the notice
    # read "releasee “eight foreign” 80–93; left out: releasee “eight foreign…” (alice, carol)":
    # the two looked the same, and only the drawn one said where it lies.
    setup = write_review_case(tmp_path)
    corpus = write_corpus(tmp_path, {"d1": HOSTAGES_TEXT})
    marked = {
        "alice": "eight foreign hostages",
        "bob": "eight foreign hostages and two guards",
        "carol": "eight foreign hostages",
    }
    journals = [
        write_journal(
            tmp_path / f"{name}-h.jsonl",
            record(name, spans=[_hostages_span(words)], form=CODE, text=HOSTAGES_TEXT),
        )
        for name, words in marked.items()
    ]
    session = open_review(
        journals, corpus, setup["gold"], "rita", scheme_path=setup["scheme"], now=fixed_now
    )
    try:
        assert session.current == Place("d1", "c1")
        session.begin_edit()
        session.edit(13, 26, "releasee")  # "eight foreign"
        notice = session.take_notices()[0]
        assert isinstance(notice, DrawnNotice)
        assert notice == (
            "settled c1 with releasee “eight foreign”; left out: releasee “eight foreign "
            "hostages” (alice, carol); releasee “eight foreign hostages and…” (bob) · ctrl+z undoes"
        )
        assert notice.fitted(57) == (
            "settled c1 with releasee “eight foreign” 13–26; left out: releasee “eight foreign "
            "hostages” 13–35 (alice, carol); releasee “eight foreign hostages and…” 13–50 (bob)"
            " · ctrl+z undoes"
        )
    finally:
        assert session.close()


def test_quotes_are_cut_where_they_differ_from_each_other() -> None:
    assert distinct_quotes(["eight foreign", "eight foreign hostages"]) == [
        "“eight foreign”",
        "“eight foreign hostages”",
    ]
    long = "95 Kestrian fishermen held since March at Port Vell"
    assert distinct_quotes(["95 Kestrian", "95 Kestrian fishermen", long]) == [
        "“95 Kestrian”",
        "“95 Kestrian fishermen”",
        "“95 Kestrian fishermen held…”",
    ]
    # Quotes that differ within their first 20 characters are cut there, as every notice's;
    # the same words twice (at other places) cannot be told apart by cutting.
    assert distinct_quotes([long, "Ukraine", "Ukraine"]) == [
        "“95 Kestrian…”",
        "“Ukraine”",
        "“Ukraine”",
    ]
    # A longer limit (a toast's line) is kept.
    assert distinct_quotes(["eight foreign hostages"], 40) == ["“eight foreign hostages”"]


def linked_case(tmp_path: Path, bob_spans: list[dict[str, object]]) -> ReviewSession:
    """d1: alice's actor “Russia” against ``bob_spans`` (with both's count “146”); both answer
    releases #1 released by Russia, which no agreed span links."""
    scheme = write_scheme(tmp_path)
    corpus = write_corpus(tmp_path, {"d1": TEXT})
    form = {"code": "1", "releases": [{"released_by": "Russia", "count": 146}]}
    count = span("s9", 13, 16, "count", 146)
    journals = [
        write_journal(tmp_path / f"{name}.jsonl", record(name, spans=[*spans, count], form=form))
        for name, spans in (("alice", [span("s1", 0, 6, "actor")]), ("bob", bob_spans))
    ]
    session = open_review(
        journals, corpus, tmp_path / "gold.jsonl", "rita", scheme_path=scheme, now=fixed_now
    )
    assert "releases[0].released_by" not in session.records["d1"].links
    return session


def test_a_version_taken_says_the_fields_it_linked_as_e_says_them(tmp_path: Path) -> None:
    # A trial: taking a span linked an agreed field to it without a word (e says it).
    session = linked_case(tmp_path, [])
    try:
        session.take(0)
        assert session.take_notices()[0] == (
            "settled c1: took alice's version; releases #1 released_by linked to it"
        )
        gold = session.records["d1"]
        (actor,) = [one for one in gold.spans if one.label == "actor"]
        assert gold.links["releases[0].released_by"] == [actor.id]
    finally:
        assert session.close()


def test_versions_taken_name_the_span_each_field_is_linked_to(tmp_path: Path) -> None:
    session = linked_case(tmp_path, [span("s1", 0, 6, "releasee")])  # the same words
    try:
        session.take_all()
        gold = session.records["d1"]
        (actor,) = [one for one in gold.spans if one.label == "actor"]
        assert session.take_notices()[0] == (
            f"settled c1: took every version; releases #1 released_by linked to {actor.id} “Russia”"
        )
    finally:
        assert session.close()
