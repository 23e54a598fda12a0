"""A gold file whose open conflict holds a span that is no span (a version's span edited to
start 5000, end 16) is refused when the review opens, as a damaged line is: one line naming
the file, the line and the path as validate gives it, nothing written. It opened without
complaint, and taking that version ended the review in a pydantic traceback."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.review_check import check_review
from tests.test_agreement_data import run_cli
from tests.test_review_session_data import merge, open_it, write_review_case

# alice's version of d1's conflict c1 marks "146" (13-16) and "prisoners" (17-26).
BAD_SPAN = "conflicts.c1.versions.0.spans.0.end: end 16 must be greater than start 5000"


def way_on(gold: Path) -> str:
    """What every refusal of a damaged line ends with (``store.damaged_refusal``)."""
    return (
        f"; mend or remove it by hand after a copy (cp {gold} {gold}.bak): "
        f"`annotator validate {gold}` lists every such line"
    )


def _bad_span_case(tmp_path: Path) -> dict[str, Path]:
    """The review case merged, alice's first span in d1's conflict c1 made to start at 5000."""
    setup = write_review_case(tmp_path)
    merge(setup)
    lines = setup["gold"].read_bytes().splitlines(keepends=True)
    d1 = orjson.loads(lines[0])
    assert (d1["doc_id"], d1["conflicts"][0]["id"]) == ("d1", "c1")
    version_span = d1["conflicts"][0]["versions"][0]["spans"][0]
    assert (version_span["start"], version_span["end"]) == (13, 16)
    version_span["start"] = 5000
    setup["gold"].write_bytes(b"".join([orjson.dumps(d1) + b"\n", *lines[1:]]))
    return setup


def test_a_conflict_span_that_is_no_span_is_refused_on_opening(tmp_path: Path) -> None:
    setup = _bad_span_case(tmp_path)
    before = setup["gold"].read_bytes()
    with pytest.raises(AnnotatorError) as refused:
        open_it(setup)
    assert str(refused.value) == f"{setup['gold']}:1: {BAD_SPAN}{way_on(setup['gold'])}"
    assert setup["gold"].read_bytes() == before
    assert sorted(path.name for path in tmp_path.iterdir() if "gold" in path.name) == ["gold.jsonl"]
    # Checked without a terminal alike.
    with pytest.raises(AnnotatorError) as checked:
        check_review(
            [setup["alice"], setup["bob"]],
            setup["corpus"],
            setup["gold"],
            "rita",
            scheme_path=setup["scheme"],
        )
    assert str(checked.value) == str(refused.value)


def test_the_review_command_says_the_conflict_span_in_one_line(tmp_path: Path) -> None:
    setup = _bad_span_case(tmp_path)
    before = setup["gold"].read_bytes()
    result = run_cli(
        "review", setup["alice"], setup["bob"], "--corpus", setup["corpus"],
        "-o", setup["gold"], "--reviewer", "rita", "--scheme", setup["scheme"],
    )  # fmt: skip
    assert (result.returncode, result.stderr) == (
        1,
        f"{setup['gold']}:1: {BAD_SPAN}{way_on(setup['gold'])}\n",
    )
    assert setup["gold"].read_bytes() == before
