"""``export`` without ``--scheme`` checks a record's span values against the default scheme's
labels as validate does, when the record holds nothing that scheme lacks.

Its form was checked (a count of -3 refused), but a span's value was not: a trial's span of
``count`` holding -5, under the default's ``min = 0``, went out though validate, agree and merge
refused the line.
"""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from annotator.cli import main
from annotator.core.validate import validate_files
from tests.test_export_default_form_checked import AGAINST
from tests.test_list_missing_data import SCHEME, trial, write_case


def journal_with_count_span(tmp_path: Path, value: int, **form: object) -> Path:
    records = trial()
    alice = records["alice"]
    alice["spans"][1]["value"] = value
    alice["form"].update(form)
    _corpus, journals = write_case(tmp_path, records)
    return journals[0]


def test_a_span_value_below_the_default_min_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    journal = journal_with_count_span(tmp_path, -5)
    said = f"{journal}:1: spans.1.value: -5 is less than the scheme's min = 0 (label 'count')"
    assert validate_files([journal], None, SCHEME) == [said]  # validate's words
    out = tmp_path / "out.jsonl"
    assert main(["export", str(journal), "--format", "jsonl", "-o", str(out)]) == 1
    assert capsys.readouterr().err == f"{said}{AGAINST}\n"
    assert not out.exists()


def test_a_span_value_within_the_range_is_exported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    journal = journal_with_count_span(tmp_path, 0)
    out = tmp_path / "out.jsonl"
    assert main(["export", str(journal), "--format", "jsonl", "-o", str(out)]) == 0
    capsys.readouterr()
    assert orjson.loads(out.read_bytes())["spans"][1]["value"] == 0


def test_a_record_of_another_scheme_goes_out_with_its_span_value(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A field the default scheme lacks: another scheme's record, whose ranges may differ.
    journal = journal_with_count_span(tmp_path, -5, claims="none")
    out = tmp_path / "out.jsonl"
    assert main(["export", str(journal), "--format", "jsonl", "-o", str(out)]) == 0
    capsys.readouterr()
    assert orjson.loads(out.read_bytes())["spans"][1]["value"] == -5
