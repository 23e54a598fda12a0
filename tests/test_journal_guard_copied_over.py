"""Another file copied over an open journal in place (``cp other.jsonl ann.jsonl``: the same
inode) is kept aside before the journal is written again (``journal_guard``, ``journal_left``).

The guard told such a file by its inode and size only: shorter, it passed for the session's own
lines cut short ("cut short while open (360 bytes, now 15)") and was written over, its bytes
lost; longer, for lines appended after the session's: its first bytes were left in the journal
as if the session's (whose own lines were gone from the file) and the rest moved to .torn; the
same size, it was appended onto. A journal only cut short holds nothing of anyone else's, and
is still written again without keeping anything.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from annotator.core.journal_left import LeftBytes
from annotator.core.store import Store
from tests.test_journal_guard import latest_notes, opened
from tests.test_store import record

RECORDS_HELD = "wrote it again with the 3 records this session holds (the latest of each document)"


def copied_over(journal: Path, data: bytes) -> None:
    """``cp`` of a file holding ``data`` over ``journal``: written in place, the same inode."""
    other = journal.with_name("other.jsonl")
    other.write_bytes(data)
    inode = journal.stat().st_ino
    shutil.copyfile(other, journal)
    assert journal.stat().st_ino == inode
    other.unlink()


def other_lines(size: int) -> bytes:
    """Lines of another journal, ``size`` bytes in all."""
    line = record("bob's", "z", annotator="bob").model_dump_json().encode() + b"\n"
    data = line * (size // len(line) + 1)
    return data[: size - 1] + b"\n"


def kept_aside(journal: Path) -> list[Path]:
    return sorted(journal.parent.glob(f"{journal.name}.replaced-*"))


def test_a_shorter_file_copied_over_it_is_kept_aside_not_taken_for_a_cut(
    tmp_path: Path,
) -> None:
    journal, store = opened(tmp_path)
    size = journal.stat().st_size
    copied_over(journal, b'{"note": "the copy"}\n')
    store.save(record("c2", "c"))
    assert store.close()
    assert latest_notes(journal) == {"a": "a2", "b": "b2", "c": "c2"}
    (aside,) = kept_aside(journal)
    assert aside.read_bytes() == b'{"note": "the copy"}\n'
    assert store.notices == [
        f"{journal} was changed while open ({size:,} bytes, now 21, not what this session wrote "
        f"there: the file found there is kept as {aside}): {RECORDS_HELD}"
    ]


def test_a_longer_file_copied_over_it_is_kept_whole_not_split_as_lines_appended(
    tmp_path: Path,
) -> None:
    journal, store = opened(tmp_path)
    size = journal.stat().st_size
    copy = other_lines(size + 300)
    copied_over(journal, copy)
    store.save(record("c2", "c"))
    assert store.close()
    # The session's lines are the journal again, not the copy's first bytes.
    assert latest_notes(journal) == {"a": "a2", "b": "b2", "c": "c2"}
    (aside,) = kept_aside(journal)
    assert aside.read_bytes() == copy  # every byte of the copy, in one place
    assert not list(journal.parent.glob("alice.jsonl.torn-*"))
    assert store.notices == [
        f"{journal} was changed while open ({size:,} bytes, now {size + 300:,}, not what this "
        f"session wrote there: the file found there is kept as {aside}): {RECORDS_HELD}"
    ]


def test_a_file_of_the_same_size_copied_over_it_is_not_appended_onto(tmp_path: Path) -> None:
    journal, store = opened(tmp_path)
    size = journal.stat().st_size
    copy = other_lines(size)
    copied_over(journal, copy)
    store.save(record("c2", "c"))
    assert store.close()
    assert latest_notes(journal) == {"a": "a2", "b": "b2", "c": "c2"}
    (aside,) = kept_aside(journal)
    assert aside.read_bytes() == copy
    assert store.notices == [
        f"{journal} was changed while open ({size:,} bytes, not what this session wrote there: "
        f"the file found there is kept as {aside}): {RECORDS_HELD}"
    ]


def test_lines_another_program_appended_are_still_only_moved_to_torn(tmp_path: Path) -> None:
    journal, store = opened(tmp_path)
    before = journal.read_bytes()
    extra = other_lines(500)
    copied_over(journal, before + extra)  # the session's bytes, then another's
    store.save(record("c2", "c"))
    assert store.close()
    assert not kept_aside(journal)
    (torn,) = journal.parent.glob("alice.jsonl.torn-*")
    assert torn.read_bytes() == extra
    assert journal.read_bytes() == before + record("c2", "c").model_dump_json().encode() + b"\n"


def test_a_journal_only_cut_short_keeps_nothing_aside_even_after_a_write_again(
    tmp_path: Path,
) -> None:
    journal, store = opened(tmp_path)
    copied_over(journal, b'{"note": "the copy"}\n')
    store.save(record("c2", "c"))
    assert store.flush(5)
    # What the session left is now the journal written again, then a line: a cut of it is
    # the session's own.
    store.save(record("a3", "a"))
    assert store.flush(5)
    size = journal.stat().st_size
    os.truncate(journal, size - 100)
    store.save(record("b3", "b"))
    assert store.close()
    assert len(kept_aside(journal)) == 1  # the copy, not the cut
    assert store.notices[-1] == (
        f"{journal} was cut short while open ({size:,} bytes, now {size - 100:,}): {RECORDS_HELD}"
    )
    assert latest_notes(journal) == {"a": "a3", "b": "b3", "c": "c2"}


def test_a_journal_that_lacked_its_last_newline_cut_short_keeps_nothing(tmp_path: Path) -> None:
    journal = tmp_path / "alice.jsonl"
    journal.write_bytes(record("a1", "a").model_dump_json().encode())  # no newline
    store = Store(journal, "alice")
    store.save(record("b1", "b"))
    assert store.flush(5)
    os.truncate(journal, journal.stat().st_size - 5)
    store.save(record("c1", "c"))
    assert store.close()
    assert not kept_aside(journal)
    assert "was cut short while open" in store.notices[0]
    assert latest_notes(journal) == {"a": "a1", "b": "b1", "c": "c1"}


def test_a_cut_before_the_bytes_held_is_kept_aside_as_it_cannot_be_told(tmp_path: Path) -> None:
    journal = tmp_path / "alice.jsonl"
    line = record("a1", "a").model_dump_json().encode() + b"\n"
    journal_bytes = line * (600_000 // len(line))
    journal.write_bytes(journal_bytes)  # more than the 512 KB held whole
    store = Store(journal, "alice")
    store.save(record("b1", "b"))
    assert store.flush(5)
    size = journal.stat().st_size
    os.truncate(journal, 100_000)
    store.save(record("c1", "c"))
    assert store.close()
    (aside,) = kept_aside(journal)
    assert aside.read_bytes() == journal_bytes[:100_000]
    held = store.notices[0].split("cut before the last ")[1].split(" bytes")[0]
    assert 256 * 1024 <= int(held.replace(",", "")) <= 512 * 1024
    assert store.notices == [
        f"{journal} was cut short while open ({size:,} bytes, now 100,000, cut before the last "
        f"{held} bytes, which alone this session can compare: the file found there is kept as "
        f"{aside}): {RECORDS_HELD}"
    ]


def test_left_bytes_tells_a_prefix_anywhere_in_the_bytes_held(tmp_path: Path) -> None:
    data = os.urandom(700_000)
    left = LeftBytes()
    for at in range(0, len(data), 70_000):
        left.extend(data[at : at + 70_000])
    assert left.size == len(data) and 0 < left.held_from <= len(data) - 256 * 1024
    path = tmp_path / "file"
    path.write_bytes(data)
    fd = os.open(path, os.O_RDWR)
    try:
        assert left.ends_match(fd)
        for length in (0, left.held_from, left.held_from + 1, len(data) - 1, len(data)):
            assert left.prefix_of(fd, length) is True
        assert left.prefix_of(fd, left.held_from - 1) is None  # before the bytes held
        os.pwrite(fd, b"x" if data[-1:] != b"x" else b"y", len(data) - 1)
        assert not left.ends_match(fd) and left.prefix_of(fd, len(data)) is False
        assert left.prefix_of(fd, len(data) - 1) is True
        os.pwrite(fd, b"x" if data[:1] != b"x" else b"y", 0)  # and its first byte
        assert left.prefix_of(fd, 10) is False and left.prefix_of(fd, len(data) - 1) is False
    finally:
        os.close(fd)


def test_a_file_copied_over_it_again_after_it_was_written_again_is_kept_too(
    tmp_path: Path,
) -> None:
    journal, store = opened(tmp_path)
    copied_over(journal, b'{"note": "the first copy"}\n')
    store.save(record("c2", "c"))
    assert store.flush(5)
    copied_over(journal, b'{"note": "the second"}\n')
    store.save(record("a3", "a"))
    assert store.close()
    assert [aside.read_bytes() for aside in kept_aside(journal)] == [
        b'{"note": "the first copy"}\n',
        b'{"note": "the second"}\n',
    ]
    assert latest_notes(journal) == {"a": "a3", "b": "b2", "c": "c2"}
