"""Pilot: the article's selection looks like no span. In 256 colours the selection and an actor
span had the same background (colour 23), only the underline telling them apart (a trial). The
selection is shown in reverse, which no span uses, so it stands out without colour too, and
the spans' own marks (underline, bold, italic) stay visible in it."""

from __future__ import annotations

from annotate_helpers import drive, press, screen_of
from rich.color import ColorSystem
from rich.style import Style
from textual.pilot import Pilot

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.article import ArticleView

# Document a: "date 2025-08-24 Russia and Ukraine swapped 146 prisoners on Sunday.\n"
LABELS = ["1", "2", "3", "4"]  # actor Russia, count 146, date Sunday, releasee Ukraine


def shown_colours(style: Style, view: ArticleView) -> tuple[int | None, int | None]:
    """The cell's background and text colours as a 256-colour terminal draws them."""
    base = view.rich_style
    colour = style.color or base.color
    background = style.bgcolor or base.bgcolor
    assert colour is not None and background is not None
    if style.reverse:
        colour, background = background, colour
    eight_bit = ColorSystem.EIGHT_BIT
    return (background.downgrade(eight_bit).number, colour.downgrade(eight_bit).number)


def cells(view: ArticleView, words: str) -> Style:
    """The style of the first row's cells holding ``words`` (one segment)."""
    styles = [segment.style for segment in view.render_line(0) if segment.text == words]
    assert styles and styles[0] is not None, f"no segment {words!r}"
    return styles[0]


def test_the_selection_is_unlike_every_label_s_span(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        text = session.text
        view = screen_of(app).article
        for words, key in (("Russia", "1"), ("146", "2"), ("Sunday", "3"), ("Ukraine", "4")):
            start = text.index(words)
            view.select_offsets(start, start + len(words))
            await press(pilot, key)
        view.move_to_offset(len(text) - 1)
        await pilot.pause()
        spans = {words: cells(view, words) for words in ("Russia", "146", "Sunday", "Ukraine")}
        backgrounds = {shown_colours(style, view)[0] for style in spans.values()}
        assert len(backgrounds) == 4  # every label its own tint
        plain = shown_colours(cells(view, " and "), view)[0]

        view.select_offsets(text.index("Russia"), text.index(" swapped"))
        await pilot.pause()
        russia = cells(view, "Russia")
        selected = {shown_colours(russia, view)[0], shown_colours(cells(view, " and "), view)[0]}
        assert not selected & (backgrounds | {plain})  # unlike any span, or no span
        assert russia.reverse and russia.underline  # the actor's mark stays in it
        assert not any(style.reverse for style in spans.values())

    drive(session, scenario)
