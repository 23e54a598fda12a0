"""A word cut at a span's edge reads back whole where the format can say so.

A curator's trial: ``Ex-Yahoo`` with the span ``Yahoo`` is written as the tokens ``Ex-`` and
``Yahoo`` (the span exact), and importing the hf or CoNLL file joined the tokens with a space:
the text read ``Ex- Yahoo``. hf rows now carry ``spaces`` (spaCy's ``Doc(words=, spaces=)``)
and ``whitespace`` (each gap as it is: ``spaces`` alone made a line break one space), which the
import follows, so the text and spans come back exactly; CoNLL has no such field, and
the export says that such words read back spaced.
"""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.formats.export import export_records
from annotator.core.formats.importing import import_documents
from tests.test_formats_support import export_import, need, record, spans_of, texts_of, write_case

TEXT = "An Ex-Yahoo head, Kyiv's mayor (and 146 others) were freed."
YAHOO = TEXT.index("Yahoo")
KYIV = TEXT.index("Kyiv")
SPANS = [(YAHOO, YAHOO + 5, "actor"), (KYIV, KYIV + 3, "actor")]  # "Kyi" inside Kyiv's


def _case(folder: Path, text: str = TEXT) -> tuple[Path, Path]:
    return write_case(folder, [("d", text)], [record("d", text, SPANS)])


def test_hf_gives_back_the_text_and_spans_of_a_cut_word(tmp_path: Path) -> None:
    corpus, gold = _case(tmp_path / "case")
    out, back, records, said = export_import(tmp_path, "hf", corpus, gold)
    (row,) = map(orjson.loads, (out / "data.jsonl").read_bytes().splitlines())
    at = row["tokens"].index("Ex-")
    assert row["tokens"][at : at + 3] == ["Ex-", "Yahoo", "head"]
    assert row["spaces"][at - 1 : at + 3] == [True, False, True, False]
    assert row["spaces"][-1] is False and len(row["spaces"]) == len(row["tokens"])
    assert texts_of(back) == {"d": TEXT}
    assert spans_of(records) == {"d": set(SPANS)}
    assert not [line for line in said if "spaced" in line]


def test_hf_whitespace_gives_back_line_breaks_and_tabs(tmp_path: Path) -> None:
    """``spaces`` alone made every gap one space (the text read ``Freed: Ex-Yahoo head.``);
    ``whitespace`` holds each gap as it is. Whitespace before the first token has no place
    in a row: said once, and the text comes back from the first token on."""
    text = "  Freed:\n\nEx-Yahoo\thead  now.\n"
    yahoo = text.index("Yahoo")
    corpus, gold = write_case(
        tmp_path / "w", [("d", text)], [record("d", text, [(yahoo, yahoo + 5, "actor")])]
    )
    out, back, records, said = export_import(tmp_path, "hf", corpus, gold)
    (row,) = map(orjson.loads, (out / "data.jsonl").read_bytes().splitlines())
    assert row["tokens"] == ["Freed", ":", "Ex-", "Yahoo", "head", "now", "."]
    assert row["whitespace"] == ["", "\n\n", "", "\t", "  ", "", "\n"]
    assert row["spaces"] == [False, True, False, True, True, False, False]
    assert texts_of(back) == {"d": text[2:]}
    assert spans_of(records) == {"d": {(yahoo - 2, yahoo + 3, "actor")}}
    assert said == [
        "hf: 1 document(s) begin with whitespace (first: d), which a row cannot hold "
        "(whitespace is kept after each token, none before the first): importing the rows "
        "gives their text without it"
    ]


def test_hf_round_trip_is_exact_and_silent_for_a_text_starting_with_a_word(
    tmp_path: Path,
) -> None:
    text = "Kestria freed 12.\n\nNorvania\tsaid  so.\n\n"
    corpus, gold = write_case(tmp_path / "w", [("d", text)], [record("d", text, [(0, 7, "actor")])])
    _out, back, records, said = export_import(tmp_path, "hf", corpus, gold)
    assert texts_of(back) == {"d": text}
    assert spans_of(records) == {"d": {(0, 7, "actor")}}
    assert said == []


