"""A path given empty on the command line is refused in one line naming the option, exit 1,
before anything is read or written: ``Path("")`` is the current folder, and ``annotate ''``
opened the working folder as the corpus; ``agree``, ``diff``, ``validate``, ``stats`` and
``merge`` ran with ``--corpus ''`` as if no corpus had been given (``paths_given``)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.paths_given import optional_path_given, path_given
from tests.test_agreement_data import run_cli
from tests.test_review_session_data import write_review_case

NOT_CURRENT = "(an empty path is not taken for the current folder: give . for it)"
CORPUS_REFUSED = (
    "--corpus: the path is empty: name the corpus, a folder of .txt files or a .jsonl file "
    f"{NOT_CURRENT}\n"
)


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_path_given_refuses_only_the_empty_path() -> None:
    assert path_given(".", "--out", "a folder") == Path(".")
    assert path_given(" ", "--out", "a folder") == Path(" ")  # a name, however odd
    assert optional_path_given(None, "--corpus", "the corpus") is None
    with pytest.raises(AnnotatorError) as refused:
        optional_path_given("", "--corpus", "the corpus")
    assert str(refused.value) == f"--corpus: the path is empty: name the corpus {NOT_CURRENT}"


def test_annotate_an_empty_corpus_path_is_refused(tmp_path: Path) -> None:
    # The working folder holds .txt files: '' would have opened them as the corpus.
    work = tmp_path / "work"
    work.mkdir()
    (work / "a.txt").write_text("An article.\n", encoding="utf-8")
    before = _tree(work)
    result = _run_in(work, "annotate", "", "--annotator", "al")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "corpus: the path is empty: name the corpus, a folder of .txt files or a .jsonl file "
        f"{NOT_CURRENT}\n"
    )
    assert _tree(work) == before  # no annotations/ made


@pytest.mark.parametrize("command", ["agree", "diff", "validate", "stats", "merge"])
def test_an_empty_corpus_is_refused_not_taken_for_none(tmp_path: Path, command: str) -> None:
    # Each ran as if no corpus had been given (merge wrote its gold file), exit 0.
    case = write_review_case(tmp_path)
    given: list[str | Path] = [command, case["alice"]]
    if command != "validate" and command != "stats":
        given.append(case["bob"])
    if command != "stats":
        given += ["--scheme", case["scheme"]]
    if command == "merge":
        given += ["-o", case["gold"]]
    before = _tree(tmp_path)
    result = run_cli(*given, "--corpus=")
    assert (result.returncode, result.stdout, result.stderr) == (1, "", CORPUS_REFUSED)
    assert _tree(tmp_path) == before


def test_merge_an_empty_output_is_refused(tmp_path: Path) -> None:
    case = write_review_case(tmp_path)
    before = _tree(tmp_path)
    result = run_cli("merge", case["alice"], case["bob"], "--scheme", case["scheme"], "--output=")
    refused = f"-o: the path is empty: name the gold file to write {NOT_CURRENT}\n"
    assert (result.returncode, result.stdout, result.stderr) == (1, "", refused)
    assert _tree(tmp_path) == before


@pytest.mark.parametrize(
    ("corpus", "output", "said"),
    [
        ("", "gold", CORPUS_REFUSED),
        ("corpus", "", f"-o: the path is empty: name the gold file to write {NOT_CURRENT}\n"),
        ("", "", CORPUS_REFUSED),  # the first said: the one before in the command line
    ],
    ids=["corpus", "output", "both"],
)
def test_review_an_empty_corpus_or_output_is_refused(
    tmp_path: Path, corpus: str, output: str, said: str
) -> None:
    case = write_review_case(tmp_path)
    given = {"corpus": str(case["corpus"]), "gold": str(case["gold"]), "": ""}
    before = _tree(tmp_path)
    result = run_cli(
        "review",
        case["alice"],
        case["bob"],
        f"--corpus={given[corpus]}",
        f"-o{given[output]}" if output else "--output=",
        "--reviewer",
        "rev",
        "--scheme",
        case["scheme"],
    )
    assert (result.returncode, result.stdout, result.stderr) == (1, "", said)
    assert _tree(tmp_path) == before


def _run_in(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``annotator ARGS`` run in ``folder``, the working folder an empty path would be."""
    return subprocess.run(
        [sys.executable, "-m", "annotator", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=folder,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])},
    )


@pytest.mark.parametrize(
    ("where", "said"),
    [
        ("corpus", CORPUS_REFUSED),
        (
            "source",
            f"SRC: the path is empty: name the gold file or journal to export {NOT_CURRENT}\n",
        ),
        (
            "output",
            "-o: the path is empty: name the file or folder to write (- for standard output) "
            f"{NOT_CURRENT}\n",
        ),
    ],
)
def test_export_an_empty_path_is_refused(tmp_path: Path, where: str, said: str) -> None:
    # export ran with --corpus '' as if no corpus had been given (exit 0, the file written).
    case = write_review_case(tmp_path)
    source = "" if where == "source" else str(case["alice"])
    output = "--out=" if where == "output" else f"--out={tmp_path / 'out.jsonl'}"
    corpus = "--corpus=" if where == "corpus" else f"--corpus={case['corpus']}"
    before = _tree(tmp_path)
    result = run_cli("export", source, "--format", "jsonl", output, corpus)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", said)
    assert _tree(tmp_path) == before


