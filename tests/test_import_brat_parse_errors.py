"""A brat .ann line that cannot be read is listed with the other bad spans (``file:line: ID:
field: problem``), then one refusal line, exit 1, nothing written: a trial's broken line
(``T3<TAB>actor 20<TAB>men``) stopped the import, and the surface text on another line that
disagreed with the document (``13`` against ``12``) was never said."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.test_agreement_data import run_cli as cli

ANN = (
    "T1\tactor 0 4\tKyiv\n"
    "T2\tcount 11 13\t13\n"
    "T3\tactor 20\tmen\n"
    "T3\tactor 0 4\tKyiv\n"
    "T4\t 0 4\tKyiv\n"
    "T5\n"
)


def brat_folder(folder: Path, ann: str = ANN) -> Path:
    folder.mkdir()
    (folder / "d.txt").write_text("Kyiv freed 12 men.\n")
    (folder / "d.ann").write_text(ann)
    return folder


def imported(source: Path, out: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """``annotator import`` of the brat folder ``source`` into ``out`` (c.jsonl, a.jsonl)."""
    return cli(
        "import", source, "--format", "brat", "-o", out / "c.jsonl",
        "--annotations", out / "a.jsonl", "--annotator", "al", *options,
    )  # fmt: skip


def test_every_bad_line_is_listed_then_one_refusal(tmp_path: Path) -> None:
    source = brat_folder(tmp_path / "b1")
    out = tmp_path / "o"
    result = imported(source, out)
    ann = source / "d.ann"
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{ann}:2: T2: count 11..13: text '13' does not match the document there ('12'); "
        "not imported",
        f"{ann}:3: T3: offsets: expected START END[;START END...], got '20'; not imported",
        f"{ann}:4: T3: duplicate annotation id (first on line 3); not imported",
        f"{ann}:5: T4: label: empty, in ' 0 4'; not imported",
        f"{ann}:6: T5: expected ID<TAB>LABEL START END<TAB>TEXT, got 'T5'; not imported",
        f"{source}: 5 span(s) are bad data (listed above); nothing written: correct the source "
        "or the options, or pass --skip-bad to import without them",
    ]
    assert not out.exists()


def test_skip_bad_leaves_them_out_and_the_record_is_for_review(tmp_path: Path) -> None:
    source = brat_folder(tmp_path / "b1")
    out = tmp_path / "o"
    result = imported(source, out, "--skip-bad")
    assert result.returncode == 0, result.stderr
    assert "5 span(s) left out as bad (listed above)" in result.stdout
    record = (out / "a.jsonl").read_text()
    assert '"status":"in_progress"' in record and '"flagged":true' in record
    assert '"id":"T1"' in record and '"id":"T3"' not in record


def test_a_line_that_is_not_brat_is_listed_and_refused(tmp_path: Path) -> None:
    """A trial's ``hello world`` imported with exit 0, its first letter taken for a line type
    (``1 h-line(s) kept in the record's note``); brat itself reads only the ids below."""
    ann = "T1\tactor 0 4\tKyiv\nhello world\nHi\tthere\n"
    source = brat_folder(tmp_path / "b1", ann)
    out = tmp_path / "o"
    result = imported(source, out)
    where = source / "d.ann"
    brat = "a brat line begins with an id (T1, R1, E1, A1, M1, N1, #1 or *) and a tab"
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.splitlines()[:2] == [
        f"{where}:2: cannot read 'hello world': {brat}; not imported",
        f"{where}:3: cannot read 'Hi\\tthere': {brat}; not imported",
    ]
    assert "-line" not in result.stderr
    assert not out.exists()


def test_every_kind_of_brat_line_is_kept_not_refused(tmp_path: Path) -> None:
    ann = (
        "T1\tactor 0 4\tKyiv\n"
        "T2\tactor 14 17\tmen\n"
        "R1\tPair Arg1:T1 Arg2:T2\n"
        "E1\tactor:T1\n"
        "A1\tNegated E1\n"
        "M1\tNegated E1\n"
        "N1\tReference T1 Wikipedia:1\tKyiv\n"
        "*\tEquiv T1 T2\n"
        "#1\tAnnotatorNote T1\tthe capital\n"
    )
    source = brat_folder(tmp_path / "b1", ann)
    out = tmp_path / "o"
    result = imported(source, out)
    assert result.returncode == 0, result.stderr
    assert (
        f"{source / 'd.ann'}: 2 attribute(s), 1 equivalence(s), 1 event(s), 1 normalisation(s), "
        "1 note(s), 1 relation(s) kept in the record's note, not imported as spans"
    ) in result.stderr + result.stdout


def test_a_relation_to_an_id_no_t_line_defines_is_said_and_kept(tmp_path: Path) -> None:
    """A curator's ``R1<TAB>met Arg1:T1 Arg2:T9`` (no T9) was taken unsaid, and an export then
    called it a line naming spans "changed or deleted since (T9)"."""
    ann = "T1\tactor 0 4\tKyiv\nR1\tmet Arg1:T1 Arg2:T9\nA1\tNegation T1\nR2\tmet Arg1:T1 Arg2:T1\n"
    source = brat_folder(tmp_path / "b2", ann)
    out = tmp_path / "o"
    result = imported(source, out)
    assert result.returncode == 0, result.stderr
    said = [line for line in result.stderr.splitlines() if "no T line" in line]
    assert said == [
        f"{source / 'd.ann'}:2: R1 names T9, which no T line of the file defines (the line is "
        "kept in the note as it is)"
    ]
    assert "R1\\tmet Arg1:T1 Arg2:T9" in (out / "a.jsonl").read_text()  # kept, as before
