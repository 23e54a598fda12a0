"""Pilot: the span detail names the span's label, and the others at the cursor, as their spans
are drawn (``SpanPalette.legend_style``), in 16 colours and without colour.

It named them in the label's colour, bold: in 16 colours count and releasee were the same bright
red, and without colour every label was bold alike."""

from __future__ import annotations

import pytest
from annotate_helpers import drive, screen_of
from rich.style import Style
from test_span_styles_colour_systems import label_four, marks, standard
from textual import constants
from textual.content import Content
from textual.pilot import Pilot
from textual.style import Style as ContentStyle
from textual.widgets import Static

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp


def named(app: AnnotatorApp, name: str) -> Style:
    """The style the span detail draws the label ``name`` in (its first, as a word)."""
    shown = screen_of(app).query_one("#span-info", Static).render()
    assert isinstance(shown, Content)
    at = shown.plain.index(f" {name} ") + 1
    styles = [span.style for span in shown.spans if span.start <= at < span.end]
    assert len(styles) == 1 and isinstance(styles[0], ContentStyle), styles
    return styles[0].rich_style


@pytest.mark.parametrize("system", ["standard", "truecolor"])
def test_the_span_detail_names_labels_as_their_spans_look(
    session: AnnotationSession, monkeypatch: pytest.MonkeyPatch, system: str
) -> None:
    monkeypatch.setattr(constants, "COLOR_SYSTEM", system)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await label_four(pilot, app, session)
        view = screen_of(app).article
        legend = screen_of(app).query_one("#legend").legend(200)  # type: ignore[attr-defined]
        for words, name, bits in (
            ("146", "count", {"bold"}),
            ("Ukraine", "releasee", {"underline", "bold"}),
        ):
            view.move_to_offset(session.text.index(words))
            await pilot.pause()
            drawn = named(app, name)
            shown = legend.get_style_at_offset(app.console, legend.plain.index(name))
            assert marks(drawn) == bits, name
            assert drawn.bgcolor == shown.bgcolor, name  # the legend's tint (the same panel)
            if system == "standard":
                assert standard(drawn.bgcolor) == {"count": 3, "releasee": 1}[name]

    drive(session, scenario)
