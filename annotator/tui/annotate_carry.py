"""The annotation screen's ctrl+k on a stale record: carry it over to the changed text (a mixin
of ``annotate_screen.AnnotateScreen``). The first press works out what would be carried and
left out, off the screen's thread (a long article's many spans), and says it; a second within
``CONFIRM_SECONDS`` of that carries it (``AnnotationSession.carry_over``, with what was worked
out) and says what was left out; ctrl+z gives the stale record back.

Once ctrl+k or ctrl+r settles the stale record, the message of its article's file changed on
disk offering ctrl+k for it goes: it stayed its 20 s beside "carried over"."""

from __future__ import annotations

import time

from textual import work
from textual.binding import Binding
from textual.worker import get_current_worker

from annotator.core.carry_over import CarriedOver, carry_over
from annotator.core.errors import AnnotatorError
from annotator.core.models import Document, Record
from annotator.tui.annotate_reading import STALE_ON_DISK
from annotator.tui.session_view import SessionView
from annotator.tui.session_view_changes import FAILED

# How long a first ctrl+r or ctrl+k waits for the second that acts.
CONFIRM_SECONDS = 5.0


# Said by ctrl+k and ctrl+r on a record that is not stale: they did nothing, unsaid (a trial).
NOT_STALE = (
    "this record is not stale: ctrl+k / ctrl+r carry over or start over a record made for "
    "another text"
)


# ctrl+k and ctrl+r elsewhere, after the screen's carry_over and start_over, offered on a stale
# record only: in AnnotateScreen.BINDINGS (a class's bindings of a key replace its bases'),
# never shown; the help leaves out bindings without a description.
NOT_STALE_BINDINGS = [
    Binding("ctrl+k", "not_stale", "", show=False),
    Binding("ctrl+r", "not_stale", "", show=False),
]


class CarryOverKeys(SessionView):
    """ctrl+k, offered (and shown in the footer) only on a stale record; elsewhere ctrl+k and
    ctrl+r say what they are for (``NOT_STALE_BINDINGS``)."""

    # The document and time the first ctrl+k's question was shown: a second ctrl+k within the
    # time carries over.
    _carry_over_asked: tuple[str, float] | None = None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "carry_over":
            return self.session.loaded and self.session.stale is not None
        if action == "not_stale":  # the screen's carry_over, start_over act on a stale one
            return self.session.loaded and self.session.stale is None
        return super().check_action(action, parameters)

    def _no_longer_true(self) -> list[str]:
        """``SessionView._no_longer_true``, and the message offering ctrl+k for a stale record
        once none is left (carried over, or started over with ctrl+r): only those two settle
        it, the document being read-only while it is stale."""
        kinds = super()._no_longer_true()
        if self.session.loaded and self.session.stale is None:
            kinds.append(STALE_ON_DISK)
        return kinds

    def action_not_stale(self) -> None:
        self.tell_about("not_stale", NOT_STALE, "information")

    def action_carry_over(self) -> None:
        session = self.session
        stale = session.stale if session.loaded else None
        if stale is None:
            self.notify("carry over is for a stale record; this one is current")
            return
        doc_id, asked = session.document.id, self._carry_over_asked
        if asked is None or asked[0] != doc_id or time.monotonic() - asked[1] > CONFIRM_SECONDS:
            self._work_out_carry_over(stale, session.document)
            return
        self._carry_over_asked = None
        carried = self.change(session.carry_over)
        if carried is FAILED:
            return
        # Long enough to read what was left out: the record on screen no longer holds it.
        self.notify(
            "carried over: " + "\n".join(carried.lines()),
            severity="warning" if carried.left_out or carried.dropped_links else "information",
            timeout=30 if carried.left_out else 10,
        )

    @work(thread=True, exclusive=True, group="carry-over", exit_on_error=False)
    def _work_out_carry_over(self, stale: Record, document: Document) -> None:
        try:
            preview = carry_over(stale, document.text)
        except AnnotatorError as error:
            # Said as a refusal, as the save's own check says it: never the app closed.
            if not get_current_worker().is_cancelled:
                self.app.call_from_thread(self._carry_over_refused, str(error))
            return
        if not get_current_worker().is_cancelled:  # a later ctrl+k asks again
            self.app.call_from_thread(self._ask_to_carry_over, stale, preview)

    def _carry_over_refused(self, problem: str) -> None:
        self.tell_about("carry_over", f"cannot carry your record over: {problem}", "error")

    def _ask_to_carry_over(self, stale: Record, preview: CarriedOver) -> None:
        """Say what a second ctrl+k would do, unless the annotator moved on meanwhile."""
        if not self.session.loaded or not self.session.keep_carry_over_preview(stale, preview):
            return
        self._carry_over_asked = (self.session.document.id, time.monotonic())
        self.tell_about(
            "carry_over",
            f"ctrl+k again to carry your record over: {preview.question()}. ctrl+z gives it back",
        )
