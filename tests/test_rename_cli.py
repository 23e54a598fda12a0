"""``annotator rename``, as a reviewer runs it: the trial's agree of ``ann1.jsonl`` beside a
copy of it refused, telling two people sharing a name to be renamed, and nothing renamed one."""

from __future__ import annotations

import shlex
from pathlib import Path

import orjson
import pytest

from tests.test_agreement_cli import DEFAULT_FORM, journals
from tests.test_agreement_data import record, run_cli, write_journal


def test_the_refusal_names_the_command_and_the_command_mends_it(tmp_path: Path) -> None:
    alice, bob = journals(tmp_path)
    copy = tmp_path / "copy of alice.jsonl"
    copy.write_bytes(alice.read_bytes())

    for command in (["agree"], ["diff"], ["merge", "-o", str(tmp_path / "gold.jsonl")]):
        files = [alice, copy] if command == ["diff"] else [alice, copy, bob]
        refused = run_cli(*command[:1], *files, *command[1:])
        assert refused.returncode == 1
        hint = f"annotator rename '{copy}' --from alice --to NEW -o {tmp_path / 'NEW.jsonl'}"
        assert refused.stderr == (
            f"{copy}: annotator 'alice' also has records in {alice}: each annotator's work "
            f"must come from one journal; two people sharing a name must be renamed before "
            f"they can be compared: {hint}\n"
        )
    assert not (tmp_path / "gold.jsonl").exists()

    words = shlex.split(hint)
    words[words.index("NEW")] = "alice2"
    renamed = tmp_path / "alice2.jsonl"
    words[-1] = str(renamed)
    result = run_cli(*words[1:])
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == f"wrote {renamed}: 2 line(s) renamed 'alice' → 'alice2'\n"

    again = run_cli("agree", alice, renamed, bob, "--json")
    assert again.returncode == 0, again.stderr
    assert orjson.loads(again.stdout)["annotators"] == ["alice", "alice2", "bob"]


def test_the_same_file_given_twice_is_not_told_to_rename(tmp_path: Path) -> None:
    alice, bob = journals(tmp_path)
    result = run_cli("agree", alice, alice, bob)
    assert result.returncode == 1
    assert "(the same file given twice?)" in result.stderr
    assert "annotator rename" not in result.stderr


def test_a_mixed_journal_keeps_the_others_and_says_so(tmp_path: Path) -> None:
    mixed = write_journal(
        tmp_path / "mixed.jsonl",
        record("ann1", form=DEFAULT_FORM),
        record("carol", form=DEFAULT_FORM),
        record("ann2", "d2", form=DEFAULT_FORM),
        record("carol", "d2", form=DEFAULT_FORM),
    )
    out = tmp_path / "out.jsonl"
    result = run_cli("rename", mixed, "--from", "carol", "--to", "carol.b", "-o", out)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        f"wrote {out}: 2 line(s) renamed 'carol' → 'carol.b'; 1 line(s) of 'ann1' kept as "
        "they were; 1 line(s) of 'ann2' kept as they were\n"
    )
    before, after = mixed.read_bytes().splitlines(), out.read_bytes().splitlines()
    assert [after[0], after[2]] == [before[0], before[2]]
    assert [orjson.loads(after[n])["annotator"] for n in (1, 3)] == ["carol.b", "carol.b"]


def test_in_place_with_force_says_it_replaced_the_journal(tmp_path: Path) -> None:
    journal = write_journal(tmp_path / "ann1.jsonl", record("ann1"))
    refused = run_cli("rename", journal, "--from", "ann1", "--to", "ann1b", "-o", journal)
    assert (refused.returncode, refused.stdout) == (1, "")
    assert refused.stderr == (
        f"{journal}: is the journal itself ({journal}); pass --force to rewrite it in place, "
        "or write the renamed journal to another file\n"
    )
    result = run_cli("rename", journal, "--from", "ann1", "--to", "ann1b", "-o", journal, "--force")
    assert result.returncode == 0
    assert result.stdout == f"wrote {journal}: 1 line(s) renamed 'ann1' → 'ann1b'\n"
    assert result.stderr == f"replaced {journal} (in place, --force)\n"
    assert orjson.loads(journal.read_bytes())["annotator"] == "ann1b"


