"""Spans under a key the format does not read are said, naming what reads them, or refused
when they are all the file holds and records are wanted; a row with two keys the format reads
loses neither (a curator's trial: 171 Prodigy spans imported as doccano became 0 records, exit
0). The fixtures are real files (tests/fixtures/*/SOURCE.txt)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.formats.import_result import ImportResult
from annotator.core.formats.importing import import_documents
from tests.test_formats_fixtures import EXPORTED, PRODIGY, SEQ
from tests.test_formats_support import spans_of

TEXT = "Kestria freed 12 soldiers to Norvania."
DOCCANO = EXPORTED / f"{SEQ}.jsonl"  # {"text", "label": [[0, 2, "ORG"], ...]}


def jsonl(path: Path, *rows: dict[str, Any]) -> Path:
    path.write_bytes(b"".join(orjson.dumps(row) + b"\n" for row in rows))
    return path


def run(
    source: Path, fmt: str, folder: Path, records: bool = True
) -> tuple[ImportResult, list[str]]:
    warnings: list[str] = []
    result = import_documents(
        source,
        fmt,
        folder / "c.jsonl",
        annotations=folder / "a.jsonl" if records else None,
        annotator="cur" if records else None,
        on_warning=warnings.append,
    )
    return result, warnings


def refusal(source: Path, fmt: str, folder: Path) -> str:
    with pytest.raises(AnnotatorError) as raised:
        run(source, fmt, folder)
    assert not folder.exists()
    return str(raised.value)


def test_a_prodigy_file_read_as_doccano_is_refused_naming_prodigy(tmp_path: Path) -> None:
    assert refusal(PRODIGY, "doccano", tmp_path / "out") == (
        f"{PRODIGY}:1: spans: 171 span(s) in 120 row(s) not read as labels (doccano reads "
        "label, labels or entities); looks like prodigy's spans: use --format prodigy; nothing "
        "written: no row holds spans where doccano reads them, so no labels would be imported"
    )


def test_without_annotations_the_unread_spans_are_said_and_kept_in_meta(tmp_path: Path) -> None:
    result, warnings = run(PRODIGY, "doccano", tmp_path, records=False)
    assert warnings == [
        f"{PRODIGY}:1: spans: 171 span(s) in 120 row(s) not read as labels (doccano reads "
        "label, labels or entities); looks like prodigy's spans: use --format prodigy; kept in "
        "the document's meta"
    ]
    assert result.not_imported == {"span(s) under spans": 171}
    first = orjson.loads((tmp_path / "c.jsonl").read_bytes().splitlines()[0])
    assert "spans" in first["meta"]


def test_our_own_record_lines_read_as_doccano_are_refused_naming_jsonl(tmp_path: Path) -> None:
    # The shape of `annotator export --format jsonl --with-text`: a record line with its text.
    row = {
        "schema_version": 1,
        "doc_id": "article",
        "annotator": "gold",
        "status": "done",
        "spans": [{"id": "s1", "start": 0, "end": 7, "label": "actor", "text": "Kestria"}],
        "form": {"event_type": "exchange"},
        "links": {"exchange": ["s1"]},
        "text": TEXT,
    }
    source = jsonl(tmp_path / "gold_wt.jsonl", row)
    # Refused before doccano reads it (``import_our_records``), naming --format jsonl.
    assert refusal(source, "doccano", tmp_path / "out") == (
        f"{source}: its first line is a record of annotator 'gold', with its text (annotator's "
        "own JSONL, as export --with-text writes it), not what --format doccano reads: import "
        "it with --format jsonl, which keeps its ids, statuses, forms and links (nothing "
        "written)"
    )


def test_a_row_with_label_and_entities_keeps_both_and_another_key_is_said(
    tmp_path: Path,
) -> None:
    entity = {"id": 1, "label": "actor", "start_offset": 29, "end_offset": 37}
    source = jsonl(
        tmp_path / "dc_both.jsonl",
        {"id": 1, "text": TEXT, "label": [[0, 7, "actor"]], "entities": [entity]},
        {"id": 2, "text": TEXT, "labels": [[0, 7, "actor"]], "entities": [entity]},
        {"id": 3, "text": TEXT, "Label": [[0, 7, "actor"]]},
    )
    result, warnings = run(source, "doccano", tmp_path / "out")
    both = {(0, 7, "actor"), (29, 37, "actor")}
    assert spans_of(tmp_path / "out" / "a.jsonl") == {"1": both, "2": both}
    assert warnings == [
        f"{source}:3: Label: 1 span(s) in 1 row(s) not read as labels (doccano reads label, "
        "labels or entities); [start, end, label] lists: use --label-key Label; kept in the "
        "document's meta"
    ]
    assert result.not_imported == {"span(s) under Label": 1}
    third = orjson.loads((tmp_path / "out" / "c.jsonl").read_bytes().splitlines()[2])
    assert third["meta"] == {"Label": [[0, 7, "actor"]]}


def test_a_doccano_file_read_as_prodigy_is_refused_naming_doccano(tmp_path: Path) -> None:
    assert refusal(DOCCANO, "prodigy", tmp_path / "out") == (
        f"{DOCCANO}:1: label: 4 span(s) in 3 row(s) not read as labels (prodigy reads spans); "
        "looks like doccano's label: use --format doccano; nothing written: no row holds spans "
        "where prodigy reads them, so no labels would be imported"
    )


def test_a_prodigy_label_of_another_shape_is_still_a_key_not_carried(tmp_path: Path) -> None:
    # A text classification task's label is a name, not spans: said as any other task key.
    source = jsonl(tmp_path / "cats.jsonl", {"text": TEXT, "label": "EXCHANGE", "answer": "accept"})
    result, warnings = run(source, "prodigy", tmp_path / "out")
    assert (result.records, result.spans) == (1, 0)
    assert warnings == [
        f"{source}: label: 1 task(s) (first: line 1); not carried: a record has no place for it"
    ]


def test_prodigy_tasks_without_an_answer_come_in_progress_and_are_counted(
    tmp_path: Path,
) -> None:
    spans = [{"start": 0, "end": 7, "label": "actor"}]
    source = jsonl(
        tmp_path / "suggested.jsonl",
        {"text": TEXT, "meta": {"doc_id": "a"}, "spans": spans},
        {"text": TEXT + " Again.", "meta": {"doc_id": "b"}, "spans": spans, "answer": "accept"},
        {"text": "Norvania agreed.", "meta": {"doc_id": "c"}, "spans": []},
    )
    result, warnings = run(source, "prodigy", tmp_path / "out")
    records = [orjson.loads(line) for line in (tmp_path / "out" / "a.jsonl").read_bytes().split()]
    assert [(r["doc_id"], r["status"], len(r["spans"])) for r in records] == [
        ("a", "in_progress", 1),
        ("b", "done", 1),
        ("c", "in_progress", 0),
    ]
    assert warnings == [
        f"{source}: 2 task(s) without an answer (first: line 1): never answered in Prodigy "
        "(suggestions to review?); their spans are imported in_progress, not done"
    ]
    assert result.in_progress == {"unanswered task(s)": 2}
    assert result.summary() == (
        "imported 3 document(s), 3 record(s) with 2 span(s); 2 unanswered task(s) imported in "
        "progress (listed above)"
    )


def test_an_unanswered_task_merged_into_an_answered_one_leaves_it_in_progress(
    tmp_path: Path,
) -> None:
    source = jsonl(
        tmp_path / "teach.jsonl",
        {"text": TEXT, "spans": [{"start": 0, "end": 7, "label": "actor"}], "answer": "accept"},
        {"text": TEXT, "spans": [{"start": 29, "end": 37, "label": "actor"}]},
    )
    run(source, "prodigy", tmp_path / "out")
    (record,) = [orjson.loads(line) for line in (tmp_path / "out" / "a.jsonl").read_bytes().split()]
    assert (record["status"], len(record["spans"])) == ("in_progress", 2)
