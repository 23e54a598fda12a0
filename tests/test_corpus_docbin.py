"""A spaCy DocBin given as a corpus is named as one, with the command that makes a corpus of it.

``annotate`` on a folder of DocBins named ``.txt`` said only "invalid UTF-8 at byte 1";
``validate --corpus x.spacy`` said "invalid JSON: str is not valid UTF-8: surrogates not
allowed"; a folder of ``.spacy`` files, "no .txt files". None said what the file was, nor that
``annotator import --format spacy`` makes a corpus of it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from annotator.core.corpus import open_corpus
from annotator.core.errors import AnnotatorError
from tests.test_agreement_data import run_cli

# explosion/projects' tutorials/ner_tweets demo DocBin (tests/fixtures/spacy/SOURCE.txt).
DOCBIN = Path(__file__).parent / "fixtures" / "spacy" / "ner_tweets.demo.spacy"
HINT = "this looks like a spaCy DocBin: annotator import --format spacy makes a corpus of it"


def test_a_docbin_named_txt_in_a_folder_corpus_is_named_when_read(tmp_path: Path) -> None:
    shutil.copy(DOCBIN, tmp_path / "tweets.txt")
    corpus = open_corpus(tmp_path)  # texts are read when fetched
    with pytest.raises(AnnotatorError) as raised:
        corpus.get("tweets")
    assert str(raised.value) == f"{tmp_path / 'tweets.txt'}: invalid UTF-8 at byte 1 ({HINT})"


def test_a_latin_1_txt_is_said_as_before(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("Kestria freed 12 soldiers \u00e0 Norvania.".encode("latin-1"))
    with pytest.raises(AnnotatorError) as raised:
        open_corpus(tmp_path).get("a")
    assert str(raised.value) == f"{tmp_path / 'a.txt'}: invalid UTF-8 at byte 26"


def test_a_folder_of_docbins_names_the_first(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    shutil.copy(DOCBIN, tmp_path / "b" / "tweets.spacy")
    (tmp_path / "a.spacy").write_bytes(b"not a DocBin")
    with pytest.raises(AnnotatorError) as raised:
        open_corpus(tmp_path)
    assert str(raised.value) == f"{tmp_path}: no .txt files in this folder (b/tweets.spacy: {HINT})"


def test_an_empty_folder_is_said_as_before(tmp_path: Path) -> None:
    with pytest.raises(AnnotatorError) as raised:
        open_corpus(tmp_path)
    assert str(raised.value) == f"{tmp_path}: no .txt files in this folder"


def test_validate_with_a_docbin_as_corpus_says_it_in_one_line(tmp_path: Path) -> None:
    journal = tmp_path / "al.jsonl"
    journal.write_text("")
    result = run_cli("validate", journal, "--corpus", DOCBIN)
    assert result.returncode == 1
    assert result.stdout + result.stderr == (
        f"{DOCBIN}: {HINT} (a corpus is a folder of .txt files or a .jsonl file)\n"
    )


def test_a_jsonl_corpus_that_is_not_utf8_is_said_as_a_journal_is(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(b"\xff\xfe{}\n")
    with pytest.raises(AnnotatorError) as raised:
        open_corpus(path)
    assert str(raised.value) == f"{path}:1: invalid UTF-8 at byte 0 of the line"
