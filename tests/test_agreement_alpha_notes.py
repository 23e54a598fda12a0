"""Why a form field's alpha is n/a, one short note per field: in ``--json``'s notes and under
the human report's form table (alpha itself stays null)."""

from __future__ import annotations

from pathlib import Path

import orjson

from annotator.core.agreement import form_alpha_notes
from tests.test_agreement_data import record, run_cli, write_journal

SAME = (
    "event_type: alpha n/a: every answer is the same value, so there is nothing for alpha to "
    "measure"
)
GROUP = "releases: a repeatable group has no alpha; its figure is frame F1"


def journals(tmp_path: Path) -> list[Path]:
    """Two annotators, two documents, the same event type everywhere (default scheme)."""
    form = {"event_type": "exchange", "releases": [{"released_by": "Russia", "count": 146}]}
    return [
        write_journal(
            tmp_path / f"{name}.jsonl", record(name, "d1", form=form), record(name, "d2", form=form)
        )
        for name in ("alice", "bob")
    ]


def test_json_notes_say_why_and_alpha_stays_null(tmp_path: Path) -> None:
    result = run_cli("agree", *journals(tmp_path), "--json")
    assert result.returncode == 0, result.stderr
    report = orjson.loads(result.stdout)
    assert report["form"]["event_type"]["alpha"] is None
    assert report["form"]["releases"]["alpha"] is None
    assert SAME in report["notes"] and GROUP in report["notes"]
    assert f"note: {SAME}" in result.stderr.splitlines()


def test_the_table_says_why_once(tmp_path: Path) -> None:
    result = run_cli("agree", *journals(tmp_path))
    assert result.returncode == 0, result.stderr
    out = " ".join(result.stdout.split())  # the caption wraps to the table's width
    form_table = out[out.index("Form fields") : out.index("Lowest agreement")]
    assert SAME in form_table and GROUP in form_table
    assert out.count("event_type: alpha n/a") == 1  # not again among the notes at the end


def test_each_reason_from_the_figures() -> None:
    form = {
        "code": {"alpha": None, "agreement": 1.0, "level": "nominal", "units": 3},
        # An integer field every annotator left empty: its empty answers all agree, but they
        # are missing data for alpha, which has no number to compare.
        "number": {
            "alpha": None,
            "agreement": 1.0,
            "level": "interval",
            "units": 3,
            "alpha_units": 0,
            "empty_answers": 6,
        },
        "lone": {"alpha": None, "agreement": None, "level": "nominal", "units": 0},
        "odd": {"alpha": None, "agreement": 0.5, "level": "nominal", "units": 3},
        # Every number 5, one answer empty: agreement under 1.0, alpha's numbers all one value.
        "total": {
            "alpha": None,
            "agreement": 0.5,
            "level": "interval",
            "units": 2,
            "alpha_units": 1,
            "empty_answers": 1,
        },
        "fine": {"alpha": 0.8, "agreement": 0.9, "level": "nominal", "units": 3},
        "releases": {"alpha": None, "agreement": 1.0, "level": "frames", "units": 3},
    }
    assert form_alpha_notes(form) == [
        "code: alpha n/a: every answer is the same value, so there is nothing for alpha to measure",
        "number: alpha n/a: no document has numbers of two annotators to compare",
        "lone: alpha n/a: no document has answers of two annotators to compare",
        "odd: alpha n/a: it is undefined for these answers",
        "total: alpha n/a: every number given is the same value (its empty answers are missing "
        "data for alpha), so there is nothing for alpha to measure",
        GROUP,
    ]
