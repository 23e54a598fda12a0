"""validate's last line, every file valid, says what each file was read as and whether a
corpus was checked (``validate_summary``), as the README says: a trial's journal and gold file
gave ``ok: 2 file(s) valid`` and no more, with ``--corpus`` or without."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.corpus import open_corpus
from annotator.core.journal import read_journal
from annotator.core.validate_summary import FileRead, problems_summary, read_as, valid_summary
from tests.test_agreement_data import TEXT, record, span, write_corpus, write_journal

NO_CORPUS = (
    "not checked against a corpus (--corpus checks that each record's document is in it and "
    "its spans against the text)"
)
FORM = {"event_type": "exchange"}
EXPORT = "out.jsonl: 2 line(s) of gold records with their text (an export --with-text): …"


def two_journals_and_gold(folder: Path) -> tuple[Path, Path, Path]:
    """alice's and bob's journals, and the gold file merge makes of them."""
    russia = [span("s1", 0, 6, "actor")]
    (folder / "annotations").mkdir()
    journals = [
        write_journal(
            folder / "annotations" / f"{name}.jsonl", record(name, spans=russia, form=FORM)
        )
        for name in ("alice", "bob")
    ]
    gold = folder / "gold" / "gold.jsonl"
    corpus = write_corpus(folder, {"d1": TEXT})
    assert main(["merge", *map(str, journals), "-o", str(gold), "--corpus", str(corpus)]) == 0
    return journals[0], gold, corpus


def test_a_journal_and_a_gold_file_are_said_with_the_corpus_or_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    alice, gold, corpus = two_journals_and_gold(Path())
    capsys.readouterr()
    assert main(["validate", str(alice), str(gold), "--corpus", str(corpus)]) == 0
    assert capsys.readouterr().err == (
        "ok: 2 file(s) valid: annotations/alice.jsonl (journal), gold/gold.jsonl (gold file); "
        "texts checked against the corpus corpus.jsonl\n"
    )
    assert main(["validate", str(gold)]) == 0
    assert (
        capsys.readouterr().err
        == f"ok: 1 file(s) valid: gold/gold.jsonl (gold file); {NO_CORPUS}\n"
    )


def test_what_a_file_is_read_as(tmp_path: Path) -> None:
    alice, gold, _corpus = two_journals_and_gold(tmp_path)
    assert read_as(read_journal(alice)) == "journal"
    assert read_as(read_journal(gold)) == "gold file"
    both = tmp_path / "both.jsonl"
    both.write_bytes(gold.read_bytes() + alice.read_bytes())
    assert read_as(read_journal(both)) == "journal with gold records"
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    assert read_as(read_journal(empty)) == "empty file"


def test_the_summary_names_each_file_and_the_exports_clause(tmp_path: Path) -> None:
    corpus = open_corpus(write_corpus(tmp_path, {"d1": "Russia."}))
    alice = FileRead(Path("alice.jsonl"), "journal")
    export = FileRead(Path("out.jsonl"), "gold file", EXPORT)
    assert (
        valid_summary([alice], 1, None, 0)
        == f"ok: 1 file(s) valid: alice.jsonl (journal); {NO_CORPUS}"
    )
    assert valid_summary([alice, export], 2, corpus, 2) == (
        f"ok: 2 file(s) valid: alice.jsonl (journal); texts checked against the corpus "
        f"{corpus.path}; {EXPORT}; 2 warning(s) above"
    )
    # An export alone is said by its own clause, as before.
    assert valid_summary([export], 1, None, 0) == f"ok: 1 file(s) valid; {EXPORT}"
    many = [FileRead(Path(f"{n}.jsonl"), "journal") for n in range(7)]
    assert valid_summary(many, 7, None, 0) == (
        "ok: 7 file(s) valid: 0.jsonl (journal), 1.jsonl (journal), 2.jsonl (journal), "
        f"3.jsonl (journal), 4.jsonl (journal) and 2 more; {NO_CORPUS}"
    )


def test_the_problems_line_is_as_it_was() -> None:
    export = FileRead(Path("out.jsonl"), "gold file", EXPORT)
    alice = FileRead(Path("alice.jsonl"), "journal")
    assert problems_summary(1, [alice]) is None
    assert problems_summary(4, [alice]) == "4 problems found"
    assert problems_summary(1, [alice, export]) == f"1 problem found; {EXPORT}"
