"""Gold written by earlier reviews holding ``"releasees": null`` (a list field of a group's
item, which validate refuses): a user trial found the review resumed such a file without a
word, its decisions and take-over writing the null on, and export passing it. Every line the
review writes now holds ``[]`` there, its opening writes such lines again with ``[]`` and says
so (``test_review_null_lists_opening``), and export refuses them as validate does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.formats.export import export_records
from annotator.core.models import GoldRecord
from annotator.core.null_lists import (
    NullListLine,
    lists_filled,
    null_list_lines,
    null_list_paths,
    null_lists_notice,
)
from annotator.core.review_gold_fit import unfit_lines
from annotator.core.review_open import open_review
from tests.test_list_missing_data import AUTHORITY, NOW, SCHEME, conflict_of, open_case, write_case
from tests.test_list_missing_data import trial as list_missing_trial

NOTICE = (
    "gold.jsonl: 1 document(s) held null lists (d1 releases #1 releasees), which validate and "
    "export refuse: set right, each line written again with [] as the review opened (the older "
    "lines stay as history, which validate counts in one line, not as "
    "problems)"
)


def lines(folder: Path) -> list[dict[str, Any]]:
    return [orjson.loads(line) for line in (folder / "gold.jsonl").read_bytes().splitlines()]


def written_with_a_null(folder: Path) -> None:
    """Gold as an earlier review left it: bob's item taken, then its line written again with
    ``"releasees": null`` in the item (as reviews before the check wrote it)."""
    session = open_case(folder)
    try:
        session.go_to("d1", conflict_of(session, "bob"))
        session.take(0)
    finally:
        assert session.close()
    line = lines(folder)[-1]
    line["form"]["releases"][0]["releasees"] = None
    with (folder / "gold.jsonl").open("ab") as handle:
        handle.write(orjson.dumps(line) + b"\n")


def test_the_paths_and_the_record_filled() -> None:
    form = {"event_type": None, "releases": [{"count": 2, "releasees": None, "date": None}]}
    assert null_list_paths(form, SCHEME) == ["releases.0.releasees"]
    assert null_list_paths({"releases": None}, SCHEME) == ["releases"]
    record = GoldRecord.model_validate(
        {
            "schema_version": 1,
            "doc_id": "d1",
            "doc_sha256": "0" * 64,
            "status": "in_progress",
            "spans": [],
            "annotator": "rita",
            "form": form,
            "sources": {"annotators": ["alice"]},
        }
    )
    filled = lists_filled(record, SCHEME)
    # Only the list: a scalar's null (date) stays, and the record given is not changed.
    assert filled.form == {
        "event_type": None,
        "releases": [{"count": 2, "releasees": [], "date": None}],
    }
    assert record.form["releases"][0]["releasees"] is None
    assert lists_filled(filled, SCHEME) is filled
    whole = lists_filled(record.model_copy(update={"form": {"releases": None}}), SCHEME)
    assert whole.form == {"releases": []}


def test_the_lines_found_and_the_notice() -> None:
    line = orjson.dumps({"doc_id": "01", "form": {"releases": [{"releasees": None}]}})
    spaced = b'{"doc_id": "02", "form": {"releases": [{"count": 1}, {"releasees" : null}]}}'
    fine = b'{"doc_id": "03", "form": {"releases": [{"date": null, "releasees": []}]}}'
    records: list[tuple[int, GoldRecord | bytes]] = [(4, spaced), (1, line), (3, fine)]
    found = null_list_lines(records, SCHEME)
    assert found == [
        NullListLine(1, "01", ["releases #1 releasees"]),
        NullListLine(4, "02", ["releases #2 releasees"]),
    ]
    assert null_lists_notice("gold.jsonl", found) == (
        "gold.jsonl: 2 document(s) held null lists (01 releases #1 releasees; 02 releases #2 "
        "releasees), which validate and export refuse: set right, each line written again "
        "with [] as the review opened (the older lines stay as history, which validate counts in "
        "one line, not as problems)"
    )
    assert null_list_lines([(3, fine)], SCHEME) == []
    assert null_lists_notice("gold.jsonl", []) is None
    many = null_list_lines([(n, line) for n in range(1, 6)], SCHEME)
    said = null_lists_notice("gold.jsonl", many)
    assert said is not None and said.startswith("gold.jsonl: 5 document(s) held null lists (01 ")
    assert "releasees, …), which validate" in said


def test_a_decision_on_a_resumed_line_writes_an_empty_list(tmp_path: Path) -> None:
    written_with_a_null(tmp_path)
    session = open_case(tmp_path)
    try:
        assert NOTICE in session.messages
        # Set right as the review opened (``test_review_null_lists_opening``).
        assert session.records["d1"].form["releases"][0]["releasees"] == []
        session.go_to("d1", conflict_of(session, "alice"))
        session.take(0)
        assert session.records["d1"].form["releases"][0]["releasees"] == []
    finally:
        assert session.close()
    last = lines(tmp_path)[-1]
    assert last["form"]["releases"][0] == {"released_by": AUTHORITY, "count": 12, "releasees": []}
    assert unfit_lines(GoldRecord.model_validate(last), SCHEME) == []


def test_an_undo_writes_the_record_before_with_an_empty_list(tmp_path: Path) -> None:
    written_with_a_null(tmp_path)
    session = open_case(tmp_path)
    try:
        session.go_to("d1", conflict_of(session, "alice"))
        session.take(0)
        session.undo()
    finally:
        assert session.close()
    last = lines(tmp_path)[-1]
    assert len(last["form"]["releases"]) == 1
    assert last["form"]["releases"][0]["releasees"] == []


def test_a_take_over_writes_an_empty_list_and_says_so(tmp_path: Path) -> None:
    written_with_a_null(tmp_path)
    corpus, journals = write_case(tmp_path, list_missing_trial())
    before = len(lines(tmp_path))
    session = open_review(journals, corpus, tmp_path / "gold.jsonl", "sam", now=lambda: NOW)
    try:
        assert NOTICE in session.messages
        assert session.records["d1"].form["releases"][0]["releasees"] == []
    finally:
        assert session.close()
    written = lines(tmp_path)
    assert len(written) == before + 1
    assert written[-1]["annotator"] == "sam"
    assert written[-1]["form"]["releases"][0]["releasees"] == []


def test_a_file_without_null_lists_says_nothing_of_them(tmp_path: Path) -> None:
    session = open_case(tmp_path)
    assert session.close()
    again = open_case(tmp_path)
    try:
        assert not [line for line in again.messages if "null lists" in line]
    finally:
        assert again.close()


def test_export_without_a_scheme_refuses_a_null_list(tmp_path: Path) -> None:
    written_with_a_null(tmp_path)
    gold = tmp_path / "gold.jsonl"
    number = len(lines(tmp_path))
    with pytest.raises(AnnotatorError) as refused:
        export_records(gold, "jsonl", tmp_path / "out.jsonl", status="all")
    assert str(refused.value) == (
        f"{gold}:{number}: form.releases.0.releasees: null where the scheme wants a list "
        "(earlier reviews wrote it so; annotator review, opened on the gold file, writes it "
        "again with [])"
    )
    assert not (tmp_path / "out.jsonl").exists()


def test_export_refuses_a_journal_s_null_list_and_takes_other_schemes(tmp_path: Path) -> None:
    records = list_missing_trial()
    records["alice"]["form"]["releases"][0]["releasees"] = None
    _corpus, journals = write_case(tmp_path, records)
    with pytest.raises(AnnotatorError) as refused:
        export_records(journals[0], "jsonl", tmp_path / "out.jsonl")
    assert str(refused.value) == (
        f"{journals[0]}:1: form.releases.0.releasees: null where the scheme wants a list "
        "(earlier reviews wrote it so; annotator review, opened on the gold file, writes it "
        "again with [])"
    )
    # A record of another scheme (a field the default one lacks) is exported as it is.
    records["alice"]["form"]["claims"] = "none"
    _corpus, journals = write_case(tmp_path, records)
    result = export_records(journals[0], "jsonl", tmp_path / "out.jsonl")
    assert result.documents == 1
