"""CoNLL-U comment lines are skipped (and said), and a JSON file read as CoNLL is refused.

A trial's ``# sent_id = 1`` line was read as the token ``#`` with the tag ``1`` (``tag: '1' is
not a tag of IOB2``), and a spaCy JSONL file read as CoNLL quoted the rest of its first line as
the "tag". A line opening with ``#`` whose last column is no tag is a comment; ``# O`` stays the
token ``#`` (a tweet's hashtag).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import orjson
import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.formats.importing import import_documents

FIXTURES = Path(__file__).parent / "fixtures"


def run(source: Path, out: Path) -> tuple[list[str], list[dict[str, object]], list[object]]:
    warnings: list[str] = []
    import_documents(source, "conll", out / "c.jsonl", annotations=out / "a.jsonl",
                     annotator="al", on_warning=warnings.append)  # fmt: skip
    docs = [orjson.loads(line) for line in (out / "c.jsonl").read_bytes().splitlines()]
    records = [orjson.loads(line) for line in (out / "a.jsonl").read_bytes().splitlines()]
    spans = [(s["text"], s["label"]) for r in records for s in r["spans"]]
    return warnings, docs, spans


def test_conllu_comments_are_skipped_and_said(tmp_path: Path) -> None:
    source = tmp_path / "com.conll"
    source.write_text(
        "# sent_id = 1\n# text = Kestria freed 12.\nKestria B-actor\nfreed O\n12 B-count\n\n"
        "# sent_id = 2\n#\n# O\nNorvania B-actor\n"
    )
    warnings, docs, spans = run(source, tmp_path / "o")
    assert [d["text"] for d in docs] == ["Kestria freed 12\n# Norvania"]
    assert spans == [("Kestria", "actor"), ("12", "count"), ("Norvania", "actor")]
    assert warnings == [
        f"{source}:1: 4 comment line(s) ('# ...', as CoNLL-U writes sent_id and text) "
        "skipped: the text is made from the tokens"
    ]


@pytest.mark.parametrize(
    ("first", "named"),
    [
        (
            '{"text":"I\'m seeing Ed Sheeran","spans":[{"start":11,"end":21,"label":"PERSON"}]}',
            "; it looks like a Prodigy file: --format prodigy",
        ),
        ("[", ""),
        ("{", ""),
        (
            '[{"id": 1, "data": {"text": "x"}}]',
            "; it looks like a Label Studio file: --format labelstudio",
        ),
    ],
)
def test_a_json_file_is_not_conll(tmp_path: Path, first: str, named: str) -> None:
    source = tmp_path / "x.jsonl"
    source.write_text(first + "\n")
    with pytest.raises(AnnotatorError) as raised:
        run(source, tmp_path / "o")
    assert str(raised.value) == (
        f"{source}:1: not CoNLL: this line is JSON ({first.strip()[:30]!r}...); CoNLL is a "
        "TOKEN and a TAG on each line: import a JSON file with its own --format (jsonl, "
        "doccano, prodigy, labelstudio)" + named
    )
    assert not (tmp_path / "o").exists()


def test_the_spacy_fixture_jsonl_read_as_conll_is_refused_on_line_1(tmp_path: Path) -> None:
    source = tmp_path / "ner_tweets.demo.jsonl"
    shutil.copy(FIXTURES / "spacy" / "ner_tweets.demo.jsonl", source)
    with pytest.raises(AnnotatorError, match=r"ner_tweets\.demo\.jsonl:1: not CoNLL: this line"):
        run(source, tmp_path / "o")
