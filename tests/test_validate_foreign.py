"""validate of a journal made with another scheme: each unknown field and each repeated problem
of the form is said once with how many lines have it, and one line asks for the scheme (a
trial's 53-line journal gave 215 lines, the same few on every line of its history). A journal of
this scheme with a bad line still has the line said."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.conftest import make_record
from tests.test_scheme_messages import PROTEST

LOCATION = {"id": "s1", "start": 16, "end": 22, "label": "location", "text": "Russia"}
KNOWN = "(scheme prisoner_exchange: actor, count, date, releasee)"
CHOICES = "'exchange', 'unilateral_release', 'repatriation_of_remains', 'announcement' or "


def protest_lines() -> list[dict[str, Any]]:
    """Three lines of one document's history, made with the protest scheme."""
    form = {"event_type": "march", "arrests": [{"location": "Russia"}]}
    return [
        make_record(spans=[LOCATION]),
        make_record(spans=[LOCATION], form={"event_type": "march"}),
        make_record(spans=[LOCATION], form=form, links={"arrests[0].location": ["s1"]}),
    ]


def validate(tmp_path: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "annotator", "validate", *map(str, args)],
        capture_output=True, text=True, check=False, cwd=tmp_path,
    )  # fmt: skip


def test_another_schemes_journal_is_said_once_with_the_hint(
    write_jsonl: Callable[..., Path], tmp_path: Path
) -> None:
    write_jsonl("lead.jsonl", *protest_lines())
    result = validate(tmp_path, "lead.jsonl")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"lead.jsonl:1: spans.0.label: unknown label 'location' {KNOWN}; 3 span(s) on 3 line(s) "
        "have it",
        f"lead.jsonl:2: form.event_type: Input should be {CHOICES}'not_relevant'; 2 line(s) "
        "have it",
        # form.arrests and links.arrests[0].location: one unknown field, on one line.
        "lead.jsonl:3: form.arrests: unknown field (scheme prisoner_exchange: event_type, "
        "releases)",
        "lead.jsonl: most lines hold labels or fields not in scheme prisoner_exchange: were "
        "these journals made with another scheme? pass it with --scheme FILE",
    ]
    assert result.stderr == "3 problems found\n"


def test_with_its_own_scheme_it_is_valid_and_with_another_that_is_named(
    write_jsonl: Callable[..., Path], tmp_path: Path
) -> None:
    write_jsonl("lead.jsonl", *protest_lines())
    (tmp_path / "protest.toml").write_text(PROTEST, encoding="utf-8")
    result = validate(tmp_path, "lead.jsonl", "--scheme", "protest.toml")
    assert (result.returncode, result.stdout) == (0, "")
    assert result.stderr == "ok: 1 file(s) valid\n"
    renamed = PROTEST.replace('"location"', '"place"')
    (tmp_path / "renamed.toml").write_text(renamed, encoding="utf-8")
    result = validate(tmp_path, "lead.jsonl", "--scheme", "renamed.toml")
    assert result.stdout.splitlines() == [
        "lead.jsonl:1: spans.0.label: unknown label 'location' (scheme renamed.toml: organiser, "
        "crowd, place, arrests); 3 span(s) on 3 line(s) have it",
        "lead.jsonl:3: form.arrests.0.location: unknown field",
        "lead.jsonl:3: links.arrests[0].location: not a field of the form",
        "lead.jsonl: most lines hold labels or fields not in the scheme given, renamed.toml: "
        "is it the scheme this journal was made with?",
    ]


def test_a_bad_line_in_a_journal_of_this_scheme_is_said_on_its_line(
    write_jsonl: Callable[..., Path], tmp_path: Path
) -> None:
    good = make_record(form={"event_type": "exchange"})
    bad = make_record(form={"event_type": "exchange", "weather": "fine"})
    write_jsonl("j.jsonl", good, good, bad, good, bad)
    result = validate(tmp_path, "j.jsonl")
    assert result.stdout.splitlines() == [
        "j.jsonl:3: form.weather: unknown field",
        "j.jsonl:5: form.weather: unknown field",
    ]
