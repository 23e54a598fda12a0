"""Pilot: a reviewer settles a group's conflict with ``t`` and with ``e``, and the gold journal
keeps the items' links: ``t`` left out a count linked to "hundreds" (no value), and ``e``'s
typed release lost every link.

The journals, on the snapshot corpus's first article (both mark "Russia", "Ukraine", "146",
"hundreds" and give the event type, so the releases are the only conflict):

- ``t``: both give Ukraine -> Russia, 146 (filled from "Ukraine" and "146"); alice also a
  release whose count is linked to "hundreds", with no value.
- ``e``: both give the release from "Ukraine"; alice's goes to Russia, its count 146 filled
  from "146"; bob's to "the Russian side", and he typed 140 (two fields of three differ: not
  the same release to ``align_items``, so the group holds the conflict).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from annotate_helpers import press, wait_for
from test_review_keys import NOW, drive, gold
from textual.pilot import Pilot
from textual.widgets import Input

from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from annotator.core.review_views import Place
from annotator.core.session import AnnotationSession, open_session
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_items_edit import ItemsEditScreen
from tests.test_review_data import CORPUS, FIRST, fixed_now

UKRAINE, RUSSIA, COUNT_146, HUNDREDS = (27, 34), (16, 22), (710, 713), (133, 141)


def span_id(session: AnnotationSession, where: tuple[int, int]) -> str:
    return next(span.id for span in session.record.spans if (span.start, span.end) == where)


def journal(out: Path, name: str, case: str) -> Path:
    session = open_session(CORPUS, name, None, out, clock=lambda: 0.0, now=fixed_now)
    try:
        session.open(FIRST)
        for (start, end), label in ((RUSSIA, "actor"), (UKRAINE, "actor")):
            session.label_selection(start, end, label)
        for start, end in (COUNT_146, HUNDREDS):
            session.label_selection(start, end, "count")
        session.set_field("event_type", "exchange")
        session.add_group_item("releases")
        session.fill_from_span("releases[0].released_by", span_id(session, UKRAINE))
        receiver = "the Russian side" if (case, name) == ("e", "bob") else "Russia"
        session.set_field("releases[0].received_by", receiver)
        if case == "t" or name == "alice":
            session.fill_from_span("releases[0].count", span_id(session, COUNT_146))
        else:
            session.set_field("releases[0].count", "140")
        if case == "t" and name == "alice":
            session.add_group_item("releases")
            session.link_span("releases[1].count", span_id(session, HUNDREDS))
        session.mark_done()
    finally:
        assert session.close()
    return session.journal


def review(tmp_path: Path, case: str) -> Iterator[ReviewSession]:
    journals = [journal(tmp_path, name, case) for name in ("alice", "bob")]
    opened = open_review(journals, CORPUS, tmp_path / "gold.jsonl", "rita", now=lambda: NOW)
    yield opened
    opened.close()


def gold_id(line: dict[str, Any], where: tuple[int, int]) -> str:
    return next(one["id"] for one in line["spans"] if (one["start"], one["end"]) == where)


RELEASE = {
    "released_by": "Ukraine",
    "received_by": "Russia",
    "count": 146,
    "date": None,
    "releasees": [],
}
EMPTY = {"released_by": None, "received_by": None, "count": None, "date": None, "releasees": []}


@pytest.fixture
def take_case(tmp_path: Path) -> Iterator[ReviewSession]:
    yield from review(tmp_path, "t")


@pytest.fixture
def edit_case(tmp_path: Path) -> Iterator[ReviewSession]:
    yield from review(tmp_path, "e")


def test_t_keeps_a_count_linked_to_hundreds_and_its_link(take_case: ReviewSession) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        assert app.session.current == Place(FIRST, "c1")
        assert app.session.conflict is not None
        assert app.session.conflict["path"] == "releases"
        # alice's item alone (one version): its number takes it, as t did before t was kept
        # for several versions giving something.
        await press(pilot, "1")
        await wait_for(pilot, lambda: app.session.current is None)
        line = gold(take_case)[-1]
        assert (line["status"], line["conflicts"]) == ("done", [])
        assert line["form"]["releases"] == [RELEASE, EMPTY]
        assert line["links"] == {
            "releases[0].released_by": [gold_id(line, UKRAINE)],
            # Typed by both, linked by merge to gold's one "Russia" by its words.
            "releases[0].received_by": [gold_id(line, RUSSIA)],
            "releases[0].count": [gold_id(line, COUNT_146)],
            "releases[1].count": [gold_id(line, HUNDREDS)],
        }

    drive(take_case, scenario, (120, 36))


def test_e_keeps_the_links_of_the_fields_left_as_they_were(edit_case: ReviewSession) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        assert app.session.current == Place(FIRST, "c1")
        await press(pilot, "e")
        await wait_for(pilot, lambda: isinstance(app.screen, ItemsEditScreen))
        await pilot.pause()
        # From alice's release (version 1): the receiving side typed anew, the rest as it was.
        await press(pilot, "tab")
        focused = app.focused
        assert isinstance(focused, Input) and focused.name == "received_by"
        await press(pilot, "ctrl+u", *"Moscow", "enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, ItemsEditScreen))
        # bob's release (other sides and count: another item) is a conflict of its own, still
        # open; r rejects it.
        assert [c["id"] for c in gold(edit_case)[-1]["conflicts"]] == ["c2"]
        await press(pilot, "r")
        await wait_for(pilot, lambda: app.session.current is None)
        line = gold(edit_case)[-1]
        assert (line["status"], line["conflicts"]) == ("done", [])
        assert line["form"]["releases"] == [{**RELEASE, "received_by": "Moscow"}]
        assert line["links"] == {
            "releases[0].released_by": [gold_id(line, UKRAINE)],
            "releases[0].count": [gold_id(line, COUNT_146)],
        }

    drive(edit_case, scenario, (120, 36))


def test_e_from_bobs_version_keeps_his_link_and_no_count_link(edit_case: ReviewSession) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        await press(pilot, "n")  # bob's release, a conflict of its own: 140, typed by him
        assert app.session.current == Place(FIRST, "c2")
        await press(pilot, "e")
        await wait_for(pilot, lambda: isinstance(app.screen, ItemsEditScreen))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ItemsEditScreen)
        assert [item["count"] for item in screen.typed()] == ["140"]
        await press(pilot, *["tab"] * 2, "ctrl+u", *"145", "enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, ItemsEditScreen))
        line = gold(edit_case)[-1]
        assert [c["id"] for c in line["conflicts"]] == ["c1"]  # alice's, still open
        assert line["form"]["releases"] == [
            {**RELEASE, "received_by": "the Russian side", "count": 145}
        ]
        assert line["links"] == {"releases[0].released_by": [gold_id(line, UKRAINE)]}

    drive(edit_case, scenario, (120, 36))


def test_e_keeps_a_release_left_blank_that_is_linked_to_hundreds(
    take_case: ReviewSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        await press(pilot, "e")
        await wait_for(pilot, lambda: isinstance(app.screen, ItemsEditScreen))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ItemsEditScreen)
        # alice's left-over release: no value in any input, its count linked to "hundreds".
        assert [set(item.values()) for item in screen.typed()] == [{""}]
        await press(pilot, "enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, ItemsEditScreen))
        line = gold(take_case)[-1]
        assert (line["status"], line["form"]["releases"]) == ("done", [RELEASE, EMPTY])
        assert line["links"]["releases[1].count"] == [gold_id(line, HUNDREDS)]

    drive(take_case, scenario, (120, 36))
