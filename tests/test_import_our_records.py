"""Our own records given to import with another tool's ``--format`` are refused, naming
``--format jsonl`` (``import_our_records``).

A trial's ``export --with-text`` file imported with ``--format prodigy`` became Prodigy tasks:
ids ``wt-000001``, done records in progress, forms, links and values dropped, fourteen "not
carried" lines, exit 0, and ``--format jsonl`` never named. A corpus's documents are still
texts Prodigy and doccano import.
"""

from __future__ import annotations

import json
from pathlib import Path

import orjson
import pytest

from annotator.core.formats.export import export_records
from tests.test_formats_cli import cli
from tests.test_formats_support import record, write_case

TEXT = "Kyiv freed 146 people."


def case(folder: Path) -> tuple[Path, Path, Path]:
    """(corpus, alice's done records, those records exported with their text)."""
    line = record("d1", TEXT, [(0, 4, "actor")], annotator="alice", status="done")
    corpus, journal = write_case(folder, [("d1", TEXT)], [line])
    with_text = folder / "wt.jsonl"
    export_records(journal, "jsonl", with_text, corpus=corpus, with_text=True)
    return corpus, journal, with_text


@pytest.mark.parametrize("fmt", ["prodigy", "doccano", "labelstudio", "hf", "conll"])
def test_records_with_their_text_are_refused_naming_jsonl(tmp_path: Path, fmt: str) -> None:
    _corpus, _journal, with_text = case(tmp_path)
    out = tmp_path / "out"
    outputs = ["-o", out / "corpus.jsonl", "--annotations", out / "annotations" / "alice.jsonl"]
    result = cli("import", with_text, "--format", fmt, *outputs)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"{with_text}: its first line is a record of annotator 'alice', with its text "
        f"(annotator's own JSONL, as export --with-text writes it), not what --format {fmt} "
        "reads: import it with --format jsonl, which keeps its ids, statuses, forms and links "
        "(nothing written)\n"
    )
    assert not out.exists()
    # --format jsonl imports them whole: done, with their ids.
    result = cli("import", with_text, "--format", "jsonl", *outputs)
    assert result.returncode == 0, result.stderr
    assert '"doc_id":"d1"' in (out / "annotations" / "alice.jsonl").read_text(encoding="utf-8")


def test_a_journal_without_its_texts_is_refused_saying_how_to_import_it(tmp_path: Path) -> None:
    _corpus, journal, _with_text = case(tmp_path)
    result = cli("import", journal, "--format", "prodigy", "-o", tmp_path / "c.jsonl")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"{journal}: its first line is a record of annotator 'alice', without its text "
        "(annotator's own journal or gold file), not what --format prodigy reads: annotate "
        "opens it as it is; to import it, export it with --with-text --corpus CORPUS and import "
        "that with --format jsonl (nothing written)\n"
    )
    assert not (tmp_path / "c.jsonl").exists()


@pytest.mark.parametrize("fmt", ["prodigy", "doccano"])
def test_a_corpus_s_documents_are_imported_as_before(tmp_path: Path, fmt: str) -> None:
    corpus, _journal, _with_text = case(tmp_path)
    out = tmp_path / "c.jsonl"
    result = cli("import", corpus, "--format", fmt, "-o", out)
    assert result.returncode == 0, result.stderr
    assert TEXT in out.read_text(encoding="utf-8")


def _as_array(lines_file: Path, array_file: Path, indent: int | None) -> Path:
    records = [orjson.loads(line) for line in lines_file.read_bytes().splitlines() if line.strip()]
    array_file.write_text(json.dumps(records, indent=indent), encoding="utf-8")
    return array_file


@pytest.mark.parametrize("fmt", ["jsonl", "prodigy", "labelstudio"])
@pytest.mark.parametrize("indent", [None, 2])
def test_records_in_a_json_array_are_refused_saying_how_to_make_them_lines(
    tmp_path: Path, fmt: str, indent: int | None
) -> None:
    # Refused naming --format jsonl, which then refused them as no JSON lines.
    _corpus, _journal, with_text = case(tmp_path)
    array = _as_array(with_text, tmp_path / "records.json", indent)
    out = tmp_path / "out"
    outputs = ["-o", out / "corpus.jsonl", "--annotations", out / "annotations" / "alice.jsonl"]
    result = cli("import", array, "--format", fmt, *outputs)
    assert (result.returncode, result.stdout) == (1, "")
    lines = tmp_path / "records.jsonl"
    assert result.stderr == (
        f"{array}: its first entry is a record of annotator 'alice', with its text, in a JSON "
        "array, not one record a line, which no --format reads: make it one a line with "
        f"`jq -c '.[]' {array} > {lines}`, then import that with --format jsonl (nothing "
        "written)\n"
    )
    assert not out.exists()
    # What the line says to do imports them whole (jq's output, made here the same way).
    lines.write_bytes(
        b"".join(orjson.dumps(item) + b"\n" for item in orjson.loads(array.read_bytes()))
    )
    result = cli("import", lines, "--format", "jsonl", *outputs)
    assert result.returncode == 0, result.stderr
    assert '"doc_id":"d1"' in (out / "annotations" / "alice.jsonl").read_text(encoding="utf-8")


def test_a_journal_in_a_json_array_named_jsonl_is_refused_saying_how(tmp_path: Path) -> None:
    _corpus, journal, _with_text = case(tmp_path)
    array = _as_array(journal, tmp_path / "alice.jsonl", None)
    result = cli("import", array, "--format", "jsonl", "-o", tmp_path / "c.jsonl")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"{array}: its first entry is a record of annotator 'alice', without its text, in a "
        "JSON array, not one record a line, which no --format reads: make it one a line with "
        f"`jq -c '.[]' {array} > {tmp_path / 'alice.lines.jsonl'}`, then annotate opens that as "
        "it is; to import it, export it with --with-text --corpus CORPUS and import that with "
        "--format jsonl (nothing written)\n"
    )
    assert not (tmp_path / "c.jsonl").exists()
