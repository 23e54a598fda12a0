"""Undo and redo of the open document's changes (mixed into AnnotationSession).

Each document has its own history of records (``History``, one per document, kept while the program
runs). Undo and redo put back a record's content (spans, form, links, note, flag) through
``_commit``, so they are saved like any change, and the span an undo brings back has its own id. The
status is not put back: d and s say it (ctrl+z undoes the last d or s first while it is the last
change: ``session_finish``); an undo that empties a required field takes the document out of done,
and a redo to where the fields are filled again makes it done again.
"""

from __future__ import annotations

from annotator.core.history import Step, describe_step
from annotator.core.models import Record
from annotator.core.session_parts import SessionParts


class SessionHistory(SessionParts):
    """ctrl+z and ctrl+y on the open document (see AnnotationSession)."""

    selected: str | None
    _notices: list[str]
    # Documents an undo took out of done (a required field emptied): a redo to where the
    # fields are filled again makes them done again. A new change forgets it (``_commit``).
    _undone_done: set[str]

    def can_undo(self) -> bool:
        return self._history().can_undo

    def can_redo(self) -> bool:
        return self._history().can_redo

    def undo(self) -> Step | None:
        """Step back; what the step undone had done (None: nothing to undo). The span it
        changed becomes the selected one."""
        self._writable()
        current = self.record
        return self._restore(self._history().undo(), current, undoing=True)

    def redo(self) -> Step | None:
        self._writable()
        current = self.record
        return self._restore(self._history().redo(), current, undoing=False)

    def _restore(self, other: Record | None, current: Record, undoing: bool) -> Step | None:
        if other is None:
            return None
        kept = ("spans", "form", "links", "note", "flagged")  # not the status: d, s say it
        content = {key: getattr(other, key) for key in kept}
        was_done = self.record.status == "done"
        self._commit(self.record.model_copy(update=content), undoable=False)
        doc_id = self.record.doc_id
        if undoing and was_done and self.record.status != "done":
            self._undone_done.add(doc_id)  # an undo emptied a required field (_commit says so)
        elif not undoing and doc_id in self._undone_done and not self.missing_required():
            # Redone to where it was done: done again (a trial's redo left it in progress).
            self._undone_done.discard(doc_id)
            self._commit(self.record.model_copy(update={"status": "done"}), undoable=False)
            self._notices.append(f"{doc_id} is done again")
        before, after = (other, current) if undoing else (current, other)
        step = describe_step(before, after, undone=undoing)
        if step.span_id is not None and self.record.span_by_id(step.span_id) is not None:
            self.selected = step.span_id
        elif self.selected is not None and self.record.span_by_id(self.selected) is None:
            self.selected = None
        return step
