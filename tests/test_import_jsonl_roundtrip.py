"""Our own JSONL exported with its text and imported again gives back every field of a record."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from annotator.core.corpus import open_corpus
from annotator.core.errors import AnnotatorError
from annotator.core.formats.export import export_records
from annotator.core.formats.importing import import_documents
from annotator.core.models import Record
from annotator.core.scheme import load_default_scheme
from annotator.core.validate import validate_files
from tests.test_formats_support import SEED_GOLD, seed_case


def seed_journal(folder: Path, **changes: object) -> tuple[Path, Path, dict[str, object]]:
    corpus, _gold = seed_case(folder)
    line = orjson.loads(SEED_GOLD.read_bytes().splitlines()[0])
    line.pop("sources", None)
    line.pop("conflicts", None)
    line.update(
        {
            "annotator": "alice",
            "status": "in_progress",
            "flagged": True,
            "note": "check the second count",
            "updated_at": "2025-08-24T10:00:00.5Z",
            "seconds_spent": 123.5,
            **changes,
        }
    )
    journal = folder / "alice.jsonl"
    journal.write_bytes(orjson.dumps(Record.model_validate(line).model_dump(mode="json")) + b"\n")
    return corpus, journal, line


def round_trip(folder: Path, corpus: Path, journal: Path, with_scheme: bool) -> dict[str, object]:
    lines = folder / "with_text.jsonl"
    export_records(journal, "jsonl", lines, corpus=corpus, status="all", with_text=True)
    out = folder / "back.jsonl"
    import_documents(
        lines,
        "jsonl",
        folder / "corpus_back.jsonl",
        annotations=out,
        annotator="alice",
        scheme=load_default_scheme() if with_scheme else None,
    )
    [back] = out.read_bytes().splitlines()
    return dict(orjson.loads(back))


def test_round_trip_keeps_every_field_of_the_record(tmp_path: Path) -> None:
    corpus, journal, line = seed_journal(tmp_path)
    assert line["form"] and line["links"]  # the seed fills them: the test covers them
    back = round_trip(tmp_path, corpus, journal, with_scheme=True)
    assert back == orjson.loads(journal.read_bytes())
    assert back["updated_at"] == "2025-08-24T10:00:00.5Z" and back["seconds_spent"] == 123.5


def test_without_a_scheme_the_shipped_scheme_taking_the_form_gives_it_all_back(
    tmp_path: Path,
) -> None:
    """A trial: without --scheme the form and links were dropped, the done record then failed
    ``annotator validate``; the shipped scheme takes them all, and is said."""
    corpus, journal, _line = seed_journal(tmp_path, status="done", flagged=False)
    lines = tmp_path / "with_text.jsonl"
    export_records(journal, "jsonl", lines, corpus=corpus, status="all", with_text=True)
    warnings: list[str] = []
    result = import_documents(
        lines,
        "jsonl",
        tmp_path / "corpus_back.jsonl",
        annotations=tmp_path / "back.jsonl",
        annotator="alice",
        on_warning=warnings.append,
    )
    assert result.shipped_scheme == "prisoner_exchange"
    assert warnings == [] and result.refused is None
    assert (tmp_path / "back.jsonl").read_bytes() == journal.read_bytes()
    assert not (tmp_path / "corpus_back.scheme.toml").exists()  # the shipped one serves
    assert validate_files(
        [tmp_path / "back.jsonl"], open_corpus(tmp_path / "corpus_back.jsonl"),
        load_default_scheme(),
    ) == []  # fmt: skip


def test_a_form_no_shipped_scheme_takes_is_dropped_and_the_summary_says_validate_refuses(
    tmp_path: Path,
) -> None:
    corpus, journal, _line = seed_journal(tmp_path, status="done", flagged=False)
    lines = tmp_path / "with_text.jsonl"
    export_records(journal, "jsonl", lines, corpus=corpus, status="all", with_text=True)
    result = import_documents(
        lines,
        "jsonl",
        tmp_path / "c.jsonl",
        annotations=tmp_path / "a.jsonl",
        annotator="alice",
        label_map=["actor=party"],  # a label no shipped scheme has
        on_warning=lambda line: None,
    )
    assert result.shipped_scheme is None
    back = orjson.loads((tmp_path / "a.jsonl").read_bytes())
    assert back["form"] == {} and back["links"] == {} and back["status"] == "done"
    assert back["updated_at"] == "2025-08-24T10:00:00.5Z" and back["seconds_spent"] == 123.5
    assert back["note"] == "check the second count"
    assert result.refused is None  # against the scheme written beside the corpus
    assert "1 done record(s) lost their form: validate without --scheme (the default scheme " \
        "prisoner_exchange) refuses them (first: article: form.event_type: required when " \
        "status is done)" in result.summary()  # fmt: skip


def test_a_record_never_timed_stays_untimed(tmp_path: Path) -> None:
    corpus, journal, _line = seed_journal(tmp_path, updated_at=None, seconds_spent=0.0)
    back = round_trip(tmp_path, corpus, journal, with_scheme=True)
    assert back["updated_at"] is None and back["seconds_spent"] == 0.0


@pytest.mark.parametrize(
    ("updated_at", "seconds_spent", "field"),
    [
        ("2025-08-24T10:00:00Z\n", 1.0, "updated_at"),
        ("2025-08-24 10:00", 1.0, "updated_at"),
        ("2025-08-24T10:00:00Z", -1.0, "seconds_spent"),
    ],
)
def test_a_bad_time_is_one_line_naming_file_line_and_field(
    tmp_path: Path, updated_at: str, seconds_spent: float, field: str
) -> None:
    corpus, journal, _line = seed_journal(tmp_path)
    lines = tmp_path / "with_text.jsonl"
    export_records(journal, "jsonl", lines, corpus=corpus, status="all", with_text=True)
    row = orjson.loads(lines.read_bytes())
    row.update(updated_at=updated_at, seconds_spent=seconds_spent)
    lines.write_bytes(orjson.dumps(row) + b"\n")
    with pytest.raises(AnnotatorError, match=rf"^{lines}:1: {field}: ") as caught:
        import_documents(lines, "jsonl", tmp_path / "c.jsonl", annotations=tmp_path / "a.jsonl",
                         annotator="alice")  # fmt: skip
    assert "\n" not in str(caught.value)
    assert not (tmp_path / "c.jsonl").exists()
