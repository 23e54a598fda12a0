"""Pilot: every label looks different on every colour system, and the legend and the span list's
headings say which mark (underline, bold, italic) is whose.

In a 16-colour terminal (``TERM=xterm`` in tmux) three labels' tints came out as the same bright
black and two labels' colours as the same bright red, in the article, the legend and the span
list alike (a trial); and the legend drew plain chips, so nothing said which mark was whose."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotate_helpers import drive, press, screen_of
from rich.color import Color as RichColor
from rich.color import ColorSystem
from rich.style import Style
from rich.text import Text
from textual import constants
from textual.color import Color
from textual.pilot import Pilot
from textual.widgets.option_list import Option

from annotator.core.scheme import default_scheme_path, load_scheme
from annotator.core.session import AnnotationSession
from annotator.tui.annotate_help import annotate_key_sections
from annotator.tui.app import AnnotatorApp
from annotator.tui.article import ArticleView
from annotator.tui.span_list import SpanList
from annotator.tui.span_styles import FEW_COLOURS, SpanPalette, standard_number

# Document a: "date 2025-08-24 Russia and Ukraine swapped 146 prisoners on Sunday.\n"
SPANS = (("Russia", "1"), ("146", "2"), ("Sunday", "3"), ("Ukraine", "4"))
LABELS_SECTION = "Labels: label the selection; with none, relabel the span at the cursor"
MARKS = {
    "actor": {"underline"},
    "count": {"bold"},
    "date": {"italic"},
    "releasee": {"underline", "bold"},
}


def marks(style: Style) -> set[str]:
    return {name for name in ("underline", "bold", "italic") if getattr(style, name)}


def standard(colour: RichColor | None) -> int | None:
    """The standard colour (0-15) a 16-colour terminal draws ``colour`` as."""
    return None if colour is None else colour.downgrade(ColorSystem.STANDARD).number


def cells(view: ArticleView, words: str) -> Style:
    """The style of the first row's cells holding ``words`` (one segment)."""
    styles = [segment.style for segment in view.render_line(0) if segment.text == words]
    assert styles and styles[0] is not None, f"no segment {words!r}"
    return styles[0]


def style_of(text: Text, words: str, app: AnnotatorApp) -> Style:
    """The style of ``words`` (their first character) in ``text``."""
    return text.get_style_at_offset(app.console, text.plain.index(words))


def headings(spans: SpanList) -> list[Text]:
    options: list[Option] = [spans.get_option_at_index(i) for i in range(spans.option_count)]
    return [option.prompt for option in options if option.disabled]  # type: ignore[misc]


async def label_four(pilot: Pilot[None], app: AnnotatorApp, session: AnnotationSession) -> None:
    view = screen_of(app).article
    for words, key in SPANS:
        start = session.text.index(words)
        view.select_offsets(start, start + len(words))
        await press(pilot, key)
    view.move_to_offset(len(session.text) - 1)
    await pilot.pause()


