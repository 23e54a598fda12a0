"""``annotator diff`` with fewer than two journals says what it needs, two journals A and B:
argparse said "the following arguments are required: B, more", naming a hidden argument."""

from __future__ import annotations

import pytest

from annotator.cli import main

USAGE = (
    "usage: annotator diff [-h] [--corpus CORPUS] [--scheme FILE|NAME] [--doc ID] [--json] "
    "[--leave-out-unknown] A B"
)


@pytest.mark.parametrize(("given", "journals"), [(0, []), (1, ["a.jsonl"])])
def test_fewer_than_two_journals_are_refused_saying_what_diff_needs(
    capsys: pytest.CaptureFixture[str], given: int, journals: list[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["diff", *journals])
    assert exited.value.code == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"{USAGE}\nannotator diff: error: diff compares two journals, A and B ({given} given): "
        "name one annotator's journal and another's\n"
    )
    assert "more" not in err


def test_the_help_says_both_are_needed(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["diff", "--help"])
    out = capsys.readouterr().out
    assert out.startswith(f"{USAGE}\n")
    assert "more" not in out
    assert "one annotator's journal" in out and "another annotator's journal" in out


def test_three_are_refused_as_before(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["diff", "a.jsonl", "b.jsonl", "c.jsonl"])
    assert exited.value.code == 2
    assert "diff compares two journals, A and B (3 given)" in capsys.readouterr().err
