"""``annotate`` quit while the journal cannot be written: after the screen, the command says what
was written and what was not, where the rescue file is and how to append it, and exits 1; a quit
once the disk took the lines again says where the work is saved, as ever.

The app is the real one, its ``run`` replaced by work done on the session (no terminal here);
the disk is made to refuse by monkeypatching (tests may run as root, whom chmod does not stop).
"""

from __future__ import annotations

import argparse
import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import annotator.tui.app as tui_app
from annotator.commands import annotate_cmd
from annotator.core import writer
from annotator.core.lock import lock_path
from annotator.core.session import AnnotationSession

TEXT = "Russia freed 146 prisoners.\n"


def refused(path: Path, data: bytes) -> None:
    raise PermissionError(errno.EPERM, os.strerror(errno.EPERM), str(path))


def run_annotate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, work: Callable[[AnnotationSession], None]
) -> int:
    class WorkingApp(tui_app.AnnotatorApp):
        def run(self, *args: Any, **kwargs: Any) -> None:
            work(self.session)
            self._return_code = 0  # quit by the person

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(annotate_cmd, "require_terminal", lambda command: None)
    monkeypatch.setattr(tui_app, "AnnotatorApp", WorkingApp)
    args = argparse.Namespace(
        corpus="docs", annotator="alice", scheme=None, out="out", command="annotate"
    )
    return annotate_cmd.run(args)


def test_a_quit_with_lines_refused_says_what_was_saved_and_where_the_rest_is(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    home: Path,
) -> None:
    def work(session: AnnotationSession) -> None:
        session.open("a")
        session.label_selection(0, 6, "actor")
        assert session.flush(10)
        monkeypatch.setattr(writer, "append_durably", refused)
        session.label_selection(13, 16, "count")

    assert run_annotate(tmp_path, monkeypatch, work) == 1
    [rescue] = home.iterdir()
    journal = Path("out/annotations/alice.jsonl")
    assert capsys.readouterr().err.splitlines() == [
        f"{journal}: 1 of the 2 changes made in this session NOT written (Operation not "
        "permitted); the first is in the journal.",
        f"The one not written is in {rescue}. Once {journal} can be written, append that file "
        f"to the journal: cat {rescue} >> {journal}",
    ]
    assert not lock_path(tmp_path / journal).exists()


def test_a_quit_once_the_disk_takes_lines_again_says_where_the_work_is(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    home: Path,
) -> None:
    real = writer.append_durably

    def work(session: AnnotationSession) -> None:
        monkeypatch.setattr(writer, "append_durably", refused)
        session.open("a")
        session.label_selection(0, 6, "actor")
        assert not session.flush(10)  # refused twice: NOT SAVED
        monkeypatch.setattr(writer, "append_durably", real)

    assert run_annotate(tmp_path, monkeypatch, work) == 0
    assert capsys.readouterr().err.splitlines() == [
        "saved to out/annotations/alice.jsonl (1 document: 1 in progress)"
    ]
    assert list(home.iterdir()) == []
