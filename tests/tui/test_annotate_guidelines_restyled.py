"""Pilot: the guidelines' Markdown blocks are left out when a class or the focus changes on the
annotation screen or the pane (guidelines_view.restyle_all_but_blocks: restyling their 170
widgets made each g take about 140 ms). They must be styled as a full restyle would style
them: a rule keyed on such a class or focus and reaching into the blocks would be missed."""

from __future__ import annotations

from annotate_helpers import drive, press, screen_of, wait_for
from textual.pilot import Pilot

from annotator.core.session import AnnotationSession
from annotator.tui.annotate_screen import AnnotateScreen
from annotator.tui.app import AnnotatorApp
from annotator.tui.guidelines_view import GuidelinesView


def blocks_css(screen: AnnotateScreen) -> list[list[str]]:
    """Every block's styles from the stylesheet, as CSS lines."""
    return [node.styles.base.css_lines for node in screen.query_one(GuidelinesView).walk_children()]


def styled_as_a_full_restyle(screen: AnnotateScreen) -> bool:
    """Whether the blocks keep their styles when every node of the screen is restyled."""
    seen = blocks_css(screen)
    screen.app.stylesheet.update_nodes(screen.walk_children(with_self=True))
    return blocks_css(screen) == seen


async def open_guidelines(pilot: Pilot[None], screen: AnnotateScreen) -> None:
    view = screen.query_one(GuidelinesView)
    await press(pilot, "g")
    await wait_for(pilot, lambda: view.display and view.has_focus and len(view.children) > 3)


def test_the_blocks_are_styled_as_a_full_restyle_styles_them(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        await open_guidelines(pilot, screen)
        assert screen.has_class("-guidelines", "-focus-beside-article")
        assert styled_as_a_full_restyle(screen)
        await press(pilot, "shift+tab")  # the article's focus: the pane's and the screen's
        assert not screen.has_class("-focus-beside-article")
        assert styled_as_a_full_restyle(screen)
        await pilot.resize_terminal(100, 30)  # below 110 columns: -narrow, the pane wider
        await wait_for(pilot, lambda: screen.has_class("-narrow"))
        assert styled_as_a_full_restyle(screen)
        await press(pilot, "g")  # closed
        assert not screen.has_class("-guidelines")
        assert styled_as_a_full_restyle(screen)
        await open_guidelines(pilot, screen)
        assert styled_as_a_full_restyle(screen)

    drive(session, scenario)


def test_a_rule_reaching_into_the_blocks_would_be_told(session: AnnotationSession) -> None:
    """The test above can fail: with a rule keyed on the screen's -guidelines that styles a
    paragraph, the blocks left out are not styled as a full restyle styles them."""

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        await open_guidelines(pilot, screen)
        await press(pilot, "g")
        rule = "AnnotateScreen.-guidelines MarkdownParagraph { text-style: italic; }"
        app.stylesheet.add_source(rule, read_from=("test", ""))
        app.refresh_css()
        await pilot.pause()
        assert styled_as_a_full_restyle(screen)  # closed: the rule applies to none
        await open_guidelines(pilot, screen)
        assert not styled_as_a_full_restyle(screen)

    drive(session, scenario)
