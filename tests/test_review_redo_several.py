"""An earlier session's line that settled several conflicts at once (a merge anew by an older
rule, a gold file mended by hand) is undone and redone naming each: its undo said only the
first ("d1 c1 is open again (took alice's version)", c2 reopened unsaid) and its redo "d1 c1,
c2 settled again (took alice's version)", the first one's outcome as if it were both's."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.review_views import Place
from tests.test_review_session_data import open_it, write_review_case


@pytest.fixture
def setup(tmp_path: Path) -> dict[str, Path]:
    return write_review_case(tmp_path)


def settle_two_in_one_line(setup: dict[str, Path]) -> None:
    """d1's c1 and c2 taken, then the line between (c1's alone) dropped from the gold file:
    its last line settles both."""
    session = open_it(setup)
    try:
        session.take(0)  # c1 of d1, alice's
        session.take(1)  # c2, bob's
    finally:
        assert session.close()
    lines = setup["gold"].read_bytes().splitlines(keepends=True)
    d1 = [at for at, line in enumerate(lines) if b'"doc_id":"d1"' in line]
    assert len(d1) == 3  # merge's line, c1's, c2's
    del lines[d1[1]]
    setup["gold"].write_bytes(b"".join(lines))


def test_undo_and_redo_of_a_line_settling_two_conflicts_name_both(
    setup: dict[str, Path],
) -> None:
    settle_two_in_one_line(setup)
    again = open_it(setup)
    try:
        assert again.undo() == Place("d1", "c1")
        assert again.take_notices() == [
            "undid a decision of an earlier session: d1 c1 and c2 are open again "
            "(c1: took alice's version; c2: took bob's version)"
        ]
        again.redo()
        assert again.take_notices() == [
            "redid: d1 c1 and c2 settled again (c1: took alice's version; c2: took bob's version)"
        ]
    finally:
        assert again.close()


def test_an_outcome_ending_in_a_bracket_follows_a_dash(setup: dict[str, Path]) -> None:
    # "(took bob's version (“2”))" ended in two brackets.
    session = open_it(setup)
    try:
        session.go_to("d1", "c4")  # code: alice's 1, bob's 2
        session.take(1)
    finally:
        assert session.close()
    again = open_it(setup)
    try:
        assert again.undo() == Place("d1", "c4")
        assert again.take_notices() == [
            "undid a decision of an earlier session: d1 c4 is open again — code = “2” (bob's value)"
        ]
        again.redo()
        assert again.take_notices() == ["redid: d1 c4 settled again — code = “2” (bob's value)"]
    finally:
        assert again.close()
