"""``annotator stats`` shows an invisible character in an annotator's name or a document id
as its escape (``⟨U+202E⟩``), as diff and agree do: in both tables and in the corpus standing
under them. Written raw, the U+202E of "b\u202eob" reversed the rest of its row in a
terminal, its figures and rules with it. A name is text, never markup: "[bold]" in it is shown
as written."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.cli import main
from tests.test_agreement_data import record, span, write_journal

BOB = "b\u202eob"


def test_a_name_shows_its_invisible_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    files = [
        write_journal(
            tmp_path / f"{file}.jsonl", record(name, "d1", spans=[span("s1", 0, 6, "actor")])
        )
        for file, name in (("bob", BOB), ("carl", "carl[bold]"))
    ]
    assert main(["stats", *map(str, files)]) == 0
    out = capsys.readouterr().out
    assert "\u202e" not in out
    rows = [line for line in out.splitlines() if "b⟨U+202E⟩ob" in line]
    assert len(rows) == 2  # a row in each table
    assert all("1" in row.split("│")[2] for row in rows), rows  # its figures still in place
    assert sum("carl[bold]" in line for line in out.splitlines()) == 2


def test_the_corpus_standing_shows_the_name_and_the_document_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The line under the tables, a name and the first document not in the corpus."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "d1.txt").write_text("Russia freed six men.\n", encoding="utf-8")
    journal = write_journal(tmp_path / "bob.jsonl", record(BOB, "gone\u202e1"))
    assert main(["stats", str(journal), "--corpus", str(docs)]) == 0
    out = capsys.readouterr().out
    assert "\u202e" not in out
    standing = out.splitlines()[-1]
    assert standing.startswith("b⟨U+202E⟩ob (")
    assert standing.endswith(f"1 record(s) for documents not in {docs} (first: gone⟨U+202E⟩1)")
