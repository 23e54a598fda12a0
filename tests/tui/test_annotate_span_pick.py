"""Pilot: ctrl+l in a form field offers the spans it can take; enter takes the highlighted one
(the one in the selection; in a group's item, one no field is linked to yet first, nearest the
item's spans, or for a new item the first after the earlier items', never the cursor's),
typing filters them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import drive, journal, press, screen_of, toasts
from test_annotate_links import ONE_FIFTY, TEXT, TWO_TEN, a_release_with_two_counts, to
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.span_pick import SpanPickScreen
from tests.test_session_data import session_on


@pytest.fixture
def disputed(tmp_path: Path) -> Iterator[AnnotationSession]:
    opened = session_on(tmp_path, TEXT)
    yield opened
    opened.close()


def picker(app: AnnotatorApp) -> SpanPickScreen:
    screen = app.screen
    assert isinstance(screen, SpanPickScreen)
    return screen


def rows(app: AnnotatorApp) -> list[str]:
    options = picker(app).query_one(OptionList)
    return [str(options.get_option_at_index(n).prompt) for n in range(options.option_count)]


def test_ctrl_l_offers_the_count_spans_and_enter_fills_from_one(
    disputed: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await a_release_with_two_counts(pilot, app)
        await press(pilot, "escape", "ctrl+home", "o")  # the cursor on no span
        count = screen_of(app).focused
        assert isinstance(count, Input) and count.name == "releases[0].count"
        await press(pilot, "ctrl+l")
        shown = rows(app)
        assert [row.split()[:3] for row in shown] == [["s1", "'187'", "="], ["s2", "'210'", "="]]
        assert [row.split()[3] for row in shown] == ["187", "210"]  # their values
        assert "Ostreva said 187 soldiers had" in shown[0]
        highlighted = picker(app).query_one(OptionList).highlighted
        assert highlighted == 0  # the nearest the cursor
        await press(pilot, "enter")
        line = journal(disputed)[-1]
        assert line["form"]["releases"][0]["count"] == 187
        assert line["links"] == {"releases[0].count": ["s1"]}
        assert screen_of(app).focused is count  # back in the field

        await press(pilot, "ctrl+l", *"210", "enter")
        line = journal(disputed)[-1]
        assert line["form"]["releases"][0]["count"] == 210
        assert line["links"] == {"releases[0].count": ["s2"]}

        await press(pilot, "ctrl+l", "escape")  # none taken
        assert journal(disputed)[-1]["form"]["releases"][0]["count"] == 210
        assert screen_of(app).focused is count

    drive(disputed, scenario)


def test_the_span_selected_is_highlighted_not_taken_at_once_and_the_cursor_says_nothing(
    disputed: AnnotationSession,
) -> None:
    """A trial's ctrl+l filled at once from the span at the cursor, and the filter typed next
    went into the field: the list opens, the span selected highlighted. The cursor alone
    points at none: a new release's first fields followed it (user trials), where its other
    fields opened beside the release's spans."""

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await a_release_with_two_counts(pilot, app)
        lines = len(journal(disputed))
        await press(pilot, "escape", *to(TWO_TEN), "o", "ctrl+l")
        options = picker(app).query_one(OptionList)
        assert options.highlighted == 0  # s1, the first: the cursor on s2 says nothing
        await press(pilot, "escape", "escape", *to(TWO_TEN), *["shift+right"] * 3, "o", "ctrl+l")
        options = picker(app).query_one(OptionList)
        assert options.highlighted == 1  # s2, selected, though s1 comes first
        assert len(journal(disputed)) == lines  # nothing filled yet
        await press(pilot, "enter")
        assert journal(disputed)[-1]["links"] == {"releases[0].count": ["s2"]}

    drive(disputed, scenario)