def test_hf_rows_without_spaces_read_as_before(tmp_path: Path) -> None:
    folder = tmp_path / "hf"
    folder.mkdir()
    (folder / "labels.json").write_text('["O", "B-ORG", "I-ORG"]')
    row = {"id": "d", "tokens": ["Ex-", "Yahoo", "head", "."], "ner_tags": [0, 1, 0, 0]}
    (folder / "data.jsonl").write_bytes(orjson.dumps(row) + b"\n")
    import_documents(
        folder, "hf", tmp_path / "c.jsonl", annotations=tmp_path / "r.jsonl", annotator="gold"
    )
    assert texts_of(tmp_path / "c.jsonl") == {"d": "Ex- Yahoo head."}


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"spaces": [True, False]}, "spaces: expected one per token (3), got 2"),
        ({"spaces": [1, 0, 0]}, "spaces: expected a list of true or false, one per token"),
        ({"whitespace": [" ", ""]}, "whitespace: expected one per token (3), got 2"),
        ({"whitespace": " "}, "whitespace: expected a list of strings, one per token"),
        (
            {"whitespace": ["", " x", ""]},
            "whitespace.1: ' x' is not whitespace (what follows a token before the next)",
        ),
        (
            {"spaces": [True, False, False], "whitespace": ["", " ", ""]},
            "whitespace.0: '' disagrees with spaces.0 (true); correct one of them",
        ),
    ],
)
def test_hf_bad_spaces_name_the_line_and_field(
    tmp_path: Path, fields: dict[str, object], problem: str
) -> None:
    (tmp_path / "labels.json").write_text('["O", "B-ORG", "I-ORG"]')
    row = {"id": "d", "tokens": ["Ex-", "Yahoo", "."], "ner_tags": [0, 1, 0], **fields}
    source = tmp_path / "data.jsonl"
    source.write_bytes(orjson.dumps(row) + b"\n")
    with pytest.raises(AnnotatorError) as caught:
        import_documents(
            source, "hf", tmp_path / "c.jsonl", annotations=tmp_path / "r.jsonl", annotator="gold"
        )
    assert str(caught.value) == f"{source}:1: {problem}"


def test_conll_says_a_cut_word_reads_back_spaced(tmp_path: Path) -> None:
    corpus, gold = _case(tmp_path / "case")
    said: list[str] = []
    export_records(gold, "conll", tmp_path / "out.conll", corpus=corpus, on_warning=said.append)
    assert said == [
        "conll: 2 word(s) cut where a span starts or ends inside them (first: d: 'Ex-' "
        "'Yahoo'), so each span is exact; CoNLL has no field for 'no space after', so an "
        "import reads them back spaced (hf and spacy keep them whole)",
        "conll cannot carry document ids: not written for 1 document(s) (first: d); "
        "an import back names them <file>-000001 on, in this order",
        "conll cannot carry the text's whitespace: an import back rebuilds each text from its "
        "tokens, one sentence per line, words spaced ('27–29' as '27 – 29'; blank lines and a "
        "last line break dropped), so 1 document(s) (first: d) come back with another text and "
        "other offsets; jsonl --with-text, prodigy, doccano, labelstudio, brat and spacy keep "
        "the text",
    ]
    lines = (tmp_path / "out.conll").read_text().splitlines()
    assert lines[lines.index("Ex- O") :][:3] == ["Ex- O", "Yahoo B-actor", "head O"]


def test_conll_says_nothing_when_no_word_is_cut(tmp_path: Path) -> None:
    text = "Ex-Yahoo head freed."
    corpus, gold = write_case(tmp_path, [("d", text)], [record("d", text, [(0, 8, "actor")])])
    said: list[str] = []
    export_records(gold, "conll", tmp_path / "out.conll", corpus=corpus, on_warning=said.append)
    assert said == [  # no word cut: only that conll has no document ids
        "conll cannot carry document ids: not written for 1 document(s) (first: d); "
        "an import back names them <file>-000001 on, in this order"
    ]


def test_datasets_loads_the_rows_with_their_features(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The Features docs/formats.md gives: a Features without spaces no longer fits the rows.
    datasets = need("datasets")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    corpus, gold = _case(tmp_path / "case")
    out = tmp_path / "hf"
    export_records(gold, "hf", out, corpus=corpus)
    names = orjson.loads((out / "labels.json").read_bytes())
    features = datasets.Features(
        {
            "id": datasets.Value("string"),
            "tokens": datasets.Sequence(datasets.Value("string")),
            "ner_tags": datasets.Sequence(datasets.ClassLabel(names=names)),
            "spaces": datasets.Sequence(datasets.Value("bool")),
            "whitespace": datasets.Sequence(datasets.Value("string")),
        }
    )
    loaded = datasets.load_dataset(
        "json",
        data_files={"train": str(out / "data.jsonl")},
        features=features,
        cache_dir=str(tmp_path / "cache"),
    )
    (row,) = loaded["train"]
    words = "".join(t + " " * s for t, s in zip(row["tokens"], row["spaces"], strict=True))
    assert words.strip() == TEXT
    assert "".join(t + w for t, w in zip(row["tokens"], row["whitespace"], strict=True)) == TEXT
