"""An hf export never writes an empty .jsonl, which datasets.load_dataset cannot load: refused."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.formats.export import export_records
from annotator.core.formats.splits import assign, parse_split
from tests.test_formats_support import record, write_case

SPLIT = "a=0.5,b=0.5"
REFUSED = (
    "hf: nothing written: datasets.load_dataset cannot load an empty .jsonl "
    "(with --split: choose another --seed or other shares)"
)
DOCS = [(f"doc{n}", f"Kyiv freed {n} people.") for n in range(3)]


def three_docs(folder: Path) -> tuple[Path, Path]:
    return write_case(folder, DOCS, [record(i, t, [(0, 4, "actor")]) for i, t in DOCS])


def seed_leaving(empty: bool) -> int:
    """A seed whose split of the three documents leaves a split empty (or not)."""
    ids = [doc_id for doc_id, _text in DOCS]
    for seed in range(100):
        groups = assign(ids, seed, parse_split(SPLIT))
        if any(not positions for positions in groups.values()) == empty:
            return seed
    raise AssertionError("no such seed")


def test_an_empty_split_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    corpus, gold = three_docs(tmp_path / "in")
    heard: list[str] = []
    out = tmp_path / "out"
    seed = seed_leaving(empty=True)
    with pytest.raises(AnnotatorError) as caught:
        export_records(gold, "hf", out, corpus=corpus, split=SPLIT, seed=seed,
                       on_warning=heard.append)  # fmt: skip
    assert str(caught.value) == REFUSED
    assert any(f"no documents fell in it (seed {seed})" in line for line in heard)
    assert not out.exists()


def test_an_earlier_export_in_the_folder_is_left_as_it_was(tmp_path: Path) -> None:
    corpus, gold = three_docs(tmp_path / "in")
    out = tmp_path / "out"
    export_records(gold, "hf", out, corpus=corpus, split=SPLIT, seed=seed_leaving(empty=False))
    before = {p: p.read_bytes() for p in out.iterdir()}
    with pytest.raises(AnnotatorError, match="nothing written"):
        export_records(gold, "hf", out, corpus=corpus, split=SPLIT, seed=seed_leaving(empty=True))
    assert {p: p.read_bytes() for p in out.iterdir()} == before
    assert all(before.values())


def test_no_records_to_export_is_refused_too(tmp_path: Path) -> None:
    corpus, gold = three_docs(tmp_path / "in")
    with pytest.raises(AnnotatorError, match="no records with status in_progress to export"):
        export_records(gold, "hf", tmp_path / "out", corpus=corpus, status="in_progress")
    assert not (tmp_path / "out").exists()


def test_other_formats_still_write_an_empty_split(tmp_path: Path) -> None:
    corpus, gold = three_docs(tmp_path / "in")
    seed = seed_leaving(empty=True)
    result = export_records(gold, "conll", tmp_path / "out", corpus=corpus, split=SPLIT, seed=seed)
    assert 0 in result.splits.values()


def test_cli_says_which_split_and_exits_1(tmp_path: Path) -> None:
    corpus, gold = three_docs(tmp_path / "in")
    seed = seed_leaving(empty=True)
    done = subprocess.run(
        [sys.executable, "-m", "annotator", "export", str(gold), "--format", "hf", "--corpus",
         str(corpus), "-o", str(tmp_path / "out"), "--split", SPLIT, "--seed", str(seed)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert len(lines) == 2 and lines[1] == REFUSED, done.stderr
    assert lines[0].startswith("split ") and lines[0].endswith(
        f"no documents fell in it (seed {seed})"
    )
    assert not (tmp_path / "out").exists()