def test_in_16_colours_four_labels_take_four_standard_colours(
    session: AnnotationSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(constants, "COLOR_SYSTEM", "standard")

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        assert app.console.color_system == "standard"
        await label_four(pilot, app, session)
        screen = screen_of(app)
        view = screen.article
        spans = {words: cells(view, words) for words, _key in SPANS}
        backgrounds = [standard(style.bgcolor) for style in spans.values()]
        plain = standard(view.rich_style.bgcolor)
        assert backgrounds == [4, 3, 2, 1]  # blue, yellow, green, red: scheme order
        assert plain not in backgrounds
        for style in spans.values():
            assert standard(style.color) != standard(style.bgcolor)  # text reads on it
        assert [marks(style) for style in spans.values()] == list(MARKS.values())

        # The legend: each key on its label's colour, each name drawn as its spans are.
        legend = screen.query_one("#legend")
        text = legend.legend(200)  # type: ignore[attr-defined]
        for (words, key), name in zip(SPANS, MARKS, strict=True):
            chip = style_of(text, f" {key} ", app)
            drawn = style_of(text, name, app)
            assert standard(chip.bgcolor) == standard(spans[words].bgcolor), name
            assert standard(drawn.bgcolor) == standard(spans[words].bgcolor), name
            assert marks(drawn) == MARKS[name], name

        # The span list's headings: the name as its spans are, the count plain.
        shown = headings(screen.query_one("#spans", SpanList))
        assert [heading.plain for heading in shown] == [f"{name} (1)" for name in MARKS]
        for heading, (words, _key), name in zip(shown, SPANS, MARKS, strict=True):
            drawn = style_of(heading, name, app)
            assert standard(drawn.bgcolor) == standard(spans[words].bgcolor), name
            assert marks(drawn) == MARKS[name], name
            assert marks(style_of(heading, "(1)", app)) == set()

        # The selection is still unlike any span.
        view.select_offsets(session.text.index("Russia"), session.text.index(" swapped"))
        await pilot.pause()
        selected = cells(view, "Russia")
        assert selected.reverse
        assert standard(selected.color) not in backgrounds  # reversed: its background

    drive(session, scenario)


def test_in_truecolour_the_legend_and_headings_show_each_label_s_mark(
    session: AnnotationSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(constants, "COLOR_SYSTEM", "truecolor")

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await label_four(pilot, app, session)
        screen = screen_of(app)
        view = screen.article
        legend = screen.query_one("#legend")
        text = legend.legend(200)  # type: ignore[attr-defined]
        shown = headings(screen.query_one("#spans", SpanList))
        for heading, (words, _key), name in zip(shown, SPANS, MARKS, strict=True):
            span = cells(view, words)
            assert marks(span) == MARKS[name]
            for drawn in (style_of(text, name, app), style_of(heading, name, app)):
                assert marks(drawn) == MARKS[name], name
                assert drawn.bgcolor is not None and drawn.bgcolor.triplet is not None
            # The same tint as the span's (the panel's background is a shade off the article's).
            assert style_of(text, name, app).bgcolor != view.rich_style.bgcolor

        # The help names each label's mark in words, then the marks of nesting and the current span.
        labels = dict(annotate_key_sections(screen))[LABELS_SECTION]
        assert [row.split(":")[0] for _key, row in labels[:4]] == [
            "actor (underline)",
            "count (bold)",
            "date (italic)",
            "releasee (underline + bold)",
        ]
        assert [key for key, _row in labels[4:]] == ["struck through", "overline"]

    drive(session, scenario)


def test_with_few_colours_no_label_takes_the_background_s_colour() -> None:
    palette = SpanPalette(load_scheme(default_scheme_path()))
    blue = Color.parse(FEW_COLOURS[0][0])
    black = Color.parse("#121212")
    on_black = [standard(palette.style([(n, 0)], black, few=True).bgcolor) for n in range(5)]
    on_blue = [standard(palette.style([(n, 0)], blue, few=True).bgcolor) for n in range(5)]
    assert on_black == [4, 3, 2, 1, 5]  # the fifth: a label not in the scheme
    assert on_blue == [3, 2, 1, 5, 6]
    assert standard_number(blue) == 4
    # Two touching spans of a label: its colour, then its bright twin.
    twin = palette.style([(0, 1)], black, few=True)
    assert standard(twin.bgcolor) == 12


def seven_label_palette(tmp_path: Path) -> SpanPalette:
    """The default scheme with three labels more: seven, so some colours' twins are labels'."""
    text = default_scheme_path().read_text(encoding="utf-8")
    extra = "".join(
        f'[[labels]]\nname = "extra{key}"\nkey = "{key}"\ncolor = "#123456"\n\n' for key in "567"
    )
    first_field = text.index("[[fields]]")
    path = tmp_path / "seven.toml"
    path.write_text(text[:first_field] + extra + text[first_field:], encoding="utf-8")
    (tmp_path / "prisoner_exchange.md").write_text("", encoding="utf-8")
    scheme = load_scheme(path)
    assert len(scheme.labels) == 7
    return SpanPalette(scheme)


@pytest.mark.parametrize("background", ["#121212", "#0000aa", "#f0f0f0"])
def test_in_16_colours_no_span_takes_another_label_s_colour(
    tmp_path: Path, background: str
) -> None:
    palette = seven_label_palette(tmp_path)
    on = Color.parse(background)
    labels = range(8)  # the eighth: a label not in the scheme
    own = [standard(palette.style([(n, 0)], on, few=True).bgcolor) for n in labels]
    assert len(set(own)) == 8
    for n in labels:
        first = palette.style([(n, 0)], on, few=True)
        second = palette.style([(n, 1)], on, few=True)
        others = set(own) - {own[n]}
        assert standard(second.bgcolor) not in others, n
        # Touching spans of a label still look different: by colour or by their text.
        assert (standard(first.bgcolor), standard(first.color)) != (
            standard(second.bgcolor),
            standard(second.color),
        ), n
        assert standard(second.color) != standard(second.bgcolor), n  # text reads on it


def test_in_16_colours_a_twin_no_label_takes_is_still_used(tmp_path: Path) -> None:
    palette = seven_label_palette(tmp_path)
    black = Color.parse("#121212")
    # Label 0 (blue) keeps blue: its twin, bright blue, is label 6's; label 2 (green) has
    # bright green, which no label takes.
    assert [standard(palette.style([(n, 1)], black, few=True).bgcolor) for n in (0, 2)] == [4, 10]
    assert standard(palette.style([(0, 1)], black, few=True).color) == 7  # light grey text
    assert standard(palette.style([(6, 0)], black, few=True).bgcolor) == 12
