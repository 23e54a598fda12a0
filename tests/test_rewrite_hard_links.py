"""A journal or gold file with more than one name (a hard link: ``ln``, a ``cp -al`` or
rsnapshot backup) written anew whole (temp file, fsync, rename: ``compact``, ``merge``,
``rename`` in place, ``import --force``, a session writing its journal again) gives this name a
new file: the other names keep the old contents. That went unsaid (a backup made of links
stopped following the journal after a compact). Not refused: said in one line after the write,
with the count of names and the ``find`` that lists the others (by inode: this name is a new
file now)."""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import orjson

from annotator.core.hard_links import other_names
from annotator.core.merge import merge_files
from annotator.core.rename_annotator import rename_annotator
from annotator.core.scheme import load_default_scheme
from annotator.core.store import compact
from tests.conftest import make_record
from tests.test_agreement_data import record, run_cli, write_journal
from tests.test_import_replacing_work import IMPORT, _imported, run
from tests.test_journal_guard import opened
from tests.test_store import record as saved_record


def kept_old(path: Path, names: int, old: Path) -> str:
    """The line for ``path``, which had ``names`` names, one of them ``old`` (its old file)."""
    others = "the other name keeps" if names == 2 else f"the other {names - 1} names keep"
    mount = Path(os.path.realpath(old.parent))
    while not os.path.ismount(mount):
        mount = mount.parent
    return (
        f"{path}: this file had {names} names (hard links): it was written anew under this "
        f"name alone, and {others} the old contents; to list them: find "
        f"{shlex.quote(str(mount))} -xdev -inum {os.stat(old).st_ino}"
    )


def _journal(path: Path) -> bytes:
    """A journal of two lines of one document, which compact makes one."""
    older = make_record(status="in_progress")
    data = b"".join(orjson.dumps(item) + b"\n" for item in (older, make_record()))
    path.write_bytes(data)
    return data


def test_compact_says_the_other_names_keep_the_old_journal(tmp_path: Path) -> None:
    journal = tmp_path / "alice.jsonl"
    data = _journal(journal)
    backup = tmp_path / "backup.jsonl"
    os.link(journal, backup)
    before, after, messages = compact(journal)
    assert (before, after) == (2, 1)
    assert messages == [kept_old(journal, 2, backup)]
    # As it says: the backup is the old file, the journal a new one.
    assert backup.read_bytes() == data
    assert len(journal.read_bytes().splitlines()) == 1
    assert os.stat(journal).st_nlink == 1 and os.stat(backup).st_nlink == 1
    # One name: nothing said.
    _journal(journal)
    assert compact(journal)[2] == []


def test_the_line_counts_every_name_and_its_find_names_the_old_file(tmp_path: Path) -> None:
    journal = tmp_path / "alice.jsonl"
    _journal(journal)
    links = [tmp_path / "one.jsonl", tmp_path / "two.jsonl"]
    for link in links:
        os.link(journal, link)
    (said,) = compact(journal)[2]
    assert said == kept_old(journal, 3, links[0])
    assert "the other 2 names keep the old contents" in said
    found = re.search(r"find (\S+) -xdev -inum (\d+)$", said)
    assert found is not None
    assert int(found[2]) == os.stat(links[1]).st_ino != os.stat(journal).st_ino
    assert tmp_path.resolve().is_relative_to(found[1])
    assert other_names(journal) is None and other_names(tmp_path / "none.jsonl") is None


def test_the_compact_command_prints_the_line(tmp_path: Path) -> None:
    journal = tmp_path / "alice.jsonl"
    _journal(journal)
    backup = tmp_path / "backup.jsonl"
    os.link(journal, backup)
    result = run_cli("compact", journal)
    assert result.returncode == 0, result.stderr
    assert result.stderr == kept_old(journal, 2, backup) + "\n"
    assert result.stdout == f"{journal}: 2 line(s) → 1\n"


def test_merge_over_a_linked_gold_file_says_it_in_its_notes(tmp_path: Path) -> None:
    form = {"event_type": "exchange"}
    alice = write_journal(tmp_path / "alice.jsonl", record("alice", form=form))
    bob = write_journal(tmp_path / "bob.jsonl", record("bob", form=form))
    gold = tmp_path / "gold.jsonl"
    assert merge_files([alice, bob], gold, load_default_scheme(), "rita")["notes"] == []
    old = tmp_path / "gold.backup.jsonl"
    os.link(gold, old)
    summary = merge_files([alice, bob], gold, load_default_scheme(), "rita")
    assert summary["notes"] == [kept_old(gold, 2, old)]
    # The command prints it as a note.
    os.link(gold, tmp_path / "gold.again.jsonl")
    result = run_cli("merge", alice, bob, "-o", gold, "--reviewer", "rita")
    assert result.returncode == 0, result.stderr
    assert f"note: {kept_old(gold, 2, tmp_path / 'gold.again.jsonl')}\n" in result.stderr


def test_rename_in_place_says_the_other_names_keep_the_old_name(tmp_path: Path) -> None:
    journal = tmp_path / "ann1.jsonl"
    data = orjson.dumps(make_record(annotator="ann1")) + b"\n"
    journal.write_bytes(data)
    backup = tmp_path / "backup.jsonl"
    os.link(journal, backup)
    result = rename_annotator(journal, "ann1", "ann2", journal, force=True)
    assert result.notes == [kept_old(journal, 2, backup)]
    assert backup.read_bytes() == data
    assert b'"ann2"' in journal.read_bytes()
    # From the command too.
    os.link(journal, tmp_path / "again.jsonl")
    done = run_cli("rename", journal, "--from", "ann2", "--to", "ann3", "-o", journal, "--force")
    assert done.returncode == 0, done.stderr
    assert kept_old(journal, 2, tmp_path / "again.jsonl") + "\n" in done.stderr


def test_import_force_over_a_linked_records_file_says_it(tmp_path: Path) -> None:
    journal = _imported(tmp_path)
    backup = tmp_path / "root.backup.jsonl"
    os.link(journal, backup)
    result = run(tmp_path, *IMPORT, "--force")
    assert result.returncode == 0, result.stderr
    assert kept_old(Path("pd/annotations/root.jsonl"), 2, backup) in result.stderr
    assert os.stat(journal).st_nlink == 1 and backup.read_bytes() == journal.read_bytes()


def test_a_session_writing_its_journal_again_says_the_other_names_keep_the_old(
    tmp_path: Path,
) -> None:
    journal, store = opened(tmp_path)
    backup = tmp_path / "backup.jsonl"
    os.link(journal, backup)
    os.truncate(journal, journal.stat().st_size - 100)  # cut short: written again whole
    cut = backup.read_bytes()
    store.save(saved_record("c2", "c"))
    assert store.close()
    assert "was cut short while open" in store.notices[0]
    assert store.notices[1:] == [kept_old(journal, 2, backup)]
    assert backup.read_bytes() == cut
