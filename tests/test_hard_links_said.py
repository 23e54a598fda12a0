"""A journal or gold file with more than one name (a hard link: ``ln``, a ``cp -al`` or rsnapshot
backup) is said when ``annotate`` or ``review`` opens it: the lock beside this name does not
keep out a session opened through another, whose checks of the file and this one's then split
it in two, and every line written changes the file under each name (the backup too). Not
refused: said once, with the count of names and the command that gives the name a file of its
own."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from annotator.core.review_exit import start_up_lines_at_exit
from annotator.core.review_open import open_review
from annotator.core.session import open_session
from tests.test_review_folder_made import request
from tests.test_review_session_data import fixed_now as review_now
from tests.test_rewrite_hard_links import kept_old
from tests.test_session_data import fixed_now, write_texts


def said_of(path: Path, names: int, run: str = "quit and run") -> str:
    """The line for ``path`` with ``names`` names."""
    return (
        f"{path}: this file has {names} names (hard links, made by `ln` or by backups such as "
        "`cp -al` and rsnapshot): its lock, kept beside this name, does not keep out a session "
        "or command opening it by another name, and each change written here changes the file "
        f"under every name; to give this name a file of its own, {run}: cp -p {path} "
        f"{path}.own && mv {path}.own {path}"
    )


def test_annotate_says_its_journal_has_another_name_and_appends_change_it_too(
    tmp_path: Path,
) -> None:
    corpus = write_texts(tmp_path)
    out = tmp_path / "out"
    first = open_session(corpus, "alice", None, out, now=fixed_now)
    assert first.messages == []  # a new journal: one name
    first.open("a")
    first.set_note("swapped on Sunday")
    assert first.close()
    journal = out / "annotations" / "alice.jsonl"
    assert open_session(corpus, "alice", None, out, now=fixed_now).close()  # one name: nothing
    backup = tmp_path / "backup" / "alice.jsonl"
    backup.parent.mkdir()
    os.link(journal, backup)

    session = open_session(corpus, "alice", None, out, now=fixed_now)
    try:
        assert session.messages == [said_of(journal, 2)]
        session.open("b")
        session.set_note("freed")
        assert session.flush(10)
    finally:
        assert session.close()
    # As it said: the line written changed the backup too.
    assert backup.read_bytes() == journal.read_bytes()
    assert b"freed" in backup.read_bytes()

    # Its command gives the journal a file of its own: the next start says nothing.
    command = said_of(journal, 2).rpartition("quit and run: ")[2]
    subprocess.run(command, shell=True, check=True)
    assert os.stat(journal).st_nlink == 1
    assert open_session(corpus, "alice", None, out, now=fixed_now).messages == []
    assert backup.read_bytes() == journal.read_bytes()


def test_review_says_its_gold_file_has_other_names_and_again_at_exit_while_so(
    tmp_path: Path,
) -> None:
    gold = tmp_path / "gold" / "g.jsonl"
    args, options = request(tmp_path, gold)
    assert open_review(*args, now=review_now, **options).close()
    links = [tmp_path / "g.backup.jsonl", tmp_path / "g.copy.jsonl"]
    for link in links:
        os.link(gold, link)

    session = open_review(*args, now=review_now, **options)
    try:
        assert said_of(gold, 3) in session.messages
        # At the exit, as it is then: one name taken away, the count said anew, to run now.
        links[1].unlink()
        assert said_of(gold, 2, run="run") in start_up_lines_at_exit(session)
        links[0].unlink()
        assert not any("hard links" in line for line in start_up_lines_at_exit(session))
    finally:
        assert session.close()


def test_a_new_gold_file_over_an_empty_linked_one_has_a_name_of_its_own(
    tmp_path: Path,
) -> None:
    gold = tmp_path / "gold" / "g.jsonl"
    args, options = request(tmp_path, gold)
    gold.parent.mkdir()
    gold.write_bytes(b"")
    other = tmp_path / "empty.jsonl"
    os.link(gold, other)
    session = open_review(*args, now=review_now, **options)
    try:
        # Written whole as new, as a temp file renamed over the name: the other name is apart,
        # so the start says no other name; the write says the other keeps the empty file.
        assert not any("this file has" in line for line in session.messages)
        assert kept_old(gold, 2, other) in session.messages
        assert os.stat(gold).st_nlink == 1
        assert other.read_bytes() == b""
    finally:
        assert session.close()


def test_a_linked_journal_reached_by_a_symbolic_link_is_copied_where_the_link_leads(
    tmp_path: Path,
) -> None:
    corpus = write_texts(tmp_path)
    kept = tmp_path / "kept" / "alice.jsonl"
    kept.parent.mkdir()
    first = open_session(corpus, "alice", None, tmp_path / "kept-out", now=fixed_now)
    first.open("a")
    first.set_note("swapped")
    assert first.close()
    os.replace(tmp_path / "kept-out" / "annotations" / "alice.jsonl", kept)
    os.link(kept, tmp_path / "kept" / "backup.jsonl")
    journal = tmp_path / "out" / "annotations" / "alice.jsonl"
    journal.parent.mkdir(parents=True)
    journal.symlink_to(kept)
    session = open_session(corpus, "alice", None, tmp_path / "out", now=fixed_now)
    try:
        line = session.messages[0]
    finally:
        assert session.close()
    assert line.startswith(f"{journal}: this file has 2 names")
    assert line.endswith(f"cp -p {kept} {kept}.own && mv {kept}.own {kept}")
    # The link stays a link, to a file of its own now.
    subprocess.run(line.rpartition("quit and run: ")[2], shell=True, check=True)
    assert journal.is_symlink()
    assert os.stat(journal).st_nlink == 1
