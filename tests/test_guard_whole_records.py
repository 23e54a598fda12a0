"""Whole records appended to an open journal by hand are said as records, with how to add them.

A trial appended a rescue file to the journal while a session ran (``cat RESCUE >> JOURNAL``,
as a rescue file's advice says): the session moved the lines to ``.torn-TIME``, saying only
"601 bytes another program added while it was open were moved to …", which read as garbage.
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.models import Record, record_line
from annotator.core.store import Store
from tests.conftest import make_record


def rec(note: str, doc_id: str) -> Record:
    return Record.model_validate(make_record(note=note, doc_id=doc_id))


def test_whole_records_appended_while_open_are_counted_with_how_to_add_them(
    tmp_path: Path, home: Path
) -> None:
    journal = tmp_path / "alice.jsonl"
    store = Store(journal, "alice")
    store.save(rec("ours", "a"))
    assert store.flush(10)
    added = record_line(rec("rescued", "b")) + record_line(rec("rescued too", "c"))
    with journal.open("ab") as handle:  # cat RESCUE >> JOURNAL
        handle.write(added)
    store.save(rec("ours again", "a"))
    assert store.flush(10)
    assert store.close()
    [torn] = tmp_path.glob("alice.jsonl.torn-*")
    assert torn.read_bytes() == added
    # Appended, each comes last of its document: said, with the documents named (a trial's
    # cat put an older record back over a span labelled after it).
    assert store.notices == [
        f"{journal}: {len(added):,} bytes another program added while it was open (2 whole "
        f"records, of b, c) were moved to {torn}; the journal goes on after this session's "
        f"last line; to add them once this session is closed: cat {torn} >> {journal} "
        "(appended, each comes last of its document: leave out the line of a document this "
        "session changed since, or that change is undone)"
    ]


def test_a_torn_line_appended_is_said_as_bytes_alone(tmp_path: Path, home: Path) -> None:
    journal = tmp_path / "alice.jsonl"
    store = Store(journal, "alice")
    store.save(rec("ours", "a"))
    assert store.flush(10)
    with journal.open("ab") as handle:
        handle.write(record_line(rec("whole", "b")) + b'{"doc_id": "c')
    store.save(rec("ours again", "a"))
    assert store.flush(10)
    assert store.close()
    [torn] = tmp_path.glob("alice.jsonl.torn-*")
    [notice] = store.notices
    assert f"added while it was open were moved to {torn};" in notice and "cat " not in notice
    assert notice.endswith("the journal goes on after this session's last line")
