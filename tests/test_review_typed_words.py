"""A field typed in review's item editor (``e`` on ``releases``) or for an item's field
conflict is linked to the one gold span whose words it holds (``review_typed_words``): a
reviewer's trial typed ``released_by`` as the words of gold span s3 and gold kept the value
with no link. Several spans of those words: none linked, the count said. What the editor
shows is what enter saves, and the message after saving says it."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.models import GoldRecord, Span
from annotator.core.review_item_field import item_place, typed_links
from annotator.core.review_open import open_review
from annotator.core.review_typed import settle_typed
from annotator.core.review_typed_links import typed_item_links, words_said
from annotator.core.review_typed_start import ItemTexts, blank_item, version_items
from annotator.core.review_typed_words import words_links
from annotator.core.scheme import Scheme
from tests.test_agreement_data import TEXT, scheme
from tests.test_group_align_data import write_case
from tests.test_group_items_own import records
from tests.test_group_items_typed import RECORDS, merged, typed_from

# TEXT: "Russia freed 146 prisoners and Ukraine freed 12 soldiers on Sunday."; merged: s1
# Russia, s2 146, s3 Ukraine, s4 12 (c2 alice's release Russia -> 146, c3 bob's).


@pytest.fixture
def test_scheme(tmp_path: Path) -> Scheme:
    return scheme(tmp_path)


def scratch(group_scheme: Scheme, **texts: str) -> list[ItemTexts]:
    """One item written from scratch (no version item it began as)."""
    item = blank_item(group_scheme.fields[2])
    item.update(texts)
    return [item]


def with_second_russia(made: GoldRecord) -> GoldRecord:
    """``made`` with a second gold "Russia" actor span (s9), as in "Russia ... Russia"."""
    text = TEXT.replace(" on Sunday.", " on Sunday Russia.")
    at = text.rindex("Russia")
    second = Span(id="s9", start=at, end=at + 6, label="actor", text="Russia")
    return made.model_copy(update={"spans": [*made.spans, second]})


def test_exact_words_link_the_span_shown_and_saved(test_scheme: Scheme) -> None:
    made = merged(test_scheme, RECORDS)
    typed = scratch(test_scheme, released_by="Ukraine")
    shown = typed_item_links(made, "c2", typed, test_scheme, RECORDS)
    assert shown == [{"released_by": ["s3"]}]
    assert shown[0].by_words == {"released_by": ["s3"]}
    settled = settle_typed(made, "c2", typed, test_scheme, RECORDS)
    assert settled.links["releases[0].released_by"] == ["s3"]
    assert words_said(shown) == "released_by linked to s3 (its words)"


def test_whitespace_runs_alike(test_scheme: Scheme) -> None:
    made = merged(test_scheme, RECORDS)
    spaced = made.model_copy(
        update={
            "spans": [
                *made.spans,
                Span(id="s9", start=0, end=12, label="actor", text="Russia\tfreed"),
            ]
        }
    )
    typed = scratch(test_scheme, released_by="  Russia   freed ")
    assert typed_item_links(spaced, "c2", typed, test_scheme) == [{"released_by": ["s9"]}]
    # Words are compared whole: a part of a span's words is no span's.
    typed = scratch(test_scheme, released_by="Russia fr")
    assert typed_item_links(spaced, "c2", typed, test_scheme) == [{}]


def test_an_integer_links_the_span_of_that_value(test_scheme: Scheme) -> None:
    made = merged(test_scheme, RECORDS)
    typed = scratch(test_scheme, count="12")
    assert typed_item_links(made, "c2", typed, test_scheme, RECORDS) == [{"count": ["s4"]}]
    saved = settle_typed(made, "c2", typed, test_scheme, RECORDS)
    assert saved.links == {"releases[0].count": ["s4"]}
    # A number no span gives: no link.
    assert typed_item_links(made, "c2", scratch(test_scheme, count="13"), test_scheme) == [{}]


def test_words_of_several_spans_link_none_and_say_so(test_scheme: Scheme) -> None:
    made = with_second_russia(merged(test_scheme, RECORDS))
    typed = scratch(test_scheme, released_by="Russia", count="146")
    shown = typed_item_links(made, "c2", typed, test_scheme)
    assert shown == [{"count": ["s2"]}]
    assert shown[0].several == {"released_by": 2}
    saved = settle_typed(made, "c2", typed, test_scheme)
    assert "releases[0].released_by" not in saved.links
    assert words_said(shown) == (
        "count linked to s2 (its value); released_by not linked: 2 spans give it"
    )


def test_the_version_items_link_keeps_precedence(test_scheme: Scheme) -> None:
    # alice's Russia is linked to s1; another "Russia" span (s9) makes the words ambiguous,
    # but the value is the version item's: its link stays, nothing is said ambiguous.
    made = with_second_russia(merged(test_scheme, RECORDS))
    typed = typed_from(test_scheme, made, 0)
    shown = typed_item_links(made, "c2", typed, test_scheme)
    assert shown == [{"released_by": ["s1"], "count": ["s2"]}]
    assert (shown[0].by_words, shown[0].several) == ({}, {})
    # Typed to bob's words, alice's item's link goes and the words' comes.
    typed = typed_from(test_scheme, made, 0, released_by="Ukraine")
    assert typed_item_links(made, "c2", typed, test_scheme)[0]["released_by"] == ["s3"]


def test_a_list_links_each_item_of_one_spans_words(test_scheme: Scheme) -> None:
    made = merged(test_scheme, RECORDS)
    releasees = test_scheme.fields[2].model_copy(update={"type": "list", "from_label": "actor"})
    assert words_links(made, releasees, ["Russia", "Kyiv", "Ukraine"]) == (["s1", "s3"], 0)
    # An item held by a span linked already is left to it.
    assert words_links(made, releasees, ["Russia", "Ukraine"], ["s1"]) == (["s3"], 0)


def test_an_items_field_conflict_typed_is_linked_by_its_words(tmp_path: Path) -> None:
    # c2: releases[1].count, 12 (alice) or 13 (bob), neither linked; gold's one count span
    # is s2, "187" (the first release's).
    corpus, journals = write_case(tmp_path, records())
    session = open_review(journals, corpus, tmp_path / "gold.jsonl", "rita")
    try:
        record = session.records["d1"]
        conflict = next(c for c in record.conflicts if c["id"] == "c2")
        place = item_place(session.scheme, conflict)
        assert place is not None
        assert typed_links(record, conflict, place[2], 187) == {"releases[1].count": ["s2"]}
        assert typed_links(record, conflict, place[2], 12) == {}
        session.go_to("d1", "c2")
        session.settle_typed("187")
        assert session.take_notices()[0] == (
            "settled c2: releases #2 count = 187 (typed), linked to s2"
        )
        assert session.records["d1"].links["releases[1].count"] == ["s2"]
    finally:
        assert session.close()


def test_items_typed_say_the_links_their_words_made(tmp_path: Path) -> None:
    # c4: bob's release Ostreva -> Drava People's Authority, 210 (his "210" is not gold);
    # gold's actor spans: s1 Drava People's Authority, s3 Ostreva.
    corpus, journals = write_case(tmp_path, records())
    session = open_review(journals, corpus, tmp_path / "gold.jsonl", "rita")
    try:
        session.go_to("d1", "c4")
        conflict = session.conflict
        assert conflict is not None
        items = version_items(conflict, session.scheme, 0)
        session.settle_typed(items)
        assert session.take_notices()[0] == (
            "settled c4 with bob's item unchanged; released_by linked to s3 (its words); "
            "received_by linked to s1 (its words)"
        )
        links = session.records["d1"].links
        assert (links["releases[2].released_by"], links["releases[2].received_by"]) == (
            ["s3"],
            ["s1"],
        )
    finally:
        assert session.close()
