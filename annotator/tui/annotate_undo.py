"""The annotation screen's ctrl+z and ctrl+y (mixed into ``annotate_screen.AnnotateScreen``).

Each undoes or redoes one step of the session's history (``history.Step``), says what it did,
and brings the span or field it changed into view. ctrl+z in a form field with typing not saved
yet gives back the field's saved value instead (``EventForm.undo_typing``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Input

from annotator.core.forms import path_words
from annotator.core.history import Step
from annotator.tui.form_messages import FieldEdited, NoteEdited
from annotator.tui.form_panel import EventForm
from annotator.tui.session_view import SessionView
from annotator.tui.session_view_changes import CHANGE_NOTICES, FAILED, FINISHED
from annotator.tui.span_detail import SpanDetail


class UndoRedoKeys(SessionView):
    """ctrl+z and ctrl+y (see the module docstring)."""

    async def action_undo(self) -> None:
        focused = self.focused
        kept = self.query_one("#form", EventForm).undo_typing(focused)
        if kept is not None and isinstance(focused, Input):
            # The typing, never saved, is what ctrl+z undoes; what it unlinked is not gone.
            field = path_words(focused.name or focused.id or "")
            self.settled(focused.name or "", CHANGE_NOTICES)
            said = f"undid: typing in {field}, not saved; it holds {kept or 'nothing'} again"
            self._tell(CHANGE_NOTICES, said, "information")
            return
        detail = self.query_one(SpanDetail)
        span_id = detail.span_id
        kept = detail.undo_typing(focused, self.session.typing_run())
        if kept is not None:
            # The value typed with v, never saved: what ctrl+z undoes, not a change before it.
            self.settled(f"value of {span_id}", CHANGE_NOTICES)
            holds = kept or "no value"
            said = f"undid: typing in {span_id}'s value, not saved; it holds {holds} again"
            self._tell(CHANGE_NOTICES, said, "information")
            return
        if self.skip_question_undone():
            return
        await self._show_step("undo", self.change(self.session.undo, notices=False))
        self.still_asking_why()

    # Provided by annotate_skip.SkipAsksWhy (before this in AnnotateScreen's order).
    def skip_question_undone(self) -> bool:
        raise NotImplementedError

    def still_asking_why(self) -> None:
        raise NotImplementedError

    async def action_redo(self) -> None:
        # Typing not saved yet is saved first, to its own document: a redo opening another
        # document took it there (a trial's note typed on 01 was saved as 02's). Saved, it is
        # a change, so there is nothing left to redo.
        pending = self.query_one("#form", EventForm).typing_to_save(self.focused)
        session = self.session
        could_redo = session.can_redo() or session.finish_redoable
        saved = False
        if pending is not None:
            doc_id, record = session.document.id, session.record
            if isinstance(pending, NoteEdited):
                self.on_note_edited(pending)
            elif isinstance(pending, FieldEdited):
                self.on_field_edited(pending)
            saved = session.document.id == doc_id and session.record != record
        step = self.change(session.redo, notices=False)
        if step is None and saved:
            # The typing saved is a change: a trial pressed ctrl+y to finish the document again
            # and read only "nothing to redo", not why.
            typed = path_words(pending.path) if isinstance(pending, FieldEdited) else "the note"
            why = "nothing to redo after a change" if could_redo else "nothing to redo"
            self.tell_about("redo", f"saved {typed} typed; {why}", "information")
            return
        await self._show_step("redo", step)

    if TYPE_CHECKING:
        # AnnotateScreen's handlers of the form's messages. Declared for the type checker only:
        # Textual calls an ``on_`` method of every class in the order, so a stub would run.
        def on_note_edited(self, message: NoteEdited) -> None: ...

        def on_field_edited(self, message: FieldEdited) -> None: ...

    async def _show_step(self, key: str, step: Step | object | None) -> None:
        """Say what an undo or redo did, and bring the span or field it changed into view:
        a trial's undo changed a release off-screen with nothing shown."""
        if step is FAILED:
            return
        if not isinstance(step, Step):
            self.tell_about(key, f"nothing to {key}", "information")  # once, however often
            return
        if step.doc_id is not None and step.doc_id != self.session.document.id:
            self.open_document(step.doc_id)  # the undone d or s is told once it is open
            return
        # What the earlier messages said of the step is undone now: they go (a trial saw
        # four or five stacked over the article after a few undos). What the step did is
        # said first, then what followed from it ("… is skipped again").
        self.app.clear_notifications()
        said = f"{'undid' if key == 'undo' else 'redid'}: {step.text}"
        if said == self.session.finish_notice:
            # A d redone on the last unfinished document: ctrl+z undoes it while nothing changes,
            # and the next change withdraws the message, as the one of d.
            self.settled(FINISHED)
            self.tell_finished(said)
        else:
            # Goes with the next change, as what a change says: a trial's "(s9 is gone)" stayed
            # up beside the panel listing s9 labelled again.
            self._tell(CHANGE_NOTICES, said, "information")
        self.show_notices(of_a_change=True)
        span = self.session.span(step.span_id)
        offset = span.start if span is not None else step.offset
        if offset is not None:
            self.article.move_to_offset(offset)
            self.article.scroll_cursor_visible(center=True)
            self.refresh_side()
        if step.path is not None:
            await self.update_form()  # an item brought back exists once this returns
            self.query_one("#form", EventForm).reveal(step.path)
