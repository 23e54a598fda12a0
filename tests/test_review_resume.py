"""Opening a review again: resuming, another reviewer taking over, what opening refuses."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.models import GoldRecord
from annotator.core.review_views import Place
from tests.test_review_session_data import (
    assert_valid,
    gold_lines,
    merge,
    open_it,
    write_review_case,
)


@pytest.fixture
def setup(tmp_path: Path) -> dict[str, Path]:
    return write_review_case(tmp_path)


def test_resume_keeps_settled_conflicts_and_undo(setup: dict[str, Path]) -> None:
    session = open_it(setup)
    try:
        session.take(0)
        session.take(1)
        assert session.undo() == Place("d1", "c2")
        assert session.conflicts_left() == 5
    finally:
        assert session.close()
    # The journal: merge line, c1 settled, c2 settled, c2 back (undo).
    assert [len(line["conflicts"]) for line in gold_lines(setup["gold"])] == [5, 1, 4, 3, 4]

    again = open_it(setup)
    try:
        assert "resuming" in again.messages[0]
        assert again.conflicts_left() == 5
        assert again.current == Place("d1", "c2")
        assert again.record is not None
        assert [(s.start, s.end) for s in again.record.spans] == [(0, 6), (13, 16), (17, 26)]
    finally:
        assert again.close()
    # Nothing was written by resuming alone.
    assert len(gold_lines(setup["gold"])) == 5


def test_resume_takes_over_a_merge_by_another_reviewer(setup: dict[str, Path]) -> None:
    merge(setup, reviewer="rita")
    session = open_it(setup, reviewer="sam")
    try:
        assert any("taken over by reviewer 'sam'" in m for m in session.messages)
        assert session.conflicts_left() == 6
        session.flush()
    finally:
        assert session.close()
    lines = gold_lines(setup["gold"])
    assert [line["annotator"] for line in lines] == ["rita", "rita", "sam", "sam"]
    assert_valid(setup)


def test_a_second_review_of_the_file_is_refused_and_journals_are_not_gold(
    setup: dict[str, Path],
) -> None:
    session = open_it(setup)
    try:
        with pytest.raises(AnnotatorError, match="locked"):
            open_it(setup)
    finally:
        assert session.close()
    setup["gold"] = setup["alice"].with_name("copy.jsonl")
    setup["gold"].write_bytes(setup["alice"].read_bytes())
    with pytest.raises(AnnotatorError, match="not a gold record"):
        open_it(setup)
    setup["gold"] = setup["alice"]
    with pytest.raises(AnnotatorError, match="one of the journals"):
        open_it(setup)


def test_a_record_changed_in_the_file_is_what_resumes(setup: dict[str, Path]) -> None:
    session = open_it(setup)
    assert session.close()
    # A torn last line (a crash mid-write) is set aside when the review opens again.
    with setup["gold"].open("ab") as handle:
        handle.write(b'{"schema_version": 1, "doc_')
    again = open_it(setup)
    try:
        assert any("incomplete last line" in m for m in again.messages)
        assert again.conflicts_left() == 6
    finally:
        assert again.close()
    assert GoldRecord.model_validate(gold_lines(setup["gold"])[-1]).doc_id == "d2"
