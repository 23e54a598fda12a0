"""Pilot at 80x24: "no journal in …; … has 3 record(s) of this corpus" goes at the first save,
which makes the journal. A trial's stayed on screen a minute or two after the first d, over
the event form, shown again each time the article had the focus back; the other start-up
messages stay, still true."""

from __future__ import annotations

from annotate_helpers import drive, press, toasts, wait_for
from test_annotate_toasts_under import NOTICE
from textual.pilot import Pilot

from annotator.core.journal_elsewhere import NoJournalYet
from annotator.core.session import AnnotationSession
from annotator.tui.app import AnnotatorApp


def test_the_first_save_takes_no_journal_yet_away(session: AnnotationSession) -> None:
    no_journal = NoJournalYet(
        "no journal in ./out/annotations; /proj/annotations/alice.jsonl has 3 record(s) of "
        "this corpus: annotator annotate docs --out /proj",
        session.journal,
    )
    session.messages[:0] = [no_journal, NOTICE]

    async def scenario(pilot: Pilot[None], app: AnnotatorApp) -> None:
        await press(pilot, "right")  # the Welcome goes, the start-up messages show
        await wait_for(pilot, lambda: {no_journal, NOTICE} <= set(toasts(app)))
        assert not session.journal.exists()
        await press(pilot, "f")  # flagged: the first save
        await wait_for(pilot, lambda: no_journal not in toasts(app))
        assert session.journal.exists()
        assert NOTICE in toasts(app)  # still true: it stays
        # The form takes the focus and gives it back: the start-up messages show again, not it.
        await press(pilot, "o")
        await press(pilot, "escape")
        await wait_for(pilot, lambda: NOTICE in toasts(app))
        await pilot.pause(0.2)
        assert no_journal not in toasts(app)

    drive(session, scenario, size=(80, 24), notifications=True)
