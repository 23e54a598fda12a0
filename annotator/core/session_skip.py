"""s with the reason for skipping typed in the note: the annotation screen asks for it when the
note is empty (the guidelines want it there), and enter in the note skips."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.core.session_edits import Refused
from annotator.core.session_finish import ALREADY_SKIPPED

if TYPE_CHECKING:
    from annotator.core.session import AnnotationSession


def skip_with_reason(
    session: AnnotationSession, note: str, note_asked: str | None = None
) -> str | None:
    """Save ``note`` on the open document, then skip it; the next unfinished id.

    The reason and the skip are one step: ctrl+z after it gives back both the status and the
    note before, ctrl+y skips with the reason again (``Finished.note_before``). ``note_asked``:
    the note when s asked why (the screen's question), the note before the reason although
    the reason's typing was saved at a pause already: a trial's pause before enter left the
    reason saved as a step of its own, and ctrl+z gave the status back, then the note. An
    empty note skips all the same: the guidelines ask for the reason, the tool does not force
    it."""
    if session.already_skipped:  # refused before the note is written: nothing is done
        raise Refused(ALREADY_SKIPPED)
    before = session.record.note if note_asked is None else note_asked
    session.set_note(note)
    return session.skip(note_before=before)
