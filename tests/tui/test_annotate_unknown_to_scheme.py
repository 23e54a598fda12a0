"""Pilot: a done article reopened after the scheme renamed a label and a field says once what
it holds that the scheme does not know, marks it in the status line while it is open, and
lists the spans of the label it lost under their label, said not to be in the scheme."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from annotate_helpers import drive, press, screen_of, toasts, wait_for
from textual.pilot import Pilot
from textual.widgets import Static

from annotator.core.session import AnnotationSession, open_session
from annotator.tui.annotate_status import AnnotateProgress, status_line
from annotator.tui.app import AnnotatorApp
from annotator.tui.span_list import SpanList
from tests.test_record_unknown import annotate_a_done, renamed_scheme
from tests.test_session_data import fixed_now

UNKNOWN = (
    "this record holds 2 spans of label 'actor' and field 'event_type', which the scheme "
    "does not know (kept as they are; releases #1 released_by links to s1; annotator "
    "validate --scheme"
)


@pytest.fixture
def renamed(corpus: Path, tmp_path: Path) -> Iterator[AnnotationSession]:
    annotate_a_done(corpus, tmp_path)
    scheme = renamed_scheme(tmp_path)
    opened = open_session(corpus, "alice", scheme, tmp_path / "out", now=fixed_now)
    yield opened
    opened.close()


def said(app: AnnotatorApp) -> list[str]:
    return [" ".join(toast.split()) for toast in toasts(app)]  # a toast wraps its lines


def test_opening_says_what_the_scheme_does_not_know(renamed: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        screen = screen_of(app)
        status = screen.query_one("#status", Static)
        await wait_for(pilot, lambda: renamed.document.id == "b")  # a is done: b comes first
        assert not any("scheme does not know" in text for text in said(app))
        assert "not in scheme" not in str(status.render())
        await press(pilot, "p")
        await wait_for(pilot, lambda: renamed.document.id == "a")
        await wait_for(pilot, lambda: any(text.startswith(UNKNOWN) for text in said(app)))
        assert len([text for text in said(app) if "scheme does not know" in text]) == 1
        assert "? not in scheme" in str(status.render())
        spans = screen.query_one(SpanList)
        lines = [str(spans.get_option_at_index(i).prompt) for i in range(spans.option_count)]
        assert lines == ["actor (2) (label not in scheme)", "  s1 Russia @16", "  s2 Ukraine @27"]

    drive(renamed, scenario, notifications=True)


def test_the_mark_shortens_with_the_others_at_80_columns() -> None:
    progress = AnnotateProgress(
        1, 14, "01-arbela-pow-swap", "2024-03-17", "done", True, False, "root", 1, "saved"
    )
    marked = replace(progress, unknown=True)
    assert "? not in scheme" in status_line(marked, 120).plain
    shortened = " 1/14  01-arbela-pow-swap · ✓ done · ⚑ · ? · root · done 1/14"
    assert status_line(marked, 80).plain.startswith(shortened)
    assert "?" not in status_line(progress, 80).plain
