"""s with the reason for skipping typed in the note: the annotation screen asks for it when the
note is empty (the guidelines want it there), and enter in the note skips."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from annotator.core.session import AnnotationSession


def skip_with_reason(session: AnnotationSession, note: str) -> str | None:
    """Save ``note`` on the open document, then skip it; the next unfinished id.

    The note is a change of its own: ctrl+z after the skip gives the status back (the note
    stays, the reason still written), a second ctrl+z takes the note away. An empty note
    skips all the same: the guidelines ask for the reason, the tool does not force it."""
    session.set_note(note)
    return session.skip()
