"""``annotator annotate`` says on exit, in one line, what the journal's last check set right as
the session closed (``journal_guard``: another program replaced the journal, appended to it or
cut it; closing wrote it again whole, what it found kept aside, or moved the bytes aside). That
was told to the screen, gone by then: a trial's journal replaced from another shell, then q,
was written again and the file found there kept aside, and the exit said only "saved to"."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from annotator.core.journal_guard import set_right_on_closing
from annotator.core.session import AnnotationSession
from tests.test_annotate_quit_not_saved_cli import run_annotate

JOURNAL = Path("out/annotations/alice.jsonl")
HELD = "wrote it again with the 1 record this session holds (the latest of each document)"
SAVED = f"saved to {JOURNAL} (1 document: 1 in progress)"


def labelled_then(meanwhile: Callable[[Path], None]) -> Callable[[AnnotationSession], None]:
    """The person's work: a label, on disk, then ``meanwhile`` done to the journal from another
    shell before the quit."""

    def work(session: AnnotationSession) -> None:
        session.open("a")
        session.label_selection(0, 6, "actor")
        assert session.flush(10)
        meanwhile(session.journal)

    return work


def test_a_journal_replaced_before_the_quit_is_said_on_exit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    theirs = b'{"a file": "of another program"}\n'
    ours: list[bytes] = []

    def put_over(journal: Path) -> None:  # `mv other.jsonl alice.jsonl`
        ours.append(journal.read_bytes())
        other = journal.with_name("other.jsonl")
        other.write_bytes(theirs)
        os.replace(other, journal)

    assert run_annotate(tmp_path, monkeypatch, labelled_then(put_over)) == 0
    [kept] = sorted((tmp_path / JOURNAL.parent).glob("alice.jsonl.replaced-*"))
    assert kept.read_bytes() == theirs
    assert (tmp_path / JOURNAL).read_bytes() == ours[0]
    shown_kept = JOURNAL.parent / kept.name
    assert capsys.readouterr().err.splitlines() == [
        f"on closing the session, {JOURNAL} was replaced while open (the file found there is "
        f"kept as {shown_kept}): {HELD}",
        SAVED,
    ]


def test_bytes_appended_before_the_quit_are_said_on_exit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    ours: list[bytes] = []

    def appended(journal: Path) -> None:  # `echo '{"doc_id": "x' >> alice.jsonl`
        ours.append(journal.read_bytes())
        with journal.open("ab") as handle:
            handle.write(b'{"doc_id": "x\n')

    assert run_annotate(tmp_path, monkeypatch, labelled_then(appended)) == 0
    [torn] = sorted((tmp_path / JOURNAL.parent).glob("alice.jsonl.torn-*"))
    assert torn.read_bytes() == b'{"doc_id": "x\n'
    assert (tmp_path / JOURNAL).read_bytes() == ours[0]
    assert capsys.readouterr().err.splitlines() == [
        f"on closing the session, {JOURNAL}: 14 bytes another program added while it was open "
        f"were moved to {JOURNAL.parent / torn.name}; the journal goes on after this session's "
        "last line",
        SAVED,
    ]


def test_a_journal_cut_before_the_quit_is_said_on_exit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    ours: list[bytes] = []

    def cut(journal: Path) -> None:  # `truncate -s 100 alice.jsonl`
        ours.append(journal.read_bytes())
        os.truncate(journal, 100)

    assert run_annotate(tmp_path, monkeypatch, labelled_then(cut)) == 0
    assert (tmp_path / JOURNAL).read_bytes() == ours[0]
    assert capsys.readouterr().err.splitlines() == [
        f"on closing the session, {JOURNAL} was cut short while open ({len(ours[0]):,} bytes, "
        f"now 100): {HELD}",
        SAVED,
    ]


def test_a_journal_left_alone_says_where_the_work_is_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_annotate(tmp_path, monkeypatch, labelled_then(lambda journal: None)) == 0
    assert capsys.readouterr().err.splitlines() == [SAVED]


def test_a_change_set_right_while_the_screen_showed_is_not_said_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Appended to, then a second label: the check before its line set it right, and the
    screen told it (a toast); the exit says only where the work is."""

    def work(session: AnnotationSession) -> None:
        labelled_then(lambda journal: journal.open("ab").close())(session)
        with session.journal.open("ab") as handle:
            handle.write(b"{")
        session.label_selection(13, 16, "count")
        assert session.flush(10)
        assert len(session.store.notices) == 1

    assert run_annotate(tmp_path, monkeypatch, work) == 0
    assert capsys.readouterr().err.splitlines() == [SAVED]


def test_the_line_joins_what_was_set_right() -> None:
    assert set_right_on_closing("the session", []) == ""
    assert set_right_on_closing("the session", ["a lock taken again", "j.jsonl was cut"]) == (
        "on closing the session, a lock taken again; j.jsonl was cut"
    )
