"""A record's ``updated_at`` goes out as Prodigy's ``_timestamp`` (whole seconds since 1970, as
Prodigy writes it), so a Prodigy file imported and exported again keeps when each task was
answered; a record without ``updated_at`` gets no ``_timestamp``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from annotator.core.formats.export import export_records
from annotator.core.formats.importing import import_documents
from annotator.core.formats.prodigy_keys import unix_seconds
from tests.test_formats_support import FIXTURES, export_import, record, write_case

# Real Prodigy files (their SOURCE.txt): the tweet task has a _timestamp, the headlines none.
TWEET = FIXTURES / "spacy" / "ner_tweets.demo.jsonl"
HEADLINES = FIXTURES / "prodigy" / "annotated_news_headlines-ORG-PERSON-LOCATION-ner.first200.jsonl"


def _rows(path: Path) -> list[dict[str, Any]]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


def _round_trip(source: Path, folder: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """``source`` imported, then its records exported to Prodigy: (the records, the tasks)."""
    corpus, records = folder / "corpus.jsonl", folder / "records.jsonl"
    import_documents(source, "prodigy", corpus, annotations=records, annotator="fixture")
    out = folder / "out.jsonl"
    export_records(records, "prodigy", out, corpus=corpus)
    return _rows(records), _rows(out)


def test_a_prodigy_file_keeps_its_timestamp_through_import_and_export(tmp_path: Path) -> None:
    (source,) = _rows(TWEET)
    assert source["_timestamp"] == 1633999979
    (imported,), (task,) = _round_trip(TWEET, tmp_path)
    assert imported["updated_at"] == "2021-10-12T00:52:59Z"
    assert task["_timestamp"] == 1633999979
    assert task["answer"] == source["answer"] == "accept"


def test_tasks_without_a_timestamp_are_written_without_one(tmp_path: Path) -> None:
    assert not any("_timestamp" in task for task in _rows(HEADLINES))
    imported, tasks = _round_trip(HEADLINES, tmp_path)
    assert len(tasks) == len(imported) == 200
    assert {r.get("updated_at") for r in imported} == {None}
    assert not any("_timestamp" in task for task in tasks)


def test_the_timestamp_is_whole_seconds_and_comes_back_as_it_went(tmp_path: Path) -> None:
    text = "Kyiv freed 146 men."
    records = [
        record("a", text, [(0, 4, "actor")], updated_at="2025-08-25T09:00:00Z"),
        record("b", text, [(0, 4, "actor")], updated_at="2025-08-25T09:00:00.999999Z"),
        record("c", text, [(0, 4, "actor")]),
    ]
    corpus, gold = write_case(tmp_path, [("a", text), ("b", text), ("c", text)], records)
    out, _back, again, warnings = export_import(tmp_path, "prodigy", corpus, gold)
    said = [line for line in warnings if "_task_hash" not in line]  # the import says that one
    stamps = {task["meta"]["doc_id"]: task.get("_timestamp") for task in _rows(out)}
    # Prodigy's int(time.time()): the fraction dropped, never rounded up to the next second.
    assert stamps == {"a": 1756112400, "b": 1756112400, "c": None}
    assert {r["doc_id"]: r.get("updated_at") for r in _rows(again)} == {
        "a": "2025-08-25T09:00:00Z",
        "b": "2025-08-25T09:00:00Z",
        "c": None,
    }
    assert said == [
        "prodigy cannot carry updated_at's fraction of a second (_timestamp holds whole "
        "seconds) of any record: not written for 1 document(s) (jsonl and labelstudio keep them)"
    ]


def test_unix_seconds_of_the_epoch_and_of_a_leap_year_day() -> None:
    assert unix_seconds("1970-01-01T00:00:00Z") == 0
    assert unix_seconds("2024-02-29T23:59:59.5Z") == 1709251199


def test_whole_seconds_and_no_time_spent_say_nothing(tmp_path: Path) -> None:
    text = "Kyiv freed 146 men."
    records = [record("a", text, [(0, 4, "actor")], updated_at="2025-08-25T09:00:00Z")]
    corpus, gold = write_case(tmp_path, [("a", text)], records)
    warnings: list[str] = []
    export_records(
        gold, "prodigy", tmp_path / "out.jsonl", corpus=corpus, on_warning=warnings.append
    )
    assert warnings == []
