"""Pilot at 80x24: while the event form has the focus, the span list and the span's detail give
it their rows, and take them back when the focus returns to the article. A trial's form had six
rows beside a full span list, and a release's ``count ⛓ s4`` went out of sight while its
releasees were filled."""

from __future__ import annotations

from annotate_helpers import journal, press, screen_of, wait_for
from test_annotate_small_terminal import clear_toasts, drive_small
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.form_links import FieldName
from annotator.tui.span_pick import SpanPickScreen

# Enough spans for the span list's most rows, one count and one releasee among them.
SPANS = [
    ("Russia", "actor"),
    ("Ukraine", "actor"),
    ("146", "count"),
    ("146 prisoners", "releasee"),
    ("Sunday", "date"),
]


def label_spans(app: AnnotatorApp, session: AnnotationSession) -> None:
    for words, label in SPANS:
        start = session.text.index(words)
        screen_of(app).change(session.label_selection, start, start + len(words), label)


def row_in_sight(form: Widget, name: str) -> bool:
    """The row of the field ``name`` (its name's line and its input) is inside the form."""
    shown = form.content_region
    rows = [
        row
        for row in form.query(".field-row")
        if any(field.name == name for field in row.query(Input))
    ]
    assert len(rows) == 1, name
    return shown.contains_region(rows[0].region)


def test_the_form_takes_the_panel_while_it_has_the_focus(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        clear_toasts(app)
        label_spans(app, session)
        await pilot.pause()
        screen = screen_of(app)
        spans, detail, form = (screen.query_one(f"#{name}") for name in ("spans", "detail", "form"))
        side = screen.query_one("#side")
        assert spans.display and detail.display
        rows_beside_the_list = form.content_region.height
        # 8: the cursor rests on the span labelled last, and the detail says a label key
        # relabels it, a row of its own.
        assert rows_beside_the_list == 8

        # o: the form has the focus, and every row of the panel under the legend.
        await press(pilot, "o")
        assert not spans.display and not detail.display
        assert side.has_class("-form-focus")
        assert form.region.y == screen.query_one("#legend").region.bottom
        assert form.region.bottom == side.region.bottom
        assert form.content_region.height == 19

        # A release, its count and its releasees filled from spans (ctrl+l, enter).
        await press(pilot, "tab", "enter")
        await wait_for(pilot, lambda: len(screen.query(".group-item")) == 1)
        await press(pilot, "tab", "tab")
        assert app.focused is not None and app.focused.name == "releases[0].count"
        await press(pilot, "ctrl+l")
        await wait_for(pilot, lambda: isinstance(app.screen, SpanPickScreen))
        # Picking in a screen over the form leaves the panel as it is.
        assert not spans.display
        await press(pilot, "enter")
        await wait_for(pilot, lambda: session.field_value("releases[0].count") == 146)
        await press(pilot, "tab", "tab", "ctrl+l")
        await wait_for(pilot, lambda: isinstance(app.screen, SpanPickScreen))
        await press(pilot, "enter")
        await wait_for(
            pilot, lambda: session.field_value("releases[0].releasees") == ["146 prisoners"]
        )
        await pilot.pause(0.2)
        focused = app.focused
        assert isinstance(focused, Input) and focused.name == "releases[0].releasees"
        # The count's row, its links on its name's line, stays in sight beside the one typed.
        count_name = next(
            name for name in form.query(FieldName) if name.name == "releases[0].count"
        )
        assert str(count_name.render()).startswith("count  ⛓ s")
        assert row_in_sight(form, "releases[0].count")
        assert row_in_sight(form, "releases[0].releasees")
        assert not spans.display and not detail.display

        # Back in the article, the list and the detail come back.
        await press(pilot, "escape")
        assert screen.article.has_focus
        assert spans.display and detail.display and not side.has_class("-form-focus")
        assert form.content_region.height == rows_beside_the_list
        links = journal(session)[-1]["links"]
        assert set(links) == {"releases[0].count", "releases[0].releasees"}

    drive_small(session, scenario)


def test_the_span_s_value_keeps_the_detail_in_sight(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        clear_toasts(app)
        label_spans(app, session)
        screen = screen_of(app)
        screen.article.move_to_offset(session.text.index("Sunday"))  # labelled a date
        await pilot.pause()
        await press(pilot, "o")
        assert not screen.query_one("#detail").display
        # Escape, then v: the value is in the detail, which is shown again with the list.
        await press(pilot, "escape", "v")
        value = screen.query_one("#span-value", Input)
        assert value.has_focus
        assert screen.query_one("#detail").display and screen.query_one("#spans").display
        assert screen.query_one("#detail").content_region.contains_region(value.region)

    drive_small(session, scenario)
