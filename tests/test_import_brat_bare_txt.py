"""A brat folder's ``.txt`` files without ``.ann`` are named in one line.

Every ``.txt`` of a brat folder is a document (one without ``.ann``: nobody annotated it). A
trial imported the fixtures' folder, whose ``SOURCE.txt`` notes became documents ``SOURCE`` and
``edsnlp/SOURCE`` (the first opened in annotate), and the summary did not say which ``.txt``
had no ``.ann``. Now they are counted and named (the first five, then how many more).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from annotator.core.formats.importing import import_documents

FIXTURES = Path(__file__).parent / "fixtures" / "brat"


def run(source: Path, out: Path) -> tuple[list[str], int]:
    warnings: list[str] = []
    result = import_documents(source, "brat", out / "c.jsonl", annotations=out / "a.jsonl",
                              annotator="al", on_warning=warnings.append)  # fmt: skip
    return warnings, result.documents


def test_the_fixture_folder_names_its_source_notes_and_the_unannotated_document(
    tmp_path: Path,
) -> None:
    source = tmp_path / "brat"
    shutil.copytree(FIXTURES, source)
    warnings, documents = run(source, tmp_path / "o")
    assert documents == 7
    assert (
        f"{source}: 3 .txt file(s) without .ann, imported as documents nobody annotated (no "
        "record): SOURCE.txt, edsnlp/SOURCE.txt, edsnlp/docs/doc-2.txt"
    ) in warnings


def test_many_are_named_up_to_five_then_counted(tmp_path: Path) -> None:
    source = tmp_path / "brat"
    source.mkdir()
    (source / "a.txt").write_text("Kestria freed 12.\n")
    (source / "a.ann").write_text("T1\tactor 0 7\tKestria\n")
    for n in range(7):
        (source / f"n{n}.txt").write_text("Nothing here.\n")
    warnings, _documents = run(source, tmp_path / "o")
    assert warnings == [
        f"{source}: 7 .txt file(s) without .ann, imported as documents nobody annotated (no "
        "record): n0.txt, n1.txt, n2.txt, n3.txt, n4.txt and 2 more"
    ]


def test_a_folder_where_every_txt_has_its_ann_says_nothing(tmp_path: Path) -> None:
    source = tmp_path / "brat"
    source.mkdir()
    (source / "a.txt").write_text("Kestria freed 12.\n")
    (source / "a.ann").write_text("")
    assert run(source, tmp_path / "o")[0] == []
