"""What merge and review write their gold file over, and what merge counts as reviewed.

A trial's ``merge -o docs/01-article.txt --corpus docs --force`` wrote the gold records over the
article, no copy kept, and ``-o docs/gold.jsonl`` was taken; a journal or a JSONL corpus given
as ``-o`` was refused in words that read as a broken gold file ('sources: required field is
missing'), then replaced with ``--force``. And a review under a new reviewer's name, one
conflict of one document settled, was said to hold decisions on two documents."""

from __future__ import annotations

import os
import time
from pathlib import Path

import orjson
import pytest

from tests.test_agreement_data import TEXT, run_cli
from tests.test_review_session_data import TEXT2, write_review_case


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _merge(case: dict[str, Path], *more: str | Path) -> list[str | Path]:
    return ["merge", case["alice"], case["bob"], "--scheme", case["scheme"], *more]


@pytest.mark.parametrize("command", ["merge", "merge --force", "review"])
@pytest.mark.parametrize("output", ["d1.txt", "gold.jsonl"])
def test_a_gold_file_in_the_corpus_folder_is_refused(
    tmp_path: Path, command: str, output: str
) -> None:
    case = write_review_case(tmp_path)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "d1.txt").write_text(TEXT, encoding="utf-8")
    (docs / "d2.txt").write_text(TEXT2, encoding="utf-8")
    gold = docs / output  # an article, or a new file the corpus would read as one
    name, *force = command.split()
    before = _tree(tmp_path)
    result = run_cli(
        name, case["alice"], case["bob"], "--corpus", docs, "-o", gold,
        "--scheme", case["scheme"], "--reviewer", "rita", *force,
    )  # fmt: skip
    # One line, exit 1, as export refuses its output there (``export_out.refuse_own_inputs``).
    assert (result.returncode, result.stdout, result.stderr) == (
        1,
        "",
        f"{gold}: is inside the corpus folder ({docs}); write the gold file outside it "
        "(nothing was written)\n",
    )
    assert _tree(tmp_path) == before


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_merge_never_replaces_a_file_that_is_not_gold(tmp_path: Path, force: list[str]) -> None:
    case = write_review_case(tmp_path)
    article = tmp_path / "d1.txt"  # an article given as -o without --corpus
    article.write_text(TEXT, encoding="utf-8")
    said = {
        case["corpus"]: "its first line is a corpus document 'd1'",
        article: f"is not a gold file ({article}:1: invalid JSON: unexpected character, "
        "expected a JSON value: line 1 column 1 (char 0))",
    }
    before = _tree(tmp_path)
    for output, held in said.items():
        result = run_cli(*_merge(case, "-o", output, *force))
        assert (result.returncode, result.stdout, result.stderr) == (
            1,
            "",
            f"{output}: {held}; merge replaces only a gold file, --force or not: write the gold "
            "file to another file (nothing was written)\n",
        )
    assert _tree(tmp_path) == before  # nothing replaced, nothing kept aside


def test_a_gold_file_with_a_damaged_line_is_replaced_with_force(tmp_path: Path) -> None:
    case = write_review_case(tmp_path)
    gold = case["gold"]
    assert run_cli(*_merge(case, "-o", gold)).returncode == 0
    merged = gold.read_bytes()
    gold.write_bytes(merged + b'{"torn\n')
    result = run_cli(*_merge(case, "-o", gold))
    assert (result.returncode, result.stderr) == (
        1,
        f"{gold}: is a gold file with a line that cannot be read, refusing to replace it (pass "
        f"--force to replace it anyway): {gold}:3: invalid JSON: unexpected end of data: line 1 "
        "column 7 (char 6)\n",
    )
    result = run_cli(*_merge(case, "-o", gold, "--force"))
    assert (result.returncode, result.stderr) == (0, f"replaced {gold} (--force)\n")
    assert gold.read_bytes().count(b"\n") == 2


