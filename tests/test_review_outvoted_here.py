"""The review's words on what the merge left out as outvoted in a document (``review_outvoted``):
where an open conflict over the item's group is there, its ``e`` can type the item into gold,
and the words say so; nothing else adds a span or an item by hand.

Four annotators, K = 3: alice's and bob's release of Ukraine (two: short of K, two not giving
it: short of K too) is a conflict at ``releases``; carol's release by Sunday's actor, hers
alone, is outvoted by the three who gave none.
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.review_open import open_review
from annotator.core.review_outvoted import outvoted_here
from tests.test_agreement_data import TEXT, record, write_corpus, write_journal, write_scheme

RUSSIA_146 = {"released_by": "Russia", "count": 146}
UKRAINE_12 = {"released_by": "Ukraine", "count": 12}
OTHER = {"released_by": "Sunday", "count": 3}


def test_an_open_conflict_over_the_group_is_named_to_type_the_item_in(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path, {"d1": TEXT})
    releases = {
        "alice": [RUSSIA_146, UKRAINE_12],
        "bob": [RUSSIA_146, UKRAINE_12],
        "carol": [RUSSIA_146, OTHER],
        "dave": [RUSSIA_146],
    }
    journals = [
        write_journal(
            tmp_path / f"{name}.jsonl", record(name, "d1", form={"code": "1", "releases": theirs})
        )
        for name, theirs in releases.items()
    ]
    session = open_review(
        journals,
        corpus,
        tmp_path / "gold.jsonl",
        "rita",
        scheme_path=write_scheme(tmp_path),
        min_agree=3,
        now=lambda: "2026-01-01T00:00:00Z",
    )
    try:
        record_d1 = session.records["d1"]
        assert [(one["id"], one["path"]) for one in record_d1.conflicts] == [("c1", "releases")]
        here = outvoted_here(session, "d1")
        assert here is not None
        assert here.lines() == [
            "• releases: Sunday, 3 (carol)",
            "e on c1 (releases) can type such an item into gold.",
        ]
        # Once that conflict is settled, nothing is left to type it with: said so.
        session.reject_all()
        here = outvoted_here(session, "d1")
        assert here is not None
        assert here.lines()[-1] == "The review has no key that adds them to gold."
    finally:
        assert session.close()
