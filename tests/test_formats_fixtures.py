"""Every file other tools wrote (tests/fixtures, see their SOURCE.txt) imports, or fails clearly.

Imported records must pass ``annotator validate`` against the imported corpus and the scheme
written beside it, and importing then exporting then importing must give the same spans.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.formats.importing import ImportResult, import_documents
from annotator.core.scheme import load_scheme
from tests.test_formats_support import FIXTURES, export_import, need, spans_of, texts_of

BRAT = FIXTURES / "brat" / "docs"
EDS = FIXTURES / "brat" / "edsnlp" / "docs"
CONLL = FIXTURES / "conll"
DOCCANO = FIXTURES / "doccano"
LS = FIXTURES / "label_studio" / "frontend_examples_named_entity"
PRODIGY = FIXTURES / "prodigy" / "annotated_news_headlines-ORG-PERSON-LOCATION-ner.first200.jsonl"
SPACY = FIXTURES / "spacy"

EXPORTED = DOCCANO / "export_examples"
EXAMPLES = DOCCANO / "import_examples"
TESTDATA = DOCCANO / "import_test_data"
SEQ = "sequence_labeling.example"
REL = "relation_extraction.example.jsonl"

# (name, source, format, documents, records, spans)
IMPORTS = [
    ("brat-tutorials", BRAT, "brat", 3, 3, 35),
    ("brat-edsnlp", EDS, "brat", 2, 1, 11),
    ("conll-tab", CONLL / "fewshot_conll__1shot.txt", "conll", 1, 1, 4),
    ("conll-2003", CONLL / "ner-token-per-line-conll2003.iob", "conll", 1, 1, 7),
    ("doccano-export", EXPORTED / f"{SEQ}.jsonl", "doccano", 3, 3, 4),
    ("doccano-relations-pretty", EXPORTED / REL, "doccano", 1, 1, 4),
    ("doccano-relations", EXAMPLES / REL, "doccano", 1, 1, 4),
    ("doccano-conll", EXAMPLES / f"{SEQ}.conll.txt", "conll", 1, 1, 4),
    ("doccano-test-conll", TESTDATA / f"{SEQ}.conll", "conll", 1, 1, 2),
    (
        "doccano-test-trailing",
        TESTDATA / "sequence_labeling.labeling.trailing.conll",
        "conll",
        1,
        1,
        2,
    ),
    ("doccano-test-overlapping", TESTDATA / f"{SEQ}_overlapping.jsonl", "doccano", 1, 1, 1),
    ("doccano-test-relations", TESTDATA / REL, "doccano", 1, 1, 4),
    ("labelstudio-annotation", LS / "annotations_1.json", "labelstudio", 1, 1, 1),
    ("labelstudio-predictions", LS / "tasks.json", "labelstudio", 1, 0, 0),
    ("prodigy", PRODIGY, "prodigy", 200, 200, 171),
    ("prodigy-tweet", SPACY / "ner_tweets.demo.jsonl", "prodigy", 1, 1, 1),
    ("spacy", SPACY / "ner_tweets.demo.spacy", "spacy", 1, 1, 1),
]

# (name, source, format, the one clear line)
ERRORS = [
    (
        "doccano-custom-columns",
        EXAMPLES / f"{SEQ}.jsonl",
        "doccano",
        ':1: text: required field is missing (doccano rows hold the text in "text"; fields '
        "here: column_data, column_label; name the text's field with --text-key KEY, "
        "the labels' with --label-key KEY)",
    ),
    (
        "doccano-row-without-text",
        TESTDATA / f"{SEQ}.jsonl",
        "doccano",
        ':3: text: required field is missing (doccano rows hold the text in "text"; fields '
        "here: label, meta)",
    ),
    (
        "conll-malformed",
        TESTDATA / "sequence_labeling.labeling.invalid.conll",
        "conll",
        ":1: tag: 'SOCCERO' is not a tag of IOB2 (B-X, I-X or O)",
    ),
]


def run_import(
    source: Path, fmt: str, folder: Path, skip_bad: bool = False, records: bool = True
) -> tuple[ImportResult, list[str]]:
    """Import ``source``; with ``records``, its labels too (a source of none is refused)."""
    warnings: list[str] = []
    result = import_documents(
        source,
        fmt,
        folder / "corpus.jsonl",
        annotations=folder / "records.jsonl" if records else None,
        annotator="fixture" if records else None,
        skip_bad=skip_bad,
        on_warning=warnings.append,
    )
    return result, warnings


def validate(folder: Path) -> subprocess.CompletedProcess[str]:
    args = [str(folder / "records.jsonl"), "--corpus", str(folder / "corpus.jsonl")]
    scheme = folder / "corpus.scheme.toml"
    if scheme.exists():
        args += ["--scheme", str(scheme)]
    return subprocess.run(
        [sys.executable, "-m", "annotator", "validate", *args],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize(("name", "source", "fmt", "docs", "records", "spans"), IMPORTS)
def test_fixture_imports_and_validates(
    tmp_path: Path, name: str, source: Path, fmt: str, docs: int, records: int, spans: int
) -> None:
    if fmt == "spacy":
        need("spacy")
    # A source of no label is imported without --annotations: with it, it would be refused.
    result, _warnings = run_import(source, fmt, tmp_path, records=records > 0)
    assert (result.documents, result.records, result.spans) == (docs, records, spans)
    if result.records:
        load_scheme(tmp_path / "corpus.scheme.toml")
        checked = validate(tmp_path)
        assert checked.returncode == 0, checked.stdout + checked.stderr
        assert checked.stdout == ""


@pytest.mark.parametrize(("name", "source", "fmt", "message"), ERRORS)
def test_fixture_gives_the_documented_error(
    tmp_path: Path, name: str, source: Path, fmt: str, message: str
) -> None:
    with pytest.raises(AnnotatorError) as caught:
        run_import(source, fmt, tmp_path)
    assert str(caught.value) == f"{source}{message}"
    assert list(tmp_path.iterdir()) == []


def test_cli_error_is_one_line_and_exit_1(tmp_path: Path) -> None:
    source = ERRORS[2][1]
    out = str(tmp_path / "c.jsonl")
    result = subprocess.run(
        [sys.executable, "-m", "annotator", "import", str(source), "--format", "conll", "-o", out],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"{source}{ERRORS[2][3]}"]
    assert list(tmp_path.iterdir()) == []


def test_brat_reports_what_is_not_a_span(tmp_path: Path) -> None:
    _result, warnings = run_import(EDS, "brat", tmp_path)
    ann = EDS / "doc-1.ann"
    assert f"{ann}:5: T4: discontinuous span pathologie 75 83;85 98; imported as one span " \
        "75..98 covering its fragments and what lies between them (a brat export writes " \
        "these fragments back while it keeps its offsets)" in warnings  # fmt: skip
    assert f"{ann}: 8 attribute(s), 2 event(s), 1 note(s), 2 relation(s) kept in the " \
        "record's note, not imported as spans" in warnings  # fmt: skip
    record = orjson.loads((tmp_path / "records.jsonl").read_bytes())
    assert record["doc_id"] == "doc-1"  # doc-2 has no .ann: nobody annotated it
    span = next(s for s in record["spans"] if s["id"] == "T4")
    assert (span["start"], span["end"], span["text"]) == (75, 98, "problème \nde locomotion")
    assert "R1\tlieu Arg1:T8 Arg2:T9" in record["note"]
    assert "#1\tAnnotatorNotes T7\tRepetition" in record["note"]


def test_brat_label_names_become_scheme_names(tmp_path: Path) -> None:
    _result, warnings = run_import(BRAT, "brat", tmp_path)
    assert (
        "label 'Transfer-money' is not a scheme label name (ASCII letters, digits, _); "
        "imported as 'Transfer_money' (choose another with --map Transfer-money=NEW)"
    ) in warnings
    scheme = load_scheme(tmp_path / "corpus.scheme.toml")
    names = [label.name for label in scheme.labels]
    # None is a default scheme label: by name, not in the file's order (Protein came first).
    assert names[:3] == ["Binding", "GPE", "Money"] and names == sorted(names)
    assert "Transfer_money" in names


def test_labelstudio_predictions_and_prodigy_rejects_are_not_labels(tmp_path: Path) -> None:
    tasks = LS / "tasks.json"
    with pytest.raises(AnnotatorError, match="no record to write to"):
        run_import(tasks, "labelstudio", tmp_path / "ls")  # predictions are no records
    _result, warnings = run_import(tasks, "labelstudio", tmp_path / "ls", records=False)
    assert warnings == [
        f"{tasks}:2: task 1: 1 prediction(s) not imported (model output, not labels; "
        "--predictions imports them as pre-annotations)"
    ]
    source = tmp_path / "teach.jsonl"
    task = {"text": "Kyiv and Moscow", "spans": [{"start": 0, "end": 4, "label": "GPE"}]}
    rejected = [{"start": 9, "end": 15, "label": "GPE", "answer": "reject"}]
    rejected_span = dict(task, answer="accept", spans=rejected)
    source.write_bytes(
        orjson.dumps(dict(task, answer="accept"))
        + b"\n"
        + orjson.dumps(dict(task, text="Other text", answer="reject"))
        + b"\n"
        + orjson.dumps(rejected_span)
        + b"\n"
    )
    result, warnings = run_import(source, "prodigy", tmp_path / "p")
    assert (result.documents, result.records, result.spans) == (2, 1, 1)
    assert warnings == [
        f"{source}:2: answer 'reject': the task's spans are not imported as labels "
        "(the text is imported)",
        f"{source}:3: spans.0: GPE 9..15 answered 'reject'; not imported",
        f"{source}:3: same text as {source}:1; merged into teach-000001",
    ]


def test_labelstudio_completions_and_other_data_key(tmp_path: Path) -> None:
    source = tmp_path / "old.json"
    task = {
        "id": 7,
        "data": {"article": "Kyiv freed 146.", "url": "https://example.org"},
        "completions": [
            {"was_cancelled": True, "result": []},
            {"result": [{"value": {"start": 0, "end": 4, "text": "Kyiv", "labels": ["GPE"]}}]},
        ],
    }
    source.write_bytes(orjson.dumps([task]))
    with pytest.raises(AnnotatorError, match="several text fields"):
        run_import(source, "labelstudio", tmp_path / "a")
    task["data"] = {"article": "Kyiv freed 146.", "n": 3}
    source.write_bytes(orjson.dumps([task]))
    result, warnings = run_import(source, "labelstudio", tmp_path / "b")
    assert (result.documents, result.records, result.spans) == (1, 1, 1)
    assert warnings == [f"{source}:1: task 1 (id 7): completion 1 was cancelled; not imported"]
    assert texts_of(tmp_path / "b" / "corpus.jsonl") == {"7": "Kyiv freed 146."}


def test_surface_text_mismatch_is_reported_with_file_and_line(tmp_path: Path) -> None:
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "a.txt").write_text("Kyiv freed 146 people.", encoding="utf-8")
    (folder / "a.ann").write_text("T1\tGPE 0 4\tKyiv\nT2\tCount 11 14\t147\n", encoding="utf-8")
    line = (
        f"{folder / 'a.ann'}:2: T2: Count 11..14: text '147' does not match the document "
        "there ('146'); not imported"
    )
    warnings: list[str] = []
    with pytest.raises(AnnotatorError) as caught:
        import_documents(folder, "brat", tmp_path / "out" / "corpus.jsonl",
                         annotations=tmp_path / "out" / "records.jsonl", annotator="fixture",
                         on_warning=warnings.append)  # fmt: skip
    assert warnings == [line]
    assert str(caught.value) == (
        f"{folder}: 1 span(s) are bad data (listed above); nothing written: correct the source "
        "or the options, or pass --skip-bad to import without them"
    )
    assert not (tmp_path / "out").exists()
    result, warnings = run_import(folder, "brat", tmp_path / "out", skip_bad=True)
    assert (result.spans, result.bad_spans, warnings) == (1, 1, [line])
    assert result.summary() == (
        "imported 1 document(s), 1 record(s) with 1 span(s); 1 span(s) left out as bad "
        "(listed above); 1 record(s) that lost spans are in progress and flagged: review them"
    )


@pytest.mark.parametrize(("name", "source", "fmt", "docs", "records", "spans"), IMPORTS)
def test_import_export_import_is_the_identity_on_spans(
    tmp_path: Path, name: str, source: Path, fmt: str, docs: int, records: int, spans: int
) -> None:
    if fmt == "spacy":
        need("spacy")
    if not records:
        return
    run_import(source, fmt, tmp_path)
    corpus, gold = tmp_path / "corpus.jsonl", tmp_path / "records.jsonl"
    _out, back, again, _warnings = export_import(tmp_path, fmt, corpus, gold)
    if fmt == "conll":  # CoNLL has no document ids: documents come back in order
        assert list(spans_of(again).values()) == list(spans_of(gold).values())
    else:
        assert spans_of(again) == spans_of(gold)
    if fmt not in ("conll", "hf"):  # token formats rebuild the text from tokens
        texts = texts_of(corpus)
        assert texts_of(back) == {doc_id: texts[doc_id] for doc_id in spans_of(gold)}
