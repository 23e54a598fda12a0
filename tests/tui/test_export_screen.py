"""Pilot: the export screen writes exactly what ``export_records`` (and so the CLI) writes."""

from __future__ import annotations

import datetime as dt
import shlex
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from annotate_helpers import drive, press, wait_for
from textual.pilot import Pilot
from textual.widgets import Button, Checkbox, Input, OptionList, Select, Static

from annotator.cli import main
from annotator.core import export_request
from annotator.core.formats.export import export_records
from annotator.core.session import AnnotationSession, open_session
from annotator.tui.annotate_screen import AnnotateScreen
from annotator.tui.app import AnnotatorApp
from annotator.tui.export_screen import ExportScreen


def fixed_now() -> dt.datetime:
    return dt.datetime(2025, 8, 24, 10, 0, tzinfo=dt.UTC)


@pytest.fixture
def session(corpus: Path, tmp_path: Path) -> Iterator[AnnotationSession]:
    """alice's journal: a and b done (b's count inside its releasee span), c in progress."""
    out = tmp_path / "out"
    first = open_session(corpus, "alice", None, out, now=fixed_now)
    first.open("a")
    first.label_selection(16, 22, "actor")  # Russia
    first.label_selection(43, 56, "releasee")  # 146 prisoners
    first.label_selection(43, 46, "count")  # 146, inside the releasee span
    first.set_field("event_type", "exchange")
    first.mark_done()
    first.open("b")
    first.label_selection(16, 24, "actor")  # Norvania
    first.label_selection(5, 15, "date")
    first.set_field("event_type", "exchange")
    first.mark_done()
    first.open("c")
    first.label_selection(0, 7, "actor")  # Kestria
    assert first.close()
    opened = open_session(corpus, "alice", None, out, now=fixed_now)
    yield opened
    opened.close()


def screen_of(app: AnnotatorApp) -> ExportScreen:
    assert isinstance(app.screen, ExportScreen)
    return app.screen


