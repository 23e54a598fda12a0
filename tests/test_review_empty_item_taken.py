"""Taking a group's versions leaves out items that hold nothing: a trial's `t` put carol's empty
release (from an older journal) into done gold, unsaid."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from annotator.core import review_decisions as decide
from annotator.core.session_edits import Refused
from tests.test_agreement_data import scheme
from tests.test_review_links_data import gold

EMPTY = {"released_by": None, "count": None}
RUSSIA_146 = {"released_by": "Russia", "count": 146}


def releases(*versions: tuple[list[dict[str, Any]], list[str]]) -> Any:
    conflict = {
        "id": "c1",
        "kind": "field",
        "path": "releases",
        "versions": [{"value": items, "annotators": who} for items, who in versions],
    }
    return gold([], {"releases": [RUSSIA_146]}, {}, [conflict], ("alice", "bob", "carol"))


def test_every_version_taken_leaves_the_empty_item_out(tmp_path: Path) -> None:
    record = releases(([], ["alice", "bob"]), ([EMPTY], ["carol"]))
    settled = decide.take(record, "c1", [0, 1], scheme(tmp_path))
    assert settled.form["releases"] == [RUSSIA_146]
    assert settled.conflicts == []


def test_taking_only_an_empty_item_is_refused(tmp_path: Path) -> None:
    record = releases(([], ["alice", "bob"]), ([EMPTY], ["carol"]))
    with pytest.raises(Refused) as refused:
        decide.take(record, "c1", [1], scheme(tmp_path))
    assert str(refused.value) == (
        "releases: the version taken holds only an empty item, no answer: take another, or "
        "reject them all (r)"
    )
    # "no other releases" is an answer: taken, it adds nothing.
    assert decide.take(record, "c1", [0], scheme(tmp_path)).form["releases"] == [RUSSIA_146]
