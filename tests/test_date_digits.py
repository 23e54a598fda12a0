"""A date's digits are ASCII 0-9 when saved; digits of other scripts, typed, are read as theirs.

A trial typed ``٢٠٢٤-٠٣-١٥`` (Arabic-Indic digits) with ``v`` and ``२०२४-०३-१७`` in a form's
date field: both were saved as typed (``\\d`` takes any script's digits), ``validate`` passed
them, but ``datetime`` and the bulk readers refuse them, and ``diff``/``merge`` counted the same
day typed in two scripts as two values. A count typed ``٩٥`` was already read as 95.
"""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from annotator.cli import main
from annotator.core.errors import AnnotatorError
from annotator.core.normalise import typed_date
from annotator.core.normalise_dates import parse_date
from annotator.core.typed_value import TypedValue, read_typed_value
from annotator.core.values import ascii_digits, check_date, value_problem

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("typed", "ascii"),
    [
        ("٢٠٢٤-٠٣-١٥", "2024-03-15"),  # Arabic-Indic
        ("۲۰۲۴-۰۳-۱۵", "2024-03-15"),  # Extended Arabic-Indic (Persian)
        ("२०२४-०३-१७", "2024-03-17"),  # Devanagari
        ("２０２４-０３-１７", "2024-03-17"),  # full width
        ("๒๕๖๗", "2567"),  # Thai
        ("١٥ March ٢٠٢٤", "15 March 2024"),
        ("no digits: é ü ①", "no digits: é ü ①"),  # ① is a digit, not decimal: kept
    ],
)
def test_ascii_digits_writes_each_decimal_digit_as_its_ascii_digit(typed: str, ascii: str) -> None:
    assert ascii_digits(typed) == ascii


@pytest.mark.parametrize("value", ["٢٠٢٤-٠٣-١٥", "２０２４", "2024-0٣-15"])
def test_a_saved_date_with_digits_of_another_script_is_refused_naming_its_ascii_spelling(
    value: str,
) -> None:
    with pytest.raises(ValueError, match=r"a date's digits are 0-9 \(20"):
        check_date(value)
    assert "digits are 0-9" in str(value_problem("date", value))


def test_validate_names_the_line_and_span_of_a_date_saved_with_other_digits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = ROOT / "seeds" / "article.gold.jsonl"
    record = orjson.loads(gold.read_bytes().splitlines()[0])
    assert record["spans"][2]["value"] == "2025-08-24"
    record["spans"][2]["value"] = "٢٠٢٥-٠٨-٢٤"
    journal = tmp_path / "gold.jsonl"
    journal.write_bytes(orjson.dumps(record) + b"\n")
    assert main(["validate", str(journal), "--corpus", str(ROOT / "seeds")]) == 1
    said = capsys.readouterr().out
    assert said.startswith(f"{journal}:1: spans.2.value: '٢٠٢٥-٠٨-٢٤' is not a date: ")
    assert "digits are 0-9 (2025-08-24)" in said


def test_a_date_with_a_trailing_newline_is_refused() -> None:
    # ``$`` matched before a final newline: "2024-03-15\n" was a date.
    with pytest.raises(ValueError, match="is not a date"):
        check_date("2024-03-15\n")
    assert check_date("2024-03-15") == "2024-03-15"


@pytest.mark.parametrize(
    ("typed", "value"),
    [("٢٠٢٤-٠٣-١٥", "2024-03-15"), ("२०२४-०३-१७", "2024-03-17"), ("２０２４-０３", "2024-03")],
)
def test_a_date_typed_in_a_form_field_is_saved_with_ascii_digits(typed: str, value: str) -> None:
    assert typed_date(f" {typed} ") == value


def test_a_date_typed_with_v_is_saved_with_ascii_digits_and_said_as_typed() -> None:
    assert read_typed_value("date", "٢٠٢٤-٠٣-١٥") == TypedValue("2024-03-15", "'٢٠٢٤-٠٣-١٥'")
    assert read_typed_value("date", "2024-03-15") == TypedValue("2024-03-15", None)
    # Digits among words are read as the words with ASCII digits.
    assert read_typed_value("date", "١٥ March ٢٠٢٤") == TypedValue("2024-03-15", "'١٥ March ٢٠٢٤'")


def test_a_typed_date_of_other_digits_that_is_no_calendar_day_is_refused() -> None:
    with pytest.raises(AnnotatorError, match="not a calendar date"):
        read_typed_value("date", "٢٠٢٤-١٣-٠١")
    with pytest.raises(AnnotatorError, match="not a calendar date"):
        typed_date("٢٠٢٤-١٣-٠١")


@pytest.mark.parametrize(
    ("words", "doc_date", "value"),
    [
        ("٢٠٢٤-٠٣-١٥", None, "2024-03-15"),
        ("١٥ March ٢٠٢٤", None, "2024-03-15"),
        ("on १५ March", "2024-03-20", "2024-03-15"),
        ("March ２０２４", None, "2024-03"),
    ],
)
def test_a_date_span_written_with_digits_of_another_script_is_read(
    words: str, doc_date: str | None, value: str
) -> None:
    # Labelled, such words got no value: `\d` took them, the date check did not.
    assert parse_date(words, doc_date) == value
