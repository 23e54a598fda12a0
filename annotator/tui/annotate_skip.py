"""The annotation screen's s (a mixin of ``annotate_screen.AnnotateScreen``): on an article whose
note is empty it puts the focus in the note and asks why, since the guidelines want the reason
there; enter in the note then skips with it (``session_skip.skip_with_reason``), and s again,
from the article, skips without it: the guidelines ask, the tool does not force. A trial's
reason took p, o, tab three times, the typing, escape and s, after the skip had moved on."""

from __future__ import annotations

from textual.widgets import Input

from annotator.core.session_skip import skip_with_reason
from annotator.tui.annotate_guidelines import GuidelinesActions
from annotator.tui.session_view import FAILED

ASK_WHY = "why skip? type the reason, enter skips (escape: back, not skipped)"


class SkipAsksWhy(GuidelinesActions):
    """s, and enter in the note after s asked why (``skip_with_reason``, bound on the screen)."""

    # The document whose s asked why (the focus went to its note): s again skips it.
    _skip_asked: str | None = None
    # The document enter in its note skips, once leaving the note has saved it.
    _skip_on_leaving_note: str | None = None

    # Provided by AnnotateScreen (first in its order).
    def _go(self, doc_id: str | None, none_message: str) -> None:
        raise NotImplementedError

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "skip_with_reason":  # else enter is the note's own (saves it)
            focused = self.focused
            asked = self.session.loaded and self._skip_asked == self.session.document.id
            return asked and isinstance(focused, Input) and focused.id == "note"
        return super().check_action(action, parameters)

    def open_document(self, doc_id: str) -> None:
        self._skip_asked = None  # asked again on coming back to it
        super().open_document(doc_id)

    def action_skip(self) -> None:
        session = self.session
        note = self.query_one("#note", Input)
        ask = (
            session.loaded
            and session.stale is None  # s is refused there, and says why
            and not session.record.note.strip()
            and self._skip_asked != session.document.id
            and not note.disabled
        )
        if ask:
            self._skip_asked = session.document.id
            if not self.query_one("#side").display:  # a narrow screen shows the guidelines there
                self.action_close_guidelines()
            note.focus()
            self.tell_about("skip", ASK_WHY, "information", timeout=10)
            return
        self._skip_asked = None
        following = self.change(session.skip)
        if following is not FAILED:
            self._go(following, "that was the last unfinished document")

    def action_skip_with_reason(self) -> None:
        """enter in the note s asked for: leaving the note saves it, then it skips
        (``skipped_on_leaving_note``). Skipped only after the note is saved: the next article,
        opened first, would get this one's note."""
        self._skip_on_leaving_note = self.session.document.id
        self._skip_asked = None
        self.action_focus_article()

    def skipped_on_leaving_note(self, note: str) -> bool:
        """The note was left (``NoteEdited``): skip with it when enter asked to. True when it
        did (or was refused, saying why): the note needs saving no more."""
        doc_id, self._skip_on_leaving_note = self._skip_on_leaving_note, None
        if doc_id is None or not self.session.loaded or doc_id != self.session.document.id:
            return False
        following = self.change(skip_with_reason, self.session, note, about="skip")
        if following is not FAILED:
            self._go(following, "that was the last unfinished document")
        return True
