"""A gold document whose latest line holds a null list (``"releasees": null``, as earlier
reviews wrote it) and no conflict left: the review never wrote its line again, so export
refused it for good (a user was stuck: only a merge anew or a resume under another reviewer
got it out). The review's opening now writes such a line again with ``[]`` (appended, as the
review writes), says once how many documents it set right, and a resume after that says
nothing more. The line written differs from the one before only in the list and
``updated_at``; the review's history reads it as no decision."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from annotator.core.formats.export import export_records
from annotator.core.gold_store import GoldStore
from annotator.core.models import GoldRecord
from annotator.core.null_lists import NULL_LIST_WORDS, written_by_review
from annotator.core.review import ReviewSession
from annotator.core.review_history import decisions_in_force
from annotator.core.review_open import open_review
from annotator.core.validate import validate_files
from tests.test_list_missing_data import NOW, SCHEME, open_case, write_case
from tests.test_list_missing_data import trial as list_missing_trial

LATER = "2025-08-25T09:30:00Z"
NOTICE = (
    "gold.jsonl: 1 document(s) held null lists (d1 releases #1 releasees), which validate and "
    "export refuse: set right, each line written again with [] as the review opened (the older "
    "lines stay as history, which validate counts in one line, not as "
    "problems)"
)


def gold(folder: Path) -> Path:
    return folder / "gold.jsonl"


def lines(folder: Path) -> list[dict[str, Any]]:
    return [orjson.loads(line) for line in gold(folder).read_bytes().splitlines()]


def reopened(folder: Path, reviewer: str = "rita") -> ReviewSession:
    corpus, journals = write_case(folder, list_missing_trial())
    return open_review(journals, corpus, gold(folder), reviewer, now=lambda: LATER)


def last_line_nulled(folder: Path) -> None:
    """The gold file's last line as an earlier review wrote it: its first release item's
    ``releasees`` null, or ``releases`` when it has no item (the test changes the file, as
    that review left it)."""
    held = gold(folder).read_bytes().splitlines()
    line = orjson.loads(held[-1])
    if line["form"]["releases"]:
        line["form"]["releases"][0]["releasees"] = None
    else:
        line["form"]["releases"] = None
    gold(folder).write_bytes(b"".join(one + b"\n" for one in [*held[:-1], orjson.dumps(line)]))


def settled_with_a_null(folder: Path) -> None:
    """Every conflict of d1 settled by rita (alice's, bob's and carol's items taken: c1, c2,
    c3), the last decision's line holding a null list: nothing is left to decide."""
    session = open_case(folder)
    try:
        while session.current is not None:
            session.take(0)
        assert session.finished
    finally:
        assert session.close()
    last_line_nulled(folder)


def latest_problems(folder: Path) -> list[str]:
    """Validate's problems of each document's latest line."""
    latest = {line["doc_id"]: number for number, line in enumerate(lines(folder), start=1)}
    prefixes = tuple(f"{gold(folder)}:{number}:" for number in latest.values())
    return [
        said for said in validate_files([gold(folder)], None, SCHEME) if said.startswith(prefixes)
    ]


