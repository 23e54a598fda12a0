"""End to end in a real terminal: a SIGTERM (`kill PID`, the system shutting down) to
``annotator annotate`` saves what is typed, as a hangup does (test_e2e_tmux's closed terminal),
releases the lock, gives the terminal back and says the exit's lines. A trial typed a count and
sent `kill -TERM` within a second: the count was lost (the pause save is a second away), the
lock left, and the terminal left in the app's screen. Like tests/test_e2e_tmux.py it runs its
own tmux server, is skipped without tmux, and fails without it in CI (CI=true).
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import sys
import time
from pathlib import Path

import pytest

from annotator.core.lock import lock_path
from tests.test_e2e_tmux import CORPUS, FIRST, TIMEOUT, Terminal, last_records

pytestmark = pytest.mark.tmux


def child_of(pid: int) -> int:
    """The one process ``pid`` started (the shell's annotator), once it has started it."""
    deadline = time.monotonic() + TIMEOUT
    while True:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        if children:
            return int(children[0])
        assert time.monotonic() < deadline, f"process {pid} started nothing"
        time.sleep(0.05)


# `kill -INT PID` as well (ctrl+c on the screen is a key): it lost the typing, and the command
# said "the screen closed unexpectedly (return code None)", exit 1.
@pytest.mark.parametrize("ending", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_sigterm_saves_the_typing_and_gives_the_terminal_back(
    tmux: str, tmp_path: Path, ending: signal.Signals
) -> None:
    if not Path("/proc/self/task").exists():
        pytest.skip("finding the program's process needs /proc")
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    program = Path(sys.executable).parent / "annotator"
    out = tmp_path / "out"
    # A shell runs it and stays, as a person's does: the exit's lines and status are then on
    # its screen, and what the program left the terminal in (tmux's pane, once it is dead,
    # dropped the program's last lines at times).
    command = (
        f"{shlex.quote(str(program))} annotate {shlex.quote(str(corpus))} --annotator e2e "
        f'--out {shlex.quote(str(out))}; echo "exit status $?"; sleep {TIMEOUT:.0f}'
    )
    terminal = Terminal(tmux, command)
    journal = out / "annotations" / "e2e.jsonl"
    try:
        terminal.wait_for_text("Russia and Ukraine each sent back")
        pid = child_of(terminal.program_pid())
        terminal.leave_article("o", "the form to take the focus")  # event_type
        terminal.keys("Tab")  # + add to releases
        terminal.keys("Tab")  # the note
        terminal.keys("typed before sigterm", literal=True)
        terminal.wait("the note to show the typing", lambda s: "typed before sigterm" in s)
        os.kill(pid, ending)  # at once: the pause save is a second away
        try:
            screen = terminal.wait_for_text("exit status")
        except AssertionError:
            os.kill(pid, signal.SIGKILL)  # not left behind by the test
            raise
        alternate = terminal._run("display", "-p", "-t", terminal.name, "#{alternate_on}")
    finally:
        terminal.kill()
    assert last_records(journal)[FIRST]["note"] == "typed before sigterm"
    assert not lock_path(journal).exists()
    # The terminal given back (the app's screen left) and the exit's lines said on it.
    assert alternate.stdout.strip() == "0", screen
    said = [line for line in screen.splitlines() if line.strip()]
    assert said[0].startswith("saved to ") and "e2e.jsonl (" in said[0], screen
    assert said[-1] == "exit status 0", screen
