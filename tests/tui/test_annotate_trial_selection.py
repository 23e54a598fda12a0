"""Pilot: a user trial of the article's selection and the form, with the keys a person pressed.

escape in the article (or the search line) leaves nothing selected, so a later label key
labels nothing by surprise; ctrl+l takes the span inside the selection; a relabel says what it
did; a list field filled by ctrl+l shows the name just added; the focused field stands out.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import drive, journal, notices_heard, press, screen_of, wait_for
from textual.pilot import Pilot
from textual.widgets import Button, Input, OptionList, Select

from annotator.core.session import AnnotationSession
from annotator.tui.annotate_screen import AnnotateScreen
from annotator.tui.app import AnnotatorApp
from annotator.tui.article import ArticleView
from annotator.tui.form_links import FieldLinks
from annotator.tui.guidelines_view import GuidelinesView
from annotator.tui.span_pick import SpanPickScreen
from tests.test_session_data import session_on

TEXT = (
    "date 2024-03-17 Kestria said 95 Norvanian soldiers were returned to Ulmaria on Sunday "
    "through Vellmark. Freed were Camila Otxoa-Ferrand, Rui Andrade-Okafor and Pavel "
    "Ostrovin-Lindqvist.\n"
)
NAMES = ["Camila Otxoa-Ferrand", "Rui Andrade-Okafor", "Pavel Ostrovin-Lindqvist"]


@pytest.fixture
def trial(tmp_path: Path) -> Iterator[AnnotationSession]:
    opened = session_on(tmp_path, TEXT)
    yield opened
    opened.close()


def search(words: str) -> list[str]:
    """The keys of a search for ``words`` (enter selects the match)."""
    return ["slash", *typed(words), "enter"]


def typed(words: str) -> list[str]:
    return ["space" if character == " " else character for character in words]


def article(app: AnnotatorApp) -> ArticleView:
    return screen_of(app).article


def spans(session: AnnotationSession) -> list[tuple[str, str]]:
    lines = journal(session)
    return [(span["text"], span["label"]) for span in lines[-1]["spans"]] if lines else []


def field(screen: AnnotateScreen, path: str) -> Input:
    found = next((w for w in screen.query(Input) if w.name == path), None)
    assert found is not None, path
    return found


async def a_release(pilot: Pilot[None], app: AnnotatorApp) -> None:
    """A release added from the form; the focus back in the article."""
    screen = screen_of(app)
    await press(pilot, "o", "tab", "enter")
    await wait_for(pilot, lambda: any(w.name == "releases[0].count" for w in screen.query(Input)))
    await press(pilot, "escape")
    assert article(app).has_focus


def test_escape_in_the_article_clears_the_selection_and_a_label_key_labels_nothing(
    trial: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, *search("Ulmaria"), "1")
        assert spans(trial) == [("Ulmaria", "actor")]
        # The trial's keys: v is refused (no span is the selection), escape, a search
        # begun and given up, then 1.
        await press(pilot, *search("Ulmaria on"), "v", "escape")
        end = TEXT.index("Ulmaria on") + len("Ulmaria on")
        view = article(app)
        assert view.has_focus and view.selection.is_empty
        assert view.cursor_offset == end  # the cursor stays
        await press(pilot, "slash", *typed("Gar"), "escape", "1")
        assert spans(trial) == [("Ulmaria", "actor")]

        await press(pilot, *search("were returned"), "escape", "escape", "escape", "4")
        assert spans(trial) == [("Ulmaria", "actor")]
        assert view.cursor_offset == TEXT.index("were returned") + len("were returned")

    drive(trial, scenario)


def test_escape_in_the_search_line_leaves_no_selection_behind(
    trial: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, *search("Ulmaria on"))
        view = article(app)
        assert view.selected_text == "Ulmaria on"
        await press(pilot, "slash", *typed("Gar"), "escape")
        assert view.has_focus and view.selection.is_empty
        assert not screen_of(app).query_one("#search").display
        await press(pilot, "1")
        assert spans(trial) == []

    drive(trial, scenario)


def test_escape_still_closes_the_guidelines_and_leaves_the_form(
    trial: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        guidelines = screen.query_one(GuidelinesView)
        await press(pilot, "g")
        await wait_for(pilot, lambda: guidelines.has_focus)
        await press(pilot, "escape")
        assert not guidelines.display and article(app).has_focus

        # Leaving the form keeps the selection made before it (ctrl+l used it); escape in
        # the article then clears it.
        await press(pilot, *search("Kestria said"), "o")
        assert isinstance(screen.focused, Select)
        await press(pilot, "escape")
        assert article(app).has_focus and article(app).selected_text == "Kestria said"
        await press(pilot, "escape")
        assert article(app).selection.is_empty

    drive(trial, scenario)


def test_ctrl_l_takes_the_span_inside_the_selection(trial: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        await press(pilot, *search("Kestria"), "1")
        await a_release(pilot, app)
        # The search selects "Kestria said"; the cursor sits after "said", on no span.
        await press(pilot, *search("Kestria said"), "o", "ctrl+l", "enter")
        line = journal(trial)[-1]
        assert line["form"]["releases"][0]["released_by"] == "Kestria"
        assert line["links"] == {"releases[0].released_by": ["s1"]}
        released_by = field(screen, "releases[0].released_by")
        assert released_by.has_focus and released_by.value == "Kestria"
        links = next(w for w in screen.query(FieldLinks) if w.name == "releases[0].released_by")
        assert links.render().plain.endswith("⛓ s1")  # type: ignore[union-attr]

    drive(trial, scenario)


def test_ctrl_l_with_two_spans_of_the_label_in_the_selection_lists_them(
    trial: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, *search("Ulmaria"), "1", *search("Vellmark"), "1")
        await a_release(pilot, app)
        lines = len(journal(trial))
        await press(pilot, *search("Ulmaria on Sunday through Vellmark"), "o", "ctrl+l")
        picker = app.screen
        assert isinstance(picker, SpanPickScreen)
        options = picker.query_one(OptionList)
        assert [options.get_option_at_index(n).id for n in range(options.option_count)] == [
            "s1",
            "s2",
        ]
        await press(pilot, "escape")  # none taken
        assert len(journal(trial)) == lines
        assert field(screen_of(app), "releases[0].released_by").value == ""

    drive(trial, scenario)


def test_a_count_field_takes_the_count_in_a_selection_starting_a_releasee(
    trial: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, *search("95 Norvanian soldiers"), "4", *search("95"), "2")
        await a_release(pilot, app)
        await press(pilot, *search("95 Norvanian"), "o", "tab", "tab", "ctrl+l", "enter")
        await press(pilot, "tab", "tab", "ctrl+l", "enter")  # releasees: the releasee at the cursor
        line = journal(trial)[-1]
        assert line["form"]["releases"][0]["count"] == 95
        assert line["form"]["releases"][0]["releasees"] == ["95 Norvanian soldiers"]
        assert line["links"] == {
            "releases[0].count": ["s2"],
            "releases[0].releasees": ["s1"],
        }

    drive(trial, scenario)


def test_a_relabel_by_a_label_key_says_so(
    trial: AnnotationSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        told = notices_heard(app, monkeypatch)
        await press(pilot, *search("Vellmark"), "1", "left", "2")
        assert spans(trial) == [("Vellmark", "count")]
        # And why it has no value, as labelling says it (value_unread).
        assert told[-2:] == [
            "relabelled s1 'Vellmark' actor → count",
            "s1 'Vellmark': no value: no number read in its words (counts are read in digits "
            "and English words: 146, forty-one); v sets it",
        ]

    drive(trial, scenario)


@pytest.mark.parametrize("size", [(160, 45), (80, 24)])
def test_a_list_filled_by_ctrl_l_shows_the_name_just_added(
    trial: AnnotationSession, size: tuple[int, int]
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        for name in NAMES:
            await press(pilot, *search(name), "4")
        await a_release(pilot, app)
        await press(pilot, "o", *["tab"] * 4)  # o: back to released_by; then to releasees
        releasees = field(screen, "releases[0].releasees")
        assert releasees.has_focus
        for count, name in enumerate(NAMES, 1):
            await press(pilot, "escape", *search(name), "o", "ctrl+l", "enter")
            assert releasees.has_focus and releasees.value == ", ".join(NAMES[:count])
            # The name just added shows from its start (a later trial saw "5 Norvanian
            # servicemen", a value's end, and could not read it); the cursor after it when it
            # fits, so ", " and a name typed next go after it, else at its start.
            start, width = releasees.scroll_offset.x, releasees.content_size.width
            at = releasees.value.index(name)
            fits = len(name) + 1 <= width
            assert releasees.cursor_position == (at + len(name) if fits else at)
            shown = releasees.value[start : start + width]
            assert name[:width] in shown, shown
        assert len(releasees.value) > releasees.content_size.width  # it did not all fit
        # Left, it reads from its first name again.
        await press(pilot, "escape")
        assert releasees.cursor_position == 0 and releasees.scroll_offset.x == 0

    drive(trial, scenario, size=size)


@pytest.mark.parametrize("size", [(120, 36), (80, 24)])
def test_the_focused_field_s_row_stands_out_and_buttons_look_focused_only_when_they_are(
    trial: AnnotationSession, size: tuple[int, int]
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        await press(pilot, "o")
        choice = screen.query_one(Select)
        rows = list(screen.query(".field-row"))
        focused_row, other_row = rows[0], rows[-1]  # the event type's, the note's
        assert choice in focused_row.walk_children()
        assert focused_row.styles.background != other_row.styles.background
        add = next(b for b in screen.query(Button) if b.has_class("add-item"))
        assert not add.has_focus
        assert not add.rich_style.bold and not add.rich_style.reverse
        await press(pilot, "tab")
        assert add.has_focus and add.rich_style.bold and add.rich_style.reverse
        # The rows lose their tint when the focus leaves them.
        assert focused_row.styles.background == other_row.styles.background

    drive(trial, scenario, size=size)