def test_a_settled_document_is_set_right_as_the_review_opens(tmp_path: Path) -> None:
    settled_with_a_null(tmp_path)
    before = gold(tmp_path).read_bytes()
    held = lines(tmp_path)
    number = len(held)
    assert latest_problems(tmp_path) == [
        f"{gold(tmp_path)}:{number}: form.releases.0.releasees: {NULL_LIST_WORDS}"
    ]
    session = reopened(tmp_path)
    try:
        assert session.conflicts_left() == 0
        assert session.messages == [
            "gold.jsonl: resuming the review: 1 document(s) of alice, bob, carol; 0 "
            "conflict(s) to settle in 0 document(s)",
            NOTICE,
        ]
        assert session.records["d1"].form["releases"][0]["releasees"] == []
    finally:
        assert session.close()
    after = gold(tmp_path).read_bytes()
    assert after.startswith(before)  # appended: no line of the file written over
    written = lines(tmp_path)
    assert len(written) == number + 1
    old, new = written[-2], written[-1]
    # Nothing else of the line changes: the list's [] and the line's time.
    assert new["form"]["releases"][0]["releasees"] == []
    assert old["updated_at"] == NOW and new["updated_at"] == LATER
    old["form"]["releases"][0]["releasees"] = []
    assert {**old, "updated_at": LATER} == new
    assert latest_problems(tmp_path) == []
    # The line before, kept, is history: no problem, said once with what compact does.
    history: list[str] = []
    assert validate_files([gold(tmp_path)], None, SCHEME, histories=history) == []
    assert history == [
        f"{gold(tmp_path)}: 1 line(s) do not fit scheme prisoner_exchange, each superseded by a "
        "later line of its document: history, made under the scheme of its time, not a problem "
        f"(the first: line {number}, form.releases.0.releasees: {NULL_LIST_WORDS}); "
        f"annotator compact {gold(tmp_path)} drops history, keeping each document's latest line "
        "(a review's ctrl+z can then no longer undo earlier sessions' decisions)"
    ]
    result = export_records(gold(tmp_path), "jsonl", tmp_path / "out.jsonl", status="all")
    assert result.documents == 1
    exported = orjson.loads((tmp_path / "out.jsonl").read_bytes().splitlines()[0])
    assert exported["form"]["releases"][0]["releasees"] == []
    # A resume after that says nothing more, and writes nothing.
    again = reopened(tmp_path)
    try:
        assert not [said for said in again.messages if "null lists" in said]
    finally:
        assert again.close()
    assert gold(tmp_path).read_bytes() == after


def test_setting_right_is_no_decision_an_undo_takes_back(tmp_path: Path) -> None:
    settled_with_a_null(tmp_path)
    session = reopened(tmp_path)
    assert session.close()
    c2_line = lines(tmp_path)[-3]  # bob's item taken: the record before c3's decision
    session = reopened(tmp_path)
    try:
        # The last decision of the earlier session (carol's item taken, c3), not the line
        # written at the opening, is what ctrl+z takes back.
        session.undo()
        assert session.take_notices()[0].startswith(
            "undid a decision of an earlier session: d1 c3 is open again"
        )
        assert [conflict["id"] for conflict in session.records["d1"].conflicts] == ["c3"]
    finally:
        assert session.close()
    assert lines(tmp_path)[-1]["form"] == c2_line["form"]


def test_a_merge_s_line_set_right_is_no_decision_in_force(tmp_path: Path) -> None:
    session = open_case(tmp_path)  # merge's line, no decision
    assert session.close()
    last_line_nulled(tmp_path)
    session = reopened(tmp_path)
    try:
        assert NOTICE.replace("d1 releases #1 releasees", "d1 releases") in session.messages
        assert session.records["d1"].form["releases"] == []
        # A document nobody decided on is still merged anew when its records change.
        assert isinstance(session.store, GoldStore)
        assert decisions_in_force(session.store) == set()
    finally:
        assert session.close()


def test_a_take_over_and_a_setting_right_are_one_line(tmp_path: Path) -> None:
    settled_with_a_null(tmp_path)
    number = len(lines(tmp_path))
    session = reopened(tmp_path, "sam")
    try:
        assert NOTICE in session.messages
    finally:
        assert session.close()
    written = lines(tmp_path)
    assert len(written) == number + 1
    assert written[-1]["annotator"] == "sam"
    assert written[-1]["form"]["releases"][0]["releasees"] == []


def test_the_review_writes_every_line_by_one_rule() -> None:
    record = GoldRecord.model_validate(
        {
            "schema_version": 1,
            "doc_id": "d1",
            "doc_sha256": "0" * 64,
            "status": "done",
            "spans": [],
            "annotator": "alice",
            "form": {"releases": [{"count": 2, "releasees": None, "date": None}]},
            "sources": {"annotators": ["alice"]},
            "seconds_spent": 3.5,
        }
    )
    kept = written_by_review(record, SCHEME, "rita", LATER)
    assert kept.form["releases"][0] == {"count": 2, "releasees": [], "date": None}
    assert (kept.annotator, kept.updated_at, kept.seconds_spent) == ("rita", LATER, 3.5)
    timed = written_by_review(record, SCHEME, "rita", LATER, 7.25)
    assert timed.seconds_spent == 7.25
    assert timed.model_dump(exclude={"seconds_spent"}) == kept.model_dump(exclude={"seconds_spent"})
