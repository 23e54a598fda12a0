"""``annotator diff`` for a person: long form answers wrap between fields within the width,
an empty value shows as one, and the annotators' notes are there (in ``--json`` too)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from rich.console import Console

from annotator.commands.diff_report import print_report
from annotator.core.diff import diff_of_files
from annotator.core.scheme import load_default_scheme
from tests.test_agreement_data import record, span, write_journal

RELEASE = {
    "released_by": "Kestria",
    "received_by": "Norvania",
    "count": 6,
    "date": "2024-03-17",
    "releasees": ["six wounded Norvanian soldiers", "Sergeant Pavel Ostrovin"],
}


def report_of(tmp_path: Path, alice: dict[str, Any], bob: dict[str, Any]) -> dict[str, Any]:
    for made in (alice, bob):
        made["form"] = {"event_type": "exchange", **made["form"]}  # required when done
    files = [
        write_journal(tmp_path / "alice.jsonl", alice),
        write_journal(tmp_path / "bob.jsonl", bob),
    ]
    return diff_of_files(files[0], files[1], load_default_scheme())


def printed(report: dict[str, Any], width: int) -> list[str]:
    out = io.StringIO()
    console = Console(file=out, width=width, color_system=None, highlight=False)
    print_report(report, None, {}, console)
    return out.getvalue().splitlines()


@pytest.mark.parametrize("width", [60, 80, 120])
def test_a_long_group_item_wraps_between_its_fields(tmp_path: Path, width: int) -> None:
    report = report_of(tmp_path, record("alice", form={"releases": [RELEASE]}), record("bob"))
    lines = printed(report, width)
    assert [line for line in lines if cell_len(line) > width] == []
    joined = " ".join(line.strip() for line in lines)
    assert 'released_by "Kestria" · received_by "Norvania" · count 6' in joined
    assert '"six wounded Norvanian soldiers"' in joined  # no word cut in two
    first = next(n for n, line in enumerate(lines) if line.startswith("  form"))
    form_lines = lines[first:]
    # Further lines sit under the first value, past "  form     releases[0]: ".
    assert all(line.startswith(" " * 10) for line in form_lines[1:] if line.strip())


def test_an_empty_value_beside_a_value_is_named(tmp_path: Path) -> None:
    with_value = span("s1", 13, 16, "count", 146)
    without = span("s1", 13, 16, "count", None)
    report = report_of(
        tmp_path, record("alice", spans=[with_value]), record("bob", spans=[without])
    )
    assert report["counts"]["value"] == 1
    [line] = [line for line in printed(report, 160) if line.strip().startswith("value")]
    assert 'A: count 13..16 "146" = 146' in line
    assert 'B: count 13..16 "146" = no value' in line


def test_the_annotators_notes_are_shown(tmp_path: Path) -> None:
    report = report_of(
        tmp_path,
        record("alice", note="figures disputed:\nsee the second paragraph"),
        record("bob"),
    )
    assert report["annotator_notes"] == [
        {"doc_id": "d1", "a": "figures disputed:\nsee the second paragraph", "b": ""}
    ]
    lines = printed(report, 80)
    at = lines.index("  note     A: figures disputed:")
    # A note's own lines stay lines, under its first (a user trial: "talks with government
    # maybe exchange" read as one sentence).
    assert lines[at + 1] == "              see the second paragraph"
    assert not any("note     B" in line for line in lines)


def test_a_note_s_lines_wrap_each_under_the_first(tmp_path: Path) -> None:
    note = "talks with government\n\n  maybe exchange\t later\n" + "word " * 20
    report = report_of(tmp_path, record("alice"), record("bob", note=note))
    lines = printed(report, 40)
    at = lines.index("  note     B: talks with government")
    assert lines[at + 1 : -1] == [
        "              maybe exchange later",
        "              word word word word word",
        "              word word word word word",
        "              word word word word word",
        "              word word word word word",
    ]


def test_no_note_no_notes(tmp_path: Path) -> None:
    report = report_of(tmp_path, record("alice"), record("bob"))
    assert report["annotator_notes"] == []
    assert printed(report, 80)[-1] == "no differences"
