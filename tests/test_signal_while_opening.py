"""A SIGTERM, a hang-up or a SIGINT that comes while annotate or review opens its journal (the
lock taken, the session being built) no longer ends the process where it stands, the lock left
behind: it is kept (``ending_signals``), and the app takes it as it starts, before the terminal
is touched, closing the session as for a signal that comes later (the lock released, nothing
typed yet), with the exit's lines and status 0. A SIGTERM then ended the process at once and a
ctrl+c (a SIGINT: the screen does not have the keys yet) raised KeyboardInterrupt past the
session's closing: the next start took the lock over from "an annotate session that did not
close", whose typing "may be missing".

Each run is a process of its own, sending the signal to itself at that moment; the screen is
never drawn, so it needs no terminal (``require_terminal`` is passed by).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.lock import lock_path
from tests.test_review_data import CORPUS, two_journals

SIGNALLED = r"""
import importlib
import os
import signal
import sys

from annotator.cli import main
from annotator.commands import annotate_cmd, review_cmd

ending = getattr(signal, sys.argv[1])
module_name, name = sys.argv[2].split(":")
module = importlib.import_module(module_name)
building = getattr(module, name)


def signalled(*args, **kwargs):
    os.kill(os.getpid(), ending)  # the lock is held and the session is being built
    return building(*args, **kwargs)


setattr(module, name, signalled)
for command in (annotate_cmd, review_cmd):
    command.require_terminal = lambda name: None
sys.exit(main(sys.argv[3:]))
"""

ENDING = ["SIGTERM", "SIGHUP", "SIGINT"]


def run_signalled(ending: str, where: str, *command: str) -> subprocess.CompletedProcess[str]:
    environment = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parent.parent))
    return subprocess.run(
        [sys.executable, "-c", SIGNALLED, ending, where, *command],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env=environment,
        timeout=60,
    )


@pytest.mark.parametrize("ending", ENDING)
def test_a_signal_as_annotate_opens_releases_the_lock(ending: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    journal = out / "annotations" / "alice.jsonl"
    # Called once the journal is open and locked, as the session is built.
    where = "annotator.core.session:others_notice"
    ran = run_signalled(
        ending, where, "annotate", str(CORPUS), "--annotator", "alice", "--out", str(out)
    )
    assert not lock_path(journal).exists(), (ran.returncode, ran.stderr)
    assert ran.returncode == 0, ran.stderr
    assert not (out / "annotations").exists()  # nothing was written: nothing is left
    said = ran.stderr.splitlines()
    assert said[-1] == (
        f"nothing annotated yet (2 documents); your work will be saved to {journal}"
    ), ran.stderr


@pytest.mark.parametrize("ending", ENDING)
def test_a_signal_as_review_opens_releases_the_lock(ending: str, tmp_path: Path) -> None:
    alice, bob = two_journals(tmp_path)
    gold = tmp_path / "gold.jsonl"
    # Called once the gold file is made and locked, as the review is built.
    where = "annotator.core.review_open:outside_review"
    ran = run_signalled(
        ending,
        where,
        "review",
        str(alice),
        str(bob),
        "--corpus",
        str(CORPUS),
        "-o",
        str(gold),
        "--reviewer",
        "rita",
    )
    assert not lock_path(gold).exists(), (ran.returncode, ran.stderr)
    assert ran.returncode == 0, ran.stderr
    assert ran.stderr.splitlines()[-1].startswith(f"{gold}: "), ran.stderr
    assert "conflict(s) left" in ran.stderr.splitlines()[-1], ran.stderr
