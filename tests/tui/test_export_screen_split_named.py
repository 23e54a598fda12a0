"""Pilot: the export screen names its split and seed boxes in a refusal about them, not the
command line's --split and --seed (a trial read "--split: shares add up to 0.7, not 1" on a
screen that has no --split). The session is test_export_screen's: a and b done, c started."""

from __future__ import annotations

from pathlib import Path

from annotate_helpers import drive, press
from test_export_screen import export, screen_of, session, text_of
from textual.pilot import Pilot
from textual.widgets import Input, Select

from annotator.core.formats.splits import assign, parse_split
from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp

__all__ = ["session"]  # the fixture, used by name

HALVES = "a=0.5,b=0.5"


def test_a_split_refused_names_the_split_box_as_typed_and_on_export(
    session: AnnotationSession, tmp_path: Path
) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "e")
        screen = screen_of(app)
        out = tmp_path / "ok.jsonl"
        screen.query_one("#export-out", Input).value = str(out)
        screen.query_one("#export-split", Input).value = "train=0.7"
        await pilot.pause()
        # Said as it is typed, where the command line would be.
        assert text_of(screen, "#export-command") == "same as  split: shares add up to 0.7, not 1"
        await export(pilot, screen)
        assert text_of(screen, "#export-state") == "✖ split: shares add up to 0.7, not 1"
        screen.query_one("#export-split", Input).value = "train=a,dev=0.5"
        await pilot.pause(0.3)  # the button's pressed look over: a click during it is not one
        await export(pilot, screen)
        assert text_of(screen, "#export-state") == "✖ split: train: 'a' is not a number"
        assert not out.exists()

    drive(session, scenario)


def test_an_empty_hf_split_names_the_seed_box(session: AnnotationSession) -> None:
    # The two done documents; a seed that puts both in one half leaves the other empty.
    halves = parse_split(HALVES)
    seed = next(s for s in range(100) if not all(assign(["a", "b"], s, halves).values()))

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "e")
        screen = screen_of(app)
        screen.query_one("#export-format", Select).value = "hf"
        screen.query_one("#export-split", Input).value = HALVES
        await pilot.pause()
        screen.query_one("#export-seed", Input).value = str(seed)
        await export(pilot, screen)
        assert text_of(screen, "#export-state") == (
            "✖ hf: nothing written: datasets.load_dataset cannot load an empty .jsonl "
            "(with a split: choose another seed or other shares)"
        )

    drive(session, scenario)
