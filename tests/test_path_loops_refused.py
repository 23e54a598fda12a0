"""A path whose symbolic links go round in a loop (``ln -s loop2 loop1; ln -s loop1 loop2``)
is refused in one line naming it, exit 1 (``real_path``): ``Path.resolve`` raised RuntimeError
("Symlink loop") in Python 3.11, and merge's and review's -o and --corpus, merge's journals and
import's -o and --annotations were a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from annotator.core.corpus import path_kind
from annotator.core.errors import AnnotatorError
from annotator.core.real_path import goes_round, real_path
from tests.test_agreement_data import run_cli
from tests.test_review_session_data import write_review_case

LOOP = "its symbolic links go round in a loop"


def _loop(folder: Path, one: str, other: str) -> Path:
    (folder / one).symlink_to(other)
    (folder / other).symlink_to(one)
    return folder / one


def test_real_path_follows_links_and_refuses_a_loop(tmp_path: Path) -> None:
    (tmp_path / "real.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "link.jsonl").symlink_to("real.jsonl")
    (tmp_path / "dangling.jsonl").symlink_to("missing.jsonl")
    assert real_path(tmp_path / "link.jsonl", "cannot read") == tmp_path.resolve() / "real.jsonl"
    # A link to nothing, or nothing at all, is where a file would be written.
    assert real_path(tmp_path / "dangling.jsonl", "cannot write") == (
        tmp_path.resolve() / "missing.jsonl"
    )
    assert real_path(tmp_path / "new" / "x", "cannot write") == tmp_path.resolve() / "new" / "x"
    loop = _loop(tmp_path, "loop1", "loop2")
    assert not goes_round(tmp_path / "link.jsonl") and not goes_round(tmp_path / "dangling.jsonl")
    for path in (loop, loop / "inside.jsonl", tmp_path / "loop2"):
        assert goes_round(path)
        with pytest.raises(AnnotatorError) as refused:
            real_path(path, "cannot write")
        assert str(refused.value) == f"{path}: cannot write: {LOOP}"


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


@pytest.mark.parametrize(
    ("command", "said"),
    [
        (["merge", "{alice}", "{bob}", "--corpus", "{corpus}", "-o", "{loop}"], "cannot write"),
        (["merge", "{alice}", "{bob}", "-o", "{loop}"], "cannot write"),
        (["merge", "{alice}", "{bob}", "--corpus", "{loop}", "-o", "{gold}"], "cannot read"),
        (["merge", "{alice}", "{loop}", "-o", "{gold}"], "cannot read"),
        (["review", "{alice}", "{bob}", "--corpus", "{corpus}", "-o", "{loop}"], "cannot write"),
        (["review", "{alice}", "{bob}", "--corpus", "{loop}", "-o", "{gold}"], "cannot read"),
        (
            ["import", "{corpus}", "--format=jsonl", "-o", "{tmp}/c.jsonl", "--annotations={loop}"],
            "cannot write",
        ),
        (["import", "{corpus}", "--format", "jsonl", "-o", "{loop}"], "cannot write"),
        (["import", "{loop}", "--format", "jsonl", "-o", "{tmp}/c.jsonl"], "cannot read"),
        (["export", "{alice}", "--format", "jsonl", "-o", "{loop}"], "cannot write"),
        (
            ["export", "{alice}", "--format", "conll", "--corpus", "{loop}", "-o", "{tmp}/x"],
            "cannot read",
        ),
    ],
    ids=[
        "merge-o",
        "merge-o-no-corpus",
        "merge-corpus",
        "merge-journal",
        "review-o",
        "review-corpus",
        "import-annotations",
        "import-o",
        "import-source",
        "export-o",
        "export-corpus",
    ],
)
def test_a_loop_of_links_is_one_line(tmp_path: Path, command: list[str], said: str) -> None:
    case = write_review_case(tmp_path)
    loop = _loop(tmp_path, "loop1.jsonl", "loop2.jsonl")
    names = {key: str(path) for key, path in case.items()} | {"tmp": str(tmp_path)}
    given = [word.format(**names, loop=loop) for word in command]
    if command[0] in ("merge", "review"):
        given += ["--scheme", str(case["scheme"]), "--reviewer", "rev"]
    before = _tree(tmp_path)
    result = run_cli(*given)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", f"{loop}: {said}: {LOOP}\n")
    assert _tree(tmp_path) == before
    assert os.readlink(loop) == "loop2.jsonl"  # the links left as they were


def test_a_corpus_in_a_loop_is_said_to_be_one_not_a_link_to_nothing(tmp_path: Path) -> None:
    # validate, agree, annotate... open the corpus themselves: it was 'a link to nothing'.
    case = write_review_case(tmp_path)
    loop = _loop(tmp_path, "loop1", "loop2")
    (tmp_path / "dangling").symlink_to("gone")
    assert path_kind(loop) == "a symbolic link going round in a loop"
    assert path_kind(tmp_path / "dangling") == "a link to nothing"
    result = run_cli("validate", case["alice"], "--scheme", case["scheme"], "--corpus", loop)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"{loop}: a symbolic link going round in a loop, not a corpus (a folder of .txt files "
        "or a .jsonl file)\n"
    )
