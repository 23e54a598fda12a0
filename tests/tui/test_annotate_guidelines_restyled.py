"""Pilot: a class set on the annotation screen restyles only the widgets the rules naming it
style (screen_classes), and the guidelines pane's focus restyles the pane alone, not its some
170 Markdown blocks (guidelines_view): restyling every widget made each g take about 140 ms.
Every widget must be styled as a full restyle would style it."""

from __future__ import annotations

from annotate_helpers import drive, press, screen_of, wait_for
from textual.pilot import Pilot

from annotator.core.session import AnnotationSession
from annotator.tui.annotate_screen import AnnotateScreen
from annotator.tui.app import AnnotatorApp
from annotator.tui.guidelines_view import GuidelinesView


def styles(screen: AnnotateScreen) -> list[list[str]]:
    """Every widget's styles from the stylesheet, as CSS lines."""
    return [node.styles.base.css_lines for node in screen.walk_children(with_self=True)]


def styled_as_a_full_restyle(screen: AnnotateScreen) -> bool:
    """Whether every widget keeps its styles when all are restyled, as Textual restyles them."""
    seen = styles(screen)
    screen.app.stylesheet.update_nodes(screen.walk_children(with_self=True))
    return styles(screen) == seen


async def open_guidelines(pilot: Pilot[None], screen: AnnotateScreen) -> GuidelinesView:
    view = screen.query_one(GuidelinesView)
    await press(pilot, "g")
    await wait_for(pilot, lambda: view.display and view.has_focus and len(view.children) > 3)
    return view


def test_every_widget_is_styled_as_a_full_restyle_styles_it(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        assert styled_as_a_full_restyle(screen)
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
        await pilot.resize_terminal(70, 30)  # below 80: -under, the panel under the article
        await wait_for(pilot, lambda: screen.has_class("-under"))
        assert styled_as_a_full_restyle(screen)
        await press(pilot, "o")  # the form's focus
        assert screen.has_class("-focus-beside-article")
        assert styled_as_a_full_restyle(screen)
        await pilot.resize_terminal(160, 45)
        await wait_for(pilot, lambda: not screen.has_class("-under"))
        await press(pilot, "escape")  # back to the article, where g opens them
        await open_guidelines(pilot, screen)
        assert styled_as_a_full_restyle(screen)

    drive(session, scenario)


def test_a_rule_on_a_screen_class_reaching_into_the_blocks_styles_them(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        view = await open_guidelines(pilot, screen)
        await press(pilot, "g")
        rule = "AnnotateScreen.-guidelines MarkdownParagraph { text-style: italic; }"
        app.stylesheet.add_source(rule, read_from=("test", ""))
        app.refresh_css()
        await pilot.pause()
        paragraphs = list(view.query("MarkdownParagraph"))
        assert paragraphs and not any(
            "text-style: italic;" in p.styles.base.css_lines for p in paragraphs
        )
        await open_guidelines(pilot, screen)
        assert all("text-style: italic;" in p.styles.base.css_lines for p in paragraphs)
        assert styled_as_a_full_restyle(screen)

    drive(session, scenario)


def test_a_rule_on_the_pane_s_focus_reaching_into_its_blocks_would_be_told(
    session: AnnotationSession,
) -> None:
    """The first test can fail: the pane's focus restyles the pane alone, and a rule that
    styled its blocks by its focus would be missed, which the comparison tells."""

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        await open_guidelines(pilot, screen)
        await press(pilot, "shift+tab")
        rule = "#guidelines:focus MarkdownParagraph { text-style: italic; }"
        app.stylesheet.add_source(rule, read_from=("test", ""))
        app.refresh_css()
        await pilot.pause()
        assert styled_as_a_full_restyle(screen)
        await press(pilot, "g")  # closed
        await open_guidelines(pilot, screen)  # and open, with the focus
        assert not styled_as_a_full_restyle(screen)

    drive(session, scenario)
