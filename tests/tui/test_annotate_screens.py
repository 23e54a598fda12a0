"""Pilot: help, document list, palette, save indicator, stale records and quitting."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotate_helpers import drive, journal, press, toasts, wait_for
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from annotator.core import writer
from annotator.core.session import AnnotationSession, open_session
from annotator.tui.annotate_screen import AnnotateScreen
from annotator.tui.app import AnnotatorApp
from annotator.tui.article import ArticleView
from annotator.tui.screens import DocListScreen, HelpScreen, QuitScreen


def status_line(app: AnnotatorApp) -> str:
    screen = next(s for s in app.screen_stack if isinstance(s, AnnotateScreen))
    return str(screen.query_one("#status", Static).render())


def test_help_lists_every_key_from_the_bindings(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        table = str(app.screen.sections)
        for key in ("1", "2", "3", "4", "r", "x / delete", "tab", "ctrl+z", "d", "s", "f"):
            assert f"'{key}" in table, key
        for words in ("actor", "Done", "Skip", "Flag", "Next unfinished", "Guidelines", "Quit"):
            assert words in table, words
        await press(pilot, "escape")
        assert isinstance(app.screen, AnnotateScreen)

    drive(session, scenario)


def test_document_list_filters_and_opens(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "s", "enter")  # a is skipped; b opens
        await wait_for(pilot, lambda: session.document.id == "b")
        await press(pilot, "l")
        assert isinstance(app.screen, DocListScreen)
        options = app.screen.query_one(OptionList)
        assert options.option_count == 3
        await press(pilot, *"skipped")
        assert options.option_count == 1
        await press(pilot, "enter")
        await wait_for(pilot, lambda: session.document.id == "a")
        assert isinstance(app.screen, AnnotateScreen)
        assert "↷ skipped" in status_line(app)
        await press(pilot, "l", *"c", "enter")
        await wait_for(pilot, lambda: session.document.id == "c")

    drive(session, scenario)


def test_palette_reaches_every_action(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        titles = {command.title for command in app.get_system_commands(app.screen)}
        for title in (
            "Label the selection actor",
            "Done",
            "Skip",
            "Flag",
            "Next doc",
            "Previous document",
            "Next unfinished",
            "List",
            "Search",
            "Guidelines",
            "Help",
            "Re-bound",
            "Delete span",
            "Undo",
            "Redo",
            "Next span",
            "Fill field from span",
            "Char mode",
            "Quit",
        ):
            assert title in titles, title
        flag = next(c for c in app.get_system_commands(app.screen) if c.title == "Flag")
        await flag.callback()
        await pilot.pause()
        assert journal(session)[-1]["flagged"] is True

    drive(session, scenario)


def test_save_indicator_shows_errors_and_the_change_is_kept(
    session: AnnotationSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_append = writer.append_durably

    def failing(path: Path, data: bytes) -> None:
        raise OSError(28, "No space left on device")

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        monkeypatch.setattr(writer, "append_durably", failing)
        await press(pilot, *["right"] * 16, *["shift+right"] * 6, "1")
        await wait_for(pilot, lambda: "NOT SAVED" in status_line(app))
        assert not session.journal.exists()
        monkeypatch.setattr(writer, "append_durably", real_append)
        await wait_for(pilot, lambda: "saved" in status_line(app) and session.save_state == "saved")
        assert [s["text"] for s in journal(session)[-1]["spans"]] == ["Russia"]

    drive(session, scenario)


def test_quit_while_the_disk_refuses_asks_and_can_rescue(
    session: AnnotationSession, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(Path, "home", lambda: tmp_path)

    def failing(path: Path, data: bytes) -> None:
        raise OSError(5, "Input/output error")

    apps: list[AnnotatorApp] = []

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        apps.append(app)
        monkeypatch.setattr(writer, "append_durably", failing)
        await press(pilot, *["right"] * 16, *["shift+right"] * 6, "1")
        await press(pilot, "q")
        await wait_for(pilot, lambda: isinstance(app.screen, QuitScreen))
        await press(pilot, "escape")  # keep working
        assert isinstance(app.screen, AnnotateScreen)
        await press(pilot, "q")
        await wait_for(pilot, lambda: isinstance(app.screen, QuitScreen))
        await pilot.click("#leave")
        await wait_for(pilot, lambda: not app.is_running)

    drive(session, scenario)
    assert not session.close()  # as the command does: the rescue file is written then
    rescued = list(tmp_path.glob("annotator-rescue-alice-*.jsonl"))
    assert len(rescued) == 1
    assert b'"text":"Russia"' in rescued[0].read_bytes()
    # Which file to append it to, and how (a trial's message named neither).
    said = apps[0].closing_words()[-1]
    assert f" in {rescued[0]}. Once {session.journal} can be written, " in said
    assert said.endswith(f"to the journal: cat {rescued[0]} >> {session.journal}")


def test_a_stale_record_is_shown_read_only_until_start_over(corpus: Path, tmp_path: Path) -> None:
    first = open_session(corpus, "alice", None, tmp_path / "out")
    first.open("a")
    first.label_selection(16, 22, "actor")
    assert first.close()
    (corpus / "a.txt").write_text("date 2025-08-24 Ukraine and Russia swapped.\n", "utf-8")
    session = open_session(corpus, "alice", None, tmp_path / "out")

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = app.screen
        assert isinstance(screen, AnnotateScreen)
        banner = screen.query_one("#banner", Static)
        assert banner.display and "Stale. Your record" in str(banner.render())
        assert "holds every corpus annotated from here" in str(banner.render())
        assert not any("record of" in toast for toast in toasts(app))  # said once
        assert "stale" in status_line(app)
        assert screen.query_one(ArticleView).spans == ()
        assert all(widget.disabled for widget in screen.query_one("#form").query(Input))
        await press(pilot, *["right"] * 16, *["shift+right"] * 7, "1")
        assert len(journal(session)) == 1  # refused: nothing written
        await press(pilot, "ctrl+r")  # asks first: the record is replaced at the second
        assert banner.display and len(journal(session)) == 1
        await press(pilot, "ctrl+r")
        assert not banner.display
        await press(pilot, "1")
        lines = journal(session)
        assert len(lines) == 3
        assert [s["text"] for s in lines[-1]["spans"]] == ["Ukraine"]

    try:
        drive(session, scenario, notifications=True)
    finally:
        session.close()


def test_a_done_record_for_a_changed_text_stops_counting_as_done(
    corpus: Path, tmp_path: Path
) -> None:
    first = open_session(corpus, "alice", None, tmp_path / "out")
    for doc_id in ("a", "c"):
        first.open(doc_id)
        first.set_field("event_type", "exchange")
        first.mark_done()
    assert first.close()
    (corpus / "c.txt").write_text("Kestria said talks would not continue.\n", "utf-8")
    session = open_session(corpus, "alice", None, tmp_path / "out")

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        assert session.document.id == "b"
        # The texts of documents with records are hashed in a worker after the first article.
        await wait_for(pilot, lambda: "done 1/3" in status_line(app))
        await press(pilot, "l")
        assert isinstance(app.screen, DocListScreen)
        assert [entry.status for entry in app.screen.entries] == ["done", "new", "stale"]
        await press(pilot, *"stale")
        assert app.screen.query_one(OptionList).option_count == 1
        await press(pilot, "escape", "u")
        await wait_for(pilot, lambda: session.document.id == "c")
        assert "⚠ stale" in status_line(app)

    try:
        drive(session, scenario)
    finally:
        session.close()


def test_an_unreadable_document_is_reported_and_passed_over(corpus: Path, tmp_path: Path) -> None:
    (corpus / "a.txt").write_bytes(b"caf\xe9 is not UTF-8\n")
    session = open_session(corpus, "alice", None, tmp_path / "out")

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "1", "d", "x")  # nothing to act on: disabled, no crash
        assert not session.loaded
        await press(pilot, "n")
        await wait_for(pilot, lambda: session.loaded and session.document.id == "b")
        await press(pilot, "p")
        await wait_for(pilot, lambda: not session.loaded)  # a still cannot be read
        screen = app.screen
        assert isinstance(screen, AnnotateScreen)
        assert "Cannot read a" in str(screen.query_one("#banner", Static).render())
        assert "1/3" in status_line(app)
        await press(pilot, "n")
        await wait_for(pilot, lambda: session.loaded and session.document.id == "b")
        await press(pilot, "n")
        await wait_for(pilot, lambda: session.document.id == "c")

    async def first_document_shown(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await pilot.pause(0.3)
        await scenario(pilot, app)

    try:
        drive(session, first_document_shown, wait=False)
    finally:
        session.close()
    assert journal(session) == []