def test_a_torn_last_line_and_a_made_folder_are_said(tmp_path: Path) -> None:
    journal = tmp_path / "ann1.jsonl"
    journal.write_bytes(orjson.dumps(record("ann1")) + b"\n" + b'{"schema_version": 1, "doc')
    out = tmp_path / "elsewhere" / "ann1b.jsonl"
    result = run_cli("rename", journal, "--from", "ann1", "--to", "ann1b", "-o", out)
    assert result.returncode == 0
    assert result.stdout == (
        f"made the folder {out.parent}\nwrote {out}: 1 line(s) renamed 'ann1' → 'ann1b'\n"
    )
    assert result.stderr == (
        f"{journal}:2: incomplete last line (an interrupted write) left out of {out} "
        "(the journal keeps it)\n"
    )


@pytest.mark.parametrize(
    ("args", "status", "message"),
    [
        (
            ["--from", "ann1", "--to", "bob", "-o", "{out}"],
            1,
            "{journal}: 'bob' already has records here (1 line(s)): renaming 'ann1' to it "
            "would make two people's work one; choose another name",
        ),
        (
            ["--from", "ann9", "--to", "x", "-o", "{out}"],
            1,
            "{journal}: no records of 'ann9'; its records are of 'ann1' (1 line(s)), "
            "'bob' (1 line(s))",
        ),
        (
            ["--from", "ann1", "--to", "ann 1", "-o", "{out}"],
            2,
            "annotator: error: --to 'ann 1': use letters, digits, '.', '_', '-' or '@', "
            "beginning with a letter or digit (as annotate takes it: it names the journal file)",
        ),
        (
            ["--from", "ann1", "--to", "ann1", "-o", "{out}"],
            2,
            "annotator: error: --from and --to are both 'ann1': nothing to rename",
        ),
        (
            ["--from", "ann1", "--to", "x", "-o", "{journal}"],
            1,
            "{journal}: is the journal itself ({journal}); pass --force to rewrite it in "
            "place, or write the renamed journal to another file",
        ),
    ],
)
def test_refusals_are_one_line_and_write_nothing(
    tmp_path: Path, args: list[str], status: int, message: str
) -> None:
    journal = write_journal(tmp_path / "j.jsonl", record("ann1"), record("bob"))
    before = journal.read_bytes()
    out = tmp_path / "out.jsonl"
    given = [arg.format(journal=journal, out=out) for arg in args]
    result = run_cli("rename", journal, *given)
    assert (result.returncode, result.stdout) == (status, "")
    assert result.stderr == message.format(journal=journal) + "\n"
    assert sorted(tmp_path.iterdir()) == [journal]
    assert journal.read_bytes() == before


def test_a_damaged_line_names_file_line_and_field(tmp_path: Path) -> None:
    journal = write_journal(
        tmp_path / "j.jsonl", record("ann1"), record("ann1", "d2", status="finished")
    )
    result = run_cli("rename", journal, "--from", "ann1", "--to", "x", "-o", tmp_path / "o.jsonl")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.startswith(f"{journal}:2: status: ")
    assert len(result.stderr.splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "o.jsonl").exists()


def test_help_says_what_it_does_and_what_it_refuses() -> None:
    result = run_cli("rename", "--help")
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    assert text.startswith(
        "usage: annotator rename [-h] --from OLD --to NEW -o OUT.jsonl [--force] JOURNAL"
    )
    for words in (
        "Give every record of annotator OLD in JOURNAL the name NEW",
        "The records of other annotators are kept as they are.",
        "Refused: NEW already has records in JOURNAL, OLD has none, NEW is not a name annotate "
        "takes.",
        "an existing OUT, or JOURNAL itself, is replaced only with --force.",
        "--from OLD the name the records bear",
        "-o OUT.jsonl, --output OUT.jsonl the renamed journal to write",
    ):
        assert words in text
    listed = run_cli("--help").stdout
    assert "rename    Give one annotator's records in a journal another name." in listed
