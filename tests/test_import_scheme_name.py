"""The scheme written beside an imported corpus has a valid name whatever the corpus is called."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.formats.importing import import_documents
from annotator.core.formats.labels import build_scheme, corpus_scheme_name, scheme_name
from annotator.core.scheme import Scheme

SOURCE = '{"id": "d1", "text": "Alice met Bob.", "label": [[0, 5, "PER"]]}\n'
NAME_OK = r"[A-Za-z_][A-Za-z0-9_]*"


def imported_scheme(folder: Path, corpus_name: str, source_name: str = "in.jsonl") -> Scheme:
    source = folder / source_name
    source.write_text(SOURCE, encoding="utf-8")
    corpus = folder / corpus_name
    import_documents(
        source, "doccano", corpus, annotations=folder / "ann.jsonl", annotator="al", force=True
    )
    text = corpus.with_name(f"{corpus.stem}.scheme.toml").read_text(encoding="utf-8")
    return Scheme.model_validate(tomllib.loads(text))


@pytest.mark.parametrize(
    ("corpus_name", "expected"),
    [
        ("news.jsonl", "news"),
        ("2024-news.jsonl", "scheme_2024_news"),
        ("3.c.jsonl", "scheme_3_c"),
        (".hidden.jsonl", "hidden"),
        ("-dash.jsonl", "dash"),
        ("été.jsonl", "ete"),
        ("Ωmega.jsonl", "mega"),
        ("🕊.jsonl", "imported"),
        ("x🕊y.jsonl", "x_y"),
        ("...jsonl", "imported"),
        ("__.jsonl", "imported"),
    ],
)
def test_scheme_name_from_any_corpus_name_is_valid(
    tmp_path: Path, corpus_name: str, expected: str
) -> None:
    assert imported_scheme(tmp_path, corpus_name).name == expected


@given(st.text(min_size=1, max_size=30))
def test_corpus_scheme_name_always_fits_the_pattern(stem: str) -> None:
    assert re.fullmatch(NAME_OK, corpus_scheme_name(stem))
    assert re.fullmatch(NAME_OK, scheme_name(stem))


def test_a_label_ending_in_a_newline_is_renamed_not_a_traceback() -> None:
    assert scheme_name("actor\n") == "actor_"
    build_scheme("ok", "", [(scheme_name("actor\n"), "none", "")])


@pytest.mark.skipif(sys.platform != "linux", reason="file names of any bytes")
def test_a_source_file_name_that_is_not_utf8_still_gives_a_scheme(tmp_path: Path) -> None:
    name = os.fsdecode(b"\xff.jsonl")
    scheme = imported_scheme(tmp_path, "corpus.jsonl", source_name=name)
    assert "\\udcff.jsonl" in scheme.description


def test_cli_import_to_a_digit_first_name_exits_0(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(SOURCE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "annotator", "import", str(source), "--format", "doccano",
         "-o", str(tmp_path / "3.c.jsonl"), "--annotations", str(tmp_path / "a.jsonl"),
         "--annotator", "al"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert 'name = "scheme_3_c"' in (tmp_path / "3.c.scheme.toml").read_text(encoding="utf-8")
