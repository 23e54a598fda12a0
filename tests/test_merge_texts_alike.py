"""merge without a corpus: records of one text must agree on the characters of their spans."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.corpus import open_corpus
from annotator.core.errors import AnnotatorError
from annotator.core.merge import merge_files
from tests.test_agreement_data import (
    TEXT,
    record,
    run_cli,
    scheme,
    span,
    write_corpus,
    write_journal,
    write_scheme,
)

UKRAINE = (31, 38)  # TEXT[31:38] == "Ukraine"


def _journals(tmp_path: Path, bob_text: str) -> list[Path]:
    start, end = UKRAINE
    russia = span("s1", 0, 6, "actor")
    mine = {"alice": "Ukraine", "bob": bob_text, "carol": "Ukraine"}
    return [
        write_journal(
            tmp_path / f"{name}.jsonl",
            record(name, "d0", spans=[russia]),
            record(
                name,
                spans=[russia, {**span("s2", start, end, "actor"), "text": mine[name]}],
            ),
        )
        for name in ("alice", "bob", "carol")
    ]


def test_a_span_text_edited_by_hand_is_refused_naming_both_lines(tmp_path: Path) -> None:
    # A trial's bob.jsonl said "Ukrainx" where alice's said "Ukraine", both of one text: gold
    # took alice's text, and with bob first by name it would have taken the damaged one.
    assert TEXT[slice(*UKRAINE)] == "Ukraine"
    files = _journals(tmp_path, "Ukrainx")
    gold = tmp_path / "gold.jsonl"
    with pytest.raises(AnnotatorError) as refused:
        merge_files(files, gold, scheme(tmp_path), "rita")
    assert str(refused.value) == (
        f"{files[1]}:2: spans.1.text: 'Ukrainx' at 31..38 is 'Ukraine' in {files[0]}:2 "
        "(spans.1), a record of the same text (document d1, the same doc_sha256): one of the "
        "two journals is damaged; give --corpus to check them against the text (validate "
        "--corpus names the line to mend)"
    )
    assert not gold.exists()


def test_the_refusal_is_one_line_and_exit_status_1(tmp_path: Path) -> None:
    files = _journals(tmp_path, "Ukrainx")
    result = run_cli(
        "merge", *files, "-o", tmp_path / "gold.jsonl", "--scheme", write_scheme(tmp_path)
    )
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "bob.jsonl:2: spans.1.text: 'Ukrainx'" in result.stderr


def test_alike_texts_merge_and_the_corpus_names_the_damaged_line(tmp_path: Path) -> None:
    files = _journals(tmp_path, "Ukraine")
    summary = merge_files(files, tmp_path / "gold.jsonl", scheme(tmp_path), "rita")
    assert (summary["documents"], summary["spans"]) == (2, 3)
    damaged = _journals(tmp_path, "Ukrainx")
    corpus = open_corpus(write_corpus(tmp_path, {"d0": TEXT, "d1": TEXT}))
    with pytest.raises(AnnotatorError) as refused:
        merge_files(damaged, tmp_path / "g2.jsonl", scheme(tmp_path), "rita", corpus=corpus)
    assert str(refused.value).startswith(f"{damaged[1]}:2: spans.1.text: 'Ukrainx' does not match")
