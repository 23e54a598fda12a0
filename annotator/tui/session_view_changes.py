"""The annotation screen's changes and what it says of them (a base of
``session_view.SessionView``): a session action run with its refusal shown, not raised
(``change``), the session's notices told, and what a change made untrue taken back (a trial's
"nothing to undo" stayed beside the label ctrl+z would undo). Kept apart from the drawing of the
views, which reads the session these change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.notifications import SeverityLevel

from annotator.core.errors import AnnotatorError
from annotator.core.session_finish import UndoneElsewhere
from annotator.tui.annotate_reading import ReadsDocuments
from annotator.tui.saving_app import SavingApp

FAILED = object()  # what SessionView.change returns when the session refused

# The kind of the notice of a d or s ("done a (ctrl+z undoes it)"): true while ctrl+z undoes it.
FINISHED = "finished"
# The kind of what the session said of a change ("deleted s2 …; ctrl+z undoes"): the next change
# takes it away (ctrl+z undoes that one first), and says what is true now.
CHANGE_NOTICES = "change notices"


class TellsChanges(ReadsDocuments):
    """Runs the session's actions and says what they did (see the module)."""

    def show_notices(self, of_a_change: bool = False) -> None:
        """Show what the session has to say; ``of_a_change``: it is about the change just made,
        and goes with the next one (``CHANGE_NOTICES``)."""
        for notice in self.session.take_notices():
            if notice == self.session.finish_notice:
                # Withdrawn at the next change (``change``), which ends ctrl+z's undoing it.
                self.tell_finished(notice)
            elif of_a_change or isinstance(notice, UndoneElsewhere):
                # What a ctrl+z of a d or s on this document undid, told once it is open: a
                # change's message too.
                self._tell(CHANGE_NOTICES, notice, "information", timeout=8)
            else:
                self.notify(notice, timeout=8)

    # The notice of a d or s on screen (``FINISHED``): a later d or s makes it untrue.
    _finish_told: str | None = None

    def tell_finished(self, notice: str) -> None:
        """Say what a d or s did, and that ctrl+z undoes it (``FINISHED``)."""
        self._finish_told = notice
        self._tell(FINISHED, notice, "information", timeout=8)

    def change(
        self,
        action: Callable[..., Any],
        *args: Any,
        about: str = "",
        notices: bool = True,
        saves: bool = False,
    ) -> Any:
        """Run a session action; a refusal is shown, not raised. Returns FAILED on refusal.
        Refusals are about the action (``about``: one field or value; else the action): one
        that works takes them away. ``notices``: show the session's notices now (else the
        caller shows them after its own message). ``saves``: the action returns whether it
        saved anything (``set_field``, ``set_note``); when it did not, nothing is said and
        nothing withdrawn: a field left as saved took "undid: a done …" away at once."""
        self.session.activity()
        kind = about or action.__name__
        try:
            result = action(*args)
        except AnnotatorError as error:  # a Refused action, or no document open
            # As text, never markup: a refusal quotes what was typed ("got '[b]'").
            self.tell_about(kind, str(error))
            if kind == "mark_done":
                self._done_refused = str(error)
            if kind == "delete_in":
                self._delete_refused = self.session.record
            return FAILED
        if saves and result is False:
            self.redraw()  # the field as saved ("a,b" typed shows "a, b" again)
            return result
        self.settled(kind, CHANGE_NOTICES, *self._no_longer_true())
        self.redraw()
        if notices:
            self.show_notices(of_a_change=True)
        return result

    # What the last refused d said, while it shows: it goes once d would say otherwise.
    _done_refused: str | None = None
    # The record an x was refused on ("the selection overlaps s7 (count '12'), s6 …"): the
    # refusal names spans as they were, and goes once they change (a trial's stayed after r).
    _delete_refused: object = None

    def _no_longer_true(self) -> list[str]:
        """The kinds of message a change made untrue: "nothing to undo" (a trial's stayed beside
        the label ctrl+z would undo), "nothing to redo", "no spans in this document yet", a d
        refused for a field now filled, a d's "ctrl+z undoes it" after a change, or after a later
        d or s (ctrl+z undoes that one: a trial's "done 03 (ctrl+z undoes it)" stayed beside
        "skipped 04 (ctrl+z undoes it)")."""
        session = self.session
        still_true = session.finish_undoable and session.finish_notice == self._finish_told
        kinds = [] if still_true else [FINISHED]
        if not session.loaded:
            return kinds
        if session.can_undo() or session.finish_undoable:
            kinds.append("undo")
        if session.can_redo() or session.finish_redoable:
            kinds.append("redo")
        if session.record.spans:
            kinds.append("step")
        if self._done_refused is not None and session.done_refusal() != self._done_refused:
            self._done_refused = None
            kinds.append("mark_done")
        if self._delete_refused is not None and session.record is not self._delete_refused:
            self._delete_refused = None
            kinds.append("delete_in")
        return kinds

    def tell_about(
        self, kind: str, message: str, severity: SeverityLevel = "warning", **shown: Any
    ) -> None:
        """Show a message that ``settled(kind)`` takes away (SavingApp.tell_about). It takes the
        place of what was said of ``kind`` before: that is no longer what is true ("flagged for
        review" stayed beside "flag removed")."""
        self.settled(kind)
        self._tell(kind, message, severity, **shown)

    def _tell(self, kind: str, message: str, severity: SeverityLevel, **shown: Any) -> None:
        """``tell_about``, beside what was said of ``kind`` before (the notices of one change)."""
        app = self.app
        assert isinstance(app, SavingApp)
        app.tell_about(kind, message, severity, **shown)

    def tell_beside(self, kind: str, message: str, severity: SeverityLevel, **shown: Any) -> None:
        """``tell_about``, beside what was said of ``kind`` before (the start-up messages)."""
        self._tell(kind, message, severity, **shown)

    def settled(self, *kinds: str) -> None:
        """Actions of ``kinds`` worked: what was said about them before is no longer true (all
        taken away at once: see SavingApp.withdraw)."""
        app = self.app
        assert isinstance(app, SavingApp)
        app.withdraw(*kinds)
