"""A gold file saved by hand in an editor that writes a byte order mark (UTF-8 BOM) at its
start: the review reads it (``gold_store.scan_gold``) as every journal reader does, where its
first line was refused as "invalid JSON". Lines are found at the file's own byte offsets
(undoing an earlier session's decision reads its line back from there), and what the review
writes follows them, the mark and every earlier line kept as they were."""

from __future__ import annotations

from codecs import BOM_UTF8
from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.core.gold_store import scan_gold
from annotator.core.review_views import Place
from tests.test_review_session_data import assert_valid, open_it, write_review_case


@pytest.fixture
def setup(tmp_path: Path) -> dict[str, Path]:
    return write_review_case(tmp_path)


def gold_lines(gold: Path) -> list[dict[str, Any]]:
    """The gold file's records, read past its mark (which orjson refuses)."""
    data = gold.read_bytes()
    assert data.startswith(BOM_UTF8)
    return [orjson.loads(line) for line in data[len(BOM_UTF8) :].splitlines()]


def _with_a_mark(gold: Path) -> bytes:
    """The gold file with a mark put before its first line; returns its bytes then."""
    data = BOM_UTF8 + gold.read_bytes()
    gold.write_bytes(data)
    return data


def test_the_lines_are_found_where_the_file_has_them(setup: dict[str, Path]) -> None:
    assert open_it(setup).close()
    data = _with_a_mark(setup["gold"])
    scan = scan_gold(setup["gold"])
    assert scan.problems == [] and scan.torn is None and scan.count == 2
    assert [line.offset for line in scan.lines] == [3, 3 + data[3:].index(b"\n") + 1]
    for line in scan.lines:
        assert data[line.offset : line.offset + line.length].startswith(b'{"')
        assert data[line.offset + line.length - 1 :].startswith(b"\n")


def test_a_marked_gold_file_resumes_and_takes_further_decisions(setup: dict[str, Path]) -> None:
    first = open_it(setup)
    try:
        first.take(0)  # c1 of d1
    finally:
        assert first.close()
    before = _with_a_mark(setup["gold"])
    again = open_it(setup)
    try:
        assert "resuming the review" in again.messages[0]
        assert again.conflicts_left() == 5
        assert again.current == Place("d1", "c2")
        again.take(1)  # c2: appended after the marked lines
        assert again.conflicts_left() == 4
        again.flush()
    finally:
        assert again.close()
    data = setup["gold"].read_bytes()
    assert data.startswith(before)  # the mark and every line before kept as they were
    assert [len(line["conflicts"]) for line in gold_lines(setup["gold"])] == [5, 1, 4, 3]
    assert_valid(setup)
    third = open_it(setup)
    try:
        assert third.conflicts_left() == 4
        assert third.current == Place("d1", "c3")
    finally:
        assert third.close()


def test_an_earlier_session_s_decision_is_undone_from_its_marked_line(
    setup: dict[str, Path],
) -> None:
    """Undo reads the record before a decision back at its line's offset: one off by the
    mark's three bytes would read no record (or another's)."""
    first = open_it(setup)
    try:
        first.take(0)  # c1
        first.take(1)  # c2
    finally:
        assert first.close()
    _with_a_mark(setup["gold"])
    again = open_it(setup)
    try:
        assert again.undo() == Place("d1", "c2")
        assert again.undo() == Place("d1", "c1")
        assert again.undo() is None
        assert again.conflicts_left() == 6
    finally:
        assert again.close()
    d1 = [line for line in gold_lines(setup["gold"]) if line["doc_id"] == "d1"]
    assert d1[-1]["conflicts"] == d1[0]["conflicts"] and d1[-1]["spans"] == d1[0]["spans"]
    assert_valid(setup)


def test_a_torn_tail_after_the_mark_is_cut_where_it_starts(setup: dict[str, Path]) -> None:
    assert open_it(setup).close()
    kept = _with_a_mark(setup["gold"])
    torn = b'{"schema_version": 1, "doc_'
    setup["gold"].write_bytes(kept + torn)
    again = open_it(setup)
    try:
        assert any("incomplete last line" in message for message in again.messages)
        assert again.conflicts_left() == 6
    finally:
        assert again.close()
    assert setup["gold"].read_bytes() == kept
    (aside,) = setup["gold"].parent.glob("gold.jsonl.torn-*")
    assert aside.read_bytes() == torn
