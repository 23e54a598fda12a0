"""Our own records given to import with another tool's ``--format`` are refused, naming
``--format jsonl`` (``import_our_records``).

A trial's ``export --with-text`` file imported with ``--format prodigy`` became Prodigy tasks:
ids ``wt-000001``, done records in progress, forms, links and values dropped, fourteen "not
carried" lines, exit 0, and ``--format jsonl`` never named. A corpus's documents are still
texts Prodigy and doccano import.
"""

from __future__ import annotations

from pathlib import Path

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
