"""A record holding only an empty group item is in progress, not new: the item shows in the
form and the journal holds its line. A trial added a release (o, tab, enter), quit, and the
exit said "nothing annotated yet (14 documents)" while ``stats`` said the record held nothing
("every change undone, or started over with ctrl+r"): neither had happened."""

from __future__ import annotations

import time
from pathlib import Path

import orjson

from annotator.core.journal_summary import doc_status, exit_summary
from annotator.core.models import Record
from annotator.core.session import open_session
from tests.conftest import make_record
from tests.test_agreement_data import run_cli
from tests.test_annotate_exit_on_disk import docs

EMPTY_RELEASE = {"kind": None, "count": None, "released_by": []}


def test_a_record_with_an_empty_item_is_in_progress() -> None:
    record = Record.model_validate(make_record(spans=[], form={"releases": [EMPTY_RELEASE]}))
    assert not record.holds_nothing()
    assert doc_status(record, None) == "in_progress"
    # With no item, and nothing else, it still holds nothing (every change undone).
    emptied = Record.model_validate(make_record(spans=[], form={"releases": []}))
    assert (emptied.holds_nothing(), doc_status(emptied, None)) == (True, "new")


def test_the_exit_line_counts_a_record_with_an_added_item(tmp_path: Path) -> None:
    corpus = docs(tmp_path)
    started = time.time_ns()
    session = open_session(corpus, "alice", None, tmp_path / "out")
    try:
        session.open("a")
        session.add_group_item("releases")
        assert session.flush(5)
        assert exit_summary(session, session.journal, started, tmp_path) == (
            "saved to out/annotations/alice.jsonl (2 documents: 1 in progress, 1 new)"
        )
        assert session.status_of("a") == "in_progress"  # the list says it too
    finally:
        session.close()


def test_stats_counts_it_in_progress(tmp_path: Path) -> None:
    journal = tmp_path / "alice.jsonl"
    line = make_record(spans=[], form={"releases": [EMPTY_RELEASE]})
    journal.write_bytes(orjson.dumps(line) + b"\n")
    result = run_cli("stats", journal, "--json")
    assert result.returncode == 0, result.stderr
    figures = orjson.loads(result.stdout)["annotators"]["alice"]
    assert (figures["in_progress"], figures["done"]) == (1, 0)
