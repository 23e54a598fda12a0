"""``annotator annotate`` says at exit what its start said of the records under the scheme, of
them as they are then. Printed before the screen, the start's line stood in the terminal once the
screen closed: a trial's bob deleted his three mediator spans under v2, quit, and read "3 of its
4 records hold labels or fields not in the scheme given … if not, quit with q and start again
with --scheme FILE", which sent annotators back to the old scheme."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from annotator.commands import annotate_cmd
from annotator.core.session import AnnotationSession
from annotator.tui import app as tui_app
from tests.test_journal_scheme_changed import annotated_under_v1

JOURNAL = Path("out/annotations/alice.jsonl")
SAVED = f"saved to {JOURNAL} (3 documents: 3 done)"


def run_annotate(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    scheme: str,
    work: Callable[[AnnotationSession], None],
) -> int:
    """annotate on the journal made under v1 (``annotated_under_v1``), with ``--scheme
    scheme``, the person's ``work`` done in place of the screen, then a quit."""

    class WorkingApp(tui_app.AnnotatorApp):
        def run(self, *args: Any, **kwargs: Any) -> None:
            work(self.session)
            self._return_code = 0  # quit by the person

    annotated_under_v1(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(annotate_cmd, "require_terminal", lambda command: None)
    monkeypatch.setattr(tui_app, "AnnotatorApp", WorkingApp)
    args = argparse.Namespace(
        corpus="corpus", annotator="alice", scheme=scheme, out="out", command="annotate"
    )
    return annotate_cmd.run(args)


def delete_mediators(session: AnnotationSession) -> None:
    session.open("a")
    for span in [span for span in session.record.spans if span.label == "mediator"]:
        session.delete(span.id)


def test_nothing_left_that_the_scheme_lacks_nothing_is_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def work(session: AnnotationSession) -> None:
        assert len(session.messages) == 2  # the screen is told at start, as ever
        delete_mediators(session)
        session.open("b")
        session.set_field("outcome", "unilateral")

    assert run_annotate(tmp_path, monkeypatch, "v2.toml", work) == 0
    assert capsys.readouterr().err.splitlines() == [SAVED]


def test_what_is_left_is_said_as_it_is_at_exit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """At start 2 of 3 records held what v2 lacks (asked for the scheme); the mediator span
    deleted, b's renamed choice is left: said, with where each is listed, and not asked."""
    assert run_annotate(tmp_path, monkeypatch, "v2.toml", delete_mediators) == 0
    assert capsys.readouterr().err.splitlines() == [
        SAVED,
        f"{JOURNAL}: 1 of its 3 records (b; annotate's l marks it) holds labels, fields or "
        "choice values not in the scheme given, v2.toml: kept as they are; annotator validate "
        f"--scheme v2.toml {JOURNAL} lists them",
        f"{JOURNAL}: 1 of its 3 done records (b; annotate's l marks it) needs outcome, which "
        "the scheme requires",
    ]


def test_nothing_done_the_exit_says_the_start_s_lines_in_its_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Said once, after the screen: not before it too (the terminal kept both)."""
    assert run_annotate(tmp_path, monkeypatch, "v3.toml", lambda session: None) == 0
    assert capsys.readouterr().err.splitlines() == [
        SAVED,
        f"{JOURNAL}: 2 of its 3 records (a, b; annotate's l marks them) hold labels, fields or "
        "choice values not in the scheme given, v3.toml: was this journal made with another "
        "scheme? to go on in that one, start annotate again with --scheme FILE; else annotator "
        f"validate --scheme v3.toml {JOURNAL} lists them",
        f"{JOURNAL}: all 3 of its done records (a, b, c; annotate's l marks them) need fields "
        "the scheme requires: location in all 3, outcome in 1 (b)",
    ]
