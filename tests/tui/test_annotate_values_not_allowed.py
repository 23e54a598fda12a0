"""Pilot: a record holding values its fields no longer take (a choice renamed since, a count
made text) opens: each such field shows empty, the form's end names the value kept, and
walking the form leaves the record as it was. A trial's renamed choice ended the screen as it
opened (Textual's Select refused the value), at every start while it was the last worked on."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from annotate_helpers import drive, journal, press, screen_of, toasts, wait_for
from textual.pilot import Pilot
from textual.widgets import Button, Input, Select

from annotator.core.corpus import open_corpus
from annotator.core.session import AnnotationSession, open_session
from annotator.tui.app import AnnotatorApp
from annotator.tui.form_rows import KeptFields
from tests.test_record_unallowed import BAD_FORM, a_record, bad_journal
from tests.test_session_data import fixed_now


def opened_on(corpus: Path, tmp_path: Path, form: dict[str, Any]) -> AnnotationSession:
    """alice's session, her journal holding a in progress with ``form``: the document the
    screen opens first, as the last worked on is."""
    bad_journal(corpus, tmp_path, form)
    return open_session(corpus, "alice", None, tmp_path / "out", now=fixed_now)


@pytest.fixture
def bad(corpus: Path, tmp_path: Path) -> Iterator[AnnotationSession]:
    opened = opened_on(corpus, tmp_path, BAD_FORM)
    yield opened
    opened.close()


def kept_text(app: AnnotatorApp) -> str | None:
    kept = screen_of(app).query_one(KeptFields)
    return str(kept.render()) if kept.display else None


def field(app: AnnotatorApp, path: str) -> Input | Select[str]:
    found = [widget for widget in screen_of(app).query("Input, Select") if widget.name == path]
    assert len(found) == 1, path
    widget = found[0]
    assert isinstance(widget, Input | Select)
    return widget


def test_values_the_fields_no_longer_take_show_empty_named_and_kept(
    bad: AnnotationSession,
) -> None:
    on_disk = bad.journal.read_bytes()

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await wait_for(pilot, lambda: bad.document.id == "a")
        await wait_for(pilot, lambda: kept_text(app) is not None)
        assert kept_text(app) == "\n".join(
            [
                "kept, not in the scheme:",
                "  event_type = sit_in (not a choice)",
                "  releases #1 released_by = 7 (not text)",
                "  releases #1 count = many (not a whole number)",
                "  releases #1 date = Sunday (not a date)",
                "  releases #1 releasees = Ann, Bo (not a list of text)",
                "  releases #2 count = true (not a whole number)",
                "  releases #2 date = 2024-02-30 (not a date)",
                '  releases #2 releasees = ["Ann",3] (not a list of text)',
                "  releases #3 = an item (not an item)",
                "  releases #1 side = east",
            ]
        )
        choice = field(app, "event_type")
        assert isinstance(choice, Select) and choice.value is Select.NULL
        shown = {
            path: widget.value
            for path in ("releases[0].count", "releases[0].releasees", "releases[0].received_by")
            if isinstance(widget := field(app, path), Input)
        }
        assert shown == {
            "releases[0].count": "",
            "releases[0].releasees": "",
            "releases[0].received_by": "Kestria",
        }
        # Every field of the form visited and left, as tab goes round it, ctrl+l's list of
        # spans opened and closed in a list holding a count, the linked spans looked at:
        # nothing saved.
        await press(pilot, "o", *["tab"] * 20)
        field(app, "releases[1].releasees").focus()
        await press(pilot, "ctrl+l", "escape", "escape")
        for words, span_id in (("Russia", "s1"), ("146 prisoners", "s2"), ("146", "s3")):
            keys = ["space" if key == " " else key for key in words]
            await press(pilot, "escape", "/", *keys, "enter")
            await wait_for(pilot, lambda: bad.selected == span_id)  # noqa: B023
        assert bad.journal.read_bytes() == on_disk
        assert bad.record.form == BAD_FORM

        # A choice made replaces the kept one, said; the form's end no longer names it.
        await press(pilot, "o")
        choice.focus()  # o comes back to the field last in focus
        await press(pilot, "e", "enter")
        await wait_for(pilot, lambda: bad.record.form.get("event_type") == "exchange")
        assert journal(bad)[-1]["form"]["releases"] == BAD_FORM["releases"]
        await wait_for(pilot, lambda: "event_type" not in (kept_text(app) or ""))
        assert (kept_text(app) or "").startswith(
            "kept, not in the scheme:\n  releases #1 released_by = 7 (not text)\n"
        )

    drive(bad, scenario)


def test_a_group_that_is_no_list_of_items_opens(corpus: Path, tmp_path: Path) -> None:
    session = opened_on(corpus, tmp_path, {"event_type": 3, "releases": "one release"})

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await wait_for(pilot, lambda: bad_shown(app))
        assert kept_text(app) == "\n".join(
            [
                "kept, not in the scheme:",
                "  event_type = 3 (not a choice)",
                "  releases = one release (not a list of items)",
            ]
        )
        # The add button refuses, saying why, and the record stays.
        await press(pilot, "o")
        screen_of(app).query_one(".add-item", Button).focus()
        await press(pilot, "enter")
        await wait_for(pilot, lambda: "should be a list of items" in " ".join(toasts(app)))
        assert session.record.form == {"event_type": 3, "releases": "one release"}

    def bad_shown(app: AnnotatorApp) -> bool:
        return session.loaded and kept_text(app) is not None

    try:
        drive(session, scenario, notifications=True)
    finally:
        session.close()


def test_the_last_worked_on_holding_a_renamed_choice_opens_first(
    corpus: Path, tmp_path: Path
) -> None:
    """The lockout: the record last worked on, in progress, is the one the screen opens
    first; holding a choice renamed since, it ended every start before anything showed."""
    journal = bad_journal(corpus, tmp_path, {})  # a, in progress, at 09:00
    documents = open_corpus(corpus)
    later = a_record(
        {"event_type": "sit_in"},
        doc_id="c",
        doc_sha256=documents.get("c").sha256,
        updated_at="2025-08-24T09:30:00Z",
    )
    with journal.open("ab") as lines:
        lines.write(orjson.dumps(later.model_dump(mode="json")) + b"\n")
    session = open_session(corpus, "alice", None, tmp_path / "out", now=fixed_now)

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await wait_for(pilot, lambda: kept_text(app) is not None)
        assert session.document.id == "c"
        assert kept_text(app) == "kept, not in the scheme: event_type = sit_in (not a choice)"
        choice = field(app, "event_type")
        assert isinstance(choice, Select) and choice.value is Select.NULL

    try:
        drive(session, scenario)
    finally:
        session.close()
