"""An export never writes over what it reads (the source, the corpus) and never makes a folder
tree out of a typo: each is refused before anything is written, in one line, exit 1."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import orjson

from annotator.core.models import sha256_text
from tests.test_agreement_data import run_cli

TEXTS = {"a": "Kyiv freed 5 people.\n", "b": "Kyiv freed 6 people.\n", "c": "Kyiv freed 7.\n"}
STATUSES = {"a": "done", "b": "in_progress", "c": "skipped"}


def journal(path: Path) -> Path:
    """Alice's journal of the three documents: one done, one in progress, one skipped."""
    rows = [
        {
            "schema_version": 1,
            "doc_id": doc_id,
            "doc_sha256": sha256_text(text),
            "annotator": "alice",
            "status": STATUSES[doc_id],
            "spans": [{"id": "s1", "start": 0, "end": 4, "label": "actor", "text": "Kyiv"}],
        }
        for doc_id, text in TEXTS.items()
    ]
    path.write_bytes(b"".join(orjson.dumps(row) + b"\n" for row in rows))
    return path


def jsonl_corpus(path: Path) -> Path:
    rows = [{"id": doc_id, "text": text, "meta": {}} for doc_id, text in TEXTS.items()]
    path.write_bytes(b"".join(orjson.dumps(row) + b"\n" for row in rows))
    return path


def txt_corpus(folder: Path) -> Path:
    """The texts as .txt files with CRLF line ends (read as LF, so an export would write LF)."""
    folder.mkdir()
    for doc_id, text in TEXTS.items():
        (folder / f"{doc_id}.txt").write_bytes(text.replace("\n", "\r\n").encode())
    return folder


def files_under(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def refused(result: subprocess.CompletedProcess[str], line: str) -> None:
    assert (result.returncode, result.stdout, result.stderr) == (1, "", line + "\n")


def test_jsonl_export_over_its_own_journal_is_refused(tmp_path: Path) -> None:
    source = journal(tmp_path / "pga.jsonl")
    before = source.read_bytes()
    result = run_cli("export", source, "--format", "jsonl", "-o", source)
    refused(
        result,
        f"{source}: is the same file as the source ({source}); write the export to another "
        "file (nothing was written)",
    )
    assert source.read_bytes() == before  # the in-progress and skipped records are still there


def test_export_over_the_corpus_file_is_refused(tmp_path: Path) -> None:
    source = journal(tmp_path / "pga.jsonl")
    corpus = jsonl_corpus(tmp_path / "pgc.jsonl")
    before = corpus.read_bytes()
    result = run_cli("export", source, "--format", "doccano", "--corpus", corpus, "-o", corpus)
    refused(
        result,
        f"{corpus}: is the same file as the corpus ({corpus}); write the export to another "
        "file (nothing was written)",
    )
    assert corpus.read_bytes() == before


def test_the_same_file_by_another_name_is_refused(tmp_path: Path) -> None:
    source = journal(tmp_path / "pga.jsonl")
    before = source.read_bytes()
    link = tmp_path / "link.jsonl"
    link.symlink_to(source.name)
    hard = tmp_path / "hard.jsonl"
    os.link(source, hard)
    for read, written in ((link, source), (source, link), (hard, source)):
        result = run_cli("export", read, "--format", "jsonl", "-o", written)
        refused(
            result,
            f"{written}: is the same file as the source ({read}); write the export to another "
            "file (nothing was written)",
        )
    assert source.read_bytes() == before and link.is_symlink()


def test_brat_export_into_the_corpus_folder_is_refused(tmp_path: Path) -> None:
    source = journal(tmp_path / "pga.jsonl")
    corpus = txt_corpus(tmp_path / "docs")
    before = files_under(corpus)
    common = ("--format", "brat", "--corpus", corpus, "--status", "all")
    result = run_cli("export", source, *common, "-o", corpus)
    refused(
        result,
        f"{corpus}: is the same folder as the corpus ({corpus}); write the export to another "
        "folder (nothing was written)",
    )
    # Not taken for an earlier export's files either, when the folder holds more documents.
    (corpus / "zz.txt").write_bytes(b"more\r\n")
    before = files_under(corpus)
    result = run_cli("export", source, *common, "-o", corpus)
    assert result.returncode == 1 and "earlier export" not in result.stderr
    inside = corpus / "brat"
    refused(
        run_cli("export", source, *common, "-o", inside),
        f"{inside}: is inside the corpus folder ({corpus}); write the export outside it "
        "(nothing was written)",
    )
    refused(
        run_cli("export", source, *common, "--split", "train=0.5,dev=0.5", "-o", tmp_path),
        f"{tmp_path}: holds the source ({source}); write the export to a folder that does not "
        "(nothing was written)",
    )
    assert files_under(corpus) == before  # the CRLF texts as they were, nothing added


def test_a_folder_export_beside_its_inputs_is_written(tmp_path: Path) -> None:
    source = journal(tmp_path / "pga.jsonl")
    corpus = txt_corpus(tmp_path / "docs")
    out = tmp_path / "brat"
    result = run_cli("export", source, "--format", "brat", "--corpus", corpus, "-o", out)
    assert result.returncode == 0 and "nothing was written" not in result.stderr
    assert sorted(files_under(out)) == ["a.ann", "a.txt", "annotation.conf"]


def test_an_output_in_a_missing_folder_is_made_and_said(tmp_path: Path) -> None:
    # As import makes its missing folders: one line says each, so a typo does not go unseen.
    source = journal(tmp_path / "pga.jsonl")
    corpus = jsonl_corpus(tmp_path / "pgc.jsonl")
    typo = tmp_path / "exprot"
    out = typo / "deeper" / "x.jsonl"
    result = run_cli("export", source, "--format", "jsonl", "-o", out)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == f"made the folder {out.parent}"
    assert out.is_file()
    out = tmp_path / "elsewhere" / "brat"
    result = run_cli("export", source, "--format", "brat", "--corpus", corpus, "-o", out)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == f"made the folder {out.parent}"
    assert sorted(files_under(out)) == ["a.ann", "a.txt", "annotation.conf"]
    made = tmp_path / "brat"  # a folder format's own folder is made without a word
    result = run_cli("export", source, "--format", "brat", "--corpus", corpus, "-o", made)
    assert result.returncode == 0 and made.is_dir() and "made the folder" not in result.stdout
