"""An import whose corpus output (``-o``) is a journal or a gold file: ``--force`` replaces it
as asked, but keeps it aside first. A trial's ``-o annotations/bob.jsonl --force`` replaced
bob's 14 done records with three texts and kept no copy; the refusal without ``--force`` did
not say that the file would be kept."""

from __future__ import annotations

from pathlib import Path

from tests.test_import_replacing_work import IMPORT, _imported, run

ONTO_JOURNAL = [
    "import", "doccano.jsonl", "--format", "doccano", "-o", "pd/annotations/root.jsonl",
]  # fmt: skip


def test_the_refusal_says_a_journal_as_the_corpus_output_is_kept_aside(tmp_path: Path) -> None:
    journal = _imported(tmp_path)
    before = journal.read_bytes()
    again = run(tmp_path, *ONTO_JOURNAL)
    assert again.returncode == 1
    assert again.stderr == (
        "pd/annotations/root.jsonl: already exists (its first line is a record of annotator "
        "'root'); choose another name or pass --force to replace it (it is kept aside first: "
        "it holds annotations, not a corpus's texts)\n"
    )
    assert journal.read_bytes() == before


def test_force_keeps_a_journal_given_as_the_corpus_output_aside(tmp_path: Path) -> None:
    journal = _imported(tmp_path)
    before = journal.read_bytes()
    again = run(tmp_path, *ONTO_JOURNAL, "--force")
    assert again.returncode == 0, again.stderr
    [aside] = sorted(journal.parent.glob("root.jsonl.replaced-*"))
    assert aside.read_bytes() == before  # root's three records, as they were
    assert b'"annotator"' not in journal.read_bytes()  # the texts, as --force asked
    assert (
        "replaced pd/annotations/root.jsonl; 3 of its 3 line(s) are records of annotator "
        f"'root', not a corpus's texts, so the file as it was is kept as "
        f"{aside.relative_to(tmp_path)}"
    ) in again.stdout.splitlines()


def test_force_replaces_an_earlier_imports_corpus_without_a_copy(tmp_path: Path) -> None:
    _imported(tmp_path)
    again = run(tmp_path, *IMPORT, "--force")
    assert again.returncode == 0, again.stderr
    assert "replaced pd/corpus.jsonl" in again.stdout.splitlines()
    assert not list((tmp_path / "pd").glob("corpus.jsonl.replaced-*"))
