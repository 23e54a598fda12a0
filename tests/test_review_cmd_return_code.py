"""``review`` exits 1 with a line when its screen ends by anything but a quit, as ``annotate``
does (test_annotate_cmd_return_code.py): it ignored its app's return code, and a review screen
ended by an error or a cancellation exited 0, its summary said as after a quit."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

import annotator.tui.review_app as review_app
from annotator.commands import review_cmd
from tests.test_review_session_data import write_review_case


def _run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, return_code: int | None
) -> tuple[int, list[str], Path]:
    """The command on the review case, its app replaced by one that ends with
    ``return_code``; the gold file it writes to."""
    ran: list[str] = []

    class EndingApp:
        def __init__(self, session: object) -> None:
            self.return_code: int | None = None

        def run(self) -> None:
            ran.append("run")
            self.return_code = return_code

    case = write_review_case(tmp_path)
    monkeypatch.setattr(review_cmd, "require_terminal", lambda command: None)
    monkeypatch.setattr(review_app, "ReviewApp", EndingApp)
    args = argparse.Namespace(
        files=[str(case["alice"]), str(case["bob"])],
        corpus=str(case["corpus"]),
        output=str(case["gold"]),
        reviewer="rita",
        scheme=str(case["scheme"]),
        min_agree=None,
        leave_out_unknown=False,
        command="review",
    )
    return review_cmd.run(args), ran, case["gold"]


def test_a_quit_exits_0_saying_what_is_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, ran, gold = _run(tmp_path, monkeypatch, 0)
    assert (code, ran) == (0, ["run"])
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"{gold}: 6 conflict(s) left in 2 document(s); run the same command again to continue"
    )


@pytest.mark.parametrize("ended", [None, 1])
def test_a_screen_ended_otherwise_exits_1_saying_so(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    ended: int | None,
) -> None:
    code, ran, gold = _run(tmp_path, monkeypatch, ended)
    assert (code, ran) == (1, ["run"])
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"annotator review: the screen closed unexpectedly (return code {ended}); "
        f"what was saved before is in {gold}"
    )
