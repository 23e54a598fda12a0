"""The items editor says whose a link kept from the version item is (``review_typed_whence``):
``⛓ s5`` beside bob's count read the same whether bob linked it or the words typed did.

The case (``test_group_items_own``): bob's item D only he gave, its count linked to his "210"
(taken into gold first, as s5); its actors linked to gold's s3 and s1 by their words.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from annotator.core.review_typed_links import whence_line
from annotator.core.review_typed_start import ItemTexts, starting_items
from annotator.core.review_typed_whence import whence_said
from tests.test_group_align_data import write_case
from tests.test_group_items_own import records


@pytest.fixture
def session(tmp_path: Path) -> Iterator[ReviewSession]:
    corpus, journals = write_case(tmp_path, records())
    opened = open_review(journals, corpus, tmp_path / "gold.jsonl", "rita")
    opened.go_to("d1", "c1")
    opened.take(1)  # bob's "210" into gold: s5
    opened.go_to("d1", "c4")
    yield opened
    assert opened.close()


def test_bobs_own_link_is_said_his_the_others_the_words(session: ReviewSession) -> None:
    assert session.conflict is not None
    start, items = starting_items(session.conflict, session.scheme)
    assert start == 0
    (links,) = session.typed_item_links(items)
    assert dict(links) == {"released_by": ["s3"], "received_by": ["s1"], "count": ["s5"]}
    assert (links.carried, links.annotators) == ({"count": ["s5"]}, ["bob"])
    assert whence_line([links]) == "⛓ bob's link: count s5 · s3 s1 by the words typed"


def test_typed_away_or_from_scratch_nothing_is_bobs(session: ReviewSession) -> None:
    assert session.conflict is not None
    _start, (item,) = starting_items(session.conflict, session.scheme)
    assert isinstance(item, ItemTexts)
    away = ItemTexts({**item, "count": "211"}, item.origin)
    (links,) = session.typed_item_links([away])
    assert "count" not in links and links.carried == {}
    assert whence_line([links]) == ""
    # The same texts written from scratch: "210" is s5's words, the link the words', not bob's.
    (scratch,) = session.typed_item_links([ItemTexts(dict(item), None)])
    assert scratch["count"] == ["s5"] and scratch.by_words["count"] == ["s5"]
    assert scratch.carried == {} and scratch.annotators == []
    assert whence_line([scratch]) == ""


def test_several_items_are_numbered() -> None:
    said = whence_said(
        [
            (["ann1"], {"count": ["s6"], "date": ["s7"]}, []),
            ([], {}, ["s3"]),
            (["ann1", "ann2"], {"releasees": ["s8", "s9"]}, ["s4"]),
        ]
    )
    assert said == (
        "⛓ item 1 ann1's links: count s6, date s7; item 3 ann1 and ann2's links: releasees "
        "s8 s9 · s3 s4 by the words typed"
    )
    assert whence_said([([], {}, ["s3"])]) == ""
