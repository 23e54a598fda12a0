"""A conll import says the columns between a token and its tag (POS, chunk) it does not import.

A curator imported spaCy's CoNLL-2003 example (``TOKEN POS CHUNK NER``): the POS tags were gone
without a word, where a conllu import says LEMMA, UPOS and the others in one counted line. conll
now says them the same way; ``_`` (an empty column) is nothing lost.
"""

from __future__ import annotations

from pathlib import Path

from annotator.core.formats.importing import import_documents
from tests.test_formats_support import FIXTURES

CONLL_2003 = FIXTURES / "conll" / "ner-token-per-line-conll2003.iob"


def said(source: Path, tmp_path: Path) -> list[str]:
    heard: list[str] = []
    import_documents(source, "conll", tmp_path / "c.jsonl", on_warning=heard.append)
    return [line for line in heard if "pass --annotations" not in line]


def test_the_pos_and_chunk_columns_of_conll_2003_are_said(tmp_path: Path) -> None:
    assert said(CONLL_2003, tmp_path) == [
        f"{CONLL_2003}:3: 66 token(s) with columns between the token and its tag (POS, "
        "chunk...: 'WRB _' first) not imported (a record holds labelled spans only)"
    ]


def test_empty_middle_columns_and_two_columns_say_nothing(tmp_path: Path) -> None:
    source = tmp_path / "in.conll"
    source.write_text("Kestria _ B-actor\nfreed _ O\n\nMaro\tB-actor\n", encoding="utf-8")
    assert said(source, tmp_path) == []
