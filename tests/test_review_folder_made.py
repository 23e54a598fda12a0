"""``annotator review … -o gold/g.jsonl`` makes the missing folder, as ``merge`` and ``export``
make theirs, and says so among the start-up messages. A trial was refused ("gold/g.jsonl: no
such folder gold") where merge and export said "made the folder gold".

Only a review that opens makes it: a request refused (outside a terminal too, where the
request is only checked) leaves no folder behind."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from annotator.core import review_open as review_open_module
from annotator.core.errors import AnnotatorError
from annotator.core.review_check import check_review
from annotator.core.review_open import open_review
from tests.test_review_check import NO_TERMINAL
from tests.test_review_session_data import fixed_now, write_review_case


def request(tmp_path: Path, gold: Path) -> tuple[tuple[Any, ...], dict[str, Any]]:
    case = write_review_case(tmp_path)
    args = ([case["alice"], case["bob"]], case["corpus"], gold, "rita")
    return args, {"scheme_path": case["scheme"]}


def test_a_review_makes_the_gold_files_folder_and_says_so(tmp_path: Path) -> None:
    gold = tmp_path / "gold" / "round 1" / "g.jsonl"
    args, options = request(tmp_path, gold)
    session = open_review(*args, now=fixed_now, **options)
    try:
        assert gold.is_file()
        assert session.messages[0].startswith("g.jsonl: new gold file: 2 document(s)")
        # One line for the folder -o names, as merge and export say it.
        assert session.messages[1] == f"made the folder {gold.parent}"
    finally:
        assert session.close()
    again = open_review(*args, now=fixed_now, **options)  # resumed: nothing made, nothing said
    try:
        assert not any("made the folder" in message for message in again.messages)
    finally:
        assert again.close()


def test_the_check_without_a_terminal_passes_and_makes_nothing(tmp_path: Path) -> None:
    gold = tmp_path / "gold" / "g.jsonl"
    args, options = request(tmp_path, gold)
    check_review(*args, **options)
    assert not gold.parent.exists()
    command = [sys.executable, "-m", "annotator", "review", *map(str, args[0])]
    command += ["--corpus", str(args[1]), "-o", str(gold), "--reviewer", "rita"]
    command += ["--scheme", str(options["scheme_path"])]
    result = subprocess.run(
        command, stdin=subprocess.DEVNULL, capture_output=True, text=True, check=False, timeout=30
    )
    assert (result.returncode, result.stdout, result.stderr) == (1, "", NO_TERMINAL)
    assert not gold.parent.exists()


def test_a_review_refused_makes_no_folder(tmp_path: Path) -> None:
    gold = tmp_path / "gold" / "g.jsonl"
    args, options = request(tmp_path, gold)
    with pytest.raises(AnnotatorError, match="no such corpus"):
        open_review(args[0], tmp_path / "nowhere.jsonl", gold, "rita", **options)
    assert not gold.parent.exists()


def test_a_refusal_after_the_folder_is_made_takes_it_away(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gold = tmp_path / "gold" / "more" / "g.jsonl"
    args, options = request(tmp_path, gold)

    def refused(journal: Path, *_args: object, **_options: object) -> None:
        assert journal.parent.is_dir()  # made before the gold file is opened
        raise AnnotatorError(f"{journal}: refused")

    monkeypatch.setattr(review_open_module, "GoldStore", refused)
    with pytest.raises(AnnotatorError, match="refused"):
        open_review(*args, now=fixed_now, **options)
    assert not (tmp_path / "gold").exists()


def test_a_file_in_the_folders_place_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "gold").write_text("mine\n")
    gold = tmp_path / "gold" / "g.jsonl"
    args, options = request(tmp_path, gold)
    said = f"{gold.parent}: cannot write: a file stands where a folder is needed"
    for attempt in (check_review, open_review):
        with pytest.raises(AnnotatorError) as refused:
            attempt(*args, **options)
        assert str(refused.value) == said
    assert (tmp_path / "gold").read_text() == "mine\n"
