"""``annotator diff --doc ID``: the notes under the diff are about that document, not others.

A reviewer's trial: ``diff bob.jsonl carol.jsonl --doc 07-…`` ended with "note: records not
done are not compared: carol 1 skipped (08-…)", a word about another document read as one
about 07.
"""

from __future__ import annotations

from pathlib import Path

import orjson

from tests.test_agreement_data import TEXT, record, run_cli, span, write_journal

FORM = {"event_type": "exchange"}


def _journals(tmp_path: Path) -> tuple[Path, Path]:
    """bob and carol both did d1 (a boundary apart); carol skipped d2, bob left d3 started."""
    bob = write_journal(
        tmp_path / "bob.jsonl",
        record("bob", spans=[span("s1", 13, 16, "count", 146)], form=FORM),
        record("bob", "d3", status="in_progress"),
    )
    carol = write_journal(
        tmp_path / "carol.jsonl",
        record("carol", spans=[span("s1", 13, 26, "count", 146)], form=FORM),
        record("carol", "d2", status="skipped", note="not an exchange"),
    )
    return bob, carol


def test_a_diff_of_one_document_says_nothing_of_the_others_not_done(tmp_path: Path) -> None:
    bob, carol = _journals(tmp_path)
    result = run_cli("diff", bob, carol, "--doc", "d1")
    assert result.returncode == 0, result.stderr
    assert "boundary" in result.stdout
    assert "d2" not in result.stdout and "d3" not in result.stdout
    assert "records not done" not in result.stdout + result.stderr
    # Without --doc the note stays: the diff is of every document then.
    whole = run_cli("diff", bob, carol)
    assert (
        "note: records not done are not compared: bob 1 in progress (d3); carol 1 skipped (d2)"
    ) in " ".join(whole.stdout.split())  # as one line, whatever the width it was wrapped to


def test_the_json_of_one_document_carries_no_note_of_the_others(tmp_path: Path) -> None:
    bob, carol = _journals(tmp_path)
    result = run_cli("diff", bob, carol, "--doc", "d1", "--json")
    assert result.returncode == 0, result.stderr
    report = orjson.loads(result.stdout)
    assert report["notes"] == []
    assert result.stderr == ""


def test_notes_on_the_journals_themselves_stay_with_doc(tmp_path: Path) -> None:
    bob, carol = _journals(tmp_path)
    # An interrupted write: the journal's last line is cut short. It may be any document's
    # record, the one diffed among them: still said.
    torn = orjson.dumps(record("carol", "d1", text=TEXT, form=FORM))[:40]
    with carol.open("ab") as handle:
        handle.write(torn)
    result = run_cli("diff", bob, carol, "--doc", "d1", "--json")
    assert result.returncode == 0, result.stderr
    assert orjson.loads(result.stdout)["notes"] == [
        f"{carol}:3: incomplete last line (an interrupted write) left out"
    ]
    # The notes are said on stderr too, for a reader of the terminal (as agree says them).
    assert (
        result.stderr == f"note: {carol}:3: incomplete last line (an interrupted write) left out\n"
    )


def test_a_note_printed_to_a_file_stays_on_one_line(tmp_path: Path) -> None:
    # A trial's note, read through a pipe, was cut at 80 columns inside its document list
    # ("carol 1 skipped ⏎(d2)"): a file keeps each note whole for grep.
    bob, carol = _journals(tmp_path)
    result = run_cli("diff", bob, carol)
    assert result.returncode == 0, result.stderr
    notes = [line for line in result.stdout.splitlines() if line.startswith("note: records")]
    assert notes == [
        "note: records not done are not compared: bob 1 in progress (d3); carol 1 skipped (d2)"
    ]


def test_a_third_journal_is_refused_naming_what_compares_more(tmp_path: Path) -> None:
    bob, carol = _journals(tmp_path)
    result = run_cli("diff", bob, carol, bob)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        "annotator: error: diff compares two journals, A and B (3 given); for more annotators, "
        "`annotator agree` gives the figures and `annotator merge` or `annotator review` their "
        "conflicts\n"
    )
