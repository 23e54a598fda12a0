"""Every command reading a journal says a rescue file of it pending, in one line on stderr,
and appends nothing (``rescue_taken.rescues_pending``). A trial's validate said ok, and
stats, export and merge read ccann.jsonl without its rescued changes, unsaid."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from annotator.cli import main
from annotator.core.store_rescue import rescue_name
from tests.test_review_session_data import write_review_case


def commands(case: dict[str, Path], out: Path) -> dict[str, list[str]]:
    alice, bob = str(case["alice"]), str(case["bob"])
    scheme, corpus = ["--scheme", str(case["scheme"])], ["--corpus", str(case["corpus"])]
    return {
        "validate": ["validate", alice, *scheme, *corpus],
        "stats": ["stats", alice, bob],
        "export": ["export", alice, "--format", "jsonl", "-o", str(out / "alice.jsonl")],
        "agree": ["agree", alice, bob, *scheme, *corpus, "--json"],
        "diff": ["diff", alice, bob, *scheme, *corpus],
        "merge": ["merge", alice, bob, *scheme, *corpus, "-o", str(out / "gold.jsonl")],
    }


@pytest.mark.parametrize("command", ["validate", "stats", "export", "agree", "diff", "merge"])
def test_a_command_reading_a_journal_says_its_rescue_file_pending(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    case = write_review_case(tmp_path)
    alice = case["alice"]
    last = orjson.loads(alice.read_bytes().splitlines()[-1])
    # A document of its own: the journal's records have no time, a rescued one is not later.
    rescued = orjson.dumps(last | {"doc_id": "d3", "updated_at": "2026-11-27T10:00:00Z"})
    rescue = home / rescue_name(alice)
    rescue.write_bytes(rescued + b"\n")
    before = alice.read_bytes()
    out = tmp_path / "out"
    out.mkdir()
    argv = commands(case, out)[command]
    if command == "merge":
        argv += ["--reviewer", "rita"]
    assert main(argv) == 0
    said = (
        f"{alice}: read without its rescue file {rescue} (1 change a session could not "
        f"write, not in it yet): the next `annotator annotate` of it appends the file; or "
        f"append it now: cat {rescue} >> {alice}"
    )
    captured = capsys.readouterr()
    assert captured.err.splitlines().count(said) == 1
    assert said not in captured.out
    assert alice.read_bytes() == before and rescue.read_bytes() == rescued + b"\n"
    if command == "validate":  # a warning: the journal is valid, only missing changes
        summary = captured.err.splitlines()[-1]
        assert summary.startswith(f"ok: 1 file(s) valid: {alice} (journal); texts checked")
        assert summary.endswith("; 1 warning(s) above")


def test_nothing_is_said_without_a_rescue_file(
    tmp_path: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = write_review_case(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    assert main(commands(case, out)["validate"]) == 0
    assert capsys.readouterr().err.startswith("ok: 1 file(s) valid: ")
