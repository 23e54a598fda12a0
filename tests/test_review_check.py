"""``annotator review`` outside a terminal checks the request first: what is wrong with it is
said as opening the review says it, and only a request that would open the screen is told it
needs a terminal. Nothing is locked, made or cut on the way.

A reviewer's trial: ``annotator review … -o bob.jsonl`` (an annotator's journal) from a script
answered "needs a terminal", and the same at a terminal then refused the journal as -o.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.merge import merge_files
from annotator.core.review_check import check_review
from annotator.core.review_open import open_review
from annotator.core.scheme import load_scheme
from tests.test_agreement_data import TEXT, record, span, write_journal
from tests.test_review_session_data import fixed_now, write_review_case

NO_TERMINAL = "annotator review needs a terminal (stdin and stdout must be a tty)\n"
CODE = {"code": "1"}  # required by the review case's scheme


def _merge(case: dict[str, Any], min_agree: int | None = None) -> None:
    merge_files(
        case["files"],
        case["gold"],
        load_scheme(case["scheme"]),
        "rita",
        min_agree,
        corpus=None,
    )


def _case(tmp_path: Path) -> dict[str, Any]:
    """The review case (alice and bob disagree on d1 and d2), carol's journal of d1 beside it."""
    setup = write_review_case(tmp_path)
    carol = write_journal(
        tmp_path / "carol.jsonl", record("carol", spans=[span("s1", 0, 6, "actor")], form=CODE)
    )
    return {
        **setup,
        "files": [setup["alice"], setup["bob"]],
        "carol": carol,
        "reviewer": "rita",
        "min_agree": None,
    }


def _three(case: dict[str, Any]) -> None:
    """Three annotators, merged with --min-agree 2."""
    case["files"] = [case["alice"], case["bob"], case["carol"]]
    _merge(case, 2)


def _journal_as_output(case: dict[str, Any]) -> None:
    case["gold"] = case["carol"]


def _a_journal_compared_as_output(case: dict[str, Any]) -> None:
    case["gold"] = case["bob"]


def _no_corpus(case: dict[str, Any]) -> None:
    case["corpus"] = case["corpus"].with_name("nowhere.jsonl")


def _no_scheme(case: dict[str, Any]) -> None:
    case["scheme"] = case["scheme"].with_name("nowhere.toml")


def _no_reviewer(case: dict[str, Any]) -> None:
    case["reviewer"] = "  "


def _min_agree_one(case: dict[str, Any]) -> None:
    case["min_agree"] = 1


def _min_agree_over(case: dict[str, Any]) -> None:
    case["min_agree"] = 3


def _gold_among_the_journals(case: dict[str, Any]) -> None:
    _merge(case)
    case["files"] = [*case["files"], case["gold"]]
    case["gold"] = case["gold"].with_name("gold2.jsonl")


def _damaged_journal(case: dict[str, Any]) -> None:
    with case["bob"].open("ab") as handle:
        handle.write(b'{"doc_id": 3}\n')


def _damaged_gold_line(case: dict[str, Any]) -> None:
    _merge(case)
    with case["gold"].open("ab") as handle:
        handle.write(b'{"doc_id": 3}\n{"doc_id": 4}\n')


def _a_file_where_the_folder_goes(case: dict[str, Any]) -> None:
    # A missing folder is made (test_review_folder_made.py); a file in its place is refused.
    (case["gold"].parent / "notes").write_text("mine\n")
    case["gold"] = case["gold"].parent / "notes" / "gold" / "gold.jsonl"


def _folder_as_output(case: dict[str, Any]) -> None:
    case["gold"].mkdir()


def _another_rule(case: dict[str, Any]) -> None:
    _three(case)
    case["min_agree"] = 3


def _another_rule_than_all(case: dict[str, Any]) -> None:
    case["files"] = [case["alice"], case["bob"], case["carol"]]
    _merge(case)
    case["min_agree"] = 2


def _rules_mixed(case: dict[str, Any]) -> None:
    _three(case)
    line = orjson.loads(case["gold"].read_bytes().splitlines()[0])
    line["sources"]["min_agree"] = "all"
    with case["gold"].open("ab") as handle:
        handle.write(orjson.dumps({**line, "doc_id": "d9"}) + b"\n")


