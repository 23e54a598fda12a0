"""``merge_form.accepted``: the one rule for the answer merge accepts of a field, which merge
applies to fields and items' fields and ``review_links`` to tell gold's items merge made; and
``review_decisions.drafted``, ``settled_record``'s first steps, which the item editor's links
are read from."""

from __future__ import annotations

from annotator.core.merge_form import accepted
from annotator.core.merge_versions import ordered_versions
from annotator.core.review_decisions import drafted, settled_record
from tests.test_group_align_data import SCHEME, merged, trial
from tests.test_group_align_decisions import works


def test_the_most_given_answer_wins_with_k_annotators_and_no_tie() -> None:
    two_one = ordered_versions({187: (187, ["bob", "alice"]), 210: (210, ["carol"])})
    assert accepted(two_one, 2) == (187, ["bob", "alice"])
    assert accepted(two_one, 3) is None  # fewer than K gave it
    tie = ordered_versions({187: (187, ["alice"]), 210: (210, ["bob"])})
    assert accepted(tie, 1) is None  # as many gave another
    assert accepted(ordered_versions({187: (187, ["alice"])}), 1) == (187, ["alice"])


def test_drafted_gives_the_links_settling_saves_while_conflicts_stay_open() -> None:
    records = trial()
    gold = merged(records, None)
    assert len(gold.conflicts) > 1
    conflict = gold.conflicts[0]
    fields, draft = drafted(gold, conflict, SCHEME, works(records))
    settled = settled_record(gold, conflict, SCHEME, works(records))
    assert conflict not in draft.conflicts and draft.conflicts == settled.conflicts
    assert fields["links"] == settled.links
