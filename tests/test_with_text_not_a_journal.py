"""An export with text (``export --format jsonl --with-text``) given where a journal is read:
one line saying what it is and what to give instead. A trial's stats, agree and merge said only
``text: unknown field`` of a file validate accepts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ARTICLE, make_record
from tests.test_agreement_data import run_cli as cli


def said(path: Path, who: str) -> str:
    return (
        f"{path}:1: this is {who} with its text, as export --format jsonl --with-text writes "
        "it, not a journal: give the journal or gold file it was exported from (annotator "
        "validate checks it; annotator import --format jsonl reads it back)\n"
    )


@pytest.mark.parametrize(
    "command",
    [
        ["stats", "{export}"],
        ["agree", "{export}", "{journal}"],
        ["diff", "{export}", "{journal}"],
        ["merge", "{export}", "{journal}", "-o", "{gold}"],
        ["compact", "{export}"],
    ],
)
def test_commands_reading_journals_say_what_an_export_with_text_is(
    write_jsonl: Callable[..., Path], tmp_path: Path, command: list[str]
) -> None:
    export = write_jsonl("ex.jsonl", {**make_record(), "text": ARTICLE, "meta": {}})
    journal = write_jsonl("bob.jsonl", make_record(annotator="bob"))
    before = export.read_bytes()
    gold = tmp_path / "gold.jsonl"
    args = [arg.format(export=export, journal=journal, gold=gold) for arg in command]
    result = cli(*args)
    assert (result.returncode, result.stderr) == (1, said(export, "a record of annotator 'alice'"))
    assert export.read_bytes() == before
    assert not gold.exists()


def test_validate_still_reads_it_as_an_export_with_text(
    write_jsonl: Callable[..., Path],
) -> None:
    export = write_jsonl("ex.jsonl", {**make_record(), "text": ARTICLE, "meta": {}})
    result = cli("validate", export)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "records with their text (an export --with-text)" in result.stderr
