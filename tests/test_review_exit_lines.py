"""What ``annotator review`` prints of its start-up messages is true when it prints them, on
exit (``review_exit``): a trial merged anew the document the opening said had changed records
and decisions, settled it and quit, and read on exit that its gold line stood, under the
opening's stale "0 conflict(s) to settle"."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

import annotator.tui.review_app as review_app
from annotator.commands import review_cmd
from annotator.core.review import ReviewSession
from annotator.core.review_exit import start_up_lines_at_exit
from tests.test_agreement_data import record
from tests.test_review_journals_changed import append
from tests.test_review_session_data import RELEASE_RUSSIA, open_it, write_review_case

CHANGED = (
    ": 1 document(s) have review decisions and their annotators' records changed since the "
    "merge (first: d1, alice's record): their gold lines stand; to take the changes, merge "
    "such a document anew (l, then ctrl+r twice on it: decisions on conflicts the change "
    "touched are dropped)"
)


@pytest.fixture
def setup(tmp_path: Path) -> dict[str, Path]:
    """The review case with a decision in d1, then alice's record of d1 changed."""
    case = write_review_case(tmp_path)
    session = open_it(case)
    try:
        session.take(0)  # d1 c1: a decision stands in d1
    finally:
        assert session.close()
    form = {"code": "2", "releases": [RELEASE_RUSSIA]}
    append(case["alice"], record("alice", spans=[], form=form))
    return case


def lines_at_exit(session: ReviewSession) -> list[str]:
    try:
        return start_up_lines_at_exit(session)
    finally:
        assert session.close()


def test_untouched_the_changed_documents_are_said_as_on_opening(
    setup: dict[str, Path],
) -> None:
    session = open_it(setup)
    said = f"{setup['gold']}{CHANGED}"
    assert said in session.messages  # review_open's own words
    opening = session.messages[0]
    assert "conflict(s) to settle" in opening
    assert lines_at_exit(session) == [m for m in session.messages if m != opening]
    assert said in session.messages[1:]


def test_merged_anew_it_is_said_no_more(setup: dict[str, Path]) -> None:
    session = open_it(setup)
    session.merge_anew("d1")
    lines = lines_at_exit(session)
    assert not any("records changed since the merge" in line for line in lines)
    assert not any("conflict(s) to settle" in line for line in lines)


def test_put_back_by_ctrl_z_it_is_said_again(setup: dict[str, Path]) -> None:
    session = open_it(setup)
    session.merge_anew("d1")
    session.undo()
    assert f"{setup['gold']}{CHANGED}" in lines_at_exit(session)


def run_command(setup: dict[str, Path], monkeypatch: pytest.MonkeyPatch, keys: list[str]) -> int:
    """The command on the case, its app replaced by one that calls the session's ``keys``
    (methods) and quits."""

    class KeyedApp:
        def __init__(self, session: ReviewSession) -> None:
            self.session = session
            self.return_code: int | None = None

        def run(self) -> None:
            for key in keys:
                if key == "merge_anew":
                    self.session.merge_anew("d1")
                else:
                    getattr(self.session, key)()
            self.return_code = 0

    monkeypatch.setattr(review_cmd, "require_terminal", lambda command: None)
    monkeypatch.setattr(review_app, "ReviewApp", KeyedApp)
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


def test_the_command_prints_on_exit_only_what_is_true_then(
    setup: dict[str, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run_command(setup, monkeypatch, ["merge_anew"])
    assert code == 0
    err = capsys.readouterr().err.splitlines()
    assert not any("records changed since the merge" in line for line in err)
    assert not any("conflict(s) to settle" in line for line in err)  # the opening's count
    assert err[-1].endswith("run the same command again to continue")


def test_the_command_still_names_a_changed_document_left_alone(
    setup: dict[str, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code = run_command(setup, monkeypatch, [])
    assert code == 0
    err = capsys.readouterr().err.splitlines()
    assert err[-2:] == [
        f"{setup['gold']}{CHANGED}",
        f"{setup['gold']}: 5 conflict(s) left in 2 document(s); run the same command again "
        "to continue",
    ]
