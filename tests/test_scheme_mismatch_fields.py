"""Journals holding a form field the scheme does not have (a field removed from the scheme
mid-project stays in the records made before it; annotate keeps it): agree, diff and merge
name the scheme's fields there and give the hint an unknown label has, not a bare
``form.arrests: unknown field``."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from tests.test_agreement_data import record, run_cli, write_journal
from tests.test_scheme_mismatch import command, edited_copy_of_the_default


def journals_with(tmp_path: Path, form: dict[str, object]) -> tuple[Path, Path]:
    alice = write_journal(tmp_path / "alice.jsonl", record("alice", form=form))
    bob = write_journal(tmp_path / "bob.jsonl", record("bob", form=form))
    return alice, bob


@pytest.mark.parametrize("name", ["agree", "diff", "merge"])
def test_without_scheme_the_fields_are_named_and_one_asked_for(tmp_path: Path, name: str) -> None:
    alice, bob = journals_with(tmp_path, {"event_type": "exchange", "arrests": 2})
    result = run_cli(*command(name, tmp_path, alice, bob))
    assert result.returncode == 1
    assert result.stderr == (
        f"{alice}:1: form.arrests: unknown field (scheme prisoner_exchange: event_type, "
        "releases); were these journals made with another scheme? pass it with --scheme FILE\n"
    )


def test_with_scheme_the_file_given_is_named_with_the_validate_that_lists_them(
    tmp_path: Path,
) -> None:
    alice, bob = journals_with(tmp_path, {"event_type": "exchange", "arrests": 2})
    mine = edited_copy_of_the_default(tmp_path)
    result = run_cli("agree", alice, bob, "--scheme", mine)
    assert result.returncode == 1
    validate = shlex.join(["annotator", "validate", "--scheme", str(mine), str(alice), str(bob)])
    assert result.stderr == (
        f"{alice} holds field 'arrests' (1 record, line 1); {bob} holds field 'arrests' (1 "
        f"record, line 1): not in scheme {mine} (its fields: event_type, releases), made under "
        "another scheme and kept as they are, so nothing was compared. Ways forward: "
        "--leave-out-unknown (compared without them, each said), or --scheme FILE, the scheme "
        f"they were made with, if one knows all of it; {validate} lists every line\n"
    )


def test_a_group_items_unknown_field_names_the_groups_fields(tmp_path: Path) -> None:
    release = {"released_by": None, "count": 3, "side": "north"}
    alice, bob = journals_with(tmp_path, {"event_type": "exchange", "releases": [release]})
    result = run_cli("agree", alice, bob)
    assert result.returncode == 1
    assert result.stderr.startswith(
        f"{alice}:1: form.releases.0.side: unknown field (scheme prisoner_exchange: "
        "released_by, received_by, count, date, releasees); were these journals made"
    )
