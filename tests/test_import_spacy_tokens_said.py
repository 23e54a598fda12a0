"""A DocBin's tokens that are not the project's are said at import, as Prodigy's are.

A team lead imported spaCy's demo DocBin, where "I'm" is two tokens (I, 'm): the project
tokenizes the text itself (one token, I'm) and neither import nor export said so. Now the
import says the documents whose tokens differ from those export writes, the first difference
shown, and counts them; a DocBin our export wrote comes back without a word.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.formats.export import export_records
from annotator.core.formats.importing import import_documents
from annotator.core.formats.spacy_docbin import other_tokens
from annotator.core.scheme import load_scheme
from tests.test_formats_fixtures import SPACY
from tests.test_formats_support import need

DEMO = SPACY / "ner_tweets.demo.spacy"  # "I'm ..." made by spaCy's tokenizer (SOURCE.txt)


def imported(source: Path, folder: Path) -> tuple[list[str], str]:
    said: list[str] = []
    result = import_documents(
        source,
        "spacy",
        folder / "c.jsonl",
        annotations=folder / "a.jsonl",
        annotator="cur",
        on_warning=said.append,
    )
    return said, result.summary()


def test_the_demo_docbins_tokens_are_said_not_carried(tmp_path: Path) -> None:
    need("spacy")
    said, summary = imported(DEMO, tmp_path / "o")
    assert said == [
        f"{DEMO}: tokens: 1 document(s) (first: doc 1: spaCy's 'I' + \"'m\", the project's "
        '"I\'m"); not carried: the project tokenizes the text itself, and export writes its '
        "tokens"
    ]
    assert summary == (
        "imported 1 document(s), 1 record(s) with 1 span(s); not imported: 1 document(s) with "
        "other tokens (listed above)"
    )


def test_a_docbin_of_the_projects_tokens_comes_back_without_a_word(tmp_path: Path) -> None:
    need("spacy")
    imported(DEMO, tmp_path / "o")
    out = tmp_path / "again.spacy"
    scheme = load_scheme(tmp_path / "o" / "c.scheme.toml")
    records, corpus = tmp_path / "o" / "a.jsonl", tmp_path / "o" / "c.jsonl"
    export_records(records, "spacy", out, corpus=corpus, scheme=scheme)
    said, summary = imported(out, tmp_path / "back")
    assert said == []
    assert summary == "imported 1 document(s), 1 record(s) with 1 span(s)"


@pytest.mark.parametrize(
    ("text", "words", "said"),
    [
        (
            "I'm here.",
            [(0, 1), (1, 3), (4, 8), (8, 9)],
            "spaCy's 'I' + \"'m\", the project's \"I'm\"",
        ),
        ("New York.", [(0, 8), (8, 9)], "spaCy's 'New York', the project's 'New' + 'York'"),
        ("a b.", [(0, 1), (2, 3), (3, 4)], None),
        ("ab.", [(0, 2)], "spaCy's no token, the project's '.'"),
    ],
)
def test_the_first_difference_is_shown_from_where_it_starts_to_where_both_end(
    text: str, words: list[tuple[int, int]], said: str | None
) -> None:
    assert other_tokens(text, words, []) == said