BAD: list[Callable[[dict[str, Any]], None]] = [
    _journal_as_output,
    _a_journal_compared_as_output,
    _no_corpus,
    _no_scheme,
    _no_reviewer,
    _min_agree_one,
    _min_agree_over,
    _gold_among_the_journals,
    _damaged_journal,
    _damaged_gold_line,
    _a_file_where_the_folder_goes,
    _folder_as_output,
    _another_rule,
    _another_rule_than_all,
    _rules_mixed,
]


def _files(folder: Path) -> dict[Path, bytes | None]:
    return {
        path: None if path.is_dir() else path.read_bytes() for path in sorted(folder.rglob("*"))
    }


def _request(case: dict[str, Any]) -> tuple[list[Path], Path, Path, str]:
    return case["files"], case["corpus"], case["gold"], case["reviewer"]


@pytest.mark.parametrize("spoil", BAD, ids=lambda spoil: spoil.__name__.strip("_"))
def test_the_check_refuses_what_opening_refuses_in_its_words(
    tmp_path: Path, spoil: Callable[[dict[str, Any]], None]
) -> None:
    case = _case(tmp_path)
    spoil(case)
    options = {"scheme_path": case["scheme"], "min_agree": case["min_agree"]}
    before = _files(tmp_path)
    with pytest.raises(AnnotatorError) as checked:
        check_review(*_request(case), **options)
    assert _files(tmp_path) == before  # read only: no lock, no gold file, nothing cut
    with pytest.raises(AnnotatorError) as opened:
        open_review(*_request(case), now=fixed_now, **options)
    assert str(checked.value) == str(opened.value)
    assert type(checked.value) is type(opened.value)  # a usage error stays one (exit 2)


@pytest.mark.parametrize("merged", [False, True])
def test_a_request_the_review_would_open_passes(tmp_path: Path, merged: bool) -> None:
    case = _case(tmp_path)
    if merged:
        _three(case)
    before = _files(tmp_path)
    check_review(*_request(case), scheme_path=case["scheme"], min_agree=case["min_agree"])
    assert _files(tmp_path) == before
    open_review(*_request(case), scheme_path=case["scheme"], now=fixed_now).close()


def _run_without_terminal(case: dict[str, Any], *more: str) -> subprocess.CompletedProcess[str]:
    argv = [*case["files"], "--corpus", case["corpus"], "-o", case["gold"]]
    argv += ["--scheme", case["scheme"], "--reviewer", "rita", *more]
    return subprocess.run(
        [sys.executable, "-m", "annotator", "review", *map(str, argv)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
        timeout=30,
    )


def test_a_journal_as_output_is_refused_without_a_terminal(tmp_path: Path) -> None:
    case = _case(tmp_path)
    _journal_as_output(case)
    before = _files(tmp_path)
    result = _run_without_terminal(case)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"{case['carol']}:1: not a gold record (no sources): is this an annotator's journal? "
        "give the gold file with -o\n"
    )
    assert _files(tmp_path) == before  # carol's journal as it was, no lock beside it


def test_usage_errors_exit_2_without_a_terminal(tmp_path: Path) -> None:
    case = _case(tmp_path)
    _a_journal_compared_as_output(case)
    result = _run_without_terminal(case)
    assert result.returncode == 2
    assert result.stderr == (
        f"annotator: error: -o {case['bob']}: is one of the journals being merged; choose "
        "another file\n"
    )
    (tmp_path / "again").mkdir()
    result = _run_without_terminal(_case(tmp_path / "again"), "--min-agree", "1")
    assert result.returncode == 2
    assert result.stderr == (
        "annotator: error: --min-agree 1: K is how many annotators must agree, at least 2\n"
    )


def test_a_missing_corpus_is_refused_without_a_terminal(tmp_path: Path) -> None:
    case = _case(tmp_path)
    _no_corpus(case)
    result = _run_without_terminal(case)
    assert result.returncode == 1
    assert result.stderr == (
        f"{case['corpus']}: no such corpus (a folder of .txt files or a .jsonl file)\n"
    )
    assert not case["gold"].exists()


def test_a_good_request_is_told_it_needs_a_terminal_and_nothing_is_written(
    tmp_path: Path,
) -> None:
    case = _case(tmp_path)
    _merge(case)
    # An interrupted write: opening would set the torn line aside; asking must not.
    with case["gold"].open("ab") as handle:
        handle.write(orjson.dumps(record("rita", text=TEXT))[:30])
    before = _files(tmp_path)
    result = _run_without_terminal(case)
    assert (result.returncode, result.stderr, result.stdout) == (1, NO_TERMINAL, "")
    assert _files(tmp_path) == before  # no lock, no .torn-… file, the gold file uncut
