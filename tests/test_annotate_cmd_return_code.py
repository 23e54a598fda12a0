"""``annotate`` exits 1 with a line when its screen ends by anything but a quit.

A trial's screen closed mid-work with no word and the shell said EXIT=0: the app's loop had
ended on a cancellation, and the command ignored its return code (None: never quit)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

import annotator.tui.app as tui_app
from annotator.commands import annotate_cmd


def _docs(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Article a.\n", encoding="utf-8")
    return docs


def _run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, return_code: int | None
) -> tuple[int, list[str]]:
    """The command, its app replaced by one that ends with ``return_code``."""
    ran: list[str] = []

    class EndingApp:
        def __init__(self, session: object) -> None:
            self.return_code: int | None = None

        def run(self) -> None:
            ran.append("run")
            self.return_code = return_code

    monkeypatch.setattr(annotate_cmd, "require_terminal", lambda command: None)
    monkeypatch.setattr(tui_app, "AnnotatorApp", EndingApp)
    args = argparse.Namespace(
        corpus=str(_docs(tmp_path)),
        annotator="alice",
        scheme=None,
        out=str(tmp_path / "out"),
        command="annotate",
    )
    return annotate_cmd.run(args), ran


def test_a_quit_exits_0(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, ran = _run(tmp_path, monkeypatch, 0)
    assert (code, ran) == (0, ["run"])


@pytest.mark.parametrize("ended", [None, 1])
def test_a_screen_ended_otherwise_exits_1_saying_so(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    ended: int | None,
) -> None:
    code, ran = _run(tmp_path, monkeypatch, ended)
    assert (code, ran) == (1, ["run"])
    journal = tmp_path / "out" / "annotations" / "alice.jsonl"
    assert capsys.readouterr().err.splitlines() == [
        f"annotator annotate: the screen closed unexpectedly (return code {ended}); "
        f"what was saved before is in {journal}"
    ]
