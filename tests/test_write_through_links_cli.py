"""Each command's crash-safe write, given a symbolic link, updates the file the link leads to
and keeps the link; given a named pipe, it is refused in one line, exit 1, nothing written and
the pipe left a pipe. A curator trial found export, import --force, merge and compact each
replaced the link (or the pipe) with a file of its own and said it had written.

Run with a timeout: a command that read the pipe would wait for a writer for ever."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import orjson

from tests.test_review_session_data import write_review_case


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "annotator", *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def link_to_new_file(link: Path, folder: Path, content: bytes = b"old\n") -> Path:
    """``folder/<link's name>`` holding ``content``, and ``link`` (relative) leading to it."""
    folder.mkdir(exist_ok=True)
    real = folder / link.name
    real.write_bytes(content)
    link.symlink_to(os.path.relpath(real, link.parent))
    return real


def listing(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


def doc_ids(path: Path) -> list[str]:
    return [orjson.loads(line)["doc_id"] for line in path.read_bytes().splitlines()]


def test_export_through_a_link_writes_the_file_it_leads_to(tmp_path: Path) -> None:
    case = write_review_case(tmp_path)
    common = ["--format", "doccano", "--corpus", case["corpus"], "--scheme", case["scheme"]]
    assert run("export", case["alice"], "-o", tmp_path / "plain.jsonl", *common).returncode == 0
    link = tmp_path / "link.jsonl"
    # An existing output is replaced only with --force (export_replacing).
    real = link_to_new_file(link, tmp_path / "kept", b'["an earlier file"]\n')
    result = run("export", case["alice"], "-o", link, *common, "--force")
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and real.read_bytes() == (tmp_path / "plain.jsonl").read_bytes()
    assert listing(tmp_path / "kept") == ["link.jsonl"]  # no temp file left beside it


def test_import_force_through_links_writes_the_files_they_lead_to(tmp_path: Path) -> None:
    source = tmp_path / "src.jsonl"
    source.write_bytes(
        b'{"id":"d1","text":"Russia freed 146 prisoners.","label":[[0,6,"actor"]]}\n'
    )
    corpus, records = tmp_path / "corpus.jsonl", tmp_path / "alice.jsonl"
    real_corpus = link_to_new_file(corpus, tmp_path / "kept")
    real_records = link_to_new_file(records, tmp_path / "kept")
    result = run(
        "import", source, "--format", "doccano", "-o", corpus,
        "--annotations", records, "--annotator", "alice", "--force",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert corpus.is_symlink() and records.is_symlink()
    assert orjson.loads(real_corpus.read_bytes())["id"] == "d1"
    assert doc_ids(real_records) == ["d1"]
    assert listing(tmp_path / "kept") == ["alice.jsonl", "corpus.jsonl"]


def test_merge_through_a_link_writes_the_gold_file_it_leads_to(tmp_path: Path) -> None:
    case = write_review_case(tmp_path)
    gold = tmp_path / "gold.jsonl"
    real = link_to_new_file(gold, tmp_path / "kept", b"")
    result = run("merge", case["alice"], case["bob"], "-o", gold, "--scheme", case["scheme"])
    assert result.returncode == 0, result.stderr
    assert gold.is_symlink() and doc_ids(real) == ["d1", "d2"]
    assert listing(tmp_path / "kept") == ["gold.jsonl"]  # no temp file, the lock taken away


def test_compact_through_a_link_compacts_the_journal_it_leads_to(tmp_path: Path) -> None:
    case = write_review_case(tmp_path)
    lines = case["alice"].read_bytes().splitlines(keepends=True)
    journal = tmp_path / "annotations" / "alice.jsonl"
    journal.parent.mkdir()
    real = link_to_new_file(journal, tmp_path / "kept", lines[0] + lines[0] + lines[1])
    result = run("compact", journal)
    assert (result.returncode, result.stdout) == (0, f"{journal}: 3 line(s) → 2\n")
    assert journal.is_symlink() and doc_ids(real) == ["d1", "d2"]
    assert listing(tmp_path / "kept") == ["alice.jsonl"]


def test_a_named_pipe_is_refused_by_every_command_and_nothing_is_written(
    tmp_path: Path,
) -> None:
    case = write_review_case(tmp_path)
    fifo = tmp_path / "ff"
    os.mkfifo(fifo)
    source = tmp_path / "src.jsonl"
    source.write_bytes(
        b'{"id":"d1","text":"Russia freed 146 prisoners.","label":[[0,6,"actor"]]}\n'
    )
    before = listing(tmp_path)
    commands = [
        ["export", case["alice"], "--format", "doccano", "-o", fifo, "--corpus", case["corpus"]],
        ["export", case["alice"], "--format", "jsonl", "-o", fifo],
        # The corpus is the first file written: the pipe as the records refuses it too.
        ["import", source, "--format", "doccano", "-o", tmp_path / "c.jsonl",
         "--annotations", fifo, "--annotator", "alice", "--force"],
        ["merge", case["alice"], case["bob"], "-o", fifo, "--scheme", case["scheme"], "--force"],
        ["compact", fifo],
    ]  # fmt: skip
    for command in commands:
        result = run(*command)
        assert (result.returncode, result.stdout, result.stderr) == (
            1,
            "",
            f"{fifo}: is not a regular file (a named pipe): give a file path\n",
        ), command[0]
        assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and listing(tmp_path) == before
