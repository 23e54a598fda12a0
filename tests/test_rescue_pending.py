"""A rescue file pending is said by every command reading its journal, and a refused opening
changes nothing (``rescue_taken.rescues_pending``, ``judge_rescues``).

A trial left a rescue file for ccann.jsonl: validate said ok, and stats, export and merge read
the journal without the rescued changes, unsaid (a reviewer could merge before the annotator
started again). With a torn tail and a rescue file older than the journal, compact moved the
tail aside, then printed only the rescue refusal.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import orjson
import pytest

from annotator.core import rescue_taken
from annotator.core.errors import AnnotatorError
from annotator.core.journal import read_journal
from annotator.core.lock import lock_path
from annotator.core.rescue_taken import rescues_pending
from annotator.core.store import Store, compact
from tests.test_rescue_taken import lines, rec, rescue_of
from tests.test_review_session_data import open_it, write_review_case

T9, T10, T11 = "2026-11-27T09:00:00Z", "2026-11-27T10:00:00Z", "2026-11-27T11:00:00Z"
TORN = b'{"doc_id": "a", "annot'


def appends_words(journal: Path, rescue: Path, held: str = "2 changes") -> str:
    return (
        f"{journal}: read without its rescue file {rescue} ({held} a session could not write, "
        f"not in it yet): the next `annotator annotate` of it appends the file; or append it "
        f"now: cat {rescue} >> {journal}"
    )


def test_a_pending_rescue_file_is_said_in_one_line_and_left_as_it_is(
    tmp_path: Path, home: Path
) -> None:
    journal = tmp_path / "ccann.jsonl"
    journal.write_bytes(lines(rec("1", T9)))
    before = journal.read_bytes()
    rescue = rescue_of(journal, home, lines(rec("2", T10), rec("b's", T10, doc_id="b")))
    # Given twice (agree a.jsonl a.jsonl): said once.
    assert rescues_pending([journal, journal]) == [appends_words(journal, rescue)]
    assert journal.read_bytes() == before and rescue.read_bytes() == lines(
        rec("2", T10), rec("b's", T10, doc_id="b")
    )
    assert sorted(path.name for path in home.iterdir()) == [rescue.name]


def test_one_older_than_the_journal_is_said_with_the_refusal_the_next_annotate_gives(
    tmp_path: Path, home: Path
) -> None:
    journal = tmp_path / "ccann.jsonl"
    journal.write_bytes(lines(rec("later", T11)))
    rescue = rescue_of(journal, home, lines(rec("rescued", T10)))
    assert rescues_pending([journal]) == [
        f"{journal}: read without its rescue file {rescue} (1 change a session could not "
        "write, not in it yet): the journal holds a record of a later than the rescued one, "
        "so the next `annotator annotate` of it refuses to start until the file is set aside "
        f"(mv {rescue} {rescue}.kept) or appended by hand (cat {rescue} >> {journal})"
    ]


def test_none_is_said_of_a_file_appended_by_hand_or_named_by_the_stem_alone(
    tmp_path: Path, home: Path
) -> None:
    journal = tmp_path / "ccann.jsonl"
    rescued = lines(rec("rescued", T10))
    rescue_of(journal, home, rescued)
    journal.write_bytes(lines(rec("1", T9)) + rescued)  # cat RESCUE >> JOURNAL
    # Written before names held the journal's folder: annotate says it, as it may be
    # another folder's ccann.jsonl's.
    (home / "annotator-rescue-ccann-20261127T100000123456Z.jsonl").write_bytes(rescued)
    other = tmp_path / "other.jsonl"
    other.write_bytes(rescued)
    assert rescues_pending([journal, other]) == []


def test_a_journal_gone_and_a_rescue_file_not_readable_as_it_is_are_said(
    tmp_path: Path, home: Path
) -> None:
    gone = tmp_path / "gone.jsonl"
    rescue = rescue_of(gone, home, lines(rec("1", T9), rec("2", T10)))
    damaged = tmp_path / "damaged.jsonl"
    damaged.write_bytes(lines(rec("1", T9)))
    bad = rescue_of(damaged, home, b"{not json}\n")
    said = rescues_pending([gone, damaged])
    assert said[0] == appends_words(gone, rescue)
    assert said[1].startswith(
        f"{damaged}: read without its rescue file {bad}, which cannot be appended as it is "
        f"({bad}:1: "
    )
    assert said[1].endswith(
        "): the next opening of it for writing refuses until the file is set right or moved "
        f"aside (mv {bad} {bad}.kept)"
    )
    assert len(said) == 2


def test_a_gold_file_s_rescue_file_is_said_as_decisions_a_review_appends(
    tmp_path: Path, home: Path
) -> None:
    setup = write_review_case(tmp_path)
    open_it(setup).close()
    gold = setup["gold"]
    last = orjson.loads(gold.read_bytes().splitlines()[-1])
    rescue = rescue_of(gold, home, orjson.dumps(last | {"note": "rescued"}) + b"\n")
    assert rescues_pending([gold]) == [
        f"{gold}: read without its rescue file {rescue} (1 decision a review could not write, "
        "not in it yet): the next `annotator review` writing it appends the file; or append "
        f"it now: cat {rescue} >> {gold}"
    ]


def refused_words(journal: Path, rescue: Path) -> str:
    return (
        f"{journal}: its rescue file {rescue} holds changes a session could not write, but the "
        "journal holds a record of a later than the rescued one (or of no known time): "
        "appending the file would undo it. To keep the journal as it is, set the file aside: "
        f"mv {rescue} {rescue}.kept; to take the rescued changes instead: "
        f"cat {rescue} >> {journal}; then start again"
    )


@pytest.mark.parametrize("opening", ["compact", "annotate"])
def test_a_refused_rescue_file_leaves_a_torn_tail_where_it_was(
    tmp_path: Path, home: Path, opening: str
) -> None:
    journal = tmp_path / "ccann.jsonl"
    journal.write_bytes(lines(rec("1", T9), rec("later", T11)) + TORN)
    before = journal.read_bytes()
    rescue = rescue_of(journal, home, lines(rec("rescued", T10)))
    with pytest.raises(AnnotatorError) as refused:
        if opening == "compact":
            compact(journal)
        else:
            Store(journal, "alice")
    assert str(refused.value) == refused_words(journal, rescue)
    assert journal.read_bytes() == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["ccann.jsonl", "home"]
    assert rescue.exists() and not lock_path(journal).exists()


def test_a_torn_tail_is_moved_then_the_rescue_file_appended(tmp_path: Path, home: Path) -> None:
    journal = tmp_path / "ccann.jsonl"
    journal.write_bytes(lines(rec("1", T9)) + TORN)
    rescue = rescue_of(journal, home, lines(rec("2", T10)))
    before, after, said = compact(journal)
    (torn,) = tmp_path.glob("ccann.jsonl.torn-*")
    assert (before, after) == (2, 1) and torn.read_bytes() == TORN
    assert said == [
        f"{journal}:2: an incomplete last line (interrupted write) was moved to {torn}; every "
        "complete line is kept",
        f"{journal}: its rescue file {rescue} (1 change a session could not write) was "
        f"appended to it now; the file is kept as {rescue.name}.appended",
    ]
    assert [record.note for _line, record in read_journal(journal).records] == ["2"]


def test_a_rescue_file_the_disk_refuses_after_the_torn_tail_was_moved_says_the_move(
    tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = tmp_path / "ccann.jsonl"
    journal.write_bytes(lines(rec("1", T9)) + TORN)
    rescue = rescue_of(journal, home, lines(rec("2", T10)))

    def full(path: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(rescue_taken, "append_durably", full)
    with pytest.raises(AnnotatorError) as refused:
        Store(journal, "alice")
    (torn,) = tmp_path.glob("ccann.jsonl.torn-*")
    assert str(refused.value) == (
        f"{journal}: cannot append its rescue file {rescue}: No space left on device; the "
        f"journal is as it was but for its incomplete last line, moved to {torn}"
    )
    assert journal.read_bytes() == lines(rec("1", T9)) and rescue.exists()


def test_a_review_says_an_annotator_s_journal_read_without_its_rescue_file(
    tmp_path: Path, home: Path
) -> None:
    setup = write_review_case(tmp_path)
    alice = setup["alice"]
    last = orjson.loads(alice.read_bytes().splitlines()[-1])
    # A document of its own: the journal's records have no time, a rescued one is not later.
    later = last | {"doc_id": "d3", "updated_at": T11}
    rescue = rescue_of(alice, home, orjson.dumps(later) + b"\n")
    before = alice.read_bytes()
    session = open_it(setup)
    try:
        assert appends_words(alice, rescue, "1 change") in session.messages
    finally:
        session.close()
    assert alice.read_bytes() == before and rescue.exists()
