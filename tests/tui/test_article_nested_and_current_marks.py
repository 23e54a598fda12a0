"""Pilot: spans are told apart by their text attributes alone, nested ones and the current one too.

Without colour (``NO_COLOR``) a count (bold) inside a releasee (underline + bold) was sent as
underline + bold, like the releasee around it, and an actor (underline) inside it too; in 16
colours alike (a trial). Two spans that begin at one offset ('95', '95 prisoners of war') looked
the same whichever tab made current, the block cursor on their first character the only mark."""

from __future__ import annotations

import asyncio
import re
from itertools import product
from pathlib import Path

import pytest
from annotate_helpers import drive, press, screen_of
from rich.color import ColorSystem
from rich.segment import Segment
from rich.style import Style
from textual import constants
from textual.app import App, ComposeResult
from textual.color import Color
from textual.filter import Monochrome
from textual.pilot import Pilot

from annotator.core.models import Span
from annotator.core.scheme import Scheme, default_scheme_path, load_scheme
from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.article import ArticleView
from annotator.tui.span_styles import CURRENT_MARK, NESTED_MARK, SpanPalette

# SGR codes of text attributes (the rest are colours).
ATTRIBUTE_CODES = {"1", "2", "3", "4", "4:2", "5", "7", "9", "21", "53"}
OUTER, INNER, LONE = "outer", "inner", "lone"
LINE = f"{OUTER} {INNER} {OUTER} {LONE}"  # the outer span: the first three words


def sent(style: Style | None) -> frozenset[str]:
    """The attribute codes a 16-colour terminal is sent for ``style``."""
    if style is None:
        return frozenset()
    ansi = (style + Style(color="default")).render("x", color_system=ColorSystem.STANDARD)
    codes = ";".join(re.findall(r"\x1b\[([0-9;:]*)m", ansi)).split(";")
    return frozenset(code for code in codes if code in ATTRIBUTE_CODES)


def pairs(scheme: Scheme) -> list[tuple[str, str]]:
    """Every label inside every label (itself too), and a label the scheme lacks."""
    names = [label.name for label in scheme.labels] + ["not_in_scheme"]
    return list(product(names, repeat=2))


class OneArticle(App[None]):
    def __init__(self, scheme: Scheme) -> None:
        super().__init__()
        self.scheme = scheme

    def compose(self) -> ComposeResult:
        yield ArticleView(self.scheme)


def nested_text_and_spans(scheme: Scheme) -> tuple[str, list[Span]]:
    """A line per pair: its outer span over the first three words, its inner span over the
    second, and a lone span of the inner label over the last."""
    lines, spans = [], []
    for row, (outer, inner) in enumerate(pairs(scheme)):
        at = sum(len(line) + 1 for line in lines)
        lines.append(LINE)
        inner_at = at + len(OUTER) + 1
        lone_at = at + LINE.index(LONE)
        for number, (start, end, label) in enumerate(
            [
                (at, at + len(f"{OUTER} {INNER} {OUTER}"), outer),
                (inner_at, inner_at + len(INNER), inner),
                (lone_at, lone_at + len(LONE), inner),
            ]
        ):
            spans.append(Span(id=f"s{row}-{number}", start=start, end=end, label=label, text=""))
    text = "\n".join(lines) + "\n"
    return text, [span.model_copy(update={"text": text[span.start : span.end]}) for span in spans]


def region_attributes(app: App[None], view: ArticleView, row: int) -> dict[str, frozenset[str]]:
    """The attributes sent for the outer-only, nested and inner-only words of ``row``, after the
    app's own filters (``NO_COLOR``'s greys among them)."""
    segments: list[Segment] = list(view.render_line(row))
    for line_filter in app._filters:
        if line_filter.enabled:
            segments = line_filter.apply(segments, view.background_colors[1])
    found: dict[str, frozenset[str]] = {}
    for segment in segments:
        word = segment.text.strip()
        if word in (OUTER, INNER, LONE) and word not in found:
            found[word] = sent(segment.style)
    return found


