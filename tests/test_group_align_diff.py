"""diff pairs a group's items as merge does (``align_items``): a release whose count alone
differs is one line, of its count, even in another order; other releases are each one's own."""

from __future__ import annotations

from pathlib import Path

import orjson

from annotator.core.form_differences import form_differences
from tests.test_agreement_data import run_cli
from tests.test_group_align_data import SCHEME, release, trial, write_case


def test_the_count_of_one_release_differs() -> None:
    monday = release(50, "2024-06-03")
    a = {"releases": [release(187), monday]}
    b = {"releases": [monday, release(210), release(70, "2024-06-05")]}
    assert form_differences(a, b, SCHEME) == [
        {
            "field": "releases[0].count",
            "b_field": "releases[1].count",
            "a": 187,
            "b": 210,
            "only": None,
        },
        {
            "field": "releases[2]",
            "b_field": "releases[2]",
            "a": None,
            "b": release(70, "2024-06-05"),
            "only": "b",
        },
    ]


def test_releases_of_other_days_are_each_ones_own() -> None:
    # Same sides, other date and count (2 of 4 fields): left over in order, they paired as
    # one release whose count and date differed.
    a = {"releases": [release(50, "2024-06-03")]}
    b = {"releases": [release(70, "2024-06-05")]}
    assert [(d["field"], d["only"]) for d in form_differences(a, b, SCHEME)] == [
        ("releases[0]", "a"),
        ("releases[0]", "b"),
    ]


def test_the_diff_command_says_the_count(tmp_path: Path) -> None:
    records = trial()
    corpus, journals = write_case(tmp_path, {"alice": records["alice"], "bob": records["bob"]})
    result = run_cli("diff", *journals, "--json")
    assert result.returncode == 0, result.stderr
    assert orjson.loads(result.stdout)["form"] == [
        {
            "doc_id": "d1",
            "field": "releases[0].count",
            "b_field": "releases[0].count",
            "a": 187,
            "b": 210,
            "only": None,
        }
    ]
    result = run_cli("diff", *journals, "--corpus", corpus)
    assert result.returncode == 0, result.stderr
    assert "form     releases[0].count: A 187   B 210" in result.stdout
