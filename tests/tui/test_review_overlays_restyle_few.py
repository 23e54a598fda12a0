"""Pilot: a box opened over the review screen restyles what it can change, not the whole
screen, as on the annotation screen (toasts_under, screen_classes). Textual's
``SUSPENDED_SCREEN_CLASS`` put ``-suspended`` on the review screen under every box, and an
editor's ``-editing`` went on it too: each class change restyled every widget of the screen,
as the box opened and again as it closed (bench/review_overlay_open.py). The toasts under a
box are hidden by marking the screen's toast rack, and every widget is styled as a full
restyle would style it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from annotate_helpers import press, wait_for
from test_review_keys import drive, review_of_two, screen_of
from textual.css.stylesheet import Stylesheet
from textual.dom import DOMNode
from textual.pilot import Pilot
from textual.screen import Screen

from annotator.core.review import ReviewSession
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_items_edit import ItemsEditScreen
from annotator.tui.screens import HelpScreen

# The review screen's widgets that no rule naming -editing or -suspended styles.
NOT_RESTYLED = {"status", "notes", "main", "article", "side", "legend", "conflict-box"}
NOT_RESTYLED |= {"conflict-versions", "conflict"}


@pytest.fixture
def review(tmp_path: Path) -> Iterator[ReviewSession]:
    yield from review_of_two(tmp_path)


def styles(screen: Screen[None]) -> list[list[str]]:
    return [node.styles.base.css_lines for node in screen.walk_children(with_self=True)]


def styled_as_a_full_restyle(screen: Screen[None]) -> bool:
    """Whether every widget keeps its styles when all are restyled, as Textual restyles them."""
    seen = styles(screen)
    screen.app.stylesheet.update_nodes(screen.walk_children(with_self=True))
    return styles(screen) == seen


def racks_marked(screen: Screen[None]) -> list[bool]:
    return ["-suspended" in rack.classes for rack in screen.query_children("ToastRack")]


def test_a_box_marks_the_toast_rack_under_it_not_the_review_screen(review: ReviewSession) -> None:
    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        screen = screen_of(app)
        assert racks_marked(screen) == [False]
        await press(pilot, "question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert "-suspended" not in screen.classes
        assert racks_marked(screen) == [True]
        assert styled_as_a_full_restyle(screen)
        await press(pilot, "escape")
        await wait_for(pilot, lambda: app.screen is screen)
        assert racks_marked(screen) == [False]
        assert styled_as_a_full_restyle(screen)

    drive(review, scenario, notifications=True)


def test_an_editor_restyles_only_what_its_class_styles(
    review: ReviewSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    restyled: list[DOMNode] = []
    update = Stylesheet.update_nodes

    def counted(sheet: Stylesheet, nodes: Iterable[DOMNode], animate: bool = False) -> None:
        nodes = list(nodes)
        restyled.extend(nodes)
        update(sheet, nodes, animate)

    monkeypatch.setattr(Stylesheet, "update_nodes", counted)

    def of_the_review(screen: Screen[None]) -> set[str]:
        """What was restyled on the review screen, by id (or type) since last asked."""
        names = {
            node.id or type(node).__name__
            for node in restyled
            if screen in node.ancestors_with_self
        }
        restyled.clear()
        return names

    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        screen = screen_of(app)
        await press(pilot, "n", "n", "n")  # the first conflict of a group's items
        await pilot.pause()
        of_the_review(screen)
        await press(pilot, "e")
        await wait_for(pilot, lambda: isinstance(app.screen, ItemsEditScreen))
        assert screen.has_class("-editing")
        # The screen, and what ``ReviewScreen.-editing #conflict-keys`` styles (review.tcss),
        # with none of the widgets no rule on the screen's classes styles (the toasts and the
        # footer's keys are styled as they change).
        names = of_the_review(screen)
        assert NOT_RESTYLED.isdisjoint(names)
        assert names >= {"ReviewScreen", "conflict-keys"}
        assert styled_as_a_full_restyle(screen)
        of_the_review(screen)
        await press(pilot, "escape")
        await wait_for(pilot, lambda: app.screen is screen)
        assert not screen.has_class("-editing")
        names = of_the_review(screen)
        assert NOT_RESTYLED.isdisjoint(names)
        assert names >= {"ReviewScreen", "conflict-keys"}
        assert styled_as_a_full_restyle(screen)

    drive(review, scenario, notifications=True)
