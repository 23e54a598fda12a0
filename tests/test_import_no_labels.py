"""An import whose file holds no label writes no scheme (a scheme has one label at least), so
its check command has no --scheme and validate reads the records with the default scheme, whose
done records must fill the form. A trial's Label Studio file (rectangles, no spans) was told to
run that command, which refused every record. The records keep their status (an export of
work done under a scheme without a form comes back as it was); the check line says which
--scheme to give, why, and how to import them for the default scheme instead."""

from __future__ import annotations

import shlex
from pathlib import Path

from tests.test_agreement_data import run_cli

SOURCE = Path("tests/fixtures/label_studio/converter_csv_test/csv_test.json")

SPANS_ONLY = """name = "spans_only"
[[labels]]
name = "actor"
key = "1"
color = "#aa0000"
"""


def _import(folder: Path, *options: str) -> list[str]:
    result = run_cli(
        "import", SOURCE, "--format", "labelstudio", "-o", folder / "c.jsonl",
        "--annotations", folder / "a.jsonl", "--annotator", "al", *options,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_the_check_line_names_the_scheme_to_give_and_why(tmp_path: Path) -> None:
    lines = _import(tmp_path)
    command = f"annotator validate {tmp_path}/a.jsonl --corpus {tmp_path}/c.jsonl"
    assert lines[-2] == (
        f"check them: {command} --scheme SCHEME, naming the scheme you will annotate them "
        f"with: {SOURCE} has no label, so no scheme was written, and without --scheme validate "
        "reads them with the default scheme prisoner_exchange, which refuses 2 of them (first: "
        "1: form.event_type: required when status is done); to annotate them with it, import "
        "them again with --status in_progress --force"
    )
    # The annotate line names the scheme to give as the check line does.
    assert lines[-1].endswith(
        f"then: annotator annotate {tmp_path}/c.jsonl --scheme SCHEME --annotator al "
        f"--out {tmp_path}"
    )
    assert lines[0].endswith(
        "; 2 record(s) will not validate against the default scheme prisoner_exchange (first: "
        "1: form.event_type: required when status is done)"
    )
    assert not list(tmp_path.glob("*.scheme.toml"))
    # As it says: without --scheme validate refuses them; with a scheme of labels only
    # (no form to fill) it passes.
    words = shlex.split(command)[1:]
    refused = run_cli(*words)
    assert refused.returncode == 1
    assert refused.stdout.count("form.event_type: required when status is done") == 2
    scheme = tmp_path / "spans_only.toml"
    scheme.write_text(SPANS_ONLY, encoding="utf-8")
    passed = run_cli(*words, "--scheme", scheme)
    assert passed.returncode == 0, passed.stdout + passed.stderr


def test_imported_in_progress_as_it_says_the_plain_check_passes(tmp_path: Path) -> None:
    _import(tmp_path)
    lines = _import(tmp_path, "--status", "in_progress", "--force")
    command = f"annotator validate {tmp_path}/a.jsonl --corpus {tmp_path}/c.jsonl"
    assert lines[-2] == f"check them: {command}"
    assert lines[-1].endswith(
        f"then: annotator annotate {tmp_path}/c.jsonl --annotator al --out {tmp_path}"
    )
    assert "will not validate" not in lines[0]
    checked = run_cli(*shlex.split(command)[1:])
    assert checked.returncode == 0, checked.stdout + checked.stderr
