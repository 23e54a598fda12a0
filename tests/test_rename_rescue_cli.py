"""``annotator rename`` of a journal with a rescue file: refused, nothing written. Renamed in
place, the journal kept its rescue file, and the next annotate appended it: its records came
back under the old name; written elsewhere, the renamed journal lacked the rescued changes."""

from __future__ import annotations

import shlex
from pathlib import Path

import orjson
import pytest

from annotator.cli import main
from annotator.core.store_rescue import rescue_name
from tests.test_agreement_data import record, write_journal


def journal_and_rescue(tmp_path: Path, home: Path, **rescued: str) -> tuple[Path, Path]:
    """ann1's journal of d1, and a rescue file of it holding one change (of ann1 d2 unless
    ``rescued`` says otherwise)."""
    journal = write_journal(
        tmp_path / "ann1.jsonl", record("ann1", updated_at="2026-11-27T10:00:00Z")
    )
    line = record("ann1", "d2", updated_at="2026-11-27T11:00:00Z") | rescued
    rescue = home / rescue_name(journal)
    rescue.write_bytes(orjson.dumps(line) + b"\n")
    return journal, rescue


def rename(journal: Path, output: Path, *more: str) -> list[str]:
    return ["rename", str(journal), "--from", "ann1", "--to", "ann1b", "-o", str(output), *more]


@pytest.mark.parametrize("in_place", [True, False])
def test_a_journal_with_a_rescue_file_pending_is_not_renamed(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str], in_place: bool
) -> None:
    journal, rescue = journal_and_rescue(tmp_path, home)
    before = journal.read_bytes()
    output = journal if in_place else tmp_path / "ann1b.jsonl"
    assert main(rename(journal, output, "--force")) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"{journal}: its rescue file {rescue} (1 change a session could not write) is not in "
        "it yet: renamed now, its records would stay under the old name 'ann1'; run "
        "`annotator annotate` of the journal first (which appends the file) or append it by "
        f"hand: cat {shlex.quote(str(rescue))} >> {journal}, then rename (nothing was written)\n"
    )
    assert journal.read_bytes() == before
    assert sorted(home.iterdir()) == [rescue]
    assert in_place or not output.exists()


def test_a_rescue_file_annotate_would_refuse_is_said_so(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # d1 rescued at 09:00, the journal's d1 at 10:00: appending it would undo the later work.
    journal, rescue = journal_and_rescue(
        tmp_path, home, doc_id="d1", updated_at="2026-11-27T09:00:00Z"
    )
    assert main(rename(journal, journal, "--force")) == 1
    path = shlex.quote(str(rescue))
    assert capsys.readouterr().err.endswith(
        ": renamed now, its records would stay under the old name 'ann1'; the journal holds a "
        "record of d1 later than the rescued one, so `annotator annotate` refuses it: append "
        f"it by hand (cat {path} >> {journal}) or set it aside (mv {path} {path}.kept), then "
        "rename (nothing was written)\n"
    )


def test_a_rescue_file_of_another_annotator_is_said_missing_from_the_output(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    journal, rescue = journal_and_rescue(tmp_path, home, annotator="carol")
    output = tmp_path / "ann1b.jsonl"
    assert main(rename(journal, output)) == 1
    assert capsys.readouterr().err.startswith(
        f"{journal}: its rescue file {rescue} (1 change a session could not write) is not in "
        f"it yet: renamed now, {output} would be without its changes; run `annotator annotate`"
    )
    assert not output.exists()


def test_a_rescue_file_appended_by_hand_is_set_aside_before_a_rename_in_place(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    journal, rescue = journal_and_rescue(tmp_path, home)
    with journal.open("ab") as appending:
        appending.write(rescue.read_bytes())
    before = journal.read_bytes()
    assert main(rename(journal, journal, "--force")) == 1
    path = shlex.quote(str(rescue))
    assert capsys.readouterr().err == (
        f"{journal}: its rescue file {rescue} (1 change a session could not write) is in it "
        "already but not set aside: renamed in place now, its records of 'ann1' would no "
        "longer be found in it and the next opening would append them again under that name; "
        "run `annotator annotate` of the journal first (which sets the file aside) or set it "
        f"aside yourself: mv {path} {path}.appended (nothing was written)\n"
    )
    assert journal.read_bytes() == before
    # Written to another file, the output holds the rescued change: nothing is left behind.
    output = tmp_path / "ann1b.jsonl"
    assert main(rename(journal, output)) == 0
    assert [orjson.loads(line)["annotator"] for line in output.read_bytes().splitlines()] == [
        "ann1b",
        "ann1b",
    ]
    rescue.rename(f"{rescue}.appended")
    assert main(rename(journal, journal, "--force")) == 0


def test_a_journal_without_a_rescue_file_is_renamed_in_place(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    journal = write_journal(tmp_path / "ann1.jsonl", record("ann1"), record("ann1", "d2"))
    assert main(rename(journal, journal, "--force")) == 0
    assert capsys.readouterr().out == f"wrote {journal}: 2 line(s) renamed 'ann1' → 'ann1b'\n"
    names = [orjson.loads(line)["annotator"] for line in journal.read_bytes().splitlines()]
    assert names == ["ann1b", "ann1b"]
