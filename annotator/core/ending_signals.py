"""The signals that end a session: a hang-up (SIGHUP), `kill PID` (SIGTERM) and `kill -INT PID`
(SIGINT; ctrl+c on the screen is a key, not a signal).

Once the screen runs, its app takes them (``SavingApp.save_on_hangup``): the typing saved, the
session closed, the lock released. Before, each ended the process where it stood, the lock
left behind: a SIGTERM as annotate opened its journal (or in the moments before the screen
took it) left ``<journal>.lock``, and the next start took it over as left by a session that
"did not close", whose last typing "may be missing"; a ctrl+c then (the terminal's, before the
screen takes the keys) raised KeyboardInterrupt where the lock's release was not waiting.

While ``signals_kept_while_locked`` is on (annotate and review, from before the session opens
until it is closed), such a signal that comes while this process holds a journal's lock
(``lock.holding_a_lock``) is kept, not acted on: the screen takes it as it starts, before it
touches the terminal (``take_kept_signal``), and closes the session as for a signal that
comes later. A signal that comes while no lock is held (the corpus being read, the session
closed) does what it did before: nothing is held for it to leave behind.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

from annotator.core.lock import holding_a_lock

# Each signal that ends a session, and the words a note of typing refused at it uses.
ENDING_SIGNALS = (("SIGHUP", "the hang-up"), ("SIGTERM", "the SIGTERM"), ("SIGINT", "the SIGINT"))

_Handler = Callable[[int, FrameType | None], Any] | int | None  # as signal.getsignal says

_handled: dict[int, str] = {}  # the signals kept while locked: their words (empty: off)
_before: dict[int, _Handler] = {}  # each one's handler before, put back at the end
_kept: list[str] = []  # the words of the first signal kept, until the screen takes it


def _signals() -> Iterator[tuple[signal.Signals, str]]:
    for name, why in ENDING_SIGNALS:
        number = getattr(signal, name, None)
        if number is not None:  # no such signal here (another platform): nothing to keep
            yield number, why


@contextmanager
def signals_kept_while_locked() -> Iterator[None]:
    """Keep the ending signals that come while a journal's lock is held (the module
    docstring); the handlers before are put back at the end, and a signal kept and not taken
    is dropped then: the session it asked to close is closed."""
    for number, why in _signals():
        _before[number] = signal.getsignal(number)
        _handled[number] = why
    keep_again()
    try:
        yield
    finally:
        for handled, before in _before.items():
            # None: set from outside Python; the default is the nearest.
            signal.signal(handled, before if before is not None else signal.SIG_DFL)
        _handled.clear()
        _before.clear()
        _kept.clear()


def keep_again() -> None:
    """Handle the ending signals here again (no-op while ``signals_kept_while_locked`` is
    off): the screen's event loop, as it closed, put the defaults back, and the session is
    closed after it (a SIGTERM then ended a closing still writing a rescue file)."""
    for number in _handled:
        signal.signal(number, _arrived)


def take_kept_signal() -> str | None:
    """The words of the signal kept while the session was opening (None: none came), once."""
    return _kept.pop() if _kept else None


def _arrived(number: int, frame: FrameType | None) -> None:
    if holding_a_lock():
        if not _kept:  # a second one (tmux's SIGHUP after the terminal's) asks the same
            _kept.append(_handled[number])
        return
    before = _before.get(number, signal.SIG_DFL)
    if callable(before):
        before(number, frame)  # SIGINT's: KeyboardInterrupt, as before
    elif before != signal.SIG_IGN:
        signal.signal(number, signal.SIG_DFL)
        os.kill(os.getpid(), number)  # ends the process as the signal does
