"""Pilot: an article file edited on disk while it is open is said, and so is its new text
when it opens again (n, p), its record saved for the old text stale there. Before, the old
text was labelled on, unsaid, until the next session found the record stale."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from annotate_helpers import drive, journal, notices_heard, press, screen_of, wait_for
from textual.pilot import Pilot

from annotator.core.models import sha256_text
from annotator.core.session import AnnotationSession
from annotator.tui import annotate_reading
from annotator.tui.app import AnnotatorApp
from tests.test_session_data import TEXTS

NEW_A = "date 2025-08-24 Ukraine and Russia swapped 146 prisoners on Sunday.\n"


def rewrite(file: Path, text: str) -> None:
    before = file.stat().st_mtime_ns
    file.write_text(text, encoding="utf-8")
    os.utime(file, ns=(before + 1_000_000_000, before + 1_000_000_000))


def test_a_file_changed_while_open_is_said_and_its_new_text_opens_again(
    session: AnnotationSession, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(annotate_reading, "FILE_CHECK_SECONDS", 0.05)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        told = notices_heard(app, monkeypatch)
        screen = screen_of(app)
        rewrite(corpus / "a.txt", NEW_A)
        await wait_for(pilot, lambda: any("changed on disk" in line for line in told))
        [said] = [line for line in told if "changed on disk" in line]
        assert said.startswith("a.txt changed on disk since it opened at ")
        assert said.endswith(
            ": you are labelling the text as it opened, and your labels are saved for that "
            "text; leave it and open it again for the new one, where ctrl+k carries them over"
        )
        # The article still shows the text as it opened; labels go on it, saved for it.
        assert screen.article.text == TEXTS["a"]
        await press(pilot, *["right"] * 43, *["shift+right"] * 3, "2")  # "146"
        [line] = journal(session)
        assert line["doc_sha256"] == sha256_text(TEXTS["a"])
        assert [(s["start"], s["text"]) for s in line["spans"]] == [(43, "146")]
        told.clear()
        await press(pilot, "n")
        await wait_for(pilot, lambda: session.document.id == "b")
        await press(pilot, "p")
        await wait_for(pilot, lambda: session.document.id == "a")
        await pilot.pause()
        assert screen.article.text == NEW_A
        [said] = [line for line in told if "changed on disk" in line]
        assert said.endswith(
            ": this is its new text, and your record (1 span), saved for the text as it was, "
            "is stale here: ctrl+k twice carries it over"
        )
        assert session.stale is not None and session.record.doc_sha256 == sha256_text(NEW_A)
        # Said once: the file is as shown now.
        told.clear()
        await pilot.pause(0.3)
        assert [line for line in told if "changed on disk" in line] == []

    drive(session, scenario)
