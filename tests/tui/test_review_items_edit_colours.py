"""Pilot: the item editor's list of versions (below 72 columns, where its box covers the panel)
numbers and colours each version as the panel does, in 16 colours and without colour.

It took the full colours whatever the terminal: in 16 colours (TERM=xterm) versions 4, 5, 7 and 8
fell on white and 3 and 9 on bright yellow, where the panel gives each a standard colour of its
own; without colour it named each version's annotators bold alike, where the panel shows the
version's marks, reversed. Here (test_review_items_edit_layout's c4) alice's version is 1, bob's
2; versions 3 to 9 are given to the editor and to the panel's drawing of a version."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.style import Style
from rich.text import Text
from test_review_colour_systems import marks, standard, style_in
from test_review_items_edit_layout import open_items
from test_review_keys import NOW, drive, screen_of
from textual import constants
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Static

from annotator.core.review import ReviewSession
from annotator.core.review_views import VersionView
from annotator.tui.review_app import ReviewApp
from annotator.tui.review_panel import ConflictPanel
from tests.old_gold import open_old_review
from tests.test_review_data import CORPUS, two_journals


@pytest.fixture
def session(tmp_path: Path) -> Iterator[ReviewSession]:
    opened = open_old_review(
        list(two_journals(tmp_path)), CORPUS, tmp_path / "gold.jsonl", now=lambda: NOW
    )
    yield opened
    opened.close()


NARROW = (64, 24)
ANNOTATORS = ("alice", "bob")


def drawn(widget: Widget) -> Text:
    """``widget`` as drawn, one Text, its styles kept."""
    text = Text()
    for row in range(widget.size.height):
        for segment in widget.render_line(row):
            text.append(segment.text, segment.style)
        text.append("\n")
    return text


def badge(text: Text, name: str, app: ReviewApp) -> Style:
    """The style of the number of the badge (`` 1 ``, `` 1 a ``) before annotator ``name``."""
    at = text.plain.index(name)
    line = text.plain.rfind("\n", 0, at) + 1
    number = line + next(n for n, char in enumerate(text.plain[line:at]) if char.isdigit())
    return text.get_style_at_offset(app.console, number)


def both_drawn(session: ReviewSession) -> tuple[Text, Text, ReviewApp]:
    """The panel, then the item editor's list of versions, as drawn at 64x24."""
    shown: list[Text] = []
    apps: list[ReviewApp] = []

    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        editor = await open_items(pilot, app)
        listed = editor.query_one("#items-edit-versions", Static)
        panel = screen_of(app).query_one(ConflictPanel)
        assert listed.display and panel.size.height > 0
        shown.extend([drawn(panel), drawn(listed)])
        apps.append(app)

    drive(session, scenario, NARROW)
    panel, listed = shown
    assert all(name in panel.plain and name in listed.plain for name in ANNOTATORS)
    return panel, listed, apps[0]


def test_in_16_colours_the_editor_colours_versions_as_the_panel(
    session: ReviewSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(constants, "COLOR_SYSTEM", "standard")
    panel, listed, app = both_drawn(session)
    assert app.console.color_system == "standard"
    for name in ANNOTATORS:
        assert standard(badge(listed, name, app).bgcolor) == standard(
            badge(panel, name, app).bgcolor
        )
        assert standard(style_in(listed, name, app).color) == standard(
            style_in(panel, name, app).color
        )
    # The panel's own: bright cyan, bright magenta (the full colours' fell on others).
    assert [standard(style_in(listed, name, app).color) for name in ANNOTATORS] == [14, 13]


def test_without_colour_the_editor_names_versions_with_the_panel_s_marks(
    session: ReviewSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    panel, listed, app = both_drawn(session)
    assert app.no_color
    named = {name: marks(style_in(listed, name, app)) for name in ANNOTATORS}
    assert named == {name: marks(style_in(panel, name, app)) for name in ANNOTATORS}
    assert named == {"alice": {"underline", "reverse"}, "bob": {"italic", "reverse"}}


@pytest.mark.parametrize("colours", ["standard", "none"])
def test_nine_versions_take_the_panel_s_colours_and_marks(
    session: ReviewSession, monkeypatch: pytest.MonkeyPatch, colours: str
) -> None:
    """Versions 4 to 9 too (c4 has two): in 16 colours the full colours of 4, 5, 7 and 8 all
    fell on white, and 3 and 9 on bright yellow, unlike the panel's."""
    if colours == "none":
        monkeypatch.setenv("NO_COLOR", "1")
    else:
        monkeypatch.setattr(constants, "COLOR_SYSTEM", colours)
    nine = [{"annotators": [f"annotator{n}"], "value": []} for n in range(1, 10)]

    async def scenario(pilot: Pilot[None], app: ReviewApp) -> None:
        editor = await open_items(pilot, app)
        panel = screen_of(app).query_one(ConflictPanel)
        view = app.session.view()
        assert view is not None
        editor.conflict = {**editor.conflict, "versions": nine}
        listed = editor._versions()
        seen = []
        for index, version in enumerate(nine):
            name = version["annotators"][0]
            shown = VersionView(index, None, (name,), (), [])
            badge_of, details = panel._version(editor.scheme, view, shown)
            panel_styles = (
                badge_of.get_style_at_offset(app.console, 1),
                details.get_style_at_offset(app.console, 0),
            )
            listed_styles = (badge(listed, name, app), style_in(listed, name, app))
            assert [(style.bgcolor, style.color, marks(style)) for style in listed_styles] == [
                (style.bgcolor, style.color, marks(style)) for style in panel_styles
            ], name
            seen.append((standard(listed_styles[1].color), frozenset(marks(listed_styles[1]))))
        # Told apart: nine standard colours, or (without colour) reversed marks.
        if colours == "none":
            assert all("reverse" in shown_marks for _, shown_marks in seen)
        else:
            assert len({colour for colour, _ in seen}) == 9

    drive(session, scenario, NARROW)
