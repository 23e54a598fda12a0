"""A journal's item without a list field (``releasees`` left out: validate takes it) taken in
review, or merged, gives gold the form model takes: a user trial's item taken from bob's
version wrote ``"releasees": null``, which ``annotator validate`` refused
(``form.releases.1.releasees: Input should be a valid list``) and export passed on. The review
refuses any decision that would write such a line; and after a resume, undoing the item taken
says it was bob's (it said "typed 1 item into gold's releases")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.core import review_decisions as decide
from annotator.core.models import GoldRecord
from annotator.core.review_conflict import find_conflict
from annotator.core.review_gold_fit import unfit_lines
from annotator.core.review_open import open_review
from annotator.core.review_typed import settle_typed
from annotator.core.review_typed_start import version_items
from annotator.core.session_edits import Refused
from annotator.core.validate import validate_files
from tests import test_group_align_data as aligned
from tests.test_list_missing_data import AUTHORITY, NOW, SCHEME, conflict_of, open_case


def last_line(folder: Path) -> dict[str, Any]:
    line: dict[str, Any] = orjson.loads((folder / "gold.jsonl").read_bytes().splitlines()[-1])
    return line


def fits(form: dict[str, Any]) -> bool:
    """The scheme's form model takes ``form`` (what validate checks)."""
    SCHEME.form_model.model_validate(form)
    return True


def test_an_item_taken_without_its_list_leaves_the_list_out(tmp_path: Path) -> None:
    session = open_case(tmp_path)
    try:
        session.go_to("d1", conflict_of(session, "bob"))
        session.take(0)
    finally:
        assert session.close()
    releases = last_line(tmp_path)["form"]["releases"]
    # Gold's item is bob's, in the words of the span it is linked to; no null list.
    assert releases == [{"released_by": AUTHORITY, "count": 12}]
    assert fits(last_line(tmp_path)["form"])


def test_every_version_taken_leaves_the_lists_out(tmp_path: Path) -> None:
    # An older gold's conflict: every annotator's left-over item, a version each.
    session = open_case(tmp_path)
    record = session.records["d1"]
    assert session.close()
    alice, bob = (
        find_conflict(record, conflict_of(session, name))["versions"][0]
        for name in ("alice", "bob")
    )
    conflict = {"id": "c9", "kind": "field", "path": "releases", "versions": [alice, bob]}
    older = GoldRecord.model_validate({**record.model_dump(), "conflicts": [conflict]})
    settled = decide.take_every_version(older, "c9", SCHEME)
    assert settled.form["releases"] == [
        {"released_by": "the authority", "count": 12},
        {"released_by": AUTHORITY, "count": 12},
    ]
    assert unfit_lines(settled, SCHEME) == []


def test_items_edited_from_a_version_hold_an_empty_list(tmp_path: Path) -> None:
    # e on the group's conflict, enter on the version's item as it starts.
    session = open_case(tmp_path)
    record = session.records["d1"]
    cid = conflict_of(session, "bob")
    assert session.close()
    typed = version_items(find_conflict(record, cid), SCHEME, 0)
    settled = settle_typed(record, cid, typed, SCHEME)
    assert settled.form["releases"][0]["releasees"] == []
    assert unfit_lines(settled, SCHEME) == []


def test_merge_gives_an_empty_list_for_one_every_holder_left_out() -> None:
    # alice and carol: 187, bob: 210 (the item merged field by field), none gives releasees.
    records = aligned.trial()
    for one in records.values():
        del one["form"]["releases"][0]["releasees"]
    made = aligned.merged(records, None)
    assert made.form["releases"][0]["releasees"] == []  # it was null
    assert unfit_lines(made, aligned.SCHEME) == []


def test_merge_anew_after_an_item_taken_writes_gold_validate_takes(tmp_path: Path) -> None:
    records = aligned.trial()
    for one in records.values():
        del one["form"]["releases"][0]["releasees"]
    corpus, journals = aligned.write_case(tmp_path, records)
    session = open_review(journals, corpus, tmp_path / "gold.jsonl", "rita", now=lambda: NOW)
    try:
        count = next(c for c in session.records["d1"].conflicts if c["kind"] == "field")
        session.go_to("d1", count["id"])
        session.take(0)
        session.merge_anew("d1")
        assert unfit_lines(session.records["d1"], aligned.SCHEME) == []
    finally:
        assert session.close()
    assert fits(last_line(tmp_path)["form"])


