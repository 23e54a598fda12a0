"""A Prodigy task key the import does not carry is said, once per key for the whole file, and
counted in the summary; what it carries comes back on export (tests/fixtures/prodigy, SOURCE.txt).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from annotator.core.formats.export import export_records
from annotator.core.formats.importing import import_documents
from annotator.core.formats.prodigy import input_hash
from annotator.core.formats.wstokens import whitespace_tokens
from annotator.core.tokens import tokenize
from tests.test_formats_support import FIXTURES

PRODIGY = FIXTURES / "prodigy" / "annotated_news_headlines-ORG-PERSON-LOCATION-ner.first200.jsonl"


def lines(path: Path) -> list[dict[str, Any]]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


def core(spans: list[dict[str, Any]]) -> list[tuple[int, int, str]]:
    return sorted((s["start"], s["end"], s["label"]) for s in spans)


def test_fixture_keys_not_carried_are_said_once_each_and_the_rest_round_trips(
    tmp_path: Path,
) -> None:
    warnings: list[str] = []
    result = import_documents(
        PRODIGY,
        "prodigy",
        tmp_path / "corpus.jsonl",
        annotations=tmp_path / "records.jsonl",
        annotator="fixture",
        on_warning=warnings.append,
    )
    assert warnings == [
        f"{PRODIGY}: _task_hash: 200 task(s) (first: line 1); not carried: export writes its "
        "own (docs/formats.md, Hashes)",
        f"{PRODIGY}: _session_id: 200 task(s) (first: line 1); not carried: a record has no "
        "place for it",
        f"{PRODIGY}: tokens: 41 task(s) (first: line 1); not carried: export writes the "
        "project's tokens, and token_start and token_end into them",
        f"{PRODIGY}: spans' source: 48 span(s) (first: line 102); not carried: a record has no "
        "place for it",
        f"{PRODIGY}: spans' input_hash: 48 span(s) (first: line 102); not carried: a record "
        "has no place for it",
    ]
    assert result.summary() == (
        "imported 200 document(s), 200 record(s) with 171 span(s); not carried, the rest "
        "imported: _task_hash of 200 task(s), _session_id of 200 task(s), other tokens of 41 "
        "task(s), source of 48 span(s), input_hash of 48 span(s) (listed above)"
    )
    out = tmp_path / "out.jsonl"
    export_records(tmp_path / "records.jsonl", "prodigy", out, corpus=tmp_path / "corpus.jsonl")
    source, exported = lines(PRODIGY), lines(out)
    said = "\n".join(warnings)
    for before, after in zip(source, exported, strict=True):
        # Every key is written back the same, or was said above.
        for key, value in before.items():
            if key == "spans":
                assert core(after[key]) == core(value)
            elif key == "meta":  # the export names the document the import numbered
                assert after[key] == {"doc_id": after["meta"]["doc_id"], **value}
            elif after.get(key) != value:
                assert f": {key}: " in said, key
        for span in before.get("spans", []):
            for key in set(span) - {"start", "end", "label", "token_start", "token_end"}:
                assert key == "text" or f"spans' {key}:" in said, key


def test_other_keys_views_hashes_and_merged_meta_are_said(tmp_path: Path) -> None:
    text = "Kyiv and Moscow"
    ours, _where = whitespace_tokens(text, tokenize(text))
    tokens = [{"text": t.text, "start": t.start, "end": t.end, "id": n} for n, t in enumerate(ours)]
    span = {"start": 0, "end": 4, "label": "GPE", "token_start": 0, "token_end": 0}
    first = {
        "text": text,
        "meta": {"doc_id": "k", "source": "wire"},
        "_input_hash": input_hash(text),
        "tokens": tokens,
        "spans": [dict(span, source="en_core_web_sm")],
        "_view_id": "ner_manual",
        "answer": "accept",
        "_annotator_id": "news-alex",
        "_timestamp": 1633999979,
    }
    second = dict(
        first,
        meta={"doc_id": "k", "source": "site", "page": 2},
        _input_hash=7,
        _view_id="ner",
        spans=[{"start": 9, "end": 15, "label": "GPE"}],
    )
    source = tmp_path / "db.jsonl"
    source.write_bytes(orjson.dumps(first) + b"\n" + orjson.dumps(second) + b"\n")
    warnings: list[str] = []
    result = import_documents(
        source,
        "prodigy",
        tmp_path / "corpus.jsonl",
        annotations=tmp_path / "records.jsonl",
        annotator="alex",
        on_warning=warnings.append,
    )
    no_place = "not carried: a record has no place for it"
    assert warnings == [
        f"{source}:2: same document id as {source}:1; merged into k",
        f"{source}: _annotator_id: 2 task(s) (first: line 1); {no_place}",
        f"{source}: _input_hash: 1 task(s) (first: line 2); not carried: not Prodigy's hash of "
        "the task's text, which export writes",
        f"{source}: _view_id 'ner': 1 task(s) (first: line 2); not carried: export writes "
        "ner_manual",
        f"{source}: meta.source: 1 task(s) (first: line 2); not carried: merged into the "
        "document of an earlier task, whose meta has another value",
        f"{source}: meta.page: 1 task(s) (first: line 2); not carried: merged into the "
        "document of an earlier task, whose meta has another value",
        f"{source}: spans' source: 1 span(s) (first: line 1); {no_place}",
    ]
    assert result.summary().endswith(
        "not carried, the rest imported: _annotator_id of 2 task(s), other _input_hash of 1 "
        "task(s), _view_id 'ner' of 1 task(s), meta.source of 1 task(s) (another value, "
        "merged), meta.page of 1 task(s) (another value, merged), source of 1 span(s) (listed "
        "above)"
    )
    assert lines(tmp_path / "corpus.jsonl")[0]["meta"] == {"source": "wire"}
    # _timestamp is carried: the record's updated_at (both tasks answered at that second).
    assert lines(tmp_path / "records.jsonl")[0]["updated_at"] == "2021-10-12T00:52:59Z"