SCHEME_REFUSED = (
    "--scheme: the path is empty: name the scheme, a .toml file or the name of a shipped scheme "
    "(an empty path is not taken for the default scheme: leave --scheme out for it)\n"
)


@pytest.mark.parametrize("command", ["annotate", "validate", "export", "import", "merge", "agree"])
def test_an_empty_scheme_is_refused_not_taken_for_the_default(tmp_path: Path, command: str) -> None:
    # '' was the default scheme, unsaid: export and import wrote their files with it, exit 0.
    case = write_review_case(tmp_path)
    given: dict[str, list[str | Path]] = {
        "annotate": ["annotate", case["corpus"], "--annotator", "al"],
        "validate": ["validate", case["alice"]],
        "export": ["export", case["alice"], "--format", "jsonl", "-o", tmp_path / "out.jsonl"],
        "import": ["import", case["corpus"], "--format", "jsonl", "-o", tmp_path / "c2.jsonl"],
        "merge": ["merge", case["alice"], case["bob"], "-o", case["gold"]],
        "agree": ["agree", case["alice"], case["bob"]],
    }
    before = _tree(tmp_path)
    result = run_cli(*given[command], "--scheme=")
    assert (result.returncode, result.stdout, result.stderr) == (1, "", SCHEME_REFUSED)
    assert _tree(tmp_path) == before


def test_import_an_empty_source_is_refused_not_the_working_folder(tmp_path: Path) -> None:
    # brat imported the working folder's .txt files as the corpus, exit 0.
    work = tmp_path / "work"
    work.mkdir()
    (work / "a.txt").write_text("An article.\n", encoding="utf-8")
    (work / "a.ann").write_text("", encoding="utf-8")
    before = _tree(work)
    result = _run_in(work, "import", "", "--format", "brat", "-o", "out.jsonl")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"SRC: the path is empty: name the file or folder to import {NOT_CURRENT}\n"
    )
    assert _tree(work) == before


@pytest.mark.parametrize(
    ("command", "said"),
    [
        # import said '-o .: the corpus is written as a .jsonl file', exit 2.
        (
            ["import", "{corpus}", "--format", "jsonl", "--out="],
            "-o: the path is empty: name the corpus to write, a .jsonl file",
        ),
        # was taken for no --annotations (the labels not imported), then refused with exit 2.
        (
            ["import", "{corpus}", "--format", "jsonl", "-o", "{tmp}/c2.jsonl", "--annotations="],
            "--annotations: the path is empty: name the records to write",
        ),
        # validate, stats, compact, agree and diff said '.: cannot read: Is a directory'.
        (
            ["validate", "", "--scheme", "{scheme}"],
            "FILE: the path is empty: name the file to check",
        ),
        (["stats", "{alice}", ""], "FILE: the path is empty: name a journal or gold file"),
        (["compact", ""], "FILE: the path is empty: name the journal to compact"),
        (
            ["agree", "{alice}", "", "--scheme", "{scheme}"],
            "FILE: the path is empty: name an annotator's journal",
        ),
        (
            ["diff", "", "{bob}", "--scheme", "{scheme}"],
            "A: the path is empty: name one annotator's journal",
        ),
        (["diff", "{alice}", "", "--scheme", "{scheme}"], "B: the path is empty: name another's"),
        (
            ["merge", "{alice}", "", "--scheme", "{scheme}", "-o", "{gold}"],
            "FILE: the path is empty: name an annotator's journal",
        ),
        # rename said '.: is a folder'.
        (
            ["rename", "{alice}", "--from", "alice", "--to", "al", "--output="],
            "-o: the path is empty: name the renamed journal to write",
        ),
        (
            ["rename", "", "--from", "alice", "--to", "al", "-o", "{tmp}/r.jsonl"],
            "JOURNAL: the path is empty: name the journal to rename in",
        ),
    ],
    ids=[
        "import-o",
        "import-annotations",
        "validate",
        "stats",
        "compact",
        "agree",
        "diff-a",
        "diff-b",
        "merge",
        "rename-o",
        "rename-journal",
    ],
)
def test_an_empty_file_or_output_is_refused_naming_the_option(
    tmp_path: Path, command: list[str], said: str
) -> None:
    case = write_review_case(tmp_path)
    names = {key: str(path) for key, path in case.items()} | {"tmp": str(tmp_path)}
    before = _tree(tmp_path)
    result = run_cli(*(word.format(**names) for word in command))
    assert (result.returncode, result.stdout, result.stderr) == (1, "", f"{said} {NOT_CURRENT}\n")
    assert _tree(tmp_path) == before