def test_only_documents_with_a_decision_count_as_reviewed(tmp_path: Path) -> None:
    case = write_review_case(tmp_path)
    gold = case["gold"]
    assert run_cli(*_merge(case, "-o", gold, "--reviewer", "root")).returncode == 0
    d1, d2 = (orjson.loads(line) for line in gold.read_bytes().splitlines())
    assert d1["conflicts"] and d2["conflicts"]

    def appended(*records: dict[str, object]) -> None:
        with gold.open("ab") as handle:
            handle.writelines(orjson.dumps(record) + b"\n" for record in records)

    # Taken over by another reviewer, rita (the lines again, another name and time), and d2 merged
    # anew from changed records: no decision in either.
    stamp = {"annotator": "rita", "updated_at": "2026-11-27T16:19:54Z", "seconds_spent": 3.0}
    anew = d2 | stamp | {"conflicts": d2["conflicts"][:1]}
    anew["sources"] = d2["sources"] | {"versions": {"alice": "0000", "bob": "1111"}}
    appended(d1 | stamp, d2 | stamp, anew)
    result = run_cli(*_merge(case, "-o", gold, "--reviewer", "rita"))
    assert (result.returncode, result.stderr) == (
        0,
        f"replaced {gold} (no review decisions in it)\n",
    )
    d1, d2 = (orjson.loads(line) for line in gold.read_bytes().splitlines())
    # The trial's: taken over by rita, then one conflict of d1 settled.
    appended(d1 | {"annotator": "rita"}, d2 | {"annotator": "rita"})
    appended(d1 | {"annotator": "rita", "conflicts": d1["conflicts"][1:]})
    result = run_cli(*_merge(case, "-o", gold, "--reviewer", "rita"))
    assert (result.returncode, result.stderr) == (
        1,
        f"{gold}: holds reviewer decisions on 1 document(s) (first: d1); refusing to replace "
        "them: write to another file with -o, or pass --force to start the review over\n",
    )


def test_a_compacted_or_exported_reviewed_gold_file_is_not_replaced_unasked(
    tmp_path: Path,
) -> None:
    """A trial's compacted gold file, every document settled in review, was replaced by a merge
    with "no review decisions in it": each document's one line left no decision to tell."""
    case = write_review_case(tmp_path)
    gold = case["gold"]
    assert run_cli(*_merge(case, "-o", gold, "--reviewer", "rita")).returncode == 0
    d1, d2 = (orjson.loads(line) for line in gold.read_bytes().splitlines())
    settled = d1 | {"conflicts": d1["conflicts"][1:], "seconds_spent": 4.5}
    with gold.open("ab") as handle:
        handle.write(orjson.dumps(settled) + b"\n")
    assert run_cli("compact", gold).returncode == 0
    assert [orjson.loads(line)["seconds_spent"] for line in gold.read_bytes().splitlines()] == [
        0.0,
        4.5,
    ]  # d2 as merged, then d1 as settled: one line each
    exported = tmp_path / "exported.jsonl"
    assert (
        run_cli("export", gold, "--format", "jsonl", "-o", exported, "--status", "all").returncode
        == 0
    )
    for reviewed in (gold, exported):
        held = reviewed.read_bytes()
        result = run_cli(*_merge(case, "-o", reviewed, "--reviewer", "rita"))
        assert (result.returncode, result.stderr) == (
            1,
            f"{reviewed}: holds 1 document(s) a review saved (first: d1), their lines before gone "
            "(compacted, or exported as jsonl), so their decisions cannot be told from a "
            "merge's; refusing to replace them: write to another file with -o, or pass --force "
            "to start the review over\n",
        )
        assert reviewed.read_bytes() == held
    # A decision told from the lines too: both said, each document once.
    with gold.open("ab") as handle:
        handle.write(orjson.dumps(d2 | {"conflicts": [], "seconds_spent": 1.0}) + b"\n")
    result = run_cli(*_merge(case, "-o", gold, "--reviewer", "rita"))
    assert result.stderr == (
        f"{gold}: holds reviewer decisions on 1 document(s) (first: d2), and 1 more document(s) "
        "a review saved (first: d1), their lines before gone (compacted, or exported as jsonl), "
        "so their decisions cannot be told from a merge's; refusing to replace them: write to "
        "another file with -o, or pass --force to start the review over\n"
    )
    result = run_cli(*_merge(case, "-o", gold, "--reviewer", "rita", "--force"))
    [aside] = tmp_path.glob("gold.jsonl.replaced-*")  # --force: replaced, the old file kept
    assert (result.returncode, result.stderr) == (
        0,
        f"note: replaced {gold}; a review worked on it (its records hold a reviewer's time), so "
        f"the file as it was is kept as {aside}\n",
    )


