"""A SIGTERM while annotate or review closes its session after the screen (a quit's last writes,
a rescue file being written while the disk refuses) waits for the closing: the screen's event
loop, ending, had given the signals their defaults back, and the process ended mid-closing, the
lock left (``run_screen`` handles them again: ``ending_signals.keep_again``)."""

from __future__ import annotations

import os
import signal
from pathlib import Path

from annotator.commands import run_screen
from annotator.core.ending_signals import signals_kept_while_locked, take_kept_signal
from annotator.core.lock import lock_path
from annotator.core.store import Store


class ClosingSession:
    """A session whose closing is sent a SIGTERM while its journal is still locked."""

    def __init__(self, journal: Path) -> None:
        self.messages: list[str] = []
        self.store = Store(journal, "alice")

    def close(self, timeout: float | None = 10.0) -> bool:
        assert lock_path(self.store.journal).exists()
        # The handler of this module, not the default one, which would end the test run.
        assert signal.getsignal(signal.SIGTERM) not in (signal.SIG_DFL, signal.SIG_IGN)
        os.kill(os.getpid(), signal.SIGTERM)
        return self.store.close(timeout)


def test_a_sigterm_while_the_session_closes_waits_for_it(tmp_path: Path) -> None:
    journal = tmp_path / "annotations" / "alice.jsonl"
    with signals_kept_while_locked():
        session = ClosingSession(journal)

        def screen_loop_ends() -> None:
            signal.signal(signal.SIGTERM, signal.SIG_DFL)  # as asyncio's loop does as it closes

        assert run_screen(session, screen_loop_ends)
        assert take_kept_signal() == "the SIGTERM"  # kept, the session closing first
    assert not lock_path(journal).exists()
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # the handler before, put back
