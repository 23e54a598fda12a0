"""An export into a folder never mixes with another export's files (splits would share them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.formats.export import export_records
from annotator.core.models import record_line
from tests.test_agreement_data import run_cli
from tests.test_formats_cli import many

SPLIT = "train=0.8,test=0.2"


def files_under(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_split_with_another_seed_into_the_same_folder_is_refused(tmp_path: Path) -> None:
    corpus, gold, _records = many(tmp_path / "in", 30)
    out = tmp_path / "spb"
    common = ("--format", "brat", "--corpus", corpus, "--split", SPLIT, "-o", out)
    first = run_cli("export", gold, *common, "--seed", "1")
    assert (first.returncode, first.stderr) == (0, "")
    before = files_under(out)
    again = run_cli("export", gold, *common, "--seed", "2")
    assert again.returncode == 1
    assert again.stdout == ""
    [line] = again.stderr.splitlines()
    assert line.startswith(f"{out}: holds ")
    assert "file(s) of an earlier export that are not part of this one (e.g. " in line
    assert line.endswith("choose an empty folder or remove them (nothing was written)")
    assert files_under(out) == before  # nothing deleted, nothing written
    # The same seed again writes the same names: refused unless --force, then replaced, and
    # said so (the annotation.conf an export wrote is replaced without it, not named).
    same = run_cli("export", gold, *common, "--seed", "1")
    assert same.returncode == 1
    assert same.stderr.startswith(
        f"{len(before) - 2} files of this export hold what is replaced only when asked: "
    )
    assert same.stderr.endswith("pass --force to replace them (nothing was written)\n")
    assert files_under(out) == before
    same = run_cli("export", gold, *common, "--seed", "1", "--force")
    assert same.returncode == 0
    assert same.stderr == f"{out}: replaced {len(before)} files that were there\n"


def test_hf_split_after_a_plain_hf_export_is_refused(tmp_path: Path) -> None:
    corpus, gold, _records = many(tmp_path / "in", 10)
    out = tmp_path / "hf"
    export_records(gold, "hf", out, corpus=corpus)
    with pytest.raises(AnnotatorError) as caught:
        export_records(gold, "hf", out, corpus=corpus, split=SPLIT, seed=1)
    assert str(caught.value) == (
        f"{out}: holds 1 file(s) of an earlier export that are not part of this one "
        "(e.g. data.jsonl), so the folder would mix two exports; choose an empty folder or "
        "remove them (nothing was written)"
    )
    assert sorted(p.name for p in out.iterdir()) == ["data.jsonl", "labels.json"]


def test_other_files_in_the_folder_are_kept_and_said(tmp_path: Path) -> None:
    corpus, gold, _records = many(tmp_path / "in", 3)
    out = tmp_path / "brat"
    out.mkdir()
    (out / "README.md").write_text("mine\n")
    (out / ".DS_Store").write_text("x")
    warnings: list[str] = []
    result = export_records(gold, "brat", out, corpus=corpus, on_warning=warnings.append)
    assert len(result.files) == 7  # and annotation.conf
    assert warnings == [
        f"{out}: 1 other file(s) are not part of this export and are left as they are "
        "(e.g. README.md)"
    ]
    assert (out / "README.md").read_text() == "mine\n"


def test_a_txt_file_without_its_ann_is_the_users_own_not_an_earlier_exports(
    tmp_path: Path,
) -> None:
    """A curator's notes.txt in the folder was called a file of an earlier export; brat writes
    each document as a .txt beside its .ann, so only such a pair is taken for one."""
    corpus, gold, _records = many(tmp_path / "in", 3)
    out = tmp_path / "brat"
    out.mkdir()
    (out / "notes.txt").write_text("mine\n")
    warnings: list[str] = []
    export_records(gold, "brat", out, corpus=corpus, on_warning=warnings.append)
    assert warnings == [
        f"{out}: 1 other file(s) are not part of this export and are left as they are "
        "(e.g. notes.txt)"
    ]
    assert (out / "notes.txt").read_text() == "mine\n"
    (out / "old.txt").write_text("an earlier export's document\n")
    (out / "old.ann").write_text("")
    with pytest.raises(AnnotatorError) as caught:
        export_records(gold, "brat", out, corpus=corpus)
    assert str(caught.value).startswith(f"{out}: holds 2 file(s) of an earlier export ")


def test_a_journal_in_the_folder_is_said_to_be_one_not_an_earlier_exports_file(
    tmp_path: Path,
) -> None:
    """``-o annotations/`` refused, rightly, for alice's journal there, but called it "a file of
    an earlier export", to be removed: it is annotate's, the only copy of her work."""
    corpus, gold, records = many(tmp_path / "in", 3)
    out = tmp_path / "annotations"
    out.mkdir()
    journal = out / "alice.jsonl"
    alice = [r.model_copy(update={"annotator": "alice"}) for r in records]
    journal.write_bytes(b"".join(record_line(r) for r in alice))
    before = files_under(out)
    with pytest.raises(AnnotatorError) as caught:
        export_records(gold, "hf", out, corpus=corpus)
    assert str(caught.value) == (
        f"{out}: holds 1 annotator journal(s) that are not part of this export (e.g. "
        "alice.jsonl: its first line is a record of annotator 'alice'), so the folder would "
        "mix the export with them; write it to another folder (nothing was written)"
    )
    # Beside an earlier export's file, both are counted, the journal named.
    (out / "old.ann").write_text("")
    again = run_cli("export", gold, "--format", "jsonl", "--corpus", corpus, "--split", SPLIT,
                    "--seed", "1", "-o", out)  # fmt: skip
    assert (again.returncode, again.stdout) == (1, "")
    assert again.stderr == (
        f"{out}: holds 1 annotator journal(s) and 1 file(s) of an earlier export that are not "
        "part of this export (e.g. alice.jsonl: its first line is a record of annotator "
        "'alice'), so the folder would mix the export with them; write it to another folder "
        "(nothing was written)\n"
    )
    (out / "old.ann").unlink()
    assert files_under(out) == before  # nothing written


def test_records_of_another_annotator_than_the_files_name_are_an_earlier_exports(
    tmp_path: Path,
) -> None:
    # A jsonl split's dev.jsonl holds records too, of no annotator named dev.
    corpus, gold, _records = many(tmp_path / "in", 10)
    out = tmp_path / "split"
    export_records(gold, "jsonl", out, corpus=corpus, split="dev=1", seed=1)
    with pytest.raises(AnnotatorError) as caught:
        export_records(gold, "jsonl", out, corpus=corpus, split=SPLIT, seed=1)
    assert str(caught.value).startswith(f"{out}: holds 1 file(s) of an earlier export ")
