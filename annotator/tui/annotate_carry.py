"""The annotation screen's ctrl+k on a stale record: carry it over to the changed text (a mixin
of ``annotate_screen.AnnotateScreen``). The first press says what would be carried and left
out; a second within ``CONFIRM_SECONDS`` carries it (``AnnotationSession.carry_over``) and
says what was left out; ctrl+z gives the stale record back."""

from __future__ import annotations

import time

from annotator.core.display import quoted
from annotator.tui.session_view import FAILED, SessionView

# How long a first ctrl+r or ctrl+k waits for the second that acts.
CONFIRM_SECONDS = 5.0


class CarryOverKeys(SessionView):
    """ctrl+k, offered (and shown in the footer) only on a stale record."""

    # The document and time of a first ctrl+k: a second one within the time carries over.
    _carry_over_asked: tuple[str, float] | None = None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "carry_over":
            return self.session.loaded and self.session.stale is not None
        return super().check_action(action, parameters)

    def action_carry_over(self) -> None:
        session = self.session
        preview = session.carry_over_preview()
        if preview is None:
            self.notify("carry over is for a stale record; this one is current")
            return
        doc_id, now, asked = session.document.id, time.monotonic(), self._carry_over_asked
        if asked is None or asked[0] != doc_id or now - asked[1] > CONFIRM_SECONDS:
            self._carry_over_asked = (doc_id, now)
            left = ", ".join(f"{out.span.id} {quoted(out.span.text)}" for out in preview.left_out)
            self.tell_about(
                "carry_over",
                f"ctrl+k again to carry your record over to this text: {preview.summary()}"
                f"{f' ({left})' if left else ''}. ctrl+z gives it back",
            )
            return
        self._carry_over_asked = None
        carried = self.change(session.carry_over)
        if carried is FAILED:
            return
        # Long enough to read what was left out: the record on screen no longer holds it.
        self.notify(
            "carried over: " + "\n".join(carried.lines()),
            severity="warning" if carried.left_out or carried.dropped_links else "information",
            timeout=30 if carried.left_out or carried.in_words else 10,
            markup=False,
        )
