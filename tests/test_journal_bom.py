"""A journal edited by hand in an editor that writes a byte order mark (UTF-8 BOM) at its start:
``read_journal`` reads its first line as the record it is, where the mark made it a problem
("invalid JSON"), and keeps the file's line numbers and byte offsets, so that a torn tail is
still cut where it starts."""

from __future__ import annotations

from codecs import BOM_UTF8
from pathlib import Path

import orjson

from annotator.core.journal import read_journal
from annotator.core.models import Record
from annotator.core.store import Store
from tests.conftest import make_record
from tests.test_agreement_data import run_cli


def line(note: str) -> bytes:
    return orjson.dumps(make_record(note=note, doc_id=note)) + b"\n"


def test_the_first_line_after_the_mark_is_a_record(tmp_path: Path) -> None:
    journal = tmp_path / "alice.jsonl"
    journal.write_bytes(BOM_UTF8 + line("a") + line("b"))
    contents = read_journal(journal)
    assert contents.problems == []
    assert [(number, record.note) for number, record in contents.records] == [(1, "a"), (2, "b")]
    assert contents.size == journal.stat().st_size


def test_only_a_leading_mark_is_dropped(tmp_path: Path) -> None:
    journal = tmp_path / "alice.jsonl"
    journal.write_bytes(line("a") + BOM_UTF8 + line("b"))
    contents = read_journal(journal)
    assert [number for number, _ in contents.records] == [1]
    assert [(problem.line, problem.message[:12]) for problem in contents.problems] == [
        (2, "invalid JSON")
    ]


def test_a_torn_tail_after_the_mark_starts_where_it_does_in_the_file(tmp_path: Path) -> None:
    journal = tmp_path / "alice.jsonl"
    data = BOM_UTF8 + line("a") + b'{"schema_version": 1, "do'
    journal.write_bytes(data)
    torn = read_journal(journal).torn
    assert torn is not None
    assert (torn.line, torn.offset) == (2, len(BOM_UTF8 + line("a")))
    assert data[torn.offset :] == torn.data


def test_a_torn_first_line_after_the_mark(tmp_path: Path) -> None:
    journal = tmp_path / "alice.jsonl"
    journal.write_bytes(BOM_UTF8 + b'{"schema_version": 1, "do')
    torn = read_journal(journal).torn
    assert torn is not None and (torn.line, torn.offset) == (1, len(BOM_UTF8))


def test_the_store_cuts_the_torn_tail_and_keeps_the_marked_line(tmp_path: Path) -> None:
    journal = tmp_path / "alice.jsonl"
    journal.write_bytes(BOM_UTF8 + line("a") + b'{"schema_version": 1, "do')
    Store(journal, "alice").close()
    assert journal.read_bytes() == BOM_UTF8 + line("a")
    (aside,) = tmp_path.glob("alice.jsonl.torn-*")
    assert aside.read_bytes() == b'{"schema_version": 1, "do'
    assert [record.note for _, record in read_journal(journal).records] == ["a"]


def test_validate_takes_such_a_journal(tmp_path: Path) -> None:
    journal = tmp_path / "alice.jsonl"
    journal.write_bytes(BOM_UTF8 + line("a"))
    result = run_cli("validate", journal)
    assert (result.returncode, result.stdout) == (0, ""), result.stdout


def test_a_record_saved_to_such_a_journal_follows_its_lines(tmp_path: Path) -> None:
    journal = tmp_path / "alice.jsonl"
    journal.write_bytes(BOM_UTF8 + line("a"))
    with Store(journal, "alice") as store:
        store.save(Record.model_validate(make_record(note="b", doc_id="b")))
    assert [record.note for _, record in read_journal(journal).records] == ["a", "b"]
    assert journal.read_bytes().startswith(BOM_UTF8 + line("a"))


def test_merge_and_agree_read_such_a_journal_as_validate_does(tmp_path: Path) -> None:
    """Their own line reader (``latest_records``) drops the mark too: they refused the first
    line ("invalid JSON: UTF-8 byte order mark (BOM) is not supported") that validate took."""
    done = {"status": "done", "form": {"event_type": "exchange"}}
    alice, bob = tmp_path / "alice.jsonl", tmp_path / "bob.jsonl"
    alice.write_bytes(BOM_UTF8 + orjson.dumps(make_record(**done)) + b"\n")
    bob.write_bytes(orjson.dumps(make_record(annotator="bob", **done)) + b"\n")
    agree = run_cli("agree", alice, bob, "--json")
    assert agree.returncode == 0, agree.stderr
    assert orjson.loads(agree.stdout)["documents"] == 1
    gold = tmp_path / "gold.jsonl"
    merge = run_cli("merge", alice, bob, "-o", gold, "--reviewer", "rita")
    assert merge.returncode == 0, merge.stderr
    assert [orjson.loads(raw)["doc_id"] for raw in gold.read_bytes().splitlines()] == ["a"]
