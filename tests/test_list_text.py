"""A list field's item in double quotes keeps its commas (``list_text``): a trial typed
``scrap the fee rise, "vice-chancellor, resign"`` and stored three items, quotes in them. An
item holding a comma is shown back quoted, so what a field shows reads back as the same list:
on the annotation screen, in the review's ``e``, and for typing saved to another document."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.forms import typed_list, typed_text
from annotator.core.list_text import list_items, shown_item, shown_list
from annotator.core.models import sha256_text
from annotator.core.review_open import open_review
from annotator.core.review_typed_start import prefill
from annotator.core.session import AnnotationSession
from annotator.core.session_form_elsewhere import listed
from tests.test_agreement_data import write_corpus, write_journal
from tests.test_session_data import journal_lines, open_on

TRIAL = 'scrap the fee rise, "vice-chancellor, resign"'
TRIAL_ITEMS = ["scrap the fee rise", "vice-chancellor, resign"]


@pytest.mark.parametrize(
    ("typed", "items"),
    [
        (TRIAL, TRIAL_ITEMS),
        ("scrap the fee rise, “vice-chancellor, resign”", TRIAL_ITEMS),  # curly quotes
        ('  "vice-chancellor, resign"  , scrap', ["vice-chancellor, resign", "scrap"]),
        ('"say ""no"", now", b', ['say "no", now', "b"]),  # a doubled quote is one
        ("“a ”” b, c”", ["a ” b, c"]),
        ('"", a, " "', ["a"]),  # empty items left out, quoted or not
        # A quote that does not close before a comma or the end: read as typed.
        ('"Kill the Bill" march, b', ['"Kill the Bill" march', "b"]),
        ('a, "vice-chancellor, res', ["a", '"vice-chancellor', "res"]),  # half typed
        ('a "b, c" d', ['a "b', 'c" d']),  # a quote opens an item only at its start
        ('"a, b“, c', ['"a', "b“", "c"]),  # a curly quote does not close a straight one
        ("a, b,, c", ["a", "b", "c"]),
    ],
)
def test_quotes_keep_an_items_commas(typed: str, items: list[str]) -> None:
    assert typed_list(typed) == items


@pytest.mark.parametrize(
    ("item", "shown"),
    [
        ("scrap the fee rise", "scrap the fee rise"),
        ("vice-chancellor, resign", '"vice-chancellor, resign"'),
        ('say "no", now', '"say ""no"", now"'),
        ('"Kill the Bill"', '"""Kill the Bill"""'),  # begins with a quote
        ("“Kill the Bill”", '"“Kill the Bill”"'),
        ('the "Kill the Bill" march', 'the "Kill the Bill" march'),
    ],
)
def test_an_item_is_quoted_where_it_would_not_read_back(item: str, shown: str) -> None:
    assert shown_item(item) == shown
    assert typed_list(shown) == [item]


def test_the_trial_s_list_is_shown_quoted() -> None:
    assert typed_text(TRIAL_ITEMS) == TRIAL


# Text such as a list field is typed with: commas, both kinds of quote, spaces.
TYPED = st.text(alphabet=st.sampled_from(list('ab ,"“”\t')) | st.characters(), max_size=40)
ITEM = TYPED.map(str.strip).filter(bool)


@given(TYPED)
def test_what_a_field_shows_reads_back_as_what_was_typed(typed: str) -> None:
    items = typed_list(typed)
    assert typed_list(typed_text(items)) == items


@given(st.lists(ITEM, max_size=6))
def test_any_list_shown_reads_back_as_itself(items: list[str]) -> None:
    assert typed_list(typed_text(items)) == items
    assert [piece.text for piece in list_items(typed_text(items))] == (items or [""])


def test_known_items_stay_whole_beside_quoted_ones() -> None:
    known = ["Sergeant Pavel Ostrovin, 41"]
    typed = 'Sergeant Pavel Ostrovin, 41, "Marta, the driver", Dmitri'
    assert typed_list(typed, known) == [*known, "Marta, the driver", "Dmitri"]
    # Quoted pieces are never joined into a known item.
    assert typed_list('"Sergeant Pavel Ostrovin", 41', known) == ["Sergeant Pavel Ostrovin", "41"]


# A pasted list of 1,000 names (9 KB): read at each pause in the typing, at a quit and at d,
# on the screen's thread. Every run of pieces was tried as a known item: seconds per reading.
NAMES = [f"Name{number:04d}" for number in range(1000)]


JOINED = "Name0500, Name0501, Name0502"
WHOLE = ", ".join(NAMES)  # the whole list, known as one item (a span over all of it)


@pytest.mark.parametrize(
    ("known", "items"),
    [
        ([], NAMES),
        (["Sergeant Pavel Ostrovin, 41"], NAMES),
        (NAMES, NAMES),
        ([*NAMES, JOINED], [*NAMES[:500], JOINED, *NAMES[503:]]),
        ([WHOLE], [WHOLE]),
    ],
)
def test_a_long_pasted_list_reads_as_its_items(known: list[str], items: list[str]) -> None:
    assert typed_list(WHOLE, known) == items
    assert typed_list(shown_list(items, known), known) == items
    assert typed_list(shown_list(NAMES, known), known) == NAMES  # shown apart


def test_separate_items_joined_as_a_known_item_s_words_are_shown_so_as_to_stay_apart() -> None:
    known = ["a, b"]
    assert typed_list("a, b", known) == ["a, b"]  # typed as the known item's words: it
    assert shown_list(["a", "b"], known) == '"a", b'  # so separate items are shown apart
    assert typed_list('"a", b', known) == ["a", "b"]
    assert shown_list(["a, b"], known) == '"a, b"'
    assert shown_list(["x", "a", "b", "c"], ["a, b, c", "b, c"]) == 'x, "a", "b", c'
    assert shown_list(["a", "b"], ["b, c"]) == "a, b"  # nothing to join: as before


# Known items made of the items' own words joined, as linked spans' or other versions' are.
@given(st.lists(ITEM, max_size=6), st.lists(st.tuples(st.integers(0, 5), st.integers(2, 4))))
def test_any_list_shown_with_known_items_reads_back_as_itself(
    items: list[str], runs: list[tuple[int, int]]
) -> None:
    known = [", ".join(items[start : start + size]) for start, size in runs]
    assert typed_list(typed_text(items, known), known) == items


NAME = "Sergeant Pavel Ostrovin, 41"
TEXT = f"date 2024-03-17 Freed were {NAME}, and Marta Ostrovina.\n"
PATH = "releases[0].releasees"


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    yield from open_on(tmp_path, TEXT)


def test_the_annotation_screen_stores_a_quoted_item_whole(session: AnnotationSession) -> None:
    session.add_group_item("releases")
    assert session.set_field(PATH, TRIAL)
    assert journal_lines(session)[-1]["form"]["releases"][0]["releasees"] == TRIAL_ITEMS
    # What the field shows again is read as what is saved (d, a redraw, a pause save).
    shown = typed_text(session.field_value(PATH))
    assert shown == TRIAL
    assert session.typed_is_saved(PATH, shown)
    assert not session.set_field(PATH, shown)  # nothing new to save


def test_an_item_typed_quoted_as_a_span_s_words_is_linked_by_ctrl_l(
    session: AnnotationSession,
) -> None:
    start = session.text.index(NAME)
    span = session.label_selection(start, start + len(NAME), "releasee")
    session.add_group_item("releases")
    session.set_field(PATH, f'"{NAME}", Marta Ostrovina')
    session.fill_from_span(PATH, span.id)  # listed already: linked, not listed twice
    line = journal_lines(session)[-1]
    assert line["form"]["releases"][0]["releasees"] == [NAME, "Marta Ostrovina"]
    assert line["links"][PATH] == [span.id]
    # Typed over, quoted as shown, the item keeps its link.
    session.set_field(PATH, f"{typed_text(session.field_value(PATH))}, Dmitri")
    line = journal_lines(session)[-1]
    assert line["form"]["releases"][0]["releasees"] == [NAME, "Marta Ostrovina", "Dmitri"]
    assert line["links"][PATH] == [span.id]


REVIEW_TEXT = f"The Front freed {NAME}, and Zoë N'Diaye on Sunday."


def review_journal(name: str, releasees: list[str]) -> dict[str, object]:
    spans = [
        (sid, words, label)
        for sid, words, label in (
            ("s1", "Front", "actor"),
            ("s2", NAME, "releasee"),
            ("s3", "Zoë N'Diaye", "releasee"),
        )
    ]
    release = {
        "released_by": "Front",
        "received_by": None,
        "count": None,
        "date": None,
        "releasees": releasees,
    }
    return {
        "schema_version": 1,
        "doc_id": "d1",
        "doc_sha256": sha256_text(REVIEW_TEXT),
        "annotator": name,
        "status": "done",
        "spans": [
            {
                "id": sid,
                "start": REVIEW_TEXT.index(words),
                "end": REVIEW_TEXT.index(words) + len(words),
                "label": label,
                "text": words,
                "value": None,
            }
            for sid, words, label in spans
        ],
        "form": {"event_type": "unilateral_release", "releases": [release]},
        "links": {"releases[0].released_by": ["s1"]},
    }


def test_the_review_s_e_reads_quotes_and_links_items_by_their_words(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path, {"d1": REVIEW_TEXT})
    journals = [
        write_journal(tmp_path / f"{name}.jsonl", review_journal(name, given))
        for name, given in (("ann1", [NAME]), ("ann2", [NAME, "Zoë N'Diaye"]))
    ]
    session = open_review(journals, corpus, tmp_path / "gold.jsonl", "rev")
    try:
        record = session.records["d1"]
        found = next(c for c in record.conflicts if c.get("path") == PATH)
        session.go_to("d1", found["id"])
        session.settle_typed(f'"Marta, the driver", “{NAME}”, Zoë N\'Diaye')
        gold = session.records["d1"]
        releasees = ["Marta, the driver", NAME, "Zoë N'Diaye"]
        assert gold.form["releases"][0]["releasees"] == releasees
        assert gold.links[PATH] == ["s2", "s3"]  # by their words; Marta typed
    finally:
        assert session.close()


def test_a_version_s_separate_items_shown_in_the_review_s_e_settle_as_they_are(
    tmp_path: Path,
) -> None:
    # One annotator gave the span's words as one item, the other as two: the editor shows
    # the first version's two apart, and enter settles with them, not with the other's one.
    corpus = write_corpus(tmp_path, {"d1": REVIEW_TEXT})
    apart = ["Sergeant Pavel Ostrovin", "41"]
    journals = [
        write_journal(tmp_path / f"{name}.jsonl", review_journal(name, given))
        for name, given in (("ann1", apart), ("ann2", [NAME]))
    ]
    session = open_review(journals, corpus, tmp_path / "gold.jsonl", "rev")
    try:
        record = session.records["d1"]
        found = next(c for c in record.conflicts if c.get("path") == PATH)
        shown = prefill(found, session.scheme)
        assert shown == '"Sergeant Pavel Ostrovin", 41'
        session.go_to("d1", found["id"])
        session.settle_typed(shown)
        assert session.records["d1"].form["releases"][0]["releasees"] == apart
    finally:
        assert session.close()


def test_a_field_s_separate_items_beside_a_span_linked_with_their_words_read_back_apart(
    session: AnnotationSession,
) -> None:
    # The form shows a list with the field's items and linked spans known (form_panel), as
    # the session reads what it shows (``typed_is_saved``, a pause's save).
    start = session.text.index(NAME)
    span = session.label_selection(start, start + len(NAME), "releasee")
    session.add_group_item("releases")
    session.set_field(PATH, '"Sergeant Pavel Ostrovin", 41')
    session.link_span(PATH, span.id)
    apart = ["Sergeant Pavel Ostrovin", "41"]
    assert session.field_value(PATH) == apart
    shown = typed_text(apart, listed(session.record, PATH, session.scheme))
    assert shown == '"Sergeant Pavel Ostrovin", 41'
    assert session.typed_is_saved(PATH, shown)
    assert not session.typed_is_saved(PATH, typed_text(apart))  # that reads as the span's
