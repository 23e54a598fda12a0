"""A gold file changed from outside while a review runs (``gold_guard``): the review reads its
lines as it holds them, and the next line written sets the file right as annotate's journal is
set right: written again whole, every line it had, the new one last; what was found there kept
aside as ``.replaced-TIME`` (a file put there) or ``.torn-TIME`` (bytes appended); said once.

Before, the next decision that asked for the span ids a document's gold had read the emptied
file by place: a traceback (``review_span_ids._highest_of``); and had it got that far, the
writer refused to write a file it did not hold, every decision after NOT SAVED.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from annotator.core.review import ReviewSession
from annotator.core.review_views import Place
from tests.test_review_session_data import (
    assert_valid,
    gold_lines,
    open_it,
    spans_of,
    write_review_case,
)


@pytest.fixture
def setup(tmp_path: Path) -> dict[str, Path]:
    return write_review_case(tmp_path)


def aside(gold: Path, kind: str) -> list[Path]:
    return sorted(gold.parent.glob(f"{gold.name}.{kind}-*"))


def another_case(tmp_path: Path) -> dict[str, Path]:
    """The same review in another folder: another gold file of the same documents."""
    (tmp_path / "other").mkdir()
    return write_review_case(tmp_path / "other")


def decided_earlier(setup: dict[str, Path], reviewer: str = "rita") -> bytes:
    """An earlier session took alice's "146" (d1 c1) and bob's "Ukraine" (c2): the gold file."""
    first = open_it(setup, reviewer)
    try:
        first.take_letter("a")
        first.take_letter("b")
    finally:
        assert first.close()
    return setup["gold"].read_bytes()


def settled_after(session: ReviewSession, before: bytes) -> list[str]:
    """Take bob's version of the current conflict (d1 c3: his count "12", numbered above the
    gold's spans); the notices the store gave. The file is what the review held, then the new
    line."""
    session.take_letter("b")
    assert session.flush(10)
    assert session.store.state == "saved", session.store.error
    data = session.store.journal.read_bytes()
    assert data.startswith(before) and data.count(b"\n") == before.count(b"\n") + 1
    return list(session.store.notices)


def test_an_emptied_gold_file_is_written_again_whole_and_span_ids_read_as_held(
    setup: dict[str, Path],
) -> None:
    before = decided_earlier(setup)
    session = open_it(setup)
    try:
        setup["gold"].write_bytes(b"")  # `: > gold.jsonl` in another shell
        assert session.current == Place("d1", "c3")
        notices = settled_after(session, before)  # bob's "12": s5, above s4
        assert notices == [
            f"{setup['gold']} was cut short while open ({len(before):,} bytes, now 0): wrote "
            "it again with the 5 lines this review holds of it (every line it had, earlier "
            "sessions' decisions too)"
        ]
        assert spans_of(gold_lines(setup["gold"])[-1])[-1] == ("s5", 45, 47, "count", 12)
    finally:
        assert session.close()
    assert aside(setup["gold"], "replaced") == aside(setup["gold"], "torn") == []
    assert_valid(setup)


def test_another_gold_file_copied_over_it_is_kept_aside_not_taken_for_lines_appended(
    setup: dict[str, Path], tmp_path: Path
) -> None:
    """``cp other_gold.jsonl gold.jsonl`` writes into the same file: longer than the review left
    it, it passed for lines appended (moved to .torn) over a start of ours it had overwritten."""
    other = another_case(tmp_path)
    decided_earlier(other, "rosa")
    decided_earlier(other, "rosa")
    before = decided_earlier(setup)
    session = open_it(setup)
    try:
        theirs = other["gold"].read_bytes()
        assert len(theirs) > len(before)
        with setup["gold"].open("r+b") as handle:  # as cp writes it: truncated, then written
            handle.truncate(0)
            handle.write(theirs)
        notices = settled_after(session, before)
        [kept] = aside(setup["gold"], "replaced")
        assert kept.read_bytes() == theirs
        assert notices == [
            f"{setup['gold']} was replaced while open (the file found there is kept as "
            f"{kept}): wrote it again with the 5 lines this review holds of it (every line it "
            "had, earlier sessions' decisions too)"
        ]
    finally:
        assert session.close()
    assert aside(setup["gold"], "torn") == []
    assert_valid(setup)


def test_a_shorter_file_copied_over_it_is_kept_aside_too(setup: dict[str, Path]) -> None:
    """Shorter than the review left it, but not a part of it: not merely "cut short"."""
    before = decided_earlier(setup)
    session = open_it(setup)
    try:
        theirs = before.splitlines(keepends=True)[0].replace(b'"rita"', b'"rosa"')
        setup["gold"].write_bytes(theirs)
        notices = settled_after(session, before)
        [kept] = aside(setup["gold"], "replaced")
        assert kept.read_bytes() == theirs
        assert len(notices) == 1 and "was replaced while open" in notices[0]
    finally:
        assert session.close()
    assert_valid(setup)


def test_a_file_moved_over_it_is_kept_aside_and_a_backup_of_it_put_back_is_cut_short(
    setup: dict[str, Path], tmp_path: Path
) -> None:
    before = decided_earlier(setup)
    backup = tmp_path / "backup.jsonl"
    shutil.copyfile(setup["gold"], backup)
    session = open_it(setup)
    try:
        session.take_letter("b")  # d1 c3: the file holds one line more than the backup
        assert session.flush(10)
        held = setup["gold"].read_bytes()
        os.replace(backup, setup["gold"])  # `mv backup.jsonl gold.jsonl`: another inode
        notices = settled_after(session, held)
        [kept] = aside(setup["gold"], "replaced")
        assert kept.read_bytes() == before
        assert len(notices) == 1 and "was replaced while open" in notices[0]
    finally:
        assert session.close()
    assert_valid(setup)


def test_bytes_another_program_appended_are_moved_aside(setup: dict[str, Path]) -> None:
    before = decided_earlier(setup)
    session = open_it(setup)
    try:
        with setup["gold"].open("ab") as handle:
            handle.write(b'{"schema_version": 1, "doc_id": "d')
        notices = settled_after(session, before)
        [torn] = aside(setup["gold"], "torn")
        assert torn.read_bytes() == b'{"schema_version": 1, "doc_id": "d'
        assert len(notices) == 1 and "bytes another program added" in notices[0]
    finally:
        assert session.close()
    assert_valid(setup)


def test_undo_and_a_document_reached_later_read_the_lines_the_review_holds(
    setup: dict[str, Path], tmp_path: Path
) -> None:
    """An earlier session's decision undone, and d2's record made when the review reaches it,
    after another gold file was put in this one's place: as the review opened it."""
    other = another_case(tmp_path)
    decided_earlier(other, "rosa")
    before = decided_earlier(setup)
    session = open_it(setup)
    try:
        os.replace(other["gold"], setup["gold"])
        assert session.undo() == Place("d1", "c2")  # bob's "Ukraine", read from the line held
        assert session.take_notices() == [
            "undid a decision of an earlier session: d1 c2 is open again (took bob's version)"
        ]
        d2 = session.records["d2"]
        assert (d2.annotator, [c["path"] for c in d2.conflicts]) == ("rita", ["number"])
        assert session.flush(10) and session.store.state == "saved"
        assert setup["gold"].read_bytes().startswith(before)
        assert len(session.store.notices) == 1
    finally:
        assert session.close()
    assert_valid(setup)


def test_a_file_left_as_the_review_left_it_says_nothing(setup: dict[str, Path]) -> None:
    before = decided_earlier(setup)
    session = open_it(setup)
    try:
        assert settled_after(session, before) == []
    finally:
        assert session.close()


def test_a_file_emptied_after_the_last_decision_is_set_right_on_closing(
    setup: dict[str, Path],
) -> None:
    session = open_it(setup)
    session.take_letter("a")
    assert session.flush(10)
    written = setup["gold"].read_bytes()
    setup["gold"].write_bytes(b"")
    assert session.close(10)
    assert setup["gold"].read_bytes() == written
    assert session.store.notices == [
        f"{setup['gold']} was cut short while open ({len(written):,} bytes, now 0): wrote it "
        "again with the 3 lines this review holds of it (every line it had, earlier sessions' "
        "decisions too)"
    ]
    assert_valid(setup)
