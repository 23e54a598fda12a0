"""A command's usage error shows that command's usage. argparse refused an argument a command
does not take from the top-level parser (``stats FILE --corpus docs``, before stats took it,
printed ``usage: annotator [-h] [--version] COMMAND ...``), which says nothing of what
``stats`` takes."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from annotator.cli import build_parser
from tests.test_agreement_data import run_cli

# Each command with the arguments it requires, so that only the unknown one is wrong.
COMMANDS = {
    "annotate": ["docs"],
    "validate": ["a.jsonl"],
    "stats": ["a.jsonl"],
    "compact": ["a.jsonl"],
    "rename": ["a.jsonl", "--from", "a", "--to", "b", "-o", "b.jsonl"],
    "schema": [],
    "agree": ["a.jsonl"],
    "diff": ["a.jsonl", "b.jsonl"],
    "merge": ["a.jsonl", "-o", "gold.jsonl"],
    "review": ["a.jsonl", "--corpus", "docs", "-o", "gold.jsonl"],
    "export": ["a.jsonl", "--format", "jsonl", "-o", "x.jsonl"],
    "import": ["docs", "--format", "txt", "-o", "c.jsonl"],
}


def test_every_command_is_listed_here() -> None:
    """A command added to the command line is tried here too (its usage, by name)."""
    parser = build_parser()
    registered = next(
        action.choices
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
    )
    assert sorted(registered) == sorted(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_an_unknown_argument_shows_the_command_s_usage(tmp_path: Path, command: str) -> None:
    args = [
        str(tmp_path / arg) if arg.endswith((".jsonl", "docs")) else arg
        for arg in COMMANDS[command]
    ]
    result = run_cli(command, *args, "--no-such-option")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith(f"usage: annotator {command} "), result.stderr
    assert result.stderr.endswith(
        f"annotator {command}: error: unrecognized arguments: --no-such-option\n"
    )
    assert list(tmp_path.iterdir()) == []  # nothing ran


def test_the_trial_s_stats_with_an_option_it_does_not_take(tmp_path: Path) -> None:
    # The trial gave --corpus, which stats takes since (stale records told apart), and so
    # --scheme (tests/test_stats_scheme.py).
    journal = tmp_path / "a.jsonl"
    journal.write_bytes(b"")
    result = run_cli("stats", journal, "--min-agree", "2")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "usage: annotator stats [-h] [--corpus PATH] [--scheme FILE|NAME] [--json]",
        "                       FILE [FILE ...]",
        "annotator stats: error: unrecognized arguments: --min-agree 2",
    ]


def test_an_unknown_argument_before_any_command_shows_the_top_level_usage() -> None:
    result = run_cli("--no-such-option")
    assert result.returncode == 2
    assert result.stderr.startswith("usage: annotator [-h] [--version] COMMAND ...")
    assert "annotator: error: unrecognized arguments: --no-such-option" in result.stderr
