"""What enter writes of an item typed in the item editor (``e`` on ``releases``) when that is
not what its input shows, said before (``enter_said``) and after (``words_said``), and a kept
decision whose value came from a span a merge anew took away (``review_kept``).

A reviewer's trial typed 97 with ``v`` for the span "95", then opened ann1's item (count 95)
in the item editor and pressed enter without touching it: the count "95" was read as the words
of that span, so gold got 97, the box having shown 95 and the message "count linked to s5 (its
value)". A merge anew that dropped the typed 97 then kept the item's 97, unlinked, in done gold.

The case: alice and bob mark "146" a count, alice 146, bob 147 (c1); alice alone gives Russia's
release of 146, its count linked to her "146" (c2). c1 is settled by typing 145 with ``v``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from annotator.core.review_typed_links import (
    ReadAs,
    enter_said,
    typed_item_links,
    words_said,
)
from annotator.core.review_typed_start import ItemTexts, blank_item, version_items
from tests.test_agreement_data import SCHEME_TOML, TEXT, record, span, write_corpus, write_journal
from tests.test_review_session_data import fixed_now

UKRAINE_12 = {"released_by": "Ukraine", "count": 12}
RUSSIA_146 = {"released_by": "Russia", "count": 146}


def bobs_record(value: int, **changes: Any) -> dict[str, Any]:
    """bob's record: "146" a count of ``value``, and Ukraine's release of 12 alone."""
    spans = [span("s2", 13, 16, "count", value), *changes.pop("more_spans", [])]
    return record("bob", spans=spans, form={"code": "1", "releases": [UKRAINE_12]}, **changes)


def write_items_case(folder: Path) -> dict[str, Path]:
    """The scheme, corpus, alice's and bob's journals (module docstring) and the gold file."""
    scheme = folder / "scheme.toml"
    scheme.write_text(SCHEME_TOML, encoding="utf-8")
    alice = record(
        "alice",
        spans=[span("s2", 13, 16, "count", 146)],
        form={"code": "1", "releases": [UKRAINE_12, RUSSIA_146]},
        links={"releases[1].count": ["s2"]},
    )
    return {
        "scheme": scheme,
        "corpus": write_corpus(folder, {"d1": TEXT}),
        "alice": write_journal(folder / "alice.jsonl", alice),
        "bob": write_journal(folder / "bob.jsonl", bobs_record(147)),
        "gold": folder / "gold.jsonl",
    }


def open_case(case: dict[str, Path]) -> ReviewSession:
    return open_review(
        [case["alice"], case["bob"]],
        case["corpus"],
        case["gold"],
        "rita",
        scheme_path=case["scheme"],
        now=fixed_now,
    )


def typed_145(session: ReviewSession) -> None:
    """c1 settled by typing 145 with ``v``; c2 (alice's Russia release) current."""
    session.go_to("d1", "c1")
    assert session.span_value_to_type() is not None
    session.settle_span_value("145")
    assert session.take_notices() == ["settled c1: s1 count “146” = 145 (typed)"]
    session.go_to("d1", "c2")


def alices_item_and(session: ReviewSession, **typed: str) -> list[ItemTexts]:
    """alice's item as the box opens on it, then one item typed (when ``typed``)."""
    conflict = session.conflict
    assert conflict is not None and conflict["path"] == "releases"
    items = version_items(conflict, session.scheme, 0)
    assert items == [{"released_by": "Russia", "count": "146"}]
    if typed:
        added = blank_item(session.scheme.fields[-1])
        added.update(typed)
        items.append(added)
    return items


def test_a_count_read_as_a_spans_words_is_said_before_and_after_enter(tmp_path: Path) -> None:
    session = open_case(write_items_case(tmp_path))
    try:
        typed_145(session)
        record = session.record
        assert record is not None
        alone = alices_item_and(session)
        links = typed_item_links(record, "c2", alone, session.scheme, session.annotations["d1"])
        assert links[0].read_as == {"count": ReadAs("146", "145", ("s1",))}
        assert enter_said(links) == "enter writes count as 145 (s1's value), not 146"
        # "ninety" is 90, read by no span: said, with no span's value.
        items = alices_item_and(session, released_by="Ukraine", count="ninety")
        links = typed_item_links(record, "c2", items, session.scheme, session.annotations["d1"])
        assert links[1].read_as == {"count": ReadAs("ninety", "90")}
        assert enter_said(links) == (
            "enter writes item 1 count as 145 (s1's value), not 146; item 2 count as 90, not ninety"
        )
        assert words_said(links) == (
            "item 1 count 146 → 145, s1's value, linked to s1; item 2 count ninety → 90"
        )
        session.settle_typed(items)
        assert session.take_notices()[0] == (
            "settled c2 with alice's item edited, 1 item typed; item 1 count 146 → 145, s1's "
            "value, linked to s1; item 2 count ninety → 90"
        )
        gold = session.records["d1"]
        assert gold.form["releases"] == [
            UKRAINE_12,
            {"released_by": "Russia", "count": 145},
            {"released_by": "Ukraine", "count": 90},
        ]
        assert gold.links == {"releases[1].count": ["s1"]}
    finally:
        assert session.close()


def test_a_count_typed_as_its_value_is_written_as_shown(tmp_path: Path) -> None:
    """145 typed (s1's value, not its words) is written as shown: nothing to say before, and
    the link said as one by its value."""
    session = open_case(write_items_case(tmp_path))
    try:
        typed_145(session)
        record = session.record
        assert record is not None
        items = alices_item_and(session)
        items[0]["count"] = "145"
        links = typed_item_links(record, "c2", items, session.scheme, session.annotations["d1"])
        assert links[0].read_as == {}
        assert links[0] == {"count": ["s1"]}
        assert enter_said(links) == ""
        assert words_said(links) == "count linked to s1 (its value)"
    finally:
        assert session.close()


def settle_alices_item_untouched(case: dict[str, Path]) -> None:
    """An earlier session: c1 typed 145, c2 settled with alice's item as the box opens."""
    session = open_case(case)
    try:
        typed_145(session)
        session.settle_typed(alices_item_and(session))
        assert session.records["d1"].form["releases"][1] == {"released_by": "Russia", "count": 145}
        assert session.flush(10)
    finally:
        assert session.close()


def merged_anew(case: dict[str, Path], bob: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """bob's record changed to ``bob``; d1 merged anew: what it said, and the gold line."""
    with case["bob"].open("ab") as handle:
        handle.write(orjson.dumps(bob) + b"\n")
    session = open_case(case)
    try:
        session.take_notices()
        session.merge_anew("d1")
        said = session.take_notices()[0]
        assert session.flush(10)
    finally:
        assert session.close()
    lines = [orjson.loads(line) for line in case["gold"].read_bytes().splitlines()]
    return said, [line for line in lines if line["doc_id"] == "d1"][-1]


def test_a_kept_item_whose_count_came_from_a_span_gone_opens_again(tmp_path: Path) -> None:
    """bob now says 146 too: the typed 145 goes (its conflict is gone) and "146" is 146. The
    item's 145 was that span's value: it came from nothing gold holds now, so the decision is
    not applied and its conflict is open again (it was kept, 145 unlinked, gold done)."""
    case = write_items_case(tmp_path)
    settle_alices_item_untouched(case)
    said, line = merged_anew(case, bobs_record(146))
    assert said.startswith(
        "merged d1 anew from its annotators' records, 0 decision(s) kept, 2 dropped "
        "(conflict changed or gone: “146”; what it set changed since: releases): "
        "1 conflict(s) open"
    )
    assert line["spans"] == [span("s2", 13, 16, "count", 146)]  # numbered anew, above s1
    assert line["form"]["releases"] == [UKRAINE_12]
    assert [conflict["path"] for conflict in line["conflicts"]] == ["releases"]
    assert line["status"] == "in_progress"


def test_a_kept_item_whose_span_stays_is_kept_linked(tmp_path: Path) -> None:
    """bob's change elsewhere (he marks "Russia" an actor): both decisions are kept, the
    count 145 linked to the span still giving it."""
    case = write_items_case(tmp_path)
    settle_alices_item_untouched(case)
    russia = span("s1", 0, 6, "actor")
    said, line = merged_anew(case, bobs_record(147, more_spans=[russia]))
    assert said.startswith(
        "merged d1 anew from its annotators' records, 2 decision(s) kept, none dropped"
    )
    count = next(one for one in line["spans"] if one["label"] == "count")
    assert count["value"] == 145
    assert line["form"]["releases"][1] == {"released_by": "Russia", "count": 145}
    assert line["links"]["releases[1].count"] == [count["id"]]
