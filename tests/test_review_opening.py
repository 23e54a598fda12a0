"""What a review says of the gold file it opens: new, from merge (not reviewed yet), resumed.

The case is tests/test_review_session_data.py's: two documents, 6 conflicts (5 in d1, 1 in d2).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.review_open import opening_message
from tests.test_review_session_data import merge, open_it, write_review_case


@pytest.fixture
def setup(tmp_path: Path) -> dict[str, Path]:
    return write_review_case(tmp_path)


def first_message(setup: dict[str, Path], reviewer: str = "rita") -> str:
    session = open_it(setup, reviewer=reviewer)
    try:
        return session.messages[0]
    finally:
        assert session.close()


def test_a_file_written_by_merge_is_said_to_be_from_merge_not_resumed(
    setup: dict[str, Path],
) -> None:
    merge(setup)
    said = first_message(setup)
    gold = setup["gold"]
    assert said == (
        f"{gold.name}: gold file from merge, not reviewed yet: 2 document(s) of alice, bob; "
        "6 conflict(s) to settle in 2 document(s)"
    )
    # Opened and closed without a decision: still a merge's file.
    assert "from merge, not reviewed yet" in first_message(setup)


def test_a_merge_by_another_reviewer_taken_over_is_from_merge_too(
    setup: dict[str, Path],
) -> None:
    merge(setup, reviewer="rita")
    assert "gold file from merge" in first_message(setup, reviewer="sam")


def test_a_file_with_review_decisions_is_resumed(setup: dict[str, Path]) -> None:
    merge(setup)
    session = open_it(setup)
    try:
        session.take(0)
    finally:
        assert session.close()
    said = first_message(setup)
    assert said == (
        f"{setup['gold'].name}: resuming the review: 2 document(s) of alice, bob; "
        "5 conflict(s) to settle in 2 document(s)"
    )


def test_a_new_file_is_said_to_be_new(setup: dict[str, Path]) -> None:
    assert "new gold file: 2 document(s) of alice, bob; 6 conflict(s)" in first_message(setup)


@pytest.mark.parametrize(
    ("opened_as", "said"),
    [
        ("new", "g.jsonl: new gold file: 4 document(s) of a, b; 7 conflict(s) to settle in 3"),
        ("merged", "g.jsonl: gold file from merge, not reviewed yet: 4 document(s) of a, b;"),
        ("resumed", "g.jsonl: resuming the review: 4 document(s) of a, b; 7 conflict(s)"),
    ],
)
def test_opening_message(opened_as: str, said: str) -> None:
    assert opening_message(Path("out/g.jsonl"), opened_as, 4, ["a", "b"], 7, 3).startswith(said)
