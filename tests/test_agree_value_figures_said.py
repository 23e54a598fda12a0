"""agree says why span value agreement, and a pair's figures, are n/a (null in --json).

Value agreement (value_agreement.py) is over the count and date spans two annotators of a
document marked alike; with none such, agree showed "n/a" with no word, as for a pair of
annotators sharing no document. A note now says which cause it is, one note per cause.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from tests.test_agreement import figures
from tests.test_agreement_data import (
    SCHEME_TOML,
    record,
    run_cli,
    span,
    write_journal,
    write_scheme,
)

# TEXT: "Russia freed 146 prisoners and Ukraine freed 12 soldiers on Sunday."
ACTOR = span("a1", 0, 6, "actor")
COUNT = span("c1", 13, 16, "count", 146)
DATE = span("t1", 60, 66, "date", "2024-03-17")
NONE_HELD = (
    "span value agreement: n/a: no compared record holds a count or date span, so no values "
    "are compared"
)
NONE_ALIKE = (
    "span value agreement: n/a: no count or date span is marked alike (same start, end and "
    "label) by two annotators of a document, so no values are compared"
)


def _said(report: dict[str, Any], start: str | tuple[str, ...]) -> list[str]:
    return [note for note in report["notes"] if note.startswith(start)]


def test_no_valued_span_in_any_record_is_said(tmp_path: Path) -> None:
    report = figures(tmp_path, [record("alice", spans=[ACTOR])], [record("bob", spans=[ACTOR])])
    assert report["spans"]["value_agreement"] is None
    assert _said(report, ("span value", "values")) == [NONE_HELD]


def test_valued_spans_none_marked_alike_is_said(tmp_path: Path) -> None:
    # Bob's count is one character longer: no span is alike, whatever the values.
    longer = span("c1", 13, 17, "count", 146)
    report = figures(tmp_path, [record("alice", spans=[COUNT])], [record("bob", spans=[longer])])
    assert report["spans"]["value_agreement"] is None
    assert _said(report, ("span value", "values")) == [NONE_ALIKE]


def test_a_label_and_a_pair_without_alike_spans_are_said_beside_the_figure(
    tmp_path: Path,
) -> None:
    # Alice and bob share the count; carol marked only a date nobody else did.
    report = figures(
        tmp_path,
        [record("alice", spans=[COUNT])],
        [record("bob", spans=[COUNT])],
        [record("carol", spans=[DATE])],
    )
    assert report["spans"]["value_agreement"] == 1.0
    assert report["spans"]["by_label"]["date"]["value_agreement"] is None
    assert report["spans"]["by_label"]["actor"]["has_values"] is False
    assert _said(report, ("span value", "values")) == [
        "values of date: n/a: no date span is marked alike by two annotators of a document",
        "values of alice and carol; bob and carol: n/a: no count or date span is marked alike "
        "by both in the documents they share; the mean is over the other pairs",
    ]


def test_a_pair_sharing_no_document_is_said(tmp_path: Path) -> None:
    report = figures(
        tmp_path,
        [record("alice", "d1", spans=[COUNT])],
        [record("bob", "d1", spans=[COUNT]), record("bob", "d2", spans=[COUNT])],
        [record("carol", "d2", spans=[COUNT])],
    )
    pairs = {(row["a"], row["b"]): row for row in report["pairs"]}
    assert pairs[("alice", "carol")]["exact_f1"] is None
    assert _said(report, "pairs sharing") == [
        "pairs sharing no compared document, so without figures (n/a): alice and carol"
    ]
    # The pair's value n/a is the note's above: no note of values names it.
    assert _said(report, ("span value", "values")) == [
        "values of date: n/a: no date span is marked alike by two annotators of a document"
    ]


def test_the_human_report_says_it_and_marks_labels_without_values(tmp_path: Path) -> None:
    journals = [
        write_journal(tmp_path / f"{name}.jsonl", record(name, spans=[ACTOR]))
        for name in ("alice", "bob")
    ]
    test_scheme = write_scheme(tmp_path)
    result = run_cli("agree", *journals, "--scheme", test_scheme, "--json")
    assert result.returncode == 0, result.stderr
    assert NONE_HELD in orjson.loads(result.stdout)["notes"]
    result = run_cli("agree", *journals, "--scheme", test_scheme)
    assert result.returncode == 0, result.stderr
    said = " ".join(result.stdout.split())  # the notes, wrapped to the width
    assert f"note: {NONE_HELD}" in said
    # Per label: a label without a value shows a dash, said under the table; a valued one n/a.
    rows = {
        line.split()[1]: line.split()[-2]
        for line in result.stdout.splitlines()
        if line.startswith("│ ") and line.split()[1] in ("actor", "count")
    }
    assert rows == {"actor": "–", "count": "n/a"}
    assert "values –: the label has no value to compare" in result.stdout
    assert "values n/a: no span with a value marked alike by two annotators in it" in said


def test_a_scheme_without_valued_labels_or_form_fields_says_so(tmp_path: Path) -> None:
    # Labels only, none with a value: every value agreement and every form figure is n/a.
    labels_only = tmp_path / "labels_only.toml"
    labels_only.write_text(
        SCHEME_TOML.split("[[fields]]")[0]
        .replace('value_type = "integer"', "")
        .replace('value_type = "date"', ""),
        encoding="utf-8",
    )
    journals = [
        write_journal(tmp_path / f"{name}.jsonl", record(name, spans=[ACTOR]))
        for name in ("alice", "bob")
    ]
    result = run_cli("agree", *journals, "--scheme", labels_only, "--json")
    assert result.returncode == 0, result.stderr
    report = orjson.loads(result.stdout)
    assert report["spans"]["value_agreement"] is None
    assert _said(report, ("span value", "values")) == [
        "span value agreement: n/a: no label of the scheme has a value, so no values are compared"
    ]
    result = run_cli("agree", *journals, "--scheme", labels_only)
    assert result.returncode == 0, result.stderr
    assert "form n/a: the scheme has no form fields" in result.stdout.splitlines()
