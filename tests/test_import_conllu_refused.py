"""A CoNLL-U file given to the conll import is refused in one line, not misread.

CoNLL-U's first column is the word's ID and its last MISC: read as CoNLL (first column the
token, last the tag), a file whose MISC held a bare tag imported as the text ``1 2 3`` with the
span ``1`` PER, and said nothing but the skipped comments.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.cli import main

CONLLU_TAG_IN_MISC = (
    "# sent_id = 1\n# text = John lives.\n"
    "1\tJohn\tJohn\tPROPN\tNNP\tNumber=Sing\t2\tnsubj\t_\tB-PER\n"
    "2\tlives\tlive\tVERB\tVBZ\t_\t0\troot\t_\tO\n"
    "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\tO\n\n"
)


@pytest.mark.parametrize(
    ("word_line", "word_id"),
    [
        ("1\tJohn\tJohn\tPROPN\tNNP\tNumber=Sing\t2\tnsubj\t_\tB-PER", "1"),
        ("1\tJohn\tJohn\tPROPN\tNNP\tNumber=Sing\t2\tnsubj\t_\tNER=B-PER", "1"),
        ("1-2\tdel\t_\t_\t_\t_\t_\t_\t_\t_", "1-2"),  # a multiword token's range
        ("7.1\tJohn\tJohn\tPROPN\tNNP\t_\t_\t_\t8:nsubj\t_", "7.1"),  # an empty node
    ],
)
def test_a_conllu_file_is_refused_naming_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], word_line: str, word_id: str
) -> None:
    source = tmp_path / "ud.conllu"
    source.write_text(f"# sent_id = 1\n# text = John lives.\n{word_line}\n\n", encoding="utf-8")
    out = tmp_path / "out"
    code = main(["import", str(source), "--format", "conll", "-o", str(out / "c.jsonl"),
                 "--annotations", str(out / "a.jsonl"), "--annotator", "al"])  # fmt: skip
    said = capsys.readouterr()
    assert code == 1
    assert said.out == ""
    assert said.err.splitlines() == [
        f"{source}:3: not CoNLL: this is a CoNLL-U line (10 tab-separated columns, the ID "
        f"{word_id!r} first, the word {word_line.split(chr(9))[1]!r} second), read as CoNLL "
        "its IDs would be the words: import it with --format conllu (its NER tags in MISC: "
        "NER=B-PER, NE=, name= or a bare tag)"
    ]
    assert not out.exists()


def test_ten_space_separated_columns_are_still_conll(tmp_path: Path) -> None:
    """Only tab-separated lines with an ID first are CoNLL-U: a CoNLL file of many columns
    separated by spaces (its token a number) reads as before."""
    source = tmp_path / "wide.conll"
    source.write_text("1 a b c d e f g h B-count\nfreed a b c d e f g h O\n", encoding="utf-8")
    out = tmp_path / "out"
    code = main(["import", str(source), "--format", "conll", "-o", str(out / "c.jsonl"),
                 "--annotations", str(out / "a.jsonl"), "--annotator", "al"])  # fmt: skip
    assert code == 0
    assert (out / "c.jsonl").read_text(encoding="utf-8").count('"text":"1 freed"') == 1
