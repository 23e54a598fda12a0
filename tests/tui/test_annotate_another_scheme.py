"""Pilot: annotate opened on a journal made with another scheme, without ``--scheme`` (a trial's
project reopened under the default scheme), says once at start which scheme is in force and
asks for the journal's; each record opened still says what it holds that the scheme lacks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from annotate_helpers import drive, press, toasts, wait_for
from textual.pilot import Pilot

from annotator.core.session import AnnotationSession, open_session
from annotator.tui.app import AnnotatorApp
from tests.test_journal_another_scheme import ASK, PROTEST_RECORDS, write_journal
from tests.test_session_data import fixed_now

ASKED = (
    "2 of its 3 records (a, b; l marks them) hold labels, fields or choice values not in "
    "scheme prisoner_exchange (the default: no --scheme was given): was this journal made "
    f"with another scheme? {ASK}"
)


@pytest.fixture
def forgotten(corpus: Path, tmp_path: Path) -> Iterator[AnnotationSession]:
    """The protest scheme's journal opened under the default scheme."""
    write_journal(tmp_path, PROTEST_RECORDS)
    opened = open_session(corpus, "alice", None, tmp_path / "out", now=fixed_now)
    yield opened
    opened.close()


def said(app: AnnotatorApp) -> list[str]:
    return [" ".join(toast.split()) for toast in toasts(app)]  # a toast wraps its lines


def test_the_scheme_in_force_is_named_once_at_start(forgotten: AnnotationSession) -> None:
    journal = str(forgotten.journal)

    def asked(app: AnnotatorApp) -> list[str]:
        return [text for text in said(app) if "was this journal made with" in text]

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await wait_for(pilot, lambda: bool(asked(app)))
        assert asked(app) == [f"{journal}: {ASKED}"]
        assert forgotten.document.id == "a"
        opened = "this record holds 1 span of label 'location' and field 'arrests'"
        assert any(text.startswith(opened) for text in said(app))
        # b holds what the scheme lacks too: its own notice, and the question not again (the
        # start-up messages go with the first document, as its other messages do).
        await press(pilot, "n")
        await wait_for(pilot, lambda: forgotten.document.id == "b")
        await wait_for(pilot, lambda: any("label 'organiser'" in text for text in said(app)))
        assert asked(app) == []

    drive(forgotten, scenario, notifications=True)
