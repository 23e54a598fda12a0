"""validate says an unknown label once, with how many spans have it, and names the scheme file
import wrote when it holds them (a trial's import gave 50 lines, one per span)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

from annotator.core.corpus import open_corpus
from annotator.core.formats.labels import scheme_toml
from annotator.core.scheme import load_default_scheme
from annotator.core.validate import validate_files
from tests.conftest import ARTICLE, make_record

KNOWN = "(scheme prisoner_exchange: actor, count, date, releasee)"


def spans(*labels: str) -> list[dict[str, Any]]:
    words = [(16, 22, "Russia"), (27, 34, "Ukraine"), (43, 46, "146")]
    return [
        {"id": f"s{n}", "start": start, "end": end, "label": label, "text": text}
        for n, (label, (start, end, text)) in enumerate(zip(labels, words, strict=False), 1)
    ]


def journal(write_jsonl: Callable[..., Path]) -> Path:
    return write_jsonl(
        "imp/records.jsonl",
        make_record(spans=spans("place", "place", "person")),
        # Another annotator's record of the document (one's own would supersede the first).
        make_record(annotator="bob", spans=spans("place", "actor", "place")),
    )


def beside(folder: Path, name: str, labels: list[str], by_import: bool = True) -> Path:
    text = scheme_toml(name, "found", [(label, "none", "") for label in labels])
    path = folder / f"{name}.scheme.toml"
    path.write_text(text if by_import else text.split("\n", 2)[2], encoding="utf-8")
    return path


def test_each_unknown_label_is_said_once_with_the_import_scheme_named(
    write_jsonl: Callable[..., Path], corpus_dir: Path
) -> None:
    (corpus_dir.parent / "imp").mkdir()
    path = journal(write_jsonl)
    scheme = beside(path.parent, "records", ["place", "person"])
    warnings: list[str] = []
    found = validate_files([path], open_corpus(corpus_dir), load_default_scheme(), warnings)
    assert found == [
        f"{path}:1: spans.0.label: unknown label 'place' {KNOWN}; 4 span(s) on 2 line(s) have it",
        f"{path}:1: spans.2.label: unknown label 'person' {KNOWN}",
    ]
    assert warnings == [
        f"{path}: 2 label(s) not in scheme prisoner_exchange, all in {scheme}, which annotator "
        f"import wrote: check with --scheme {scheme}"
    ]


def test_no_hint_without_an_import_scheme_holding_every_label(
    write_jsonl: Callable[..., Path], corpus_dir: Path
) -> None:
    (corpus_dir.parent / "imp").mkdir()
    path = journal(write_jsonl)
    beside(path.parent, "partial", ["place"])  # person is not in it
    beside(corpus_dir.parent, "mine", ["place", "person"], by_import=False)
    warnings: list[str] = []
    found = validate_files([path], open_corpus(corpus_dir), load_default_scheme(), warnings)
    # Not the import's hint: the one any journal of another scheme's labels gets.
    assert len(found) == 2
    assert warnings == [
        f"{path}: most lines hold labels or fields not in scheme prisoner_exchange: were these "
        "journals made with another scheme? pass it with --scheme FILE"
    ]


def test_the_cli_prints_them_and_exits_1(write_jsonl: Callable[..., Path], tmp_path: Path) -> None:
    (tmp_path / "imp").mkdir()
    corpus = tmp_path / "imp" / "brat.jsonl"
    corpus.write_bytes(orjson.dumps({"id": "a", "text": ARTICLE}) + b"\n")
    path = journal(write_jsonl)
    beside(corpus.parent, "brat", ["place", "person"])
    result = subprocess.run(
        [sys.executable, "-m", "annotator", "validate", "imp/records.jsonl", "--corpus",
         "imp/brat.jsonl"],
        capture_output=True, text=True, check=False, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"imp/records.jsonl:1: spans.0.label: unknown label 'place' {KNOWN}; 4 span(s) on 2 "
        "line(s) have it",
        f"imp/records.jsonl:1: spans.2.label: unknown label 'person' {KNOWN}",
        "imp/records.jsonl: 2 label(s) not in scheme prisoner_exchange, all in "
        "imp/brat.scheme.toml, which annotator import wrote: check with --scheme "
        "imp/brat.scheme.toml",
    ]
    assert result.stderr == "2 problems found\n"
    assert path.exists()