def text_of(screen: ExportScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def export(pilot: Pilot[Any], screen: ExportScreen) -> None:
    """Press Export and wait for the worker."""
    await pilot.pause()  # the fields' changes first
    await pilot.click("#export-run")
    await pilot.pause()
    await wait_for(pilot, lambda: not screen.running, tries=500)


def direct(session: AnnotationSession, fmt: str, out: Path, **options: Any) -> Any:
    """``export_records`` called directly with the arguments the screen passes."""
    warnings: list[str] = []
    result = export_records(
        session.journal,
        fmt,
        out,
        corpus=session.corpus.path,
        annotator=session.annotator,
        scheme=session.scheme,
        on_warning=warnings.append,
        **options,
    )
    assert result.warnings == warnings
    return result


def files_under(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_palette_opens_it_and_jsonl_is_what_export_records_and_the_cli_write(
    session: AnnotationSession, tmp_path: Path
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "ctrl+p", *"export", "space", *"annotations")
        await wait_for(pilot, lambda: bool(app.screen.query(OptionList)))
        options = app.screen.query_one(OptionList)
        await wait_for(pilot, lambda: options.option_count == 1)
        await press(pilot, "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ExportScreen))
        screen = screen_of(app)
        out = Path(screen.query_one("#export-out", Input).value)
        assert out == tmp_path / "out" / "export" / "alice.jsonl"  # the default
        assert text_of(screen, "#export-out-hint") == "one new file"
        await export(pilot, screen)
        assert text_of(screen, "#export-state") == (
            f"✓ exported 2 document(s) as jsonl to {out}; "
            "left out 1 document(s) whose status is not done: 1 in progress"
        )
        assert "no warnings" in text_of(screen, "#export-warnings")

        expected = direct(session, "jsonl", tmp_path / "direct.jsonl")
        assert expected.documents == 2
        assert out.read_bytes() == (tmp_path / "direct.jsonl").read_bytes()

        # The command line the screen shows writes the same bytes.
        words = shlex.split(screen.request().command_line())[1:]
        words[words.index("-o") + 1] = str(tmp_path / "cli.jsonl")
        assert main(words) == 0
        assert (tmp_path / "cli.jsonl").read_bytes() == out.read_bytes()

        await press(pilot, "escape")
        assert isinstance(app.screen, AnnotateScreen)

    drive(session, scenario)


def test_key_e_and_conll_chosen_with_the_keyboard_show_every_warning(
    session: AnnotationSession, tmp_path: Path
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "e")
        screen = screen_of(app)
        select = screen.query_one("#export-format", Select)
        assert select.has_focus
        await press(pilot, "enter", *["down"] * 5, "enter")  # jsonl … brat, conll
        assert select.value == "conll"
        out = Path(screen.query_one("#export-out", Input).value)
        assert out.name == "alice.conll"  # the default followed the format
        assert not screen.query_one("#export-options").display  # conll has no options
        await export(pilot, screen)

        expected = direct(session, "conll", tmp_path / "direct.conll")
        assert out.read_bytes() == (tmp_path / "direct.conll").read_bytes()
        shown = text_of(screen, "#export-warnings").splitlines()
        assert shown[0] == f"{len(expected.warnings)} warning(s):"
        assert shown[1:] == expected.warnings  # every line, none dropped
        assert any("146" in line for line in expected.warnings)  # the count inside the releasee

    drive(session, scenario)


def test_a_split_export_writes_the_same_folder(session: AnnotationSession, tmp_path: Path) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "e")
        screen = screen_of(app)
        seed = screen.query_one("#export-seed", Input)
        assert seed.disabled  # no split yet
        screen.query_one("#export-format", Select).value = "conll"
        screen.query_one("#export-status-in_progress", Checkbox).value = True
        screen.query_one("#export-split", Input).value = "train=0.5,dev=0.5"
        await pilot.pause()
        assert not seed.disabled
        seed.value = "7"
        await pilot.pause()
        out = Path(screen.query_one("#export-out", Input).value)
        assert out.name == "alice-conll"  # a split export is a folder
        command = screen.request().command_line()
        assert "--split train=0.5,dev=0.5 --seed 7" in command
        assert "--status done,in_progress" in command
        await export(pilot, screen)

        folder = tmp_path / "direct"
        expected = direct(
            session, "conll", folder, status="done,in_progress", split="train=0.5,dev=0.5", seed=7
        )
        assert expected.documents == 3
        assert files_under(out) == files_under(folder)
        sizes = ", ".join(f"{name} {size}" for name, size in expected.splits.items())
        assert text_of(screen, "#export-state").endswith(f"(2 files): {sizes}")
        listed = text_of(screen, "#export-files")
        assert str(out / "train.conll") in listed and str(out / "dev.conll") in listed

    drive(session, scenario)


def test_doccano_and_labelstudio_offer_their_options_only(
    session: AnnotationSession, tmp_path: Path
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "e")
        screen = screen_of(app)
        shown = {
            name: screen.query_one(f"#export-{name}").display
            for name in ("with-text", "style", "offsets")
        }
        assert shown == {"with-text": True, "style": False, "offsets": False}
        screen.query_one("#export-format", Select).value = "labelstudio"
        await pilot.pause()
        assert not screen.query_one("#export-with-text").display
        assert not screen.query_one("#export-style").display
        assert screen.query_one("#export-offsets").display
        screen.query_one("#export-format", Select).value = "doccano"
        await pilot.pause()
        screen.query_one("#export-style", Select).value = "entities"
        screen.query_one("#export-offsets", Select).value = "utf16"
        await pilot.pause()
        assert "--style entities --offsets utf16" in screen.request().command_line()
        await export(pilot, screen)
        out = Path(screen.query_one("#export-out", Input).value)
        assert out.name == "alice.doccano.jsonl"
        direct(session, "doccano", tmp_path / "d.jsonl", style="entities", offsets="utf16")
        assert out.read_bytes() == (tmp_path / "d.jsonl").read_bytes()

    drive(session, scenario)


def test_errors_are_one_line_and_the_screen_stays(
    session: AnnotationSession, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n", encoding="utf-8")
    journal_before = session.journal.read_bytes()

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "e")
        screen = screen_of(app)
        state = screen.query_one("#export-state", Static)
        out = screen.query_one("#export-out", Input)

        out.value = str(blocker / "sub" / "x.jsonl")  # its folder cannot be created
        await export(pilot, screen)
        line = str(state.render())
        assert line == f"✖ {blocker / 'sub'}: cannot write: a file stands where a folder is needed"
        assert "\n" not in line and state.has_class("-error")
        assert not screen.query_one("#export-run", Button).disabled

        out.value = str(tmp_path / "ok.jsonl")
        screen.query_one("#export-split", Input).value = "train=0.7"
        await export(pilot, screen)
        assert str(state.render()) == "✖ split: shares add up to 0.7, not 1"
        assert not (tmp_path / "ok.jsonl").exists()

        screen.query_one("#export-split", Input).value = ""
        out.value = str(session.journal)  # never over the journal
        await export(pilot, screen)
        assert str(state.render()) == (
            f"✖ {session.journal}: is the same file as the source ({session.journal}); write "
            "the export to another file (nothing was written)"
        )
        assert session.journal.read_bytes() == journal_before

        for status in ("done", "in_progress", "skipped"):
            screen.query_one(f"#export-status-{status}", Checkbox).value = False
        await export(pilot, screen)
        assert str(state.render()) == "✖ statuses: tick at least one"
        assert isinstance(app.screen, ExportScreen)

    drive(session, scenario)


def test_an_export_selecting_nothing_names_the_boxes_that_take_it(
    session: AnnotationSession,
) -> None:
    # A trial: the refusal named ``--status done,in_progress``, an option the screen has not.
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "e")
        screen = screen_of(app)
        state = screen.query_one("#export-state", Static)
        out = Path(screen.query_one("#export-out", Input).value)
        screen.query_one("#export-status-done", Checkbox).value = False
        screen.query_one("#export-status-skipped", Checkbox).value = True
        await export(pilot, screen)
        assert str(state.render()) == (
            f"✖ {session.journal}: no records with status skipped to export (left out 3 "
            'document(s) whose status is not skipped: 1 in progress, 2 done; tick "in progress" '
            'and "done" in statuses to export them too); nothing was written'
        )
        assert state.has_class("-error") and not out.exists()
        # Ticked as it says, they are exported.
        screen.query_one("#export-status-done", Checkbox).value = True
        screen.query_one("#export-status-in_progress", Checkbox).value = True
        await export(pilot, screen)
        assert str(state.render()) == f"✓ exported 3 document(s) as jsonl to {out}"

    drive(session, scenario)


def test_nothing_is_exported_while_the_journal_is_not_written(
    session: AnnotationSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "e")
        screen = screen_of(app)
        monkeypatch.setattr(session, "flush", lambda timeout=None: False)
        await export(pilot, screen)
        assert "your latest changes are not on disk yet" in text_of(screen, "#export-state")
        assert not Path(screen.query_one("#export-out", Input).value).exists()

    drive(session, scenario)


def test_the_export_runs_off_the_event_loop_and_reports_after_escape(
    session: AnnotationSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    threads: list[str] = []
    told: list[tuple[str, str]] = []
    real = export_request.export_records

    def slow(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread().name)
        assert release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(export_request, "export_records", slow)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        monkeypatch.setattr(
            app, "notify", lambda message, **kw: told.append((message, kw["title"]))
        )
        await press(pilot, "e")
        screen = screen_of(app)
        screen.query_one("#export-format", Select).value = "conll"
        await pilot.pause()
        await pilot.click("#export-run")
        await wait_for(pilot, lambda: bool(threads))
        assert threads[0] != threading.current_thread().name
        # The screen still answers while the export waits; escape closes it.
        assert "exporting to" in text_of(screen, "#export-state")
        assert screen.query_one("#export-run", Button).disabled
        await press(pilot, "escape")
        assert isinstance(app.screen, AnnotateScreen)
        # Opened again meanwhile, it does not start a second export of the same journal.
        await press(pilot, "e")
        assert "the last export is still running" in text_of(screen_of(app), "#export-state")
        await pilot.click("#export-run")
        await pilot.pause()
        assert len(threads) == 1
        await press(pilot, "escape")
        release.set()
        await wait_for(pilot, lambda: bool(told), tries=500)
        message, title = told[0]
        assert title == "export"
        assert message.startswith("exported 2 document(s) as conll to ")
        assert message.endswith("warning(s): export again to read them")
        # The screen opens again with the choices of the last export.
        await press(pilot, "e")
        again = screen_of(app)
        assert again is not screen
        assert again.query_one("#export-format", Select).value == "conll"
        assert again.query_one("#export-out", Input).value.endswith("alice.conll")

    drive(session, scenario)


def test_a_split_into_a_folder_of_another_export_is_refused_and_nothing_goes(
    session: AnnotationSession,
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "e")
        screen = screen_of(app)
        state = screen.query_one("#export-state", Static)
        screen.query_one("#export-format", Select).value = "conll"
        screen.query_one("#export-split", Input).value = "train=0.5,dev=0.5"
        await export(pilot, screen)
        out = Path(screen.query_one("#export-out", Input).value)
        before = files_under(out)
        assert sorted(before) == ["dev.conll", "train.conll"]

        screen.query_one("#export-split", Input).value = "a=0.5,b=0.5"
        await export(pilot, screen)
        assert str(state.render()) == (
            f"✖ {out}: holds 2 file(s) of an earlier export that are not part of this one "
            "(e.g. dev.conll), so the folder would mix two exports; choose an empty folder or "
            "remove them (nothing was written)"
        )
        assert state.has_class("-error")
        assert files_under(out) == before

    drive(session, scenario)
