"""Pilot: a person labels spans with the keyboard; every change is in the journal on disk."""

from __future__ import annotations

from annotate_helpers import drive, journal, press, screen_of, wait_for
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from annotator.core.session import AnnotationSession
from annotator.tui.annotate_screen import AnnotateScreen
from annotator.tui.app import AnnotatorApp
from annotator.tui.article import ArticleView
from annotator.tui.screens import HelpScreen
from annotator.tui.session_view import GuidelinesView
from annotator.tui.span_list import SpanList


def status_line(app: AnnotatorApp) -> str:
    return str(screen_of(app).query_one("#status", Static).render())


def field(screen: AnnotateScreen, path: str) -> Input | None:
    return next((w for w in screen.query(Input) if w.name == path), None)


def spans_of(line: dict[str, object]) -> list[tuple[str, str, str]]:
    return [(s["id"], s["text"], s["label"]) for s in line["spans"]]  # type: ignore[index,union-attr]


def test_label_relabel_rebound_delete_undo_redo(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        article = screen_of(app).query_one(ArticleView)
        assert article.has_focus
        assert "1/3" in status_line(app) and "alice" in status_line(app)
        assert journal(session) == []  # nothing written before the first change

        # Select "Russia" (offsets 16..22) with shift+right and label it actor.
        await press(pilot, *["right"] * 16, *["shift+right"] * 6, "1")
        lines = journal(session)
        assert len(lines) == 1
        assert spans_of(lines[0]) == [("s1", "Russia", "actor")]
        assert article.selection_offsets() == (22, 22)

        # No selection, cursor on the span: 4 relabels it.
        await press(pilot, "left", "4")
        assert spans_of(journal(session)[-1]) == [("s1", "Russia", "releasee")]

        # Select "Russia and Ukraine" and re-bound the span under the cursor with r.
        await press(pilot, "ctrl+home", *["right"] * 17)
        await press(pilot, "left", *["shift+right"] * 18, "r")
        assert spans_of(journal(session)[-1]) == [("s1", "Russia and Ukraine", "releasee")]

        # Delete with x, undo, redo.
        await press(pilot, "left", "x")
        assert journal(session)[-1]["spans"] == []
        await press(pilot, "ctrl+z")
        assert spans_of(journal(session)[-1]) == [("s1", "Russia and Ukraine", "releasee")]
        await press(pilot, "ctrl+y")
        assert journal(session)[-1]["spans"] == []
        await press(pilot, "ctrl+z")
        span_list = screen_of(app).query_one(SpanList)
        # Each line says where its span starts: the same words may occur twice.
        assert str(span_list.get_option("s1").prompt).endswith("@16")
        assert len(journal(session)) == 7

    drive(session, scenario)


def test_count_value_form_done_and_next_document(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        # "146" is at 43..46; label it count: its value is suggested.
        await press(pilot, *["right"] * 43, *["shift+right"] * 3, "2")
        assert journal(session)[-1]["spans"][0]["value"] == 146

        # d is refused while event_type is empty: the document stays.
        await press(pilot, "d")
        assert session.document.id == "a"
        assert journal(session)[-1]["status"] == "in_progress"

        # o goes to the form; choose event_type with the keyboard.
        await press(pilot, "o")
        select = screen.focused
        assert isinstance(select, Select) and select.name == "event_type"
        await press(pilot, "enter", "down", "enter")
        assert journal(session)[-1]["form"]["event_type"] == "exchange"

        # escape returns to the article; d marks done and opens the next unfinished document.
        await press(pilot, "escape")
        assert screen.query_one(ArticleView).has_focus
        await press(pilot, "d")
        await wait_for(pilot, lambda: session.document.id == "b")
        assert journal(session)[-1]["status"] == "done"
        assert "2/3" in status_line(app) and "done 1/3" in status_line(app)
        assert screen.query_one(ArticleView).text_original.startswith("date 2024-03-17")

    drive(session, scenario)


def test_value_input_and_group_fields_with_ctrl_l(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        await press(pilot, *["right"] * 43, *["shift+right"] * 3, "2", "left")
        value = screen.query_one("#span-value", Input)
        assert value.value == "146"
        # Correct the value by typing into the detail's input.
        value.focus()
        await pilot.pause()
        await press(pilot, "ctrl+a", "ctrl+k", *"150", "enter")
        assert journal(session)[-1]["spans"][0]["value"] == 150

        # Add a release, fill its count from the span with ctrl+l.
        await press(pilot, "escape")
        screen.query_one(".add-item").press()
        await wait_for(pilot, lambda: field(screen, "releases[0].count") is not None)
        count = field(screen, "releases[0].count")
        assert count is not None
        count.focus()
        await pilot.pause()
        await press(pilot, "ctrl+l", "enter")
        line = journal(session)[-1]
        assert line["form"]["releases"][0]["count"] == 150
        assert line["links"] == {"releases[0].count": ["s1"]}
        assert count.value == "150"

        # Type into a text field; it is saved on enter.
        received = field(screen, "releases[0].received_by")
        assert received is not None
        received.focus()
        await pilot.pause()
        await press(pilot, *"Russia", "enter")
        assert journal(session)[-1]["form"]["releases"][0]["received_by"] == "Russia"

        # A bad integer is refused and marked, nothing is saved.
        count.focus()
        await pilot.pause()
        await press(pilot, "ctrl+a", "ctrl+k", *"lots", "enter")
        assert count.has_class("-invalid")
        assert journal(session)[-1]["form"]["releases"][0]["count"] == 150

    drive(session, scenario)


def test_skip_flag_next_previous_and_unfinished(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "f")
        assert journal(session)[-1]["flagged"] is True
        assert "flagged" in status_line(app)
        await press(pilot, "s", "enter")
        await wait_for(pilot, lambda: session.document.id == "b")
        assert journal(session)[-1]["status"] == "skipped"
        await press(pilot, "n")
        await wait_for(pilot, lambda: session.document.id == "c")
        await press(pilot, "p")
        await wait_for(pilot, lambda: session.document.id == "b")
        await press(pilot, "u")
        await wait_for(pilot, lambda: session.document.id == "c")
        await press(pilot, "u")
        await wait_for(pilot, lambda: session.document.id == "b")

    drive(session, scenario)


def test_ctrl_z_after_f_takes_the_flag_back(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, *["right"] * 16, *["shift+right"] * 6, "1", "f")
        assert journal(session)[-1]["flagged"] is True
        await press(pilot, "ctrl+z")
        last = journal(session)[-1]
        assert (last["flagged"], len(last["spans"])) == (False, 1)  # the label stays
        assert "flagged" not in status_line(app)

    drive(session, scenario)


def test_tab_moves_between_spans_and_search_selects_matches(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        article = screen.query_one(ArticleView)
        await press(pilot, *["right"] * 16, *["shift+right"] * 6, "1")
        await press(pilot, *["right"] * 5, *["shift+right"] * 7, "1")  # Ukraine
        await press(pilot, "ctrl+home", "tab")
        assert article.cursor_offset == 16 and session.selected == "s1"
        await press(pilot, "tab")
        assert article.cursor_offset == 27 and session.selected == "s2"
        await press(pilot, "shift+tab")
        assert session.selected == "s1"

        await press(pilot, "slash", *"prisoners", "enter")
        assert article.selection_offsets() == (47, 56)
        await press(pilot, "4")  # the match, selected (escape would clear the selection)
        assert ("s3", "prisoners", "releasee") in spans_of(journal(session)[-1])

    drive(session, scenario)


def test_span_list_note_char_mode_and_guidelines(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        article = screen.query_one(ArticleView)
        await press(pilot, *["right"] * 16, *["shift+right"] * 6, "1")  # Russia
        await press(pilot, *["right"] * 5, *["shift+right"] * 7, "1")  # Ukraine

        # Choosing a span in the list puts the cursor on it and returns to the article.
        span_list = screen.query_one(SpanList)
        span_list.focus()
        await pilot.pause()
        span_list.highlighted = span_list.get_option_index("s1")
        await press(pilot, "enter")
        assert article.has_focus and article.cursor_offset == 16
        assert session.selected == "s1"

        # Character mode keeps a part of a word.
        await press(pilot, "c")
        assert "CHAR MODE" in status_line(app)
        await press(pilot, "ctrl+home", *["right"] * 35, *["shift+right"] * 4, "1")
        assert ("s3", "swap", "actor") in spans_of(journal(session)[-1])
        await press(pilot, "c")
        assert "CHAR MODE" not in status_line(app)

        # The note is saved when leaving it.
        note = screen.query_one("#note", Input)
        note.focus()
        await pilot.pause()
        await press(pilot, *"check figures", "escape")
        assert journal(session)[-1]["note"] == "check figures"
        assert article.has_focus

        # g shows the scheme's guidelines beside the article, g again hides them.
        guidelines = screen.query_one("#guidelines")
        await press(pilot, "g")
        await wait_for(pilot, lambda: guidelines.display)
        await press(pilot, "g")
        assert not guidelines.display

    drive(session, scenario)


def test_guidelines_are_read_with_keys(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        article = screen.query_one(ArticleView)
        guidelines = screen.query_one(GuidelinesView)

        # g opens them with the focus in them, so keys scroll them.
        await press(pilot, "g")
        await wait_for(pilot, lambda: guidelines.display and guidelines.has_focus)
        assert guidelines.max_scroll_y > 0 and guidelines.scroll_y == 0
        await press(pilot, "down")
        assert guidelines.scroll_y == 1
        await press(pilot, "pagedown")
        assert guidelines.scroll_y > 1
        await press(pilot, "end")
        assert guidelines.scroll_y == guidelines.max_scroll_y
        await press(pilot, "home")
        assert guidelines.scroll_y == 0
        await press(pilot, "pagedown")
        place = guidelines.scroll_y

        # shift+tab: back to the article, the guidelines stay open; g closes them.
        await press(pilot, "shift+tab")
        assert article.has_focus and guidelines.display
        await press(pilot, "g")
        assert not guidelines.display and article.has_focus

        # Reopened, they are where one was reading; escape closes them and returns.
        await press(pilot, "g")
        await wait_for(pilot, lambda: guidelines.display and guidelines.has_focus)
        assert guidelines.scroll_y == place
        await press(pilot, "escape")
        assert not guidelines.display and article.has_focus

        # The footer names the way out while they have the focus; help lists their keys.
        await press(pilot, "g")
        await wait_for(pilot, lambda: guidelines.has_focus)
        footer = {binding.description for _, binding, *_ in screen.active_bindings.values()}
        assert {"Close guidelines", "Article (keep open)"} <= footer
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        sections = dict(app.screen.sections)
        title = next(title for title in sections if title.startswith("In the guidelines"))
        assert [key for key, _ in sections[title]] == [
            "up / down",
            "pageup / pagedown",
            "home / end",
            "escape",
            "shift+tab",
        ]

    drive(session, scenario)


def test_search_returns_to_the_article_so_a_label_key_labels_the_match(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        article = screen.query_one(ArticleView)
        search = screen.query_one("#search", Input)
        await press(pilot, "slash", *"ne", "enter")
        assert article.selection_offsets() == (32, 34)  # "ne" of "Ukraine"
        assert screen.focused is article and not search.display
        await press(pilot, "slash", "enter")  # the query stays: the next match
        assert article.selection_offsets() == (52, 54)  # "ne" of "prisoners"
        await press(pilot, "slash", *"Sunday", "enter")  # typing replaces the old query
        assert search.value == "Sunday"
        await press(pilot, "3")
        assert ("s1", "Sunday", "date") in spans_of(journal(session)[-1])

    drive(session, scenario)


def test_r_after_a_search_elsewhere_refuses_and_moves_nothing(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        article = screen.query_one(ArticleView)
        # "Sunday" labelled date and selected (the cursor on it); then a search finds another place.
        await press(pilot, "slash", *"Sunday", "enter", "3", "left")
        assert session.selected == "s1"
        before = journal(session)
        await press(pilot, "slash", *"146 prisoners", "enter")
        assert article.selection_offsets() == (43, 56)
        await press(pilot, "r")
        assert journal(session) == before
        assert spans_of(before[-1]) == [("s1", "Sunday", "date")]
        # Extending the span from inside it still works.
        await press(pilot, "slash", *"on Sunday", "enter", "r")
        assert spans_of(journal(session)[-1]) == [("s1", "on Sunday", "date")]

    drive(session, scenario)
