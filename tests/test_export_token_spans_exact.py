"""Token formats keep a span exact: a token a span starts or ends inside is cut there.

A curator's trial: Prodigy's ``Yahoo`` (its tokens ``Ex``, ``-``, ``Yahoo``) was written to
spaCy, hf and CoNLL as ``Ex-Yahoo`` ORG, edsnlp's ``AVC`` as ``d'AVC`` pathologie: reported, but
the training data changed. Now the word is cut at the span's edge (``Ex-`` + ``Yahoo``): spaCy
keeps every span exact (in whitespace too), hf and CoNLL every span that does not begin or end
with whitespace, which no token of theirs holds (that is still said).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import orjson
import pytest
from hypothesis import given

from annotator.core.formats.export import export_records
from annotator.core.models import Record
from tests.test_formats_fixtures import EDS, PRODIGY, run_import
from tests.test_formats_roundtrip import SETTINGS, text_cases
from tests.test_formats_support import export_import, need, out_path, record, spans_of, write_case

YAHOO = "annotated_news_headlines-ORG-PERSON-LOCATION-ner.first200-000076"


def records_of(path: Path) -> dict[str, list[tuple[int, int, str, str]]]:
    out = {}
    for line in path.read_bytes().splitlines():
        row = orjson.loads(line)
        out[row["doc_id"]] = sorted(
            (s["start"], s["end"], s["label"], s["text"]) for s in row["spans"]
        )
    return out


def words_of(spans: list[tuple[int, int, str, str]]) -> list[tuple[str, str]]:
    """A span's words and label: hf and CoNLL rebuild the text from tokens, spaced their way."""
    return sorted(("".join(text.split()), label) for _s, _e, label, text in spans)


def imported(tmp_path: Path, source: Path, fmt: str) -> tuple[Path, Path]:
    run_import(source, fmt, tmp_path / "in")
    return tmp_path / "in" / "corpus.jsonl", tmp_path / "in" / "records.jsonl"


@pytest.mark.parametrize("fmt", ["spacy", "hf", "conll"])
@pytest.mark.parametrize(
    ("source", "src_fmt", "word"), [(PRODIGY, "prodigy", "Yahoo"), (EDS, "brat", "AVC")]
)
def test_another_tool_s_span_inside_a_word_comes_back_exact(
    tmp_path: Path, fmt: str, source: Path, src_fmt: str, word: str
) -> None:
    if fmt == "spacy":
        need("spacy")
    corpus, gold = imported(tmp_path, source, src_fmt)
    _out, _back, again, warnings = export_import(tmp_path, fmt, corpus, gold)
    # About the spans' edges; conll's line on the text's own whitespace is another matter.
    edges = [w for w in warnings if not w.startswith("conll cannot carry the text's whitespace")]
    assert not [w for w in edges if "token edges" in w or "whitespace" in w]
    sent, got = records_of(gold), records_of(again)
    if fmt == "conll":  # no document ids: documents come back in id order
        got = dict(zip(sorted(sent), got.values(), strict=True))
    if fmt == "spacy":  # the text and every span exactly
        assert got == sent
    elif fmt == "hf":  # every span's words; overlaps left out (reported), as before
        kept = {d: [s for s in sent[d] if words_of([s])[0] in words_of(got[d])] for d in sent}
        assert {d: words_of(s) for d, s in got.items()} == {d: words_of(s) for d, s in kept.items()}
    else:  # the same, but a span across a sentence break comes back as one span per sentence
        for doc_id, spans in got.items():
            whole = words_of(sent[doc_id])
            assert all(any(w in x and a == b for x, b in whole) for w, a in words_of(spans))
    found = sorted(s[3] for spans in got.values() for s in spans if word in s[3])
    assert word in found  # never d'AVC, Ex-Yahoo: as the source has them
    assert found == sorted(s[3] for spans in sent.values() for s in spans if word in s[3])
    if src_fmt == "prodigy":
        assert (word, "ORG") in words_of(got[YAHOO])


def test_spacy_and_datasets_load_the_cut_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, gold = imported(tmp_path, PRODIGY, "prodigy")
    spacy = need("spacy")
    out = out_path(tmp_path, "spacy")
    export_records(gold, "spacy", out, corpus=corpus)
    docs = list(spacy.tokens.DocBin().from_bytes(out.read_bytes()).get_docs(spacy.vocab.Vocab()))
    (doc,) = [d for d in docs if d.user_data["doc_id"] == YAHOO]
    assert [t.text for t in doc][-4:] == ["a", "Candid", "Ex-", "Yahoo", "Executive"][-4:]
    assert [(e.text, e.label_, e.start_char, e.end_char) for e in doc.ents] == [
        ("AOL", "ORG", 0, 3),
        ("Yahoo", "ORG", 67, 72),
    ]
    assert doc.text == doc.text_with_ws and "Ex-Yahoo" in doc.text
    datasets = need("datasets")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    hf = out_path(tmp_path, "hf")
    export_records(gold, "hf", hf, corpus=corpus)
    loaded = datasets.load_dataset(
        "json", data_files={"train": str(hf / "data.jsonl")}, cache_dir=str(tmp_path / "cache")
    )
    (row,) = [r for r in loaded["train"] if r["id"] == YAHOO]
    names = orjson.loads((hf / "labels.json").read_bytes())
    tags = dict(zip(row["tokens"], [names[i] for i in row["ner_tags"]], strict=True))
    assert (tags["Ex-"], tags["Yahoo"], tags["Executive"]) == ("O", "B-ORG", "O")


def test_whitespace_edges_are_exact_in_spacy_and_said_in_hf(tmp_path: Path) -> None:
    text = "Freed:\nSecond group,  then  more."
    start, gap = text.index("\nSecond"), text.index("  then")
    spans = [(start, start + 7, "actor"), (gap, gap + 6, "date"), (gap + 7, gap + 8, "count")]
    corpus, gold = write_case(tmp_path / "w", [("e", text)], [record("e", text, spans)])
    said: list[str] = []
    export_records(gold, "hf", tmp_path / "hf", corpus=corpus, on_warning=said.append)
    assert said == [
        "e: hf: span s1 actor 6..13 '\\nSecond' begins or ends with whitespace, which no token "
        "holds; written as tokens 2..2 'Second'",
        "e: hf: span s2 date 20..26 '  then' begins or ends with whitespace, which no token "
        "holds; written as tokens 5..5 'then'",
        "e: hf: span s3 count 27..28 ' ' covers no token; left out",
    ]
    need("spacy")
    said = []
    _out, _back, again, said = export_import(tmp_path, "spacy", corpus, gold)
    assert said == []
    assert spans_of(again) == spans_of(gold)


@SETTINGS
@given(text_cases())
def test_spacy_gives_back_any_span_exactly(case: list[tuple[str, str, Record]]) -> None:
    need("spacy")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        corpus, gold = write_case(folder, [(i, t) for i, t, _r in case], [r for _i, _t, r in case])
        _out, back, again, said = export_import(folder, "spacy", corpus, gold)
        assert not [line for line in said if "token" in line or "whitespace" in line]
        assert spans_of(again) == spans_of(gold)
        texts = {
            row["id"]: row["text"] for row in map(orjson.loads, back.read_bytes().splitlines())
        }
        assert texts == {i: t for i, t, _r in case}
