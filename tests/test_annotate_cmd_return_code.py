"""``annotate`` exits 1 with a line when its screen ends by anything but a quit.

A trial's screen closed mid-work with no word and the shell said EXIT=0: the app's loop had
ended on a cancellation, and the command ignored its return code (None: never quit)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

import pytest

import annotator.tui.app as tui_app
from annotator.commands import annotate_cmd
from annotator.core.session import AnnotationSession


def _docs(tmp_path: Path, names: tuple[str, ...] = ("a",)) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in names:
        (docs / f"{name}.txt").write_text(f"Article {name}.\n", encoding="utf-8")
    return docs


def _run(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    return_code: int | None,
    work: Callable[[AnnotationSession], object] = lambda session: None,
    names: tuple[str, ...] = ("a",),
) -> tuple[int, list[str]]:
    """The command, its app replaced by one that does ``work`` on the session, then ends with
    ``return_code``."""
    ran: list[str] = []

    class EndingApp:
        def __init__(self, session: AnnotationSession) -> None:
            self.return_code: int | None = None
            self.session = session

        def run(self) -> None:
            ran.append("run")
            work(self.session)
            self.return_code = return_code

    monkeypatch.setattr(annotate_cmd, "require_terminal", lambda command: None)
    monkeypatch.setattr(tui_app, "AnnotatorApp", EndingApp)
    args = argparse.Namespace(
        corpus=str(_docs(tmp_path, names)),
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


def test_a_quit_prints_where_the_work_is_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A trial's annotator quit to a shell that said nothing, and asked where the journal was."""
    monkeypatch.chdir(tmp_path)
    code, ran = _run(tmp_path, monkeypatch, 0)
    assert (code, ran) == (0, ["run"])
    assert capsys.readouterr().err.splitlines() == [
        "nothing annotated yet (1 document); your work will be saved to out/annotations/alice.jsonl"
    ]


def test_a_quit_prints_how_the_documents_stand(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def skip_the_first(session: AnnotationSession) -> None:
        session.open("a")
        session.skip()

    monkeypatch.chdir(tmp_path)
    code, _ran = _run(tmp_path, monkeypatch, 0, skip_the_first, ("a", "b"))
    assert code == 0
    assert capsys.readouterr().err.splitlines() == [
        "saved to out/annotations/alice.jsonl (2 documents: 1 skipped, 1 new)"
    ]