def test_merge_force_keeps_a_reviewed_gold_file_aside(tmp_path: Path) -> None:
    """``--force`` starts the review over, as asked; the decisions are kept in a file beside it,
    as import, rename and export keep what they replace. A gold file no review touched (every
    line merge's, no reviewer's time) is replaced with nothing kept."""
    case = write_review_case(tmp_path)
    gold = case["gold"]
    assert run_cli(*_merge(case, "-o", gold, "--reviewer", "rita")).returncode == 0
    result = run_cli(*_merge(case, "-o", gold, "--reviewer", "rita", "--force"))
    assert (result.returncode, result.stderr) == (0, f"replaced {gold} (--force)\n")
    assert list(tmp_path.glob("*.replaced-*")) == []
    d1, _d2 = (orjson.loads(line) for line in gold.read_bytes().splitlines())
    with gold.open("ab") as handle:
        handle.write(orjson.dumps(d1 | {"conflicts": [], "seconds_spent": 2.25}) + b"\n")
    held = gold.read_bytes()
    result = run_cli(*_merge(case, "-o", gold, "--reviewer", "rita", "--force", "--json"))
    [aside] = tmp_path.glob("gold.jsonl.replaced-*")
    assert aside.read_bytes() == held
    assert orjson.loads(result.stdout)["kept_aside"] == str(aside)
    assert result.stderr.endswith(
        f"note: replaced {gold}; a review worked on it (its records hold a reviewer's time), so "
        f"the file as it was is kept as {aside}\n"
    )
    assert "(--force)" not in result.stderr  # said once, by the note
    assert gold.read_bytes().count(b"\n") == 2  # merged anew


def test_merge_force_keeps_a_gold_file_saved_again_without_time_aside(tmp_path: Path) -> None:
    # A decision line with no time on it (rounded to 0, or edited by hand) was refused without
    # --force as a decision, then replaced with it and not kept (a trial).
    case = write_review_case(tmp_path)
    gold = case["gold"]
    assert run_cli(*_merge(case, "-o", gold, "--reviewer", "rita")).returncode == 0
    d1, _d2 = (orjson.loads(line) for line in gold.read_bytes().splitlines())
    with gold.open("ab") as handle:
        handle.write(orjson.dumps(d1 | {"conflicts": [], "seconds_spent": 0.0}) + b"\n")
    held = gold.read_bytes()
    assert run_cli(*_merge(case, "-o", gold, "--reviewer", "rita")).returncode == 1
    result = run_cli(*_merge(case, "-o", gold, "--reviewer", "rita", "--force"))
    [aside] = tmp_path.glob("gold.jsonl.replaced-*")
    assert aside.read_bytes() == held
    assert result.stderr.endswith(
        f"note: replaced {gold}; a review worked on it (a document is on two of its lines, "
        f"saved again after the merge), so the file as it was is kept as {aside}\n"
    )


def test_a_killed_writes_temporary_file_is_removed_and_said(tmp_path: Path) -> None:
    """A review killed while writing its new gold file left ``.gold.jsonl.merge-TIME`` hidden
    beside it for good; the next write under the lock removes one left a minute or more."""
    case = write_review_case(tmp_path)
    gold = case["gold"]
    left = tmp_path / ".gold.jsonl.merge-20261128T111836411111Z"
    left.write_bytes(b'{"schema_version":1')
    os.utime(left, (time.time() - 120, time.time() - 120))
    writing = tmp_path / ".gold.jsonl.merge-20261128T120000000000Z"  # a write under way
    writing.write_bytes(b"")
    result = run_cli(*_merge(case, "-o", gold, "--reviewer", "rita"))
    assert result.returncode == 0
    assert result.stderr == (
        f"note: removed {left.name} from {tmp_path}: part of gold.jsonl left by a write that did "
        "not finish (stopped mid-write); the gold file was not touched by it\n"
    )
    assert not left.exists() and writing.exists()