def test_the_filter_takes_word_starts_accents_aside_and_ids_whole(tmp_path: Path) -> None:
    """A trial typed "ark" for Arkady and got "Three Vellmark citizens" highlighted; "jozef"
    found nothing for Józef; "s1" listed s10-s19 too."""
    from annotator.core.models import Span
    from annotator.tui.span_pick import _matches

    jozef = Span(id="s1", start=0, end=5, label="releasee", text="Józef N’Diaye")
    vellmark = Span(id="s12", start=0, end=5, label="releasee", text="Three Vellmark citizens")
    assert _matches(jozef, "jozef") and _matches(jozef, "diaye") and _matches(jozef, "n'diaye")
    assert not _matches(vellmark, "ark") and _matches(vellmark, "vell")
    assert _matches(jozef, "s1") and not _matches(vellmark, "s1")
    zero = Span(id="s3", start=0, end=4, label="count", text="none", value=0)
    assert _matches(zero, "0")


def test_no_span_of_the_label_says_how_to_make_one(disputed: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, *to(ONE_FIFTY), *["shift+right"] * 3, "2")
        await press(pilot, "ctrl+home", "o", "tab", "enter")  # a release: its first field
        field = screen_of(app).focused
        assert isinstance(field, Input) and field.name == "releases[0].released_by"
        await press(pilot, "ctrl+l")
        assert not isinstance(app.screen, SpanPickScreen)
        assert (
            "no actor span to fill releases #1 released_by from: label one first (escape to "
            "the article, select its words, press its key)"
        ) in toasts(app)

    drive(disputed, scenario, notifications=True)


def test_the_context_marks_only_what_is_cut_off() -> None:
    from annotator.core.models import Span
    from annotator.tui.span_pick import context

    text = "Drava freed 12.\nOstreva said 187 soldiers had been returned on a long day of talks."
    first = Span(id="s1", start=0, end=5, label="actor", text="Drava")
    assert context(text, first).plain == "Drava freed 12."  # the text's start, the line's end
    start = text.index("187")
    middle = Span(id="s2", start=start, end=start + 3, label="count", text="187", value=187)
    assert context(text, middle).plain == "Ostreva said 187 soldiers had been returned on…"


def test_the_first_preferred_span_the_filter_leaves_is_highlighted() -> None:
    from annotator.core.models import Span
    from annotator.tui.span_pick import highlighted

    long_one = Span(id="s1", start=0, end=30, label="releasee", text="x" * 30)
    next_one = Span(id="s2", start=31, end=35, label="releasee", text="yyyy")
    assert highlighted([long_one, next_one], ["s2", "s1"]) == 1
    assert highlighted([long_one, next_one], ["s1", "s2"]) == 0
    assert highlighted([long_one], ["s2", "s1"]) == 0  # s2 filtered out: the next preferred
    assert highlighted([next_one], []) == 0


def test_the_filter_s_words_are_the_tokenizer_s() -> None:
    from annotator.core.models import Span
    from annotator.tui.span_pick import _matches

    count = Span(id="s4", start=0, end=5, label="count", text="1,200", value=1200)
    assert _matches(count, "1,2") and not _matches(count, "200")
    hindi = Span(id="s5", start=0, end=4, label="actor", text="मोदी")
    assert _matches(hindi, "मो") and not _matches(hindi, "द")


def test_a_second_release_s_count_offers_the_count_not_linked_yet(
    disputed: AnnotationSession,
) -> None:
    """A trial's list highlighted the span nearest the cursor, mostly the one last labelled or
    picked, and the annotator typed a filter for almost every field."""

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await a_release_with_two_counts(pilot, app)  # the cursor at the end of 210, s2
        await press(pilot, "ctrl+l")
        assert picker(app).query_one(OptionList).highlighted == 0  # s1, the text's first
        await press(pilot, "enter", "tab", "tab", "tab", "tab", "enter")  # + add to releases
        await press(pilot, "tab", "tab")
        count = screen_of(app).focused
        assert isinstance(count, Input) and count.name == "releases[1].count"
        await press(pilot, "ctrl+l")
        assert picker(app).query_one(OptionList).highlighted == 1  # s2: no field has it yet
        await press(pilot, "enter")
        assert journal(disputed)[-1]["links"] == {
            "releases[0].count": ["s1"],
            "releases[1].count": ["s2"],
        }

    drive(disputed, scenario)
