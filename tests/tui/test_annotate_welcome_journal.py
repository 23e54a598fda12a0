"""Pilot: the Welcome names who annotates and the journal each change goes to. A trial's
annotator, the name taken from the login unsaid, asked "where is my journal?"."""

from __future__ import annotations

from pathlib import Path

import pytest
from annotate_helpers import drive, wait_for
from textual.pilot import Pilot

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp


def test_the_welcome_names_the_annotator_and_the_journal(
    session: AnnotationSession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the session's journal is out/annotations/alice.jsonl here

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await wait_for(pilot, lambda: bool(app._notifications))
        said = [notice.message for notice in app._notifications]
        assert said[0].startswith(
            "Annotating as alice; each change is saved to out/annotations/alice.jsonl. "
            "Select words with shift+arrows"
        ), said

    drive(session, scenario, notifications=True)
