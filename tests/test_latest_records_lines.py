"""Journals read for agree, diff and merge (``latest_records``): the fast check of a line
(``record_lines.LineCheck``) decides as the model and the scheme do, and the records kept are
those the journal reader would keep, in the same order."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.core import compare
from annotator.core.errors import AnnotatorError
from annotator.core.journal import parse_record_line
from annotator.core.latest_records import read_latest_records
from annotator.core.models import Record
from annotator.core.record_lines import LineCheck
from annotator.core.validate import scheme_problems
from tests.test_record_check import SCHEME, good

SHA = good()["doc_sha256"]


def line(**changes: Any) -> bytes:
    return orjson.dumps({**good(), **changes})


@pytest.mark.parametrize(
    "sha",
    [
        SHA[:63],
        SHA + "0",
        SHA[:63] + "g",
        SHA[:63] + "A",
        SHA[:63] + "\u0660",  # an Arabic-Indic digit
        SHA[:63] + "\u00e9",
        SHA[:63] + " ",
        " " + SHA[:63],
        SHA + "\n",  # the model's ``$`` takes a final newline: the model's path takes it
        "",
    ],
)
def test_a_doc_sha256_of_another_shape_takes_the_models_path(sha: str) -> None:
    raw = line(doc_sha256=sha)
    assert LineCheck(SCHEME).line(raw) is None
    assert isinstance(parse_record_line(raw, 1), Record) is (sha == SHA + "\n")


def test_a_doc_sha256_of_digits_only_is_taken() -> None:
    raw = line(doc_sha256="0123456789" * 6 + "0000")
    assert LineCheck(SCHEME).line(raw) is not None
    assert isinstance(parse_record_line(raw, 1), Record)


def test_a_value_known_to_fit_one_label_is_not_taken_for_another() -> None:
    """One check reads every line of the journals, remembering the values that fit a label:
    ``count``'s 146 and ``date``'s "2025-08-24" once the good line is read."""
    check = LineCheck(SCHEME)
    assert check.line(line()) is not None
    for index, value in ((0, 146), (1, "2025-08-24"), (0, "2025-08-24"), (2, 146)):
        data = good()
        data["spans"][index]["value"] = value
        data["links"] = {}
        raw = orjson.dumps(data)
        assert check.line(raw) is None, (index, value)
        record = parse_record_line(raw, 1)
        assert isinstance(record, Record)
        assert list(scheme_problems(record, SCHEME)), (index, value)
    data = good()
    data["spans"][1]["value"] = 7  # a count not seen yet, and fine
    data["links"] = {}
    assert check.line(orjson.dumps(data)) is not None


def test_span_ids_come_interned() -> None:
    """Each record's s1, s2... share one string (20 MB over 440,000 spans)."""
    check = LineCheck(SCHEME)
    first, second = check.line(line()), check.line(line())
    assert first is not None and second is not None
    assert all(a.id is b.id for a, b in zip(first.spans, second.spans, strict=True))
    assert first.spans[0].text is not second.spans[0].text  # decoded anew: not shared unasked


def test_a_scheme_without_labels_sends_every_span_to_the_models_path() -> None:
    check = LineCheck(SCHEME.model_copy(update={"labels": []}))
    assert check.line(line()) is None
    assert check.line(line(spans=[], links={})) is not None


def test_the_latest_records_of_a_journal_read_both_ways(tmp_path: Path) -> None:
    """Lines the fast check takes and lines only the model takes, blank lines, a record the
    scheme refuses set right by a later line, and an interrupted last write."""
    journal = tmp_path / "alice.jsonl"
    lines = [
        line(doc_id="d1", note="first"),
        line(doc_id="d2"),
        b"  ",
        line(doc_id="d1", doc_sha256=SHA + "\n", note="second"),  # the model's path only
        line(doc_id="d4", spans=[{**good()["spans"][0], "label": "Actor"}], links={}),  # unfit
        line(doc_id="d3"),
        line(doc_id="d4", note="set right"),
        b'{"schema_version": 1, "doc_id": "d5"',
    ]
    journal.write_bytes(b"\n".join(lines))
    latest = read_latest_records([journal], SCHEME)
    assert list(latest.records) == [
        ("alice", "d2"),
        ("alice", "d1"),
        ("alice", "d3"),
        ("alice", "d4"),
    ]
    kept = {
        doc_id: (record.line, record.note) for (_name, doc_id), record in latest.records.items()
    }
    assert kept == {"d1": (4, "second"), "d2": (2, ""), "d3": (6, ""), "d4": (7, "set right")}
    assert latest.records[("alice", "d1")].doc_sha256 == SHA + "\n"
    assert latest.notes == [f"{journal}:8: incomplete last line (an interrupted write) left out"]
    assert latest.files == {"alice": journal}


def test_a_record_the_scheme_refuses_is_an_error_naming_its_line(tmp_path: Path) -> None:
    journal = tmp_path / "alice.jsonl"
    spans = [{**good()["spans"][0], "label": "Actor"}]
    journal.write_bytes(line(doc_id="d1") + b"\n" + line(doc_id="d2", spans=spans, links={}))
    with pytest.raises(AnnotatorError, match=rf"^{journal}:2: "):
        read_latest_records([journal], SCHEME)


def test_records_are_read_and_paired_with_the_collector_paused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pairing 10,000 documents with it running made it walk the 30,000 records kept several
    times over; it runs again afterwards."""
    for name in ("alice", "bob"):
        (tmp_path / f"{name}.jsonl").write_bytes(line(annotator=name) + b"\n")
    seen: list[bool] = []
    unit = compare._unit

    def pairing(*args: Any) -> Any:
        seen.append(gc.isenabled())
        return unit(*args)

    monkeypatch.setattr(compare, "_unit", pairing)
    assert gc.isenabled()
    files = [tmp_path / "alice.jsonl", tmp_path / "bob.jsonl"]
    comparison = compare.load_comparison(files, SCHEME)
    assert [unit.doc_id for unit in comparison.units] == ["d1"]
    assert seen == [False]
    assert gc.isenabled()
