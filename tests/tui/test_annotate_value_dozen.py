"""Pilot: `v` takes a count written as the guidelines write it, 'a dozen' (12) or 'half a
dozen' (6), as labelling reads those words.

A trial of sample article 14 typed 'a dozen' into a count's value at 80x24: it was refused
as a vague count ('a vague count has no value: leave it empty'), where the guidelines say
`a dozen` → 12 and labelling 'a dozen' gives 12: the 'a' was not taken for part of the
number."""

from __future__ import annotations

from annotate_helpers import drive, journal, press
from textual.pilot import Pilot

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp

# Document "a": "date 2025-08-24 Russia and Ukraine swapped 146 prisoners on Sunday.\n"
COUNT = ["right"] * 43 + ["shift+right"] * 3  # "146"


def test_v_takes_a_dozen_and_half_a_dozen(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, *COUNT, "2", "v", *"a dozen", "enter")
        assert [span["value"] for span in journal(session)[-1]["spans"]] == [12]
        await press(pilot, "v", *"half a dozen", "enter")
        assert [span["value"] for span in journal(session)[-1]["spans"]] == [6]

    drive(session, scenario, size=(80, 24))
