"""``import --annotations`` writes no file of no record, as export writes none for a selection
of no record: a trial's ``import d/corpus --format txt --annotations o/y.jsonl --force``
replaced a journal of 244 lines with an empty file ("imported 0 record(s)"). An empty
``--annotations`` was taken for none, and the labels left out."""

from __future__ import annotations

from pathlib import Path

import orjson

from tests.test_agreement_data import TEXT, record, run_cli, write_journal


def _files(folder: Path) -> dict[Path, bytes | None]:
    return {
        path: None if path.is_dir() else path.read_bytes() for path in sorted(folder.rglob("*"))
    }


def test_a_source_of_no_label_replaces_no_journal(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    journal = write_journal(tmp_path / "y.jsonl", record("al", "a"), record("al", "b"))
    before = _files(tmp_path)
    result = run_cli(
        "import", folder, "--format", "txt", "-o", tmp_path / "c.jsonl",
        "--annotations", journal, "--force",
    )  # fmt: skip
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"{folder}: no record to write to {journal} (no document in it is labelled as --format "
        "txt reads it); nothing written: import without --annotations to take the texts alone\n"
    )
    assert _files(tmp_path) == before


def test_every_task_rejected_is_no_record_either(tmp_path: Path) -> None:
    source = tmp_path / "p.jsonl"
    task = {"text": TEXT, "spans": [{"start": 0, "end": 5, "label": "PER"}], "answer": "reject"}
    source.write_bytes(orjson.dumps(task) + b"\n")
    out = tmp_path / "out"
    result = run_cli(
        "import", source, "--format", "prodigy", "-o", out / "c.jsonl",
        "--annotations", out / "a.jsonl", "--annotator", "al",
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1].startswith(
        f"{source}: no record to write to {out / 'a.jsonl'} "
    )
    assert not out.exists()


def test_an_empty_annotations_option_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "d.jsonl"
    source.write_bytes(b'{"id": "a", "text": "Kyiv", "label": [[0, 4, "GPE"]]}\n')
    result = run_cli(
        "import", source, "--format", "doccano", "-o", tmp_path / "c.jsonl", "--annotations="
    )
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "--annotations: the path is empty: name the records to write (an empty path is not "
        "taken for the current folder: give . for it)\n"
    )
    assert not (tmp_path / "c.jsonl").exists()