def hand_edited(folder: Path, **form: Any) -> None:
    """The review's gold line of d1 written again with a conflict over event_type whose
    first version gives "swap", a value the scheme does not take, and ``form`` set."""
    session = open_case(folder)
    assert session.close()
    line = last_line(folder)
    line["form"].update(form)
    line["conflicts"].append(
        {
            "id": "c9",
            "kind": "field",
            "path": "event_type",
            "versions": [
                {"value": "swap", "annotators": ["alice"]},
                {"value": "exchange", "annotators": ["bob", "carol"]},
            ],
        }
    )
    with (folder / "gold.jsonl").open("ab") as handle:
        handle.write(orjson.dumps(line) + b"\n")


def test_a_decision_writing_gold_validate_refuses_is_refused(tmp_path: Path) -> None:
    hand_edited(tmp_path)
    gold = tmp_path / "gold.jsonl"
    written = gold.read_bytes()
    session = open_case(tmp_path)
    try:
        session.take_notices()
        before = session.records["d1"]
        session.go_to("d1", "c9")
        with pytest.raises(Refused) as refused:
            session.take(0)
        assert str(refused.value) == (
            "d1: settling c9 would write gold that annotator validate refuses "
            "(form.event_type: 'swap' is not one of its choices ('exchange', "
            "'unilateral_release', 'repatriation_of_remains', 'announcement' or "
            "'not_relevant')), so nothing was written: settle it another way (e types the "
            "value), or merge the document anew (l, then ctrl+r twice)"
        )
        assert session.records["d1"] == before
        assert session.take_notices() == []
        assert session.conflict is not None and session.conflict["id"] == "c9"
        session.take(1)  # another version is taken
        assert session.records["d1"].form["event_type"] == "exchange"
    finally:
        assert session.close()
    # One line written: version 2 taken, none for the version refused.
    assert gold.read_bytes().startswith(written)
    assert len(gold.read_bytes().splitlines()) == len(written.splitlines()) + 1
    assert last_line(tmp_path)["form"]["event_type"] == "exchange"


def test_gold_kept_from_before_the_scheme_changed_is_no_refusal(tmp_path: Path) -> None:
    # A value gold kept that the scheme no longer takes stays; other decisions go on.
    hand_edited(tmp_path, releases=[{"released_by": "Ostreva", "count": "twelve"}])
    session = open_case(tmp_path)
    try:
        assert unfit_lines(session.records["d1"], SCHEME) == [
            "form.releases.0.count: Input should be a valid integer"
        ]
        session.go_to("d1", conflict_of(session, "bob"))
        session.take(0)
        assert session.records["d1"].form["releases"][1] == {
            "released_by": AUTHORITY,
            "count": 12,
        }
    finally:
        assert session.close()


def test_the_refusal_says_what_validate_says(tmp_path: Path) -> None:
    # A choice the scheme lacks and a count of words: each said as validate says it.
    session = open_case(tmp_path)
    assert session.close()
    line = last_line(tmp_path)
    line["form"]["event_type"] = "swap"
    line["form"]["releases"] = [{"released_by": "Ostreva", "count": "twelve"}]
    gold = tmp_path / "edited.jsonl"
    gold.write_bytes(orjson.dumps(line) + b"\n")
    unfit = unfit_lines(GoldRecord.model_validate(line), SCHEME)
    assert unfit == [
        "form.event_type: 'swap' is not one of its choices ('exchange', 'unilateral_release', "
        "'repatriation_of_remains', 'announcement' or 'not_relevant')",
        "form.releases.0.count: Input should be a valid integer",
    ]
    said = validate_files([gold], None, SCHEME)
    # Validate's words, then, of a latest record's choice, the way forward (validate_history).
    assert len(said) == len(unfit)
    assert all(one.startswith(f"{gold}:1: {words}") for one, words in zip(said, unfit, strict=True))


def test_a_record_gold_refuses_is_said() -> None:
    made = aligned.merged(aligned.trial(), None)
    assert unfit_lines(made.model_copy(update={"status": "finished"}), aligned.SCHEME) == [
        "status: Input should be 'in_progress', 'done' or 'skipped'"
    ]


def test_undoing_an_item_taken_after_a_resume_says_whose_it_was(tmp_path: Path) -> None:
    first = open_case(tmp_path)
    try:
        cid = conflict_of(first, "bob")
        first.go_to("d1", cid)
        first.take(0)
    finally:
        assert first.close()
    again = open_case(tmp_path)
    try:
        again.take_notices()
        again.undo()
        said = "added the item bob gave to gold's releases"
        assert again.take_notices() == [
            f"undid a decision of an earlier session: d1 {cid} is open again ({said})"
        ]
        again.redo()
        assert again.take_notices() == [f"redid: d1 {cid} settled again ({said})"]
    finally:
        assert again.close()
