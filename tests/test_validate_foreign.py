"""validate of a journal made with another scheme: each unknown field is said once with how many
lines have it, and one line asks for the scheme (a trial's 53-line journal gave 215 lines, the
same few on every line of its history). A bad value of a field the scheme knows is still said on
each of its lines, and so are warnings; a journal of this scheme with a bad line has it said."""

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
# The value found names itself: a choice renamed in the scheme leaves its old value in records.
MARCH = f"'march' is not one of its choices ({CHOICES}'not_relevant')"


def protest_lines() -> list[dict[str, Any]]:
    """Three documents' lines, made with the protest scheme (a document's earlier lines would
    be history: ``test_validate_history``)."""
    form = {"event_type": "march", "arrests": [{"location": "Russia"}]}
    return [
        make_record(doc_id="a", spans=[LOCATION]),
        make_record(doc_id="b", spans=[LOCATION], form={"event_type": "march"}),
        make_record(doc_id="c", spans=[LOCATION], form=form, links={"arrests[0].location": ["s1"]}),
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
        # A bad value of a field the scheme knows: on each of its lines, to be mended there.
        f"lead.jsonl:2: form.event_type: {MARCH}",
        f"lead.jsonl:3: form.event_type: {MARCH}",
        # form.arrests and links.arrests[0].location: one unknown field, on one line.
        "lead.jsonl:3: form.arrests: unknown field (scheme prisoner_exchange: event_type, "
        "releases)",
        "lead.jsonl: most lines hold labels or fields not in scheme prisoner_exchange: were "
        "these journals made with another scheme? pass it with --scheme FILE",
    ]
    assert result.stderr == "4 problems found\n"


def test_with_its_own_scheme_it_is_valid_and_with_another_that_is_named(
    write_jsonl: Callable[..., Path], tmp_path: Path
) -> None:
    write_jsonl("lead.jsonl", *protest_lines())
    (tmp_path / "protest.toml").write_text(PROTEST, encoding="utf-8")
    result = validate(tmp_path, "lead.jsonl", "--scheme", "protest.toml")
    assert (result.returncode, result.stdout) == (0, "")
    assert result.stderr.startswith("ok: 1 file(s) valid: lead.jsonl (journal); not checked")
    renamed = PROTEST.replace('"location"', '"place"')
    (tmp_path / "renamed.toml").write_text(renamed, encoding="utf-8")
    result = validate(tmp_path, "lead.jsonl", "--scheme", "renamed.toml")
    assert result.stdout.splitlines() == [
        "lead.jsonl:1: spans.0.label: unknown label 'location' (scheme renamed.toml: organiser, "
        "crowd, place, arrests); 3 span(s) on 3 line(s) have it; a label the scheme given does "
        "not have (changed since the record was made?); its annotator deletes or relabels those "
        "spans in annotate, which keeps them till then: annotate opens annotations/alice.jsonl, "
        "not lead.jsonl: move it there, then: annotator annotate CORPUS --annotator alice "
        "--scheme renamed.toml --out . (CORPUS: the folder or file of the articles annotated in "
        "lead.jsonl)",
        # A group's field renamed: one unknown field, in the form and its links.
        "lead.jsonl:3: form.arrests[].location: unknown field of arrests (scheme renamed.toml: "
        "arrests has count, place)",
        "lead.jsonl: most lines hold labels or fields not in the scheme given, renamed.toml: "
        "is it the scheme this journal was made with?",
    ]


def test_a_bad_line_in_a_journal_of_this_scheme_is_said_on_its_line(
    write_jsonl: Callable[..., Path], tmp_path: Path
) -> None:
    good = [make_record(doc_id=name, form={"event_type": "exchange"}) for name in "ade"]
    bad = make_record(doc_id="b", form={"event_type": "exchange", "weather": "fine"})
    write_jsonl("j.jsonl", good[0], good[1], bad, good[2], {**bad, "doc_id": "c"})
    result = validate(tmp_path, "j.jsonl")
    assert result.stdout.splitlines() == [
        "j.jsonl:3: form.weather: unknown field",
        "j.jsonl:5: form.weather: unknown field",
    ]


def test_a_bad_value_of_a_known_field_names_each_of_its_lines(
    write_jsonl: Callable[..., Path], tmp_path: Path
) -> None:
    # Seven lines of another scheme's field; lines 3 and 7 also a choice this scheme lacks.
    lines = [
        make_record(doc_id=f"d{n}", form={"weather": "fine", "event_type": "exchange"})
        for n in range(7)
    ]
    for line in (3, 7):
        lines[line - 1]["form"]["event_type"] = "march"
    write_jsonl("j.jsonl", *lines)
    result = validate(tmp_path, "j.jsonl")
    assert result.stdout.splitlines() == [
        "j.jsonl:1: form.weather: unknown field (scheme prisoner_exchange: event_type, "
        "releases); 7 line(s) have it",
        f"j.jsonl:3: form.event_type: {MARCH}",
        f"j.jsonl:7: form.event_type: {MARCH}",
        "j.jsonl: most lines hold labels or fields not in scheme prisoner_exchange: were these "
        "journals made with another scheme? pass it with --scheme FILE",
    ]


def test_a_group_s_unknown_field_is_said_once_and_makes_it_another_scheme_s(
    write_jsonl: Callable[..., Path], tmp_path: Path
) -> None:
    item = {"released_by": "Russia", "side": "east"}
    linked = make_record(form={"releases": [item]}, links={"releases[0].side": ["s1"]})
    write_jsonl("j.jsonl", make_record(doc_id="b", form={"releases": [item]}), linked)
    result = validate(tmp_path, "j.jsonl")
    assert result.stdout.splitlines() == [
        "j.jsonl:1: form.releases[].side: unknown field of releases (scheme prisoner_exchange: "
        "releases has released_by, received_by, count, date, releasees); 2 line(s) have it",
        "j.jsonl: most lines hold labels or fields not in scheme prisoner_exchange: were these "
        "journals made with another scheme? pass it with --scheme FILE",
    ]


def test_warnings_of_a_clean_line_are_said_in_another_scheme_s_journal(
    write_jsonl: Callable[..., Path], tmp_path: Path
) -> None:
    foreign = [make_record(doc_id=name, form={"weather": "fine"}) for name in "acd"]
    # Document b's line has no problem, and a link from a field filled from no label.
    warned = make_record(doc_id="b", form={"event_type": "exchange"}, links={"event_type": ["s1"]})
    write_jsonl("j.jsonl", *foreign, warned)
    result = validate(tmp_path, "j.jsonl")
    assert result.stdout.splitlines() == [
        "j.jsonl:1: form.weather: unknown field (scheme prisoner_exchange: event_type, "
        "releases); 3 line(s) have it",
        "j.jsonl:4: links.event_type: warning: links s1 (actor 'Russia'), but the field is not "
        "filled from spans",
        "j.jsonl: most lines hold labels or fields not in scheme prisoner_exchange: were these "
        "journals made with another scheme? pass it with --scheme FILE",
    ]
    # Its count, as other lines than the one problem were said.
    assert (result.returncode, result.stderr) == (1, "1 problem found\n")
