"""An item typed with ``e`` (the items editor) that gold already holds is said, after enter, as
taking such an item from a version says it ("… is so alike it may be the same one, now
twice"), and gold's items are then listed as gold holds them. A trial's panel warned of it
before the typing; enter wrote the item a second time with no word, and the next conflict
listed the copy typed over alice's item "(taken)", carol's alike one still open.

The case is tests/test_review_alike_as_taken.py's: alice gave Kestria · 12, bob "Drava
People’s Authority · 12", carol "drava people's authority · 12", each a conflict of its own;
bob's is taken first."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from annotator.core.review_typed_start import ItemTexts, version_items
from tests.test_review_alike_as_taken import ALIKE, DRAVA, conflict_of, opened, take

TWICE = f"{ALIKE} is so alike it may be the same one, now twice"


def gold_lines(tmp_path: Path) -> list[dict[str, Any]]:
    return [orjson.loads(line) for line in (tmp_path / "gold.jsonl").read_bytes().splitlines()]


def typed_at(session: ReviewSession, name: str, **changed: str) -> list[ItemTexts]:
    """The items editor's items at the conflict over ``name``'s item, as it starts (that
    version's), with ``changed`` typed over its inputs."""
    session.go_to("d1", conflict_of(session, name))
    assert session.conflict is not None
    items = version_items(session.conflict, session.scheme, 0)
    items[0].update(changed)
    return items


def origins_at(session: ReviewSession, name: str) -> tuple[str, ...] | None:
    session.go_to("d1", conflict_of(session, name))
    view = session.view()
    assert view is not None
    return view.gold_origins


def test_carols_item_entered_as_it_starts_is_said_twice_and_listed_taken(
    tmp_path: Path,
) -> None:
    session = opened(tmp_path)
    try:
        take(session, "bob")
        carol = conflict_of(session, "carol")
        session.settle_typed(typed_at(session, "carol"))
        assert session.take_notices() == [
            f"settled {carol} with carol's item unchanged; {TWICE}; released_by “drava "
            "people's authority” → “Drava People’s Authority”; released_by linked to s1 (its "
            "words) · ctrl+z undoes"
        ]
        # carol's item as taking it writes it (its words s1's): listed taken, as the message
        # says it ("unchanged", not "edited").
        assert origins_at(session, "alice") == ("taken", "taken")
    finally:
        assert session.close()
    # The gold file holds the item twice, as the panel lists it.
    line = gold_lines(tmp_path)[-1]
    held = [(item["released_by"], item["count"]) for item in line["form"]["releases"]]
    assert held == [(DRAVA, 12), (DRAVA, 12)]
    assert line["links"]["releases[1].released_by"] == ["s1"]


def test_bobs_item_typed_over_alices_is_said_twice_and_listed_typed(tmp_path: Path) -> None:
    session = opened(tmp_path)
    try:
        take(session, "bob")
        alice = conflict_of(session, "alice")
        session.settle_typed(typed_at(session, "alice", released_by=DRAVA))
        assert session.take_notices() == [
            f"settled {alice} with alice's item edited; {TWICE}; released_by linked to s1 "
            "(its words) · ctrl+z undoes"
        ]
        releases = session.records["d1"].form["releases"]
        assert [item["released_by"] for item in releases] == [DRAVA, DRAVA]
        # carol's alike item is still offered by her conflict: the copy is typed, not hers.
        assert origins_at(session, "carol") == ("taken", "typed")
        # Undone, the notice's words are the undo's, but "now twice": the undo took the
        # second one away (tests/test_review_alike_undone.py).
        session.undo()
        assert session.take_notices() == [
            f"undid: d1 {alice} is open again — alice's item edited; released_by linked to s1 "
            "(its words)"
        ]
    finally:
        assert session.close()


def test_several_typed_name_the_item_twice(tmp_path: Path) -> None:
    session = opened(tmp_path)
    try:
        take(session, "bob")
        items = typed_at(session, "alice")
        items.append(ItemTexts({"released_by": DRAVA, "count": "12"}))
        session.settle_typed(items)
        (said,) = session.take_notices()
        assert f"alice's item unchanged, 1 item typed; item 2: {TWICE};" in said
        assert said.endswith(" · ctrl+z undoes")
    finally:
        assert session.close()


def test_an_item_alike_no_gold_item_says_nothing_twice(tmp_path: Path) -> None:
    session = opened(tmp_path)
    try:
        take(session, "bob")
        alice = conflict_of(session, "alice")
        session.settle_typed(typed_at(session, "alice"))
        assert session.take_notices() == [
            f"settled {alice} with alice's item unchanged; released_by linked to s3 (its words)"
        ]
        assert origins_at(session, "carol") == ("taken", "taken")
    finally:
        assert session.close()


def test_an_item_typed_undone_after_a_resume_names_its_links(tmp_path: Path) -> None:
    session = opened(tmp_path)
    alice = conflict_of(session, "alice")
    typed = typed_at(session, "alice", received_by="drava people's authority")
    session.settle_typed(typed)
    (said,) = session.take_notices()
    assert said.endswith("received_by linked to s1 (its words)")
    assert session.close()
    journals = [tmp_path / f"{name}.jsonl" for name in ("alice", "bob", "carol")]
    resumed = open_review(journals, tmp_path / "corpus.jsonl", tmp_path / "gold.jsonl", "rev")
    try:
        resumed.take_notices()
        links = "linked: released_by s3, received_by s1, count s2"
        resumed.undo()
        assert resumed.take_notices() == [
            f"undid a decision of an earlier session: d1 {alice} is open again (typed 1 item "
            f"into gold's releases; {links})"
        ]
        resumed.redo()
        assert resumed.take_notices() == [
            f"redid: d1 {alice} settled again (typed 1 item into gold's releases; {links})"
        ]
        resumed.undo()
        assert resumed.take_notices() == [
            f"undid: d1 {alice} is open again (typed 1 item into gold's releases; {links})"
        ]
    finally:
        assert resumed.close()