@pytest.mark.parametrize(
    ("no_color", "colour_system"), [(True, "truecolor"), (True, "256"), (False, "standard")]
)
def test_a_span_inside_another_is_sent_other_attributes_than_either_alone(
    no_color: bool, colour_system: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    else:
        monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr(constants, "COLOR_SYSTEM", colour_system)
    scheme = load_scheme(default_scheme_path())
    text, spans = nested_text_and_spans(scheme)

    async def main() -> None:
        app = OneArticle(scheme)
        async with app.run_test(size=(80, 30)) as pilot:
            assert app.no_color is no_color
            assert any(isinstance(f, Monochrome) for f in app._filters) is no_color
            view = app.query_one(ArticleView)
            view.load_text(text)
            view.set_spans(spans)
            view.move_to_offset(len(text))  # the cursor's block on no word
            await pilot.pause()
            for row, (outer, inner) in enumerate(pairs(scheme)):
                found = region_attributes(app, view, row)
                pair = f"{inner} in {outer}"
                assert found[OUTER] and found[LONE], pair  # each label has a mark
                assert found[INNER] != found[OUTER], pair
                assert found[INNER] != found[LONE], pair
                assert "9" in found[INNER], pair  # struck through
                assert "7" not in found[INNER], pair  # never reversed: that is the selection

    asyncio.run(main())


def test_with_many_labels_no_nesting_looks_like_either_span_alone(tmp_path: Path) -> None:
    # Eleven labels, as many as there are marks: the eighth and later take a double underline;
    # a nested stretch still never looks like either span alone.
    text = default_scheme_path().read_text(encoding="utf-8")
    extra = "".join(
        f'[[labels]]\nname = "extra{key}"\nkey = "{key}"\ncolor = "#123456"\n\n'
        for key in "567890h"
    )
    first_field = text.index("[[fields]]")
    path = tmp_path / "eleven.toml"
    path.write_text(text[:first_field] + extra + text[first_field:], encoding="utf-8")
    (tmp_path / "prisoner_exchange.md").write_text("", encoding="utf-8")
    scheme = load_scheme(path)
    palette = SpanPalette(scheme)
    black = Color.parse("#121212")
    marks = [palette.attributes(label.name) for label in scheme.labels]
    assert len(set(marks)) == 11  # no two labels share a mark
    assert all(NESTED_MARK not in mark and CURRENT_MARK not in mark for mark in marks)
    assert palette.marks_in_words("extra8") == "double underline"
    for few in (False, True):
        for outer, inner in product(range(len(marks) + 1), repeat=2):
            alone_outer = sent(palette.style([(outer, 0)], black, few))
            alone_inner = sent(palette.style([(inner, 0)], black, few))
            nested = sent(palette.style([(outer, 0), (inner, 0)], black, few))
            assert nested not in (alone_outer, alone_inner), (outer, inner, few)


def cell_styles(view: ArticleView, words: str) -> list[Style]:
    """The style of each cell of ``words`` on the article's first row (the cursor's block on
    one of them splits their segment)."""
    cells: list[Style] = []
    for segment in view.render_line(0):
        cells += [segment.style or Style()] * len(segment.text)
    plain = "".join(segment.text for segment in view.render_line(0))
    start = plain.index(words)
    return cells[start : start + len(words)]


def overlined(view: ArticleView, words: str) -> bool:
    """Whether every cell of ``words`` is overlined (False: none is)."""
    marks = {bool(style.overline) for style in cell_styles(view, words)}
    assert len(marks) == 1, f"{words!r} partly overlined"
    return marks.pop()


def test_the_current_span_is_overlined_and_tab_moves_the_mark(
    session: AnnotationSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(constants, "COLOR_SYSTEM", "standard")

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        view = screen_of(app).article
        # "... swapped 146 prisoners on Sunday.": a releasee, and a count at its start.
        start = session.text.index("146 prisoners")
        view.select_offsets(start, start + len("146 prisoners"))
        await press(pilot, "4")
        view.select_offsets(start, start + len("146"))
        await press(pilot, "2")
        view.move_to_offset(0)
        await pilot.pause()
        assert session.selected is None
        assert not overlined(view, "146") and not overlined(view, " prisoners")

        await press(pilot, "tab")  # the count, the shorter of the two: first
        assert session.span(session.selected).label == "count"  # type: ignore[union-attr]
        assert overlined(view, "146") and not overlined(view, " prisoners")
        # The labels' marks stay, and nothing is reversed (the selection's look).
        count = cell_styles(view, "146")[-1]  # (the cursor's block is on the first)
        releasee = cell_styles(view, " prisoners")[-1]
        assert (count.bold, count.underline, count.strike, count.reverse) == (
            True,
            True,
            True,
            None,
        )
        assert (releasee.bold, releasee.underline, releasee.strike) == (True, True, None)
        await press(pilot, "tab")  # the releasee at the same offset: the cursor does not move
        assert session.span(session.selected).label == "releasee"  # type: ignore[union-attr]
        assert overlined(view, "146") and overlined(view, " prisoners")
        await press(pilot, "shift+tab")  # back to the count
        assert overlined(view, "146") and not overlined(view, " prisoners")

    drive(session, scenario)
