"""The pause in typing at which what is typed is saved, one rule for every input that saves so:
the event form's fields and note (``form_typing``) and a span's value (``span_detail``). A trial's
value typed with v was saved only on enter or on leaving it, while the form's fields were saved a
second into a pause: killed then, the value was lost under a status saying "● saved".
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.timer import Timer
from textual.widget import Widget


class TypingPause:
    """Mixed into the widget holding the inputs (before its widget class): ``pause_from_now``
    at each keystroke starts the pause again, and calls its save when the pause comes;
    ``stop_pause`` when the typing is saved or given back otherwise (enter, leaving, ctrl+z).
    What the save does (whether what is typed is a value to save yet) is the widget's."""

    # A pause this long in typing is saved, when what is typed is a value its field takes: a
    # terminal closed (or an SSH session dropped) mid-note loses at most the last second.
    IDLE_SAVE_SECONDS = 1.0
    _idle: Timer | None = None

    def pause_from_now(self, save: Callable[[], None]) -> None:
        """A keystroke: ``save`` is called once the typing has paused ``IDLE_SAVE_SECONDS``
        (a pause started before it is over)."""
        self.stop_pause()
        assert isinstance(self, Widget), "TypingPause is mixed into a widget"
        self._idle = self.set_timer(self.IDLE_SAVE_SECONDS, partial(self._pause_came, save))

    def stop_pause(self) -> None:
        """No pause to come: the typing was saved, or given back, otherwise."""
        if self._idle is not None:
            self._idle.stop()
            self._idle = None

    def _pause_came(self, save: Callable[[], None]) -> None:
        self._idle = None
        save()
