"""Taking a version of a conflict over a field of gold's item where gold holds no item there (a
gold line hand-edited to ``releases = [null, …]``, or without that item) is refused saying
what gold holds and what the reviewer can do: ``r`` (reject) leaves gold so (not for a required
field), a merge anew takes the annotators' records. It was "gold has no releases #1 to set",
of a gold that holds a releases #1, null, which the review's opening had just said it kept."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.core.review import ReviewSession
from annotator.core.review_decisions import reject
from annotator.core.review_item_field import item_place, with_item_value
from annotator.core.review_open import open_review
from annotator.core.session_edits import Refused
from tests.test_group_align_data import SCHEME, trial, write_case

NOW = "2025-08-24T10:00:00Z"
COUNT = "releases[0].count"
ADVICE = (
    "to take the annotators' records instead, merge the document anew: l, then ctrl+r twice on it"
)


def open_it(folder: Path) -> ReviewSession:
    corpus, journals = write_case(folder, trial())
    return open_review(journals, corpus, folder / "gold.jsonl", "rita", now=lambda: NOW)


def gold_edited(folder: Path, releases: Any) -> ReviewSession:
    """The review's gold line of d1 written again with ``releases`` (absent: ``...``), then
    the review opened on it, at the conflict over releases #1 count."""
    assert open_it(folder).close()
    gold = folder / "gold.jsonl"
    line = orjson.loads(gold.read_bytes().splitlines()[-1])
    assert [c.get("path") for c in line["conflicts"]][-1] == COUNT
    if releases is ...:
        del line["form"]["releases"]
    else:
        line["form"]["releases"] = releases
    with gold.open("ab") as handle:
        handle.write(orjson.dumps(line) + b"\n")
    session = open_it(folder)
    conflict = next(c for c in session.records["d1"].conflicts if c.get("path") == COUNT)
    session.go_to("d1", conflict["id"])
    return session


@pytest.mark.parametrize(
    ("releases", "what"),
    [
        ([None], "gold's releases #1 is null, not an item"),
        (["Drava to Ostreva"], "gold's releases #1 is Drava to Ostreva, not an item"),
        ([], "gold's releases holds no item"),
        (..., "gold holds no releases at all"),
        ("Drava to Ostreva", "gold's releases is Drava to Ostreva, not a list of items"),
    ],
)
def test_taking_a_version_where_gold_holds_no_item_says_what_it_holds(
    tmp_path: Path, releases: Any, what: str
) -> None:
    session = gold_edited(tmp_path, releases)
    try:
        conflict = session.conflict
        assert conflict is not None
        before = session.records["d1"]
        with pytest.raises(Refused) as refused:
            session.take(0)
        cid = conflict["id"]
        assert str(refused.value) == (
            f"{cid}: {what}, so there is no releases #1 count to set: r (reject) settles "
            f"{cid} leaving gold so; {ADVICE}"
        )
        assert session.records["d1"] == before
        # What it says r does, r does: the conflict settled, gold's releases as they were.
        session.reject_all()
        after = session.records["d1"]
        assert cid not in {c["id"] for c in after.conflicts}
        assert after.form.get("releases", ...) == releases
        # And what it says a merge anew does, it does: gold's item is merge's again.
        session.merge_anew("d1")
        (item,) = session.records["d1"].form["releases"]
        assert item["released_by"] == "Drava People's Authority" and item["count"] is None
    finally:
        assert session.close()


def test_a_required_field_is_not_said_to_be_left_by_r(tmp_path: Path) -> None:
    """r refuses to leave a required field empty: both refusals, of 1 and of r, name only the
    merge anew (r's said "take a version (1–2) instead", which was refused in turn)."""
    session = gold_edited(tmp_path, [None])
    try:
        record, conflict = session.records["d1"], session.conflict
        assert conflict is not None
        # The default scheme with releases' count required.
        releases = [
            field.model_copy(
                update={
                    "fields": [
                        sub.model_copy(update={"required": sub.name == "count"})
                        for sub in field.fields
                    ]
                }
            )
            if field.name == "releases"
            else field
            for field in SCHEME.fields
        ]
        scheme = SCHEME.model_copy(update={"fields": releases})
        place = item_place(scheme, conflict)
        assert place is not None and place[2].required
        said = (
            f"{conflict['id']}: gold's releases #1 is null, not an item, so there is no "
            f"releases #1 count to set: {ADVICE}"
        )
        with pytest.raises(Refused) as refused:
            with_item_value(record, place, 187, conflict["id"])
        assert str(refused.value) == said
        with pytest.raises(Refused) as refused:
            reject(record, conflict["id"], scheme)
        assert str(refused.value) == said
    finally:
        assert session.close()
