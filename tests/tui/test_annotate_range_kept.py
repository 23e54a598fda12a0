"""Pilot: a done record keeping a count above the release count's new ``max = 100`` and a count
span of -5 under its label's ``min = 0`` (a user trial). annotate said nothing at start, the list
showed ``✓ done`` unmarked, the span list ``s3 95 = -5``, and the form ``count 150`` unwarned.
Now the start counts it, the list and the status line mark it, the span list and the panel say
why its value is not taken, opening it names both values, and the form shows the count empty."""

from __future__ import annotations

import shutil
from pathlib import Path

import orjson
from annotate_helpers import drive, press, screen_of, toasts, wait_for
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from annotator.core.session import open_session
from annotator.tui.app import AnnotatorApp
from annotator.tui.form_panel import EventForm
from annotator.tui.screens import DocListScreen
from annotator.tui.span_list import SpanList
from tests.test_range_kept_values import DOC, SAMPLES, ranged_scheme, trial_record
from tests.test_session_data import fixed_now


def said(app: AnnotatorApp) -> list[str]:
    return [" ".join(toast.split()) for toast in toasts(app)]  # a toast wraps its lines


def test_a_record_keeping_values_outside_their_ranges_is_said_and_marked(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in (DOC, "02-tamore-hostages-freed"):
        shutil.copy(SAMPLES / f"{name}.txt", corpus / f"{name}.txt")
    scheme = ranged_scheme(tmp_path)
    journal = tmp_path / "out" / "annotations" / "alice.jsonl"
    journal.parent.mkdir(parents=True)
    journal.write_bytes(orjson.dumps(trial_record().model_dump(mode="json")) + b"\n")
    session = open_session(corpus, "alice", scheme.source, tmp_path / "out", now=fixed_now)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        start = (
            f"{session.journal}: its one record ({DOC}; l marks it) holds labels, fields or "
            f"values not in the scheme given, {scheme.source}: kept as they are; opening it "
            "says what it holds"
        )
        await wait_for(pilot, lambda: start in said(app))
        await press(pilot, "l")
        listed = app.screen
        assert isinstance(listed, DocListScreen)
        options = listed.query_one(OptionList)
        assert str(options.get_option_at_index(0).prompt) == (
            f"   1  ✓ done       {DOC} · ? not in scheme"
        )
        await press(pilot, "escape", "p")
        await wait_for(pilot, lambda: session.document.id == DOC)
        screen = screen_of(app)
        assert "? not in scheme" in str(screen.query_one("#status", Static).render())
        await wait_for(pilot, lambda: any("span s3 = -5" in text for text in said(app)))
        assert any(
            "this record holds releases #1 count = 150 (more than its max = 100), span s3 = -5 "
            "(less than its min = 0), which the scheme does not allow" in text
            for text in said(app)
        )
        spans = screen.query_one(SpanList)
        assert str(spans.get_option(option_id="s3").prompt).strip() == (
            "s3 95 = -5 (less than its min = 0) @66"
        )
        form = screen.query_one("#form", EventForm)
        count = next(w for w in form.query(Input) if w.name == "releases[0].count")
        assert count.value == ""  # shown empty, as a choice renamed is
        await press(pilot, "slash", "9", "5", "enter")  # the cursor onto s3
        line = screen.query_one("#value-counted", Static)
        await wait_for(pilot, lambda: line.display)
        assert str(line.render()) == (
            "kept: -5 is less than its min = 0, which the scheme does not allow; type another"
        )

    try:
        drive(session, scenario, notifications=True)
    finally:
        session.close()
