"""The document list shows why a document was skipped: its note, shortened, on its row (a trial
saw "↷ skipped" and had to open each one to learn why)."""

from __future__ import annotations

from annotate_helpers import drive, press, wait_for
from textual.pilot import Pilot
from textual.widgets import OptionList

from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp
from annotator.tui.screens import DocListScreen

REASON = "not an exchange: a court ruling about prisoners held since the winter offensive"


def test_entries_carry_the_skip_note_of_skipped_documents_only(
    session: AnnotationSession,
) -> None:
    session.open(session.ids[0])
    session.set_note(REASON)
    session.skip()
    session.open(session.ids[1])
    session.set_note("a note of a document at work")
    entries = session.entries()
    assert [(e.status, e.skip_note) for e in entries[:2]] == [
        ("skipped", REASON),
        ("in_progress", ""),
    ]


def test_the_list_row_shows_the_reason_typed_on_skipping(session: AnnotationSession) -> None:
    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        first = session.document.id
        await press(pilot, "s", *"no swap", "enter")  # s asks for the reason; enter skips
        await wait_for(pilot, lambda: session.document.id != first)
        await press(pilot, "l")
        assert isinstance(app.screen, DocListScreen)
        options = app.screen.query_one(OptionList)
        row = str(options.get_option_at_index(0).prompt)
        assert row.endswith(f"{first}  — no swap"), row
        await press(pilot, *"swap")  # the reason's words filter too
        assert options.option_count == 1

    drive(session, scenario)
