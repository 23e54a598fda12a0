"""``annotator review`` says on exit, in one line, what the gold file's last check set right as
the review closed (``gold_guard``: another program changed the file; the review wrote it again
whole, what it found kept aside). That was told to the screen, gone by then: the file was
written again and a copy put over it kept aside, and the exit said nothing of it."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from pathlib import Path

import pytest

import annotator.tui.review_app as review_app
from annotator.commands import review_cmd
from annotator.core.review import ReviewSession
from annotator.core.review_exit import set_right_on_closing
from tests.test_review_session_data import gold_lines, write_review_case

HELD = "wrote it again with the 3 lines this review holds of it (every line it had, earlier "
HELD += "sessions' decisions too)"


@pytest.fixture
def setup(tmp_path: Path) -> dict[str, Path]:
    return write_review_case(tmp_path)


def run_command(
    setup: dict[str, Path],
    monkeypatch: pytest.MonkeyPatch,
    meanwhile: Callable[[Path], None],
) -> int:
    """The command on the case, its app one that takes version 1 of d1's first conflict, waits
    for it on disk, lets ``meanwhile`` change the gold file (another program) and quits."""

    class App:
        def __init__(self, session: ReviewSession) -> None:
            self.session = session
            self.return_code: int | None = None

        def run(self) -> None:
            self.session.take(0)
            assert self.session.flush(10)
            meanwhile(setup["gold"])
            self.return_code = 0

    monkeypatch.setattr(review_cmd, "require_terminal", lambda command: None)
    monkeypatch.setattr(review_app, "ReviewApp", App)
    args = argparse.Namespace(
        files=[str(setup["alice"]), str(setup["bob"])],
        corpus=str(setup["corpus"]),
        output=str(setup["gold"]),
        reviewer="rita",
        scheme=str(setup["scheme"]),
        min_agree=None,
        leave_out_unknown=False,
        command="review",
    )
    return review_cmd.run(args)


def test_a_gold_file_replaced_before_closing_is_said_on_exit_in_one_line(
    setup: dict[str, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    theirs = b'{"a file": "of another program"}\n'

    def put_over(gold: Path) -> None:  # `mv other.jsonl gold.jsonl` in another shell
        other = gold.with_name("other.jsonl")
        other.write_bytes(theirs)
        os.replace(other, gold)

    assert run_command(setup, monkeypatch, put_over) == 0
    [kept] = sorted(setup["gold"].parent.glob("gold.jsonl.replaced-*"))
    assert kept.read_bytes() == theirs
    assert len(gold_lines(setup["gold"])) == 3  # the merge's two lines and the decision's
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"on closing the review, {setup['gold']} was replaced while open (the file found there "
        f"is kept as {kept}): {HELD}",
        f"{setup['gold']}: 5 conflict(s) left in 2 document(s); run the same command again "
        "to continue",
    ]


def test_bytes_appended_before_closing_are_said_on_exit(
    setup: dict[str, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def appended(gold: Path) -> None:
        with gold.open("ab") as handle:
            handle.write(b'{"doc_id": "d')

    assert run_command(setup, monkeypatch, appended) == 0
    [torn] = sorted(setup["gold"].parent.glob("gold.jsonl.torn-*"))
    err = capsys.readouterr().err.splitlines()
    assert err[0] == (
        f"on closing the review, {setup['gold']}: 13 bytes another program added while it was "
        f"open were moved to {torn}; the gold file goes on after this review's last line"
    )
    assert len(err) == 2


def test_a_gold_file_left_alone_says_nothing_more(
    setup: dict[str, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_command(setup, monkeypatch, lambda gold: None) == 0
    assert capsys.readouterr().err.splitlines() == [
        f"{setup['gold']}: 5 conflict(s) left in 2 document(s); run the same command again "
        "to continue",
    ]


def test_the_line_joins_what_was_set_right() -> None:
    assert set_right_on_closing([]) == ""
    assert set_right_on_closing(["a lock taken again", "g.jsonl was cut short"]) == (
        "on closing the review, a lock taken again; g.jsonl was cut short"
    )
