"""An integer field's empty answer: missing data for alpha (it has no place on the interval
scale), an answer for percent agreement (empty beside 250 disagrees, as diff and merge say), as
every other field type's empty answer is for both. Worked by hand."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from tests.test_agree_tables_cli import agree
from tests.test_agreement import figures
from tests.test_agreement_data import record, run_cli, write_journal, write_scheme

# number per document; None: the annotator left it empty (the record is there, done).
ALICE = {"d1": 100, "d2": 200, "d3": 250, "d4": 300}
BOB = {"d1": 100, "d2": 200, "d3": None, "d4": 320}
NOTE = "number: 1 empty answer: missing data for alpha (3 documents), an answer for agreement (4)"


def journals(numbers: dict[str, int | None], name: str) -> list[dict[str, object]]:
    return [
        record(name, doc_id, form={} if value is None else {"number": value})
        for doc_id, value in numbers.items()
    ]


def test_both_figures_by_hand(tmp_path: Path) -> None:
    report = figures(tmp_path, journals(ALICE, "alice"), journals(BOB, "bob"))
    number = report["form"]["number"]
    # Agreement, one pair a document: d1 and d2 equal, d3 250 / empty and d4 300 / 320
    # differ: 2 of 4 (it was 2 of 3 when the empty answer was left out).
    assert number["agreement"] == 0.5
    assert (number["units"], number["empty_answers"]) == (4, 1)
    # Alpha (interval) over d1, d2, d4 only; values 100 100 | 200 200 | 300 320, n = 6.
    # Observed: d4's two ordered pairs, (300 - 320)^2 = 400 each, over m_u - 1 = 1, over n:
    # D_o = 800 / 6. Expected: the squared differences of all ordered pairs of the six values,
    # 2 * (4*100^2 + 2*200^2 + 2*220^2 + 2*100^2 + 2*120^2 + 20^2) = 532000, over n(n - 1) = 30.
    # alpha = 1 - (800 / 6) / (532000 / 30) = 1 - 1/133 = 132/133.
    assert number["alpha"] == pytest.approx(132 / 133, abs=1e-6)
    assert number["alpha_units"] == 3
    assert number["level"] == "interval"
    # For alpha the empty answer is as no record at all: the same figure without bob's d3.
    (tmp_path / "without").mkdir()
    without = figures(
        tmp_path / "without",
        journals(ALICE, "alice"),
        [item for item in journals(BOB, "bob") if item["doc_id"] != "d3"],
    )
    assert without["form"]["number"]["alpha"] == number["alpha"]
    assert without["form"]["number"]["agreement"] == pytest.approx(2 / 3, abs=1e-6)
    # d3's share of equal form answers: code and releases both empty (alike), number not.
    shares = {row["doc_id"]: row["form_agreement"] for row in report["per_document"]}
    assert shares == {"d1": 1.0, "d2": 1.0, "d3": 0.666667, "d4": 0.666667}
    assert NOTE in report["notes"]


def test_a_choice_field_counts_its_empty_answer_in_both_figures(tmp_path: Path) -> None:
    # Codes (a choice field, nominal): d3's empty answer is a value for alpha too, so alpha
    # has four documents; agreement is 2 of 4 alike, as for the integer above.
    codes = {"d1": "1", "d2": "2", "d3": "3", "d4": "3"}
    report = figures(
        tmp_path,
        [record("alice", doc_id, form={"code": code}) for doc_id, code in codes.items()],
        [
            record(
                "bob",
                doc_id,
                form={} if doc_id == "d3" else {"code": "4" if doc_id == "d4" else code},
            )
            for doc_id, code in codes.items()
        ],
    )
    code = report["form"]["code"]
    assert (code["agreement"], code["units"]) == (0.5, 4)
    # Alpha over 1 1 | 2 2 | 3 empty | 3 4, n = 8: 4 ordered disagreeing pairs, D_o = 4/8;
    # values 1, 2, 3 twice each, empty and 4 once: D_e = (64 - 14) / 56. alpha = 1 - 28/50.
    # (With the empty answer left out it would be 1 - (2/6) / (26/30) = 0.615.)
    assert code["alpha"] == pytest.approx(0.44, abs=1e-6)
    assert "alpha_units" not in code and "empty_answers" not in code
    assert not any("empty answer" in note for note in report["notes"])


def test_the_note_is_under_the_form_table_once(tmp_path: Path) -> None:
    files = [
        write_journal(tmp_path / f"{name}.jsonl", *journals(numbers, name))
        for name, numbers in (("alice", ALICE), ("bob", BOB))
    ]
    schema = write_scheme(tmp_path)
    # Without COLUMNS (a file's width): a line of its own each, not wrapped to a terminal's.
    out = agree(tmp_path, None, *files, "--scheme", schema)
    lines = out.splitlines()
    below = lines[next(n for n, line in enumerate(lines) if "Form fields" in line) :]
    table_end = next(n for n, line in enumerate(below) if line.startswith("└"))
    assert below[table_end + 1 : table_end + 4] == [
        # code: nobody gave one, and a nominal field's empty answers are values, all alike.
        "code: alpha n/a: every answer is the same value, so there is nothing for alpha to measure",
        "releases: a repeatable group has no alpha; its figure is frame F1",
        NOTE,
    ]
    assert out.count("1 empty answer") == 1  # not again among the notes at the end
    row = next(line for line in below if line.startswith("│ number"))
    # level, documents (as agreement counts them), alpha, agreement
    assert [cell.strip() for cell in row.split("│")[2:6]] == ["interval", "4", "0.992", "0.500"]
    result = run_cli("agree", *files, "--scheme", schema, "--json")
    assert result.returncode == 0, result.stderr
    assert NOTE in orjson.loads(result.stdout)["notes"]
    assert f"note: {NOTE}" in result.stderr.splitlines()


def test_every_number_alike_with_one_empty_answer_is_said_so(tmp_path: Path) -> None:
    """The trial's: alice 5 and 5, bob 5 and empty. Alpha sees one document's numbers, all 5:
    n/a, said as such (it read "undefined for these answers"), and "1 document", not "1
    documents"."""
    report = figures(
        tmp_path,
        journals({"d1": 5, "d2": 5}, "alice"),
        journals({"d1": 5, "d2": None}, "bob"),
    )
    number = report["form"]["number"]
    assert (number["alpha"], number["agreement"], number["alpha_units"]) == (None, 0.5, 1)
    assert (
        "number: alpha n/a: every number given is the same value (its empty answers are missing "
        "data for alpha), so there is nothing for alpha to measure"
    ) in report["notes"]
    assert (
        "number: 1 empty answer: missing data for alpha (1 document), an answer for agreement (2)"
    ) in report["notes"]
