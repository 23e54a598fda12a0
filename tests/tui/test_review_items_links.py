"""Pilot: the item editor (``e`` on ``releases``) shows beside each input the spans its field
will be linked to once settled (``⛓ s7``), as one types: a count typed away from the version
item's loses it, as saving does, and what enter saves is what was shown.

The journals are tests/test_review_data.py's alice and bob, bob's second release (Russia →
Ukraine 146, the group's conflict c4) with its count linked to the agreed "146" at 818-821.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import press, wait_for
from test_review_keys import NOW, drive, gold
from textual.pilot import Pilot
from textual.widgets import Input

from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from annotator.core.review_views import Place
from annotator.core.session import open_session
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_items_edit import ItemsEditScreen, TypedFieldLinks
from tests.test_review_data import CORPUS, FIRST, annotate, fixed_now


def bob_links_his_second_count(journals: Path) -> Path:
    """bob's journal, his second release's count then linked to the "146" at 818-821."""
    session = open_session(CORPUS, "bob", None, journals, clock=lambda: 0.0, now=fixed_now)
    try:
        session.open(FIRST)
        span = next(s for s in session.record.spans if (s.start, s.end) == (818, 821))
        session.fill_from_span("releases[1].count", span.id)
        assert session.record.links["releases[1].count"] == [span.id]
    finally:
        assert session.close()
    return session.journal


@pytest.fixture
def session(tmp_path: Path) -> Iterator[ReviewSession]:
    alice = annotate(tmp_path, "alice")
    annotate(tmp_path, "bob")
    bob = bob_links_his_second_count(tmp_path)
    opened = open_review([alice, bob], CORPUS, tmp_path / "gold.jsonl", "rita", now=lambda: NOW)
    yield opened
    opened.close()


def shown_links(app: ReviewApp) -> dict[str, str]:
    """Each field's links as the box shows them beside its input (the first item's)."""
    screen = app.screen
    assert isinstance(screen, ItemsEditScreen)
    return {
        widget.name or "": str(widget.render())
        for widget in screen.blocks()[0].query(TypedFieldLinks)
        if widget.display and widget.links
    }


def test_the_box_shows_the_links_kept_and_enter_saves_them(session: ReviewSession) -> None:
    record = session.record
    assert record is not None
    count_146 = next(s.id for s in record.spans if (s.start, s.end) == (818, 821))

    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        await press(pilot, "n", "n", "n")
        assert session.current == Place(FIRST, "c4")
        await press(pilot, "e")
        await wait_for(pilot, lambda: isinstance(app.screen, ItemsEditScreen))
        await wait_for(pilot, lambda: shown_links(app).get("count") == f"⛓ {count_146}")
        # Another count: the marker goes, as the link would.
        await press(pilot, "tab", "tab", "ctrl+u", *"40")
        focused = app.focused
        assert isinstance(focused, Input) and focused.name == "count"
        await wait_for(pilot, lambda: "count" not in shown_links(app))
        # Typed back, it is back; then enter saves what was shown.
        await press(pilot, "ctrl+u", *"146")
        await wait_for(pilot, lambda: shown_links(app).get("count") == f"⛓ {count_146}")
        await press(pilot, "enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, ItemsEditScreen))
        line = gold(session)[-1]
        assert line["form"]["releases"][1]["count"] == 146
        assert line["links"]["releases[1].count"] == [count_146]

    drive(session, scenario)


def test_a_count_typed_over_is_saved_unlinked_as_shown(session: ReviewSession) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        await press(pilot, "n", "n", "n", "e")
        await wait_for(pilot, lambda: isinstance(app.screen, ItemsEditScreen))
        await press(pilot, "tab", "tab", "ctrl+u", *"40")
        await wait_for(pilot, lambda: "count" not in shown_links(app))
        await press(pilot, "enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, ItemsEditScreen))
        line = gold(session)[-1]
        assert line["form"]["releases"][1]["count"] == 40
        assert "releases[1].count" not in line["links"]

    drive(session, scenario)


def test_below_72_columns_and_30_rows_the_links_fit_beside_the_inputs(
    session: ReviewSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        await press(pilot, "n", "n", "n", "e")
        await wait_for(pilot, lambda: isinstance(app.screen, ItemsEditScreen))
        await wait_for(pilot, lambda: "count" in shown_links(app))
        screen = app.screen
        assert isinstance(screen, ItemsEditScreen)
        box = screen.query_one("#items-edit-box").content_region
        marker = next(w for w in screen.query(TypedFieldLinks) if w.name == "count")
        count = next(w for w in screen.query(Input) if w.name == "count")
        # On the input's line, inside the box, the input left room to type.
        assert marker.region.y == count.region.y and marker.region.right <= box.right
        assert box.contains_region(marker.region) and count.region.width >= 20

    drive(session, scenario, size=(64, 24))


def test_a_value_typed_as_a_spans_words_is_linked_to_it_as_shown(
    session: ReviewSession,
) -> None:
    """A reviewer's trial typed a released_by as the words of one gold actor span, and gold
    kept it unlinked. Typed (its spaces doubled), it is shown linked and saved linked, as the
    span's words; a count two gold spans give (146 twice) is shown as such and saved
    unlinked."""
    record = session.record
    assert record is not None
    ministry = next(s.id for s in record.spans if s.text == "Russian defence ministry")

    def second_items_count(app: ReviewApp) -> str:
        screen = app.screen
        assert isinstance(screen, ItemsEditScreen)
        marker = next(w for w in screen.blocks()[1].query(TypedFieldLinks) if w.name == "count")
        return str(marker.render())

    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        await press(pilot, "n", "n", "n", "e")
        await wait_for(pilot, lambda: isinstance(app.screen, ItemsEditScreen))
        await press(pilot, "ctrl+u", *"Russian  defence ministry")
        await wait_for(pilot, lambda: shown_links(app).get("released_by") == f"⛓ {ministry}")
        await press(pilot, "ctrl+n", "tab", "tab", *"146")
        await wait_for(pilot, lambda: second_items_count(app) == "⛓ ? 2 spans")
        await press(pilot, "enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, ItemsEditScreen))
        line = gold(session)[-1]
        # Linked by its words, it holds them as a field filled from the span does: one space
        # each (review_typed_words.as_linked_words; it kept the two typed).
        assert line["form"]["releases"][1]["released_by"] == "Russian defence ministry"
        assert line["links"]["releases[1].released_by"] == [ministry]
        assert line["form"]["releases"][2]["count"] == 146
        assert "releases[2].count" not in line["links"]

    drive(session, scenario)
