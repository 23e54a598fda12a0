"""The shipped JSON Schemas accept the lines annotator writes: a journal line follows
record.schema.json, a gold line (merge's, review's, ``export --format jsonl`` of gold) follows
gold_record.schema.json. A trial found record.schema.json, strict about unknown fields, rejecting
every gold line (``sources``, ``conflicts``) while no schema for them shipped."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import orjson
import pytest

from annotator.core.merge import merge_files
from annotator.core.scheme import packaged_schemes_dir
from tests.test_agreement_data import (
    ALICE_SPANS,
    BOB_SPANS,
    TEXT,
    record,
    run_cli,
    scheme,
    write_corpus,
    write_journal,
)


def shipped(name: str) -> jsonschema.protocols.Validator:
    schema = orjson.loads((packaged_schemes_dir() / name).read_bytes())
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator: jsonschema.protocols.Validator = validator_class(schema)
    return validator


def lines(path: Path) -> list[dict[str, Any]]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


@pytest.fixture
def journals(tmp_path: Path) -> list[Path]:
    # Two annotators who disagree on spans and on the form: the gold line has open conflicts.
    alice = record(
        "alice",
        spans=ALICE_SPANS,
        form={"code": "1", "releases": [{"released_by": "Russia", "count": 146}]},
        links={"releases[0].count": ["s2"]},
        note="figures disputed",
        updated_at="2025-08-25T09:00:00Z",
        seconds_spent=431.0,
    )
    bob = record("bob", spans=BOB_SPANS, form={"code": "2", "number": 12})
    return [
        write_journal(tmp_path / "alice.jsonl", alice),
        write_journal(tmp_path / "bob.jsonl", bob),
    ]


def test_a_journal_line_follows_record_schema(journals: list[Path]) -> None:
    [line] = lines(journals[0])
    shipped("record.schema.json").validate(line)
    # The schema can fail: a field the model does not know is refused.
    with pytest.raises(jsonschema.ValidationError):
        shipped("record.schema.json").validate({**line, "sources": {"annotators": ["alice"]}})


def test_a_merged_gold_line_follows_gold_record_schema(
    tmp_path: Path, journals: list[Path]
) -> None:
    out = tmp_path / "gold.jsonl"
    merge_files(journals, out, scheme(tmp_path), "rita")
    [gold] = lines(out)
    assert gold["sources"]["annotators"] == ["alice", "bob"] and gold["conflicts"]
    shipped("gold_record.schema.json").validate(gold)
    # record.schema.json is not the schema of a gold line: it refuses sources and conflicts.
    with pytest.raises(jsonschema.ValidationError, match="Additional properties"):
        shipped("record.schema.json").validate(gold)
    # The gold schema is strict too: without sources, or with a field it does not know, no.
    without_sources = {key: value for key, value in gold.items() if key != "sources"}
    with pytest.raises(jsonschema.ValidationError, match="'sources' is a required property"):
        shipped("gold_record.schema.json").validate(without_sources)
    with pytest.raises(jsonschema.ValidationError):
        shipped("gold_record.schema.json").validate({**gold, "reviewer": "rita"})


def test_a_jsonl_export_of_gold_follows_gold_record_schema(
    tmp_path: Path, journals: list[Path]
) -> None:
    gold = tmp_path / "gold.jsonl"
    merge_files(journals, gold, scheme(tmp_path), "rita")
    out = tmp_path / "export.jsonl"
    corpus = write_corpus(tmp_path, {"d1": TEXT})
    result = run_cli(
        "export", gold, "--format", "jsonl", "--status", "all", "--corpus", corpus, "-o", out
    )
    assert result.returncode == 0, result.stderr
    [line] = lines(out)
    assert "conflicts" in line
    shipped("gold_record.schema.json").validate(line)
