"""``annotator annotate`` and ``annotator review`` without a terminal: one line, exit 1, at once.

Without the check the full-screen app starts anyway, writes escape codes to the pipe and waits
for keys that never come: these tests would hit their timeout.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_agreement_data import record, span, write_corpus, write_journal

ROOT = Path(__file__).resolve().parent.parent
FORM = {"event_type": "exchange"}


def _run_without_terminal(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "annotator", *map(str, args)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
        timeout=30,
    )


def test_annotate_without_a_terminal_says_so_and_exits(tmp_path: Path) -> None:
    result = _run_without_terminal(
        "annotate", ROOT / "sample_docs", "--annotator", "alice", "--out", tmp_path
    )
    assert result.returncode == 1
    assert result.stderr == "annotator annotate needs a terminal (stdin and stdout must be a tty)\n"
    assert result.stdout == ""
    assert list(tmp_path.iterdir()) == []  # no journal, no lock


def test_review_without_a_terminal_says_so_and_exits(tmp_path: Path) -> None:
    alice = write_journal(
        tmp_path / "alice.jsonl", record("alice", spans=[span("s1", 0, 6, "actor")], form=FORM)
    )
    bob = write_journal(tmp_path / "bob.jsonl", record("bob", spans=[], form=FORM))
    corpus = write_corpus(
        tmp_path, {"d1": "Russia freed 146 prisoners and Ukraine freed 12 soldiers on Sunday."}
    )
    gold = tmp_path / "gold.jsonl"
    result = _run_without_terminal(
        "review", alice, bob, "--corpus", corpus, "-o", gold, "--reviewer", "rita"
    )
    assert result.returncode == 1
    assert result.stderr == "annotator review needs a terminal (stdin and stdout must be a tty)\n"
    assert result.stdout == ""
    assert not gold.exists()  # refused before the gold file is made


REVIEW = ["review", "a.jsonl", "b.jsonl", "--corpus", "corpus.jsonl", "-o", "gold.jsonl"]


@pytest.mark.parametrize("argv", [["annotate", "corpus"], [*REVIEW, "--reviewer", "rita"]])
def test_output_to_a_pipe_is_refused_even_with_a_terminal_on_stdin(
    argv: list[str], tmp_path: Path
) -> None:
    """stdin a tty is not enough: the screen is drawn on stdout."""
    # A review's request is checked first without a terminal: this one would open.
    write_journal(
        tmp_path / "a.jsonl", record("alice", spans=[span("s1", 0, 6, "actor")], form=FORM)
    )
    write_journal(tmp_path / "b.jsonl", record("bob", spans=[], form=FORM))
    write_corpus(
        tmp_path, {"d1": "Russia freed 146 prisoners and Ukraine freed 12 soldiers on Sunday."}
    )
    probe = (
        "import sys\n"
        "sys.stdin.isatty = lambda: True\n"
        "from annotator.cli import main\n"
        f"sys.exit(main({argv!r}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
        timeout=30,
        cwd=tmp_path,
    )
    assert result.returncode == 1
    assert result.stderr == (
        f"annotator {argv[0]} needs a terminal (stdin and stdout must be a tty)\n"
    )
