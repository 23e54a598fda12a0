"""``export -o FILE`` tells what FILE holds by its lines, not its first line alone: a trial's
journal whose first line was damaged (torn, a Latin-1 byte, a git conflict marker) was taken
for no records and replaced, 11 lines becoming 1; so was a JSONL corpus of articles, a user's
only copy. Each is refused naming the line, and a JSON-lines file none of whose lines can be
read is refused too; ``--force`` replaces them all."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from annotator.core.formats import export_replacing
from annotator.core.formats.export import export_records
from annotator.core.formats.export_replacing import ReplacingRecords, held_in
from tests.test_formats_cli import cli
from tests.test_formats_support import record, write_case

TEXT = "Kyiv freed 146 people."
REFUSED = ": choose another name, or pass --force to replace the file (nothing was written)\n"


def journal_lines(annotator: str = "alice", count: int = 3) -> bytes:
    line = record("d9", TEXT, [(11, 14, "count")]).model_dump(mode="json")
    return b"".join(orjson.dumps({**line, "annotator": annotator}) + b"\n" for _ in range(count))


@pytest.mark.parametrize(
    "damaged",
    [
        b'{"schema_version":1,"doc_id":"zh","doc_sha\n',  # torn by a crash
        b'{"schema_version":1,"doc_id":"caf\xe9","annotator":"alice"\n',  # Latin-1, and torn
        b"<<<<<<< HEAD\n",  # a git conflict
    ],
)
def test_a_journal_with_a_damaged_first_line_is_refused_naming_its_record_line(
    tmp_path: Path, damaged: bytes
) -> None:
    _corpus, source = write_case(tmp_path, [("d1", TEXT)], [record("d1", TEXT, [(0, 4, "actor")])])
    journal = tmp_path / "dmg.jsonl"
    held = damaged + journal_lines()
    journal.write_bytes(held)
    result = cli("export", source, "--format", "jsonl", "-o", journal)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == f"{journal}: its line 2 is a record of annotator 'alice'{REFUSED}"
    assert journal.read_bytes() == held
    forced = cli("export", source, "--format", "jsonl", "-o", journal, "--force")
    assert forced.returncode == 0, forced.stderr
    assert len(journal.read_bytes().splitlines()) == 1


def test_a_corpus_of_articles_is_refused_and_kept(tmp_path: Path) -> None:
    corpus, source = write_case(tmp_path, [("d1", TEXT)], [record("d1", TEXT, [(0, 4, "actor")])])
    articles = tmp_path / "articles.jsonl"
    held = b'{"id": "a1", "text": "Only copy."}\n{"id": "a2", "text": "Another."}\n'
    articles.write_bytes(held)
    with pytest.raises(ReplacingRecords) as refused:
        export_records(source, "jsonl", articles)
    assert str(refused.value) == (
        f"{articles}: its first line is a corpus document 'a1'{REFUSED.rstrip()}"
    )
    assert articles.read_bytes() == held
    assert export_records(source, "conll", articles, corpus=corpus, force=True).replaced == [
        articles
    ]


def test_blank_lines_before_the_first_record_are_counted(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    line = record("d1", TEXT, []).model_dump(mode="json")
    gold.write_bytes(b"\xef\xbb\xbf\n\r\n  \n" + orjson.dumps({**line, "sources": {}}) + b"\n")
    held = held_in(gold)
    assert held is not None
    assert (held.line, held.said) == (4, "its line 4 is a gold record of reviewer 'gold'")
    assert held.plural == "gold records of reviewer 'gold'"


def test_a_record_after_lines_of_something_else_is_found(tmp_path: Path) -> None:
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_bytes(b'{"labels": ["O"]}\n[1]\nnot json\n' + journal_lines("bo"))
    held = held_in(mixed)
    assert held is not None and held.said == "its line 4 is a record of annotator 'bo'"


def test_records_read_as_a_person_sees_them(tmp_path: Path) -> None:
    latin = tmp_path / "latin.jsonl"  # every line holds a byte that is not UTF-8
    latin.write_bytes(journal_lines().replace(b"Kyiv", b"K\xe9iv"))
    assert export_replacing.records_held(latin) == "a record of annotator 'alice'"
    old_mac = tmp_path / "cr.jsonl"  # CR line endings: one line to a reader of lines
    old_mac.write_bytes(b"\r" + journal_lines().replace(b"\n", b"\r"))
    held = held_in(old_mac)
    assert held is not None and held.said == "its first line is a record of annotator 'alice'"


def test_a_json_lines_file_that_cannot_be_read_is_refused(tmp_path: Path) -> None:
    _corpus, source = write_case(tmp_path, [("d1", TEXT)], [record("d1", TEXT, [(0, 4, "actor")])])
    junk = tmp_path / "junk.jsonl"
    junk.write_bytes(b"\n<<<<<<< HEAD\n\xff\xfe\n")
    result = cli("export", source, "--format", "jsonl", "-o", junk)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.startswith(
        f"{junk}: none of its lines could be read (line 2: invalid JSON: "
    )
    assert result.stderr.endswith(f"), so whether it holds records is not known{REFUSED}")
    forced = cli("export", source, "--format", "jsonl", "-o", junk, "--force")
    assert forced.returncode == 0, forced.stderr
    assert f"{junk}: replaced the file that was there" in forced.stderr
    other = tmp_path / "junk.conll"  # not JSON lines by name: said by its size
    other.write_bytes(b"\n<<<<<<< HEAD\n\xff\xfe\n")
    refused = cli("export", source, "--format", "jsonl", "-o", other)
    assert refused.stderr == f"{other}: it holds 17 bytes{REFUSED}"
    assert export_records(source, "jsonl", other, force=True).replaced == [other]


def test_a_json_lines_file_that_cannot_be_opened_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def denied(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", denied)
    held = held_in(tmp_path / "alice.jsonl")
    assert held is not None
    assert held.said == (
        "it cannot be read (Permission denied), so whether it holds records is not known"
    )
    assert held_in(tmp_path / "out.conll") is None


def test_what_is_read_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export_replacing, "LOOKED_AT_LINES", 3)
    rows = tmp_path / "rows.jsonl"  # an hf export's rows, then (past the bound) a record
    rows.write_bytes(b'["O"]\n' * 3 + journal_lines())
    assert held_in(rows) is None
    rows.write_bytes(b"torn\n" * 3 + journal_lines())
    held = held_in(rows)
    assert held is not None and held.said.startswith("none of its first 3 lines could be read")
    monkeypatch.setattr(export_replacing, "LOOKED_AT_BYTES", 100)
    long = tmp_path / "long.jsonl"
    long.write_bytes(b"\n" + journal_lines())  # its record line is longer than what is read
    held = held_in(long)
    assert held is not None
    assert held.said == (
        "none of its lines could be read (line 2: longer than the 64 MiB read), so whether it "
        "holds records is not known"
    )


def test_an_earlier_doccano_export_is_no_corpus(tmp_path: Path) -> None:
    rows = tmp_path / "doccano.jsonl"
    rows.write_bytes(b'{"id": "a1", "text": "Kyiv.", "label": [[0, 4, "actor"]]}\n')
    held = held_in(rows)  # annotations all the same (test_export_replacing_tools)
    assert held is not None and held.what == "a doccano row of document 'a1'"
    rows.write_bytes(b'{"id": "a1", "text": "Kyiv.", "meta": {"date": "2025-03-14"}}\n')
    held = held_in(rows)
    assert held is not None and held.what == "a corpus document 'a1'"
