"""A journal whose lines end in CR alone (an old Mac's line endings) is refused in one line by
every reader, nothing moved: it read as one incomplete last line, which annotate and compact
moved to ``.torn-TIME`` ("every complete line is kept": none was) and validate called an
interrupted write."""

from __future__ import annotations

import re
from pathlib import Path

import orjson
import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.gold_store import scan_gold
from annotator.core.journal import cr_line_endings, read_journal
from annotator.core.store import Store, compact
from tests.conftest import make_record
from tests.test_agreement_data import run_cli

DONE = {"status": "done", "form": {"event_type": "exchange"}}
SAID = "lines end in CR alone (old Mac line endings)"


def _cr_only(path: Path, *records: dict[str, object]) -> bytes:
    data = b"".join(orjson.dumps(item) + b"\r" for item in records)
    path.write_bytes(data)
    return data


def _two(path: Path, annotator: str = "alice", **extra: object) -> bytes:
    return _cr_only(
        path,
        make_record(annotator=annotator, **DONE, **extra),
        make_record(annotator=annotator, doc_id="b", **DONE, **extra),
    )


def _left_alone(folder: Path, path: Path, data: bytes) -> None:
    assert path.read_bytes() == data
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith(path.name)) == [path.name]
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]


def test_annotate_opening_refuses_and_moves_nothing(tmp_path: Path) -> None:
    journal = tmp_path / "alice.jsonl"
    data = _two(journal)
    with pytest.raises(
        AnnotatorError, match=rf"^{re.escape(f'{journal}:1: {SAID}')}.*tr '\\r' '\\n'"
    ):
        Store(journal, "alice")
    _left_alone(tmp_path, journal, data)


def test_compact_refuses_and_moves_nothing(tmp_path: Path) -> None:
    journal = tmp_path / "alice.jsonl"
    data = _two(journal)
    with pytest.raises(AnnotatorError, match=re.escape(SAID)):
        compact(journal)
    _left_alone(tmp_path, journal, data)


@pytest.mark.parametrize("command", ["validate", "stats", "compact"])
def test_the_commands_say_it_in_one_line(tmp_path: Path, command: str) -> None:
    journal = tmp_path / "alice.jsonl"
    data = _two(journal)
    result = run_cli(command, journal)
    assert result.returncode == 1
    lines = (result.stdout + result.stderr).splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{journal}:1: {SAID}"), lines
    assert "incomplete" not in lines[0]
    _left_alone(tmp_path, journal, data)


@pytest.mark.parametrize("command", ["agree", "diff", "merge"])
def test_comparing_commands_refuse_it(tmp_path: Path, command: str) -> None:
    alice = tmp_path / "alice.jsonl"
    _two(alice)
    bob = tmp_path / "bob.jsonl"
    bob.write_bytes(orjson.dumps(make_record(annotator="bob", **DONE)) + b"\n")
    extra = ["-o", str(tmp_path / "gold.jsonl")] if command == "merge" else []
    result = run_cli(command, alice, bob, *extra)
    assert result.returncode == 1
    assert result.stderr.startswith(f"{alice}:1: {SAID}"), result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_export_does_not_call_it_an_interrupted_write(tmp_path: Path) -> None:
    journal = tmp_path / "alice.jsonl"
    _two(journal)
    result = run_cli("export", journal, "--format", "jsonl", "-o", tmp_path / "x.jsonl")
    assert result.returncode == 1
    assert result.stderr.startswith(f"{journal}:1: {SAID}"), result.stderr
    assert "interrupted" not in result.stderr


def test_a_review_finds_a_gold_file_damaged_not_torn(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    _two(gold, annotator="rita", sources={})
    scan = scan_gold(gold)
    assert scan.torn is None
    assert scan.problems[0].message.startswith(SAID)


def test_one_record_ended_by_cr_and_crlf_lines_are_records_still(tmp_path: Path) -> None:
    one = tmp_path / "one.jsonl"
    _cr_only(one, make_record(**DONE))  # JSON takes the CR after it as spacing
    assert len(read_journal(one).records) == 1
    crlf = tmp_path / "crlf.jsonl"
    crlf.write_bytes(b"".join(orjson.dumps(make_record(doc_id=d, **DONE)) + b"\r\n" for d in "ab"))
    contents = read_journal(crlf)
    assert (len(contents.records), contents.problems, contents.torn) == (2, [], None)


def test_a_torn_tail_is_still_one() -> None:
    assert not cr_line_endings(b'{"doc_id": "a", "annot')
    assert not cr_line_endings(b'{"doc_id": "a"}\r\n')
    assert cr_line_endings(b'{"doc_id": "a"}\r{"doc_id": "b"}\r')
