"""A multiword token of a CoNLL-U file must be followed by its words, each ID of its range in
order: one that is not is refused in one line, nothing written.

A review found a multiword token ``1-2 del`` with only its word ``1`` before the blank line
eat the next sentence's words ``1`` and ``2`` as its own: the text ``del\\nbig``, the word
``Paris`` and its LOC span gone, exit 0, and no line said so.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.cli import main


def _word(word_id: str, form: str, tag: str = "_") -> str:
    return f"{word_id}\t{form}\t_\t_\t_\t_\t_\t_\t_\t{tag}\n"


PARIS = (
    "# text = Paris is big\n"
    + _word("1", "Paris", "NER=B-LOC")
    + _word("2", "is", "NER=O")
    + _word("3", "big", "NER=O")
)


def _import(tmp_path: Path, content: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    source = tmp_path / "mw.conllu"
    source.write_text(content, encoding="utf-8")
    out = tmp_path / "out"
    code = main(["import", str(source), "--format", "conllu", "-o", str(out / "c.jsonl"),
                 "--annotations", str(out / "a.jsonl"), "--annotator", "al"])  # fmt: skip
    said = capsys.readouterr()
    assert said.out == ""
    assert not out.exists()
    return code, said.err.replace(str(source), "FILE")


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        # the review's file: a blank line ends the sentence before word 2
        (
            "# text = del\n" + _word("1-2", "del", "NER=B-LOC") + _word("1", "de") + "\n" + PARIS,
            "FILE:2: ID: multiword token 1-2 lacks word 2",
        ),
        # the end of the file
        (
            "# text = del\n" + _word("1-2", "del") + _word("1", "de"),
            "FILE:2: ID: multiword token 1-2 lacks word 2",
        ),
        # a new document
        (
            _word("1-2", "del") + "# newdoc id = d2\n" + PARIS,
            "FILE:1: ID: multiword token 1-2 lacks word 1",
        ),
        # a word past the range while one of the range is missing
        (
            _word("1-2", "del") + _word("1", "de") + _word("3", "Paris"),
            "FILE:1: ID: multiword token 1-2 lacks word 2",
        ),
        # another multiword token while one of the range is missing
        (
            _word("1-2", "del")
            + _word("1", "de")
            + _word("3-4", "al")
            + _word("3", "a")
            + _word("4", "l"),
            "FILE:1: ID: multiword token 1-2 lacks word 2",
        ),
    ],
)
def test_a_multiword_token_without_its_words_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, problem: str
) -> None:
    assert _import(tmp_path, content, capsys) == (1, f"{problem}\n")


def test_a_word_of_the_range_out_of_order_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = _word("1-2", "del") + _word("2", "el") + _word("1", "de") + "\n"
    code, err = _import(tmp_path, content, capsys)
    assert (code, err) == (
        1,
        "FILE:2: ID: word 2 of multiword token 1-2 out of order (expected word 1)\n",
    )


def test_a_complete_multiword_token_still_reads_and_the_next_sentence_is_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content = (
        "# text = del\n" + _word("1-2", "del", "NER=B-LOC") + _word("1", "de") + _word("2", "el")
        + "\n" + PARIS
    )  # fmt: skip
    source = tmp_path / "mw.conllu"
    source.write_text(content, encoding="utf-8")
    out = tmp_path / "out"
    code = main(["import", str(source), "--format", "conllu", "-o", str(out / "c.jsonl"),
                 "--annotations", str(out / "a.jsonl"), "--annotator", "al"])  # fmt: skip
    capsys.readouterr()
    assert code == 0
    corpus = (out / "c.jsonl").read_text(encoding="utf-8")
    records = (out / "a.jsonl").read_text(encoding="utf-8")
    assert '"text":"del\\nParis is big"' in corpus
    assert '"start":0,"end":3,"label":"LOC","text":"del"' in records
    assert '"start":4,"end":9,"label":"LOC","text":"Paris"' in records
