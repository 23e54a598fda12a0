"""``annotator export``: the seed gold in every format, splits, UTF-16 offsets, clear errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from annotator.core.formats import EXPORT_FORMATS
from annotator.core.formats.export import export_records
from annotator.core.formats.importing import import_documents
from annotator.core.formats.prodigy import input_hash
from annotator.core.models import Record
from annotator.core.scheme import default_scheme_path, load_default_scheme
from annotator.core.tokens import tokenize
from tests.test_formats_support import (
    SEED_GOLD,
    SEED_TEXT,
    export_import,
    need,
    out_path,
    record,
    seed_case,
    spans_of,
    texts_of,
    write_case,
)

ARTICLE = SEED_TEXT.read_text(encoding="utf-8")
GOLD = Record.model_validate(orjson.loads(SEED_GOLD.read_bytes()))
GOLD_SPANS = {(s.start, s.end, s.label) for s in GOLD.spans}


def export(tmp_path: Path, fmt: str, **options: object) -> tuple[Path, list[str]]:
    corpus, gold = seed_case(tmp_path)
    warnings: list[str] = []
    out = out_path(tmp_path, fmt)
    export_records(gold, fmt, out, corpus=corpus, on_warning=warnings.append, **options)  # type: ignore[arg-type]
    return out, warnings


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_seed_gold_exports_to_every_format_and_back(tmp_path: Path, fmt: str) -> None:
    if fmt == "spacy":
        need("spacy")
    corpus, gold = seed_case(tmp_path)
    options = {"with_text": True} if fmt == "jsonl" else {}
    _out, back_corpus, records, warnings = export_import(tmp_path, fmt, corpus, gold, **options)
    back = spans_of(records)
    if fmt in ("conll", "hf"):
        # One tag per token: each count inside its releasee span is left out, and said so. The
        # text is rebuilt from the tokens, so compare what the spans cover.
        assert sum("cannot hold overlapping spans" in line for line in warnings) == 3
        (text,) = texts_of(back_corpus).values()
        (spans,) = back.values()
        expected = [(ARTICLE[s:e], label) for s, e, label in GOLD_SPANS if label != "count"]
        assert sorted((text[s:e], label) for s, e, label in spans) == sorted(expected)
    else:
        assert back == {"article": GOLD_SPANS}
    if fmt not in ("jsonl", "brat"):
        assert any("cannot carry the form (2 field(s)), links (17), span values (4)" in line
                   for line in warnings)  # fmt: skip


def test_jsonl_is_the_record_itself_or_with_text(tmp_path: Path) -> None:
    out, warnings = export(tmp_path, "jsonl")
    assert out.read_bytes() == SEED_GOLD.read_bytes()
    assert warnings == []
    export_records(SEED_GOLD, "jsonl", tmp_path / "bare.jsonl")  # no corpus needed
    assert (tmp_path / "bare.jsonl").read_bytes() == SEED_GOLD.read_bytes()
    out, _ = export(tmp_path, "jsonl", with_text=True, force=True)  # over the bare export
    row = orjson.loads(out.read_bytes())
    assert row["text"] == ARTICLE and row["meta"]["date"] == "2025-08-24"


def test_prodigy_task(tmp_path: Path) -> None:
    out, _ = export(tmp_path, "prodigy")
    task = orjson.loads(out.read_bytes())
    assert list(task) == [
        "text", "meta", "_input_hash", "_task_hash", "tokens", "spans", "_view_id", "answer",
        "_timestamp",
    ]  # fmt: skip
    assert task["text"] == ARTICLE and task["answer"] == "accept"
    assert task["_timestamp"] == 1756112400  # the gold's updated_at, 2025-08-25T09:00:00Z
    assert task["meta"]["doc_id"] == "article"
    assert task["_input_hash"] == input_hash(ARTICLE)
    tokens = tokenize(ARTICLE)
    words = [t for t in task["tokens"] if not t["text"].isspace()]  # "\n\n" is a token too
    assert [(t["start"], t["end"], t["text"]) for t in words] == [tuple(t) for t in tokens]
    assert [t["id"] for t in task["tokens"]] == list(range(len(task["tokens"])))
    assert task["tokens"][0]["ws"] is True  # "date" then a space
    for span in task["spans"]:
        assert task["tokens"][span["token_start"]]["start"] == span["start"]
        assert task["tokens"][span["token_end"]]["end"] == span["end"]
        assert ARTICLE[span["start"] : span["end"]] == span["text"]
    again, _ = export(tmp_path / "again", "prodigy")
    assert again.read_bytes() == out.read_bytes()  # the task hash is stable


@pytest.mark.parametrize("style", ["label", "entities"])
def test_doccano_styles(tmp_path: Path, style: str) -> None:
    out, _ = export(tmp_path, "doccano", style=style)
    row = orjson.loads(out.read_bytes())
    assert row["id"] == "article" and row["text"] == ARTICLE
    if style == "label":
        spans = {tuple(triple) for triple in row["label"]}
    else:
        spans = {(e["start_offset"], e["end_offset"], e["label"]) for e in row["entities"]}
        assert row["relations"] == []
    assert spans == GOLD_SPANS


def test_labelstudio_tasks(tmp_path: Path) -> None:
    out, _ = export(tmp_path, "labelstudio")
    (task,) = orjson.loads(out.read_bytes())
    assert task["data"] == {"text": ARTICLE}
    assert task["meta"]["doc_id"] == "article"
    result = task["annotations"][0]["result"]
    assert {(r["value"]["start"], r["value"]["end"], r["value"]["labels"][0]) for r in result} == (
        GOLD_SPANS
    )
    assert all(
        ARTICLE[r["value"]["start"] : r["value"]["end"]] == r["value"]["text"] for r in result
    )


def test_brat_carries_values_form_links_and_note(tmp_path: Path) -> None:
    out, warnings = export(tmp_path, "brat")
    # All but the record's times, which only jsonl keeps, and that is said.
    assert warnings == [
        "brat cannot carry updated_at and seconds_spent (time spent) of any record: not "
        "written for 1 document(s) (jsonl and labelstudio keep them)"
    ]
    assert sorted(p.name for p in out.iterdir()) == [
        "annotation.conf",
        "article.ann",
        "article.txt",
    ]
    assert (out / "article.txt").read_text(encoding="utf-8") == ARTICLE
    ann = (out / "article.ann").read_text(encoding="utf-8").splitlines()
    assert ann[0] == "T1\tactor 16 22\tRussia"
    assert '#1\tAnnotatorNotes T3\tvalue "2025-08-24"' in ann
    assert '#5\tAnnotatorNotes T1\tform event_type "exchange"' in ann
    corpus = tmp_path / "back.jsonl"
    records = tmp_path / "back-records.jsonl"
    import_documents(
        out, "brat", corpus, annotations=records, annotator="gold",
        scheme=load_default_scheme(),
    )  # fmt: skip
    back = Record.model_validate(orjson.loads(records.read_bytes()))
    ids = {s.id: (s.start, s.end, s.label) for s in back.spans}
    gold_ids = {s.id: (s.start, s.end, s.label) for s in GOLD.spans}
    assert {(s.start, s.end, s.label, s.value) for s in back.spans} == {
        (s.start, s.end, s.label, s.value) for s in GOLD.spans
    }
    assert back.form == GOLD.form and back.note == GOLD.note
    assert {p: {ids[i] for i in v} for p, v in back.links.items()} == {
        p: {gold_ids[i] for i in v} for p, v in GOLD.links.items()
    }
    checked = subprocess.run(
        [sys.executable, "-m", "annotator", "validate", str(records), "--corpus", str(corpus),
         "--scheme", str(default_scheme_path())],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stdout


def test_conll_lines(tmp_path: Path) -> None:
    out, warnings = export(tmp_path, "conll")
    lines = out.read_text(encoding="utf-8").split("\n")
    assert lines[:4] == ["-DOCSTART- O", "", "date O", "2025-08-24 O"]
    assert "Russian B-actor" in lines and "defence I-actor" in lines and "ministry I-actor" in lines
    assert lines[-2:] == ["", ""]  # the last sentence's blank line, then the end of the file
    assert (  # what conll cannot carry is said last (a summary line past 5 documents)
        "article: conll: cannot hold overlapping spans: s12 count 978..983 'eight' overlaps "
        "s13; left out"
    ) in warnings
    assert warnings[-1].startswith("article: conll cannot carry the form (2 field(s))")


def test_hf_loads_with_datasets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    datasets = need("datasets")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    out, _ = export(tmp_path, "hf")
    names = orjson.loads((out / "labels.json").read_bytes())
    assert names == ["O", "B-actor", "I-actor", "B-count", "I-count", "B-date", "I-date",
                     "B-releasee", "I-releasee"]  # fmt: skip
    loaded = datasets.load_dataset(
        "json", data_files={"train": str(out / "data.jsonl")}, cache_dir=str(tmp_path / "cache")
    )
    row = loaded["train"][0]
    assert row["id"] == "article"
    assert row["tokens"] == [t.text for t in tokenize(ARTICLE)]
    tags = [names[i] for i in row["ner_tags"]]
    assert tags[row["tokens"].index("Russia")] == "B-actor"


def test_hf_labels_follow_the_scheme(tmp_path: Path) -> None:
    out, _ = export(tmp_path, "hf", scheme=load_default_scheme())
    assert orjson.loads((out / "labels.json").read_bytes())[1:3] == ["B-actor", "I-actor"]


def test_spacy_docbin(tmp_path: Path) -> None:
    need("spacy")
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    out, warnings = export(tmp_path, "spacy")
    assert any(line.startswith("spacy: 1 document(s) with overlapping spans") for line in warnings)
    (doc,) = DocBin().from_bytes(out.read_bytes()).get_docs(Vocab())
    assert doc.text == ARTICLE
    assert {(s.start_char, s.end_char, s.label_) for s in doc.spans["sc"]} == GOLD_SPANS
    # doc.ents cannot overlap: each count inside its releasee span is left out of it only.
    ents = {(e.start_char, e.end_char, e.label_) for e in doc.ents}
    assert ents < GOLD_SPANS and {label for _s, _e, label in GOLD_SPANS - ents} == {"count"}
    assert doc.user_data["doc_id"] == "article"
    # Without overlapping spans, doc.ents.
    text = "Kyiv and Moscow\n\n  swapped   146."
    corpus, gold = write_case(tmp_path / "x", [("d", text)], [record("d", text, [(0, 4, "actor")])])
    export_records(gold, "spacy", tmp_path / "x.spacy", corpus=corpus)
    (doc,) = DocBin().from_bytes((tmp_path / "x.spacy").read_bytes()).get_docs(Vocab())
    assert doc.text == text and [(e.text, e.label_) for e in doc.ents] == [("Kyiv", "actor")]


def test_a_token_a_span_ends_inside_is_cut_there(tmp_path: Path) -> None:
    # The span was widened to 'Ukraine' (reported): the training data changed.
    text = "Ukraine's forces"
    corpus, gold = write_case(tmp_path, [("d", text)], [record("d", text, [(0, 5, "actor")])])
    warnings: list[str] = []
    export_records(gold, "conll", tmp_path / "o.conll", corpus=corpus, on_warning=warnings.append)
    # Not widened: only that the cut word reads back spaced is said (and that conll has no ids,
    # nor the text's spacing).
    assert len(warnings) == 3 and warnings[1].startswith("conll cannot carry document ids")
    assert warnings[2].startswith("conll cannot carry the text's whitespace")
    assert "cut where a span starts or ends" in warnings[0]
    assert "(first: d: 'Ukrai' 'ne')" in warnings[0]
    assert (tmp_path / "o.conll").read_text().splitlines()[2:5] == ["Ukrai B-actor", "ne O", "'s O"]
