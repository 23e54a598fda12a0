"""Pilot below 80 columns (70x20, 60x18: a trial's terminals): the panel goes under the article,
each of its frames whole within the screen, and the field being typed into stays in sight,
after a resize too."""

from __future__ import annotations

import pytest
from annotate_helpers import drive, journal, press, screen_of, wait_for
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.article import ArticleView

NARROW = [(70, 20), (60, 18)]


def within(widget: Widget, outer: Region) -> bool:
    return outer.contains_region(widget.region)


def frames_whole(app: AnnotatorApp) -> None:
    """The article and each frame of the panel shown lie within the screen, the panel under
    the article and as wide as the screen."""
    screen = screen_of(app)
    whole = screen.region
    side, article = screen.query_one("#side"), screen.query_one(ArticleView)
    assert screen.has_class("-under")
    assert within(side, whole) and within(article, whole), (side.region, whole)
    assert side.region.width == whole.width
    assert side.region.y >= article.region.bottom
    assert article.content_region.height >= 3  # a few of its lines are still read
    for part in side.children:
        if part.display:
            assert within(part, side.region), (part.id, part.region, side.region)


def in_sight(field: Widget, app: AnnotatorApp) -> bool:
    form = screen_of(app).query_one("#form")
    return form.content_region.contains_region(field.region) and within(
        field, screen_of(app).region
    )


@pytest.mark.parametrize("size", NARROW)
def test_the_panel_stands_whole_under_the_article(
    session: AnnotationSession, size: tuple[int, int]
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        # A labelled span with a value: the list and the detail at their tallest.
        start = session.text.index("2025")
        screen.change(session.label_selection, start, start + 4, "date")
        await pilot.pause()
        assert screen.query_one(ArticleView).has_focus
        frames_whole(app)
        assert not screen.query_one("#form").display  # it shows when it has the focus

        await press(pilot, "o")
        field = app.focused
        assert field is not None and screen.query_one("#form") in field.ancestors
        frames_whole(app)
        assert in_sight(field, app)

    drive(session, scenario, size=size)


@pytest.mark.parametrize("size", NARROW)
def test_a_note_typed_into_stays_in_sight_after_a_resize(
    session: AnnotationSession, size: tuple[int, int]
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        assert not screen.has_class("-under")
        note = screen.query_one("#note", Input)
        note.focus()
        await pilot.pause()
        await pilot.resize_terminal(*size)
        await wait_for(pilot, lambda: screen.has_class("-under"))
        await press(pilot, "X")
        await wait_for(pilot, lambda: in_sight(note, app))
        assert note.has_focus and note.value == "X"
        frames_whole(app)
        await press(pilot, "escape")  # leaving the note saves it
        assert journal(session)[-1]["note"] == "X"

    drive(session, scenario, size=(120, 36))


def test_the_guidelines_take_the_panels_place_under_the_article(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        guidelines = screen.query_one("#guidelines")
        await press(pilot, "g")
        await wait_for(pilot, lambda: guidelines.display and guidelines.has_focus)
        assert not screen.query_one("#side").display
        assert guidelines.region.width == 70
        assert within(guidelines, screen.region)
        assert guidelines.region.y >= screen.query_one(ArticleView).region.bottom

    drive(session, scenario, size=(70, 20))


def test_toasts_go_over_the_article_not_the_form(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        app.clear_notifications()  # the welcome
        await press(pilot, "o")
        await press(pilot, "ctrl+l")  # no span at the cursor: refused, with a toast
        await wait_for(pilot, lambda: bool(list(screen.query("Toast"))))
        article, form = screen.query_one(ArticleView), screen.query_one("#form")
        inside = article.region.shrink((1, 1, 1, 1))  # within its frame's borders
        for toast in screen.query("Toast"):
            assert inside.contains_region(toast.region), (toast.region, inside)
            assert not toast.region.overlaps(form.region)

    drive(session, scenario, size=(70, 20), notifications=True)


def test_an_item_field_names_its_links_once_under_the_article(session: AnnotationSession) -> None:
    """At 70x20 the panel is under the article (the screen's -under) while the form is wide
    enough for names beside inputs: a count's link showed both after its name and after its
    input (a trial, when the screen's class was the form's -stacked); only the form's own
    -stacked puts it after the name."""
    from annotator.tui.form_links import FieldLinks, FieldName

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        start = session.text.index("2025")
        screen.change(session.label_selection, start, start + 4, "date")
        screen.change(session.add_group_item, "releases")
        screen.change(session.fill_from_span, "releases[0].date", "s1")
        await press(pilot, "o")
        await wait_for(pilot, lambda: screen.query_one("#form").display)
        await pilot.pause()
        path = "releases[0].date"
        beside = next(w for w in screen.query(FieldLinks) if w.name == path)
        name = next(w for w in screen.query(FieldName) if w.name == path)
        assert screen.has_class("-under")
        after_input = beside.display and "s1" in str(beside.render())
        after_name = "s1" in name.render().plain
        assert after_input != after_name, (after_input, after_name)

    drive(session, scenario, size=(70, 20))
