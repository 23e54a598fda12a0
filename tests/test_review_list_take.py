"""Taking a top-level list field's versions (``t``, or a number key) writes the list in the
order of the spans its items are linked to in the text, with those links in the items' order,
as the annotation screen keeps a list (``review_list_take``, ``list_links``).

A session on tests/test_review_links_data.py's TEXT and LINK_SCHEME, whose ``freed_by`` is a
list filled from actor spans: "Russia" (0-6, gold s1) and "Ukraine" (31-38, gold s2), both
marked by alice and bob, who list them in ``freed_by`` differently. ``t`` gave the versions'
lists one after the other (alice's "Ukraine" first, the later in the text) and no link: no
annotator gave the union, so merge's rule carried none.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from tests.test_agreement_data import TEXT, write_corpus, write_journal
from tests.test_review_links_data import RUSSIA, UKRAINE, annotator, spans, write_link_scheme

IDS = {"Russia": "1", "Ukraine": "3"}


def journal(tmp_path: Path, name: str, freed_by: list[str]) -> Path:
    """``name``'s record: "Russia" and "Ukraine" marked, ``freed_by`` linked to them in its
    order (as an older journal may hold a list)."""
    prefix = name[0]
    work = annotator(
        name,
        spans((f"{prefix}1", RUSSIA), (f"{prefix}3", UKRAINE)),
        {"freed_by": freed_by},
        {"freed_by": [f"{prefix}{IDS[one]}" for one in freed_by]},
    )
    return write_journal(tmp_path / f"{name}.jsonl", orjson.loads(work.model_dump_json()))


def opened(tmp_path: Path, alice: list[str], bob: list[str]) -> ReviewSession:
    write_link_scheme(tmp_path)
    corpus = write_corpus(tmp_path, {"d1": TEXT})
    journals = [journal(tmp_path, "alice", alice), journal(tmp_path, "bob", bob)]
    return open_review(
        journals, corpus, tmp_path / "gold.jsonl", "rita", scheme_path=tmp_path / "links.toml"
    )


def gold_list(session: ReviewSession) -> tuple[Any, Any]:
    gold = session.records["d1"]
    return gold.form.get("freed_by"), gold.links.get("freed_by")


def test_t_on_a_list_follows_its_spans_in_the_text_and_keeps_their_links(tmp_path: Path) -> None:
    session = opened(tmp_path, ["Ukraine"], ["Russia"])
    try:
        (conflict,) = session.records["d1"].conflicts
        assert conflict["path"] == "freed_by"
        assert [v["value"] for v in conflict["versions"]] == [["Ukraine"], ["Russia"]]
        session.take_all()
        assert gold_list(session) == (["Russia", "Ukraine"], ["s1", "s2"])
    finally:
        assert session.close()


def test_a_list_taken_whole_is_in_text_order_its_links_at_its_items(tmp_path: Path) -> None:
    # alice's list (out of text order, links ["a3", "a1"]) holds bob's: merge's rule carries
    # her links whether her version is taken alone or with bob's.
    session = opened(tmp_path, ["Ukraine", "Russia"], ["Russia"])
    try:
        session.take(0)
        assert gold_list(session) == (["Russia", "Ukraine"], ["s1", "s2"])
        session.undo()
        session.take_all()
        assert gold_list(session) == (["Russia", "Ukraine"], ["s1", "s2"])
    finally:
        assert session.close()


def test_a_list_typed_is_linked_by_its_words_and_in_text_order(tmp_path: Path) -> None:
    # Typed with e as no annotator gave it (alice ["Ukraine"], bob ["Russia"]): merge's rule
    # carries no link, so each item is linked to the one gold span whose words it holds, as
    # an item's list typed so is (``review_item_field.typed_links``). A trial's gold kept
    # the typed order and no link at all.
    session = opened(tmp_path, ["Ukraine"], ["Russia"])
    try:
        session.settle_typed("Ukraine, Russia")
        assert gold_list(session) == (["Russia", "Ukraine"], ["s1", "s2"])
    finally:
        assert session.close()


def test_a_list_typed_keeps_the_links_a_version_gives_and_words_link_the_rest(
    tmp_path: Path,
) -> None:
    # alice's version links "Ukraine"; "Russia" typed beside it is linked by its words.
    session = opened(tmp_path, ["Ukraine"], ["Russia", "Ukraine"])
    try:
        session.settle_typed("Ukraine, Russia, the Red Cross")
        assert gold_list(session) == (["Russia", "Ukraine", "the Red Cross"], ["s1", "s2"])
    finally:
        assert session.close()
