"""``import --format txt`` refuses a brat folder whose ``.ann`` files hold annotations.

A curator's trial imported a brat folder with ``--format txt``: exit 0, ``0 record(s)``, and
every span of its ``.ann`` files left behind without a word. The README promises a wrong
``--format`` does not import quietly as unannotated texts; txt now refuses in one line naming
the first such ``.ann`` file and ``--format brat``, as the other readers refuse a wrong format.
"""

from __future__ import annotations

from pathlib import Path

from tests.test_agreement_data import run_cli as cli


def brat_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("Kestria freed 12 soldiers.\n", encoding="utf-8")
    (folder / "a.ann").write_text("T1\tactor 0 7\tKestria\nT2\tcount 14 16\t12\n")
    (folder / "sub" / "b.txt").write_text("Norvania freed 8.\n", encoding="utf-8")
    (folder / "sub" / "b.ann").write_text("T1\tactor 0 8\tNorvania\n#1\tAnnotatorNotes T1\tx\n")
    return folder


def test_txt_refuses_a_folder_whose_ann_files_hold_annotations(tmp_path: Path) -> None:
    folder = brat_folder(tmp_path)
    result = cli("import", folder, "--format", "txt", "-o", tmp_path / "c.jsonl")
    assert result.returncode == 1
    assert result.stderr == (
        f"{folder / 'a.ann'}: brat annotations (4 line(s) in 2 .ann file(s)), which --format "
        "txt does not read: use --format brat\n"
    )
    assert not (tmp_path / "c.jsonl").exists()
    result = cli("import", folder, "--format", "brat", "-o", tmp_path / "c.jsonl")
    assert result.returncode == 0, result.stderr


def test_txt_imports_a_folder_whose_ann_files_are_empty(tmp_path: Path) -> None:
    """A brat export of documents without spans writes empty .ann files: nothing to lose."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Kestria freed 12 soldiers.\n", encoding="utf-8")
    (folder / "a.ann").write_text("\n")
    result = cli("import", folder, "--format", "txt", "-o", tmp_path / "c.jsonl")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("imported 1 document(s), 0 record(s)")
