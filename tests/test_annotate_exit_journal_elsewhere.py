"""``annotator annotate`` says the journal of this corpus elsewhere at exit only if there is
still no journal where it saves. Printed before the screen, the start's line stood in the
terminal once the screen closed: a trial's exit read "no journal in …/outb/annotations; …"
right above "your work is saved to …/outb/annotations/root.jsonl"."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.commands import annotate_cmd
from annotator.core.session import AnnotationSession
from annotator.tui import app as tui_app
from tests.conftest import make_record


def run_annotate(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    work: Callable[[AnnotationSession], None],
) -> int:
    """annotate docs --out out from a project whose annotations/alice.jsonl holds a record of
    the corpus, the person's ``work`` done in place of the screen, then a quit: the exit
    code."""

    class WorkingApp(tui_app.AnnotatorApp):
        def run(self, *args: Any, **kwargs: Any) -> None:
            work(self.session)
            self._return_code = 0  # quit by the person

    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("a", "b"):
        (docs / f"{name}.txt").write_text(f"Article {name}.\n", encoding="utf-8")
    other = tmp_path / "annotations" / "alice.jsonl"
    other.parent.mkdir()
    other.write_bytes(orjson.dumps(make_record(doc_id="a")) + b"\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(annotate_cmd, "require_terminal", lambda command: None)
    monkeypatch.setattr(tui_app, "AnnotatorApp", WorkingApp)
    args = argparse.Namespace(
        corpus="docs", annotator="alice", scheme=None, out="out", command="annotate"
    )
    return annotate_cmd.run(args)


def elsewhere_line(tmp_path: Path) -> str:
    return (
        f"no journal in ./out/annotations; {tmp_path / 'annotations' / 'alice.jsonl'} has 1 "
        "record(s) of this corpus: annotator annotate docs --annotator alice --out "
        f"{tmp_path}"
    )


def test_once_the_journal_is_made_the_exit_does_not_say_there_is_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def work(session: AnnotationSession) -> None:
        assert session.messages == [elsewhere_line(tmp_path)]  # the screen is told at start
        session.open("b")
        session.set_note("seen")

    assert run_annotate(tmp_path, monkeypatch, work) == 0
    assert capsys.readouterr().err.splitlines() == [
        "saved to out/annotations/alice.jsonl (2 documents: 1 in progress, 1 new)"
    ]


def test_with_nothing_saved_the_exit_says_it_after_where_the_work_will_be(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def work(session: AnnotationSession) -> None:
        session.open("b")

    assert run_annotate(tmp_path, monkeypatch, work) == 0
    assert capsys.readouterr().err.splitlines() == [
        "nothing annotated yet (2 documents); your work will be saved to "
        "out/annotations/alice.jsonl",
        elsewhere_line(tmp_path),
    ]
