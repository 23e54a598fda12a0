"""An item only some annotators gave, a conflict of its own (path ``releases``), named where a
line speaks of it: ``r`` says which item it left out of gold (not "rejected every version"),
its undo says so too, ``t`` is not offered beside its one version (it is that version's
number), and export's "open conflicts not written" names the item, not ``field releases``.

The journals are tests/test_group_items_own.py's: alice gives A, B and C, bob A, C' and D; c1
is bob's "210" span, c2 the count of C, c3 alice's B, c4 bob's D.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.corpus import open_corpus
from annotator.core.formats.export import export_records
from annotator.core.item_brief import item_fields_brief
from annotator.core.merge import merge_files
from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from annotator.core.scheme import load_default_scheme
from annotator.core.session_edits import Refused
from annotator.tui.review_panel_keys import settle_key_rows
from tests.test_group_align_data import write_case
from tests.test_group_items_own import records
from tests.test_review_session_data import open_it, write_review_case

D_BRIEF = "Ostreva → Drava People's Authority, 210, 2024-06-20"
B_BRIEF = "Ostreva → Drava People's Authority, 50, 2024-06-03"


@pytest.fixture
def session(tmp_path: Path) -> Iterator[ReviewSession]:
    corpus, journals = write_case(tmp_path, records())
    opened = open_review(journals, corpus, tmp_path / "gold.jsonl", "rita")
    yield opened
    assert opened.close()


def test_r_on_an_item_only_some_gave_says_which_item_it_left_out(session: ReviewSession) -> None:
    session.go_to("d1", "c4")
    session.reject_all()
    assert session.take_notices() == [
        f"settled c4: releases: left out the item bob gave ({D_BRIEF})"
    ]
    session.undo()
    assert session.take_notices() == [
        f"undid: d1 c4 is open again — releases: left out the item bob gave ({D_BRIEF})"
    ]


def test_r_on_one_version_names_whose_it_was(tmp_path: Path) -> None:
    # c1 is bob's "210", a span alice did not mark: her version holds nothing.
    corpus, journals = write_case(tmp_path, records())
    session = open_review(journals, corpus, tmp_path / "gold.jsonl", "rita")
    try:
        session.go_to("d1", "c1")
        session.reject_all()
        assert session.take_notices() == ["settled c1: rejected bob's version"]
    finally:
        assert session.close()


def test_t_is_not_offered_beside_one_version_and_is_beside_two(
    session: ReviewSession, tmp_path: Path
) -> None:
    scheme = load_default_scheme()
    # Two items and a span, each given by one annotator (alice's "nothing here" at the span
    # is a version too, but t there is bob's b).
    for lone in ("c3", "c4", "c1"):
        session.go_to("d1", lone)
        view = session.view()
        assert view is not None and len(view.versions) == (2 if lone == "c1" else 1)
        assert not view.can_take_all
        assert "t" not in [row.key for row in settle_key_rows(scheme, view, False)]
    (tmp_path / "two").mkdir()
    two = open_it(write_review_case(tmp_path / "two"))  # c1: alice's and bob's counts
    try:
        view = two.view()
        assert view is not None and len(view.versions) == 2 and view.can_take_all
        assert "t" in [row.key for row in settle_key_rows(scheme, view, False)]
    finally:
        assert two.close()


def test_export_names_each_open_item_by_who_gave_it_and_its_fields(tmp_path: Path) -> None:
    corpus, journals = write_case(tmp_path, records())
    gold = tmp_path / "gold.jsonl"
    merge_files(journals, gold, load_default_scheme(), "rita", corpus=open_corpus(corpus))
    said: list[str] = []
    # brat writes the form, so its disputed answers are named too (conll, hf… only spans).
    export_records(
        gold, "brat", tmp_path / "o", corpus=corpus, status="all", on_warning=said.append
    )
    (line,) = [one for one in said if "open conflicts not written" in one]
    assert line == (
        "d1: 4 open conflicts not written (span 116–119 '210', field releases[1].count, "
        f"releases: the item alice gave ({B_BRIEF}), 1 more); settle them with annotator review"
    )


def test_an_items_brief_reads_its_parties_then_figures() -> None:
    item = {
        "released_by": "Kestria",
        "received_by": "Norvania",
        "count": 95,
        "date": None,
        "releasees": ["Ana", "Ben"],
    }
    group = load_default_scheme().field("releases")
    assert item_fields_brief(item, group) == "Kestria → Norvania, 95"
    assert item_fields_brief({"count": None, "releasees": ["Ana", "Ben"]}, group) == "Ana +1"
    assert item_fields_brief({"count": None}, group) == "(an empty item)"


def test_one_version_is_taken_with_1_not_1_to_1(session: ReviewSession) -> None:
    session.go_to("d1", "c4")
    view = session.view()
    assert view is not None
    rows = settle_key_rows(load_default_scheme(), view, False)
    assert (rows[0].key, rows[0].action) == ("1", "add that version's item to gold")


def test_the_absent_annotators_letter_names_the_one_number(session: ReviewSession) -> None:
    # c3 is alice's B: bob gave nothing there, and its one version is 1.
    session.go_to("d1", "c3")
    with pytest.raises(Refused) as refused:
        session.take_letter("b")
    assert str(refused.value) == (
        "bob gave nothing here: press a (or 1) to take a version, r to reject"
    )
