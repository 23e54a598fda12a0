"""agree, diff, merge and review say when two annotator names differ only in case or spaces.

Names are compared as written: a trial's "bob" and "Bob" in two journals were two annotators,
compared with each other without a word. They may be two people, so nothing is refused; a note
names both files and the rename (and append) that makes them one name in one journal.
"""

from __future__ import annotations

from pathlib import Path

import orjson

from annotator.core.compare import load_comparison
from annotator.core.names_alike import names_alike_notes
from annotator.core.review_open import open_review
from tests.test_agreement_data import (
    TEXT,
    record,
    run_cli,
    scheme,
    span,
    write_corpus,
    write_journal,
    write_scheme,
)

RUSSIA = [span("s1", 0, 6, "actor")]


def _journals(tmp_path: Path) -> tuple[Path, Path, Path]:
    alice = write_journal(
        tmp_path / "alice.jsonl",
        record("alice", "d1", spans=RUSSIA),
        record("alice", "d2", spans=RUSSIA),
    )
    bob = write_journal(tmp_path / "bob.jsonl", record("bob", "d1", spans=RUSSIA))
    laptop = write_journal(tmp_path / "bob-laptop.jsonl", record("Bob", "d2", spans=RUSSIA))
    return alice, bob, laptop


def _case_note(bob: Path, laptop: Path) -> str:
    renamed = laptop.with_name("bob-laptop.bob.jsonl")
    return (
        f"{laptop}: annotator 'Bob' and 'bob' of {bob} differ only in case: they are compared "
        "as two annotators; if they are one person, give the records one name and one "
        f"journal: annotator rename {laptop} --from Bob --to bob -o {renamed}, then cat "
        f"{renamed} >> {bob}, and give {bob} in place of both (a document both have a record "
        "of is then bob's as 'Bob' left it: the last line wins)"
    )


def _unwrapped(said: str) -> str:
    """``said`` without its white space: rich wraps a note to the width, inside a path too."""
    return "".join(said.split())


def test_names_differing_in_case_are_said_by_each_command(tmp_path: Path) -> None:
    alice, bob, laptop = _journals(tmp_path)
    note = _case_note(bob, laptop)
    comparison = load_comparison([alice, bob, laptop], scheme(tmp_path))
    assert comparison.annotators == ["Bob", "alice", "bob"]  # not refused: two annotators
    assert note in comparison.notes
    test_scheme = write_scheme(tmp_path)
    result = run_cli("agree", alice, bob, laptop, "--scheme", test_scheme, "--json")
    assert result.returncode == 0, result.stderr
    assert note in orjson.loads(result.stdout)["notes"]
    result = run_cli("agree", alice, bob, laptop, "--scheme", test_scheme)
    assert _unwrapped(f"note: {note}") in _unwrapped(result.stdout)
    result = run_cli("diff", bob, laptop, "--scheme", test_scheme, "--doc", "d1")
    assert result.returncode == 0, result.stderr
    assert _unwrapped(f"note: {note}") in _unwrapped(result.stdout)
    gold = tmp_path / "gold.jsonl"
    result = run_cli("merge", alice, bob, laptop, "-o", gold, "--scheme", test_scheme,
                     "--reviewer", "rita")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert f"note: {note}\n" in result.stderr
    folder = tmp_path / "docs"
    folder.mkdir()
    corpus = write_corpus(folder, {"d1": TEXT, "d2": TEXT})
    session = open_review([alice, bob, laptop], corpus, tmp_path / "gold2.jsonl", "rita",
                          scheme_path=test_scheme)  # fmt: skip
    try:
        assert f"note: {note}" in session.messages
    finally:
        session.close()


def test_the_rename_offered_makes_them_one_annotator(tmp_path: Path) -> None:
    alice, bob, laptop = _journals(tmp_path)
    renamed = laptop.with_name("bob-laptop.bob.jsonl")
    result = run_cli("rename", laptop, "--from", "Bob", "--to", "bob", "-o", renamed)
    assert result.returncode == 0, result.stderr
    bob.write_bytes(bob.read_bytes() + renamed.read_bytes())  # cat RENAMED >> bob.jsonl
    comparison = load_comparison([alice, bob], scheme(tmp_path))
    assert comparison.annotators == ["alice", "bob"]
    assert [unit.doc_id for unit in comparison.units] == ["d1", "d2"]
    assert not [note for note in comparison.notes if "differ only" in note]


def test_spaces_around_a_name_and_one_journal_are_said(tmp_path: Path) -> None:
    files = {
        "bob": Path("bob.jsonl"),
        " bob": Path("spaced.jsonl"),
        "carol": Path("mixed.jsonl"),
        "Carol ": Path("mixed.jsonl"),
    }
    assert names_alike_notes(files) == [
        "spaced.jsonl: annotator ' bob' and 'bob' of bob.jsonl differ only in spaces around "
        "them: they are compared as two annotators; if they are one person, give the records "
        "one name and one journal: annotator rename spaced.jsonl --from ' bob' --to bob -o "
        "spaced.bob.jsonl, then cat spaced.bob.jsonl >> bob.jsonl, and give bob.jsonl in place "
        "of both (a document both have a record of is then bob's as ' bob' left it: the last "
        "line wins)",
        "mixed.jsonl: annotator 'Carol ' and 'carol', both in this journal, differ only in "
        "case and in spaces around them: they are compared as two annotators (annotator "
        "rename does not join two names in one journal)",
    ]
    # A name annotate would not take is never offered as the one to keep; a gold file is
    # never renamed; names alike to none are not said.
    assert names_alike_notes({" ann": Path("a.jsonl"), "ann": Path("b.jsonl")})[0].endswith(
        "annotator rename a.jsonl --from ' ann' --to ann -o a.ann.jsonl, then cat a.ann.jsonl "
        ">> b.jsonl, and give b.jsonl in place of both (a document both have a record of is "
        "then ann's as ' ann' left it: the last line wins)"
    )
    assert names_alike_notes(
        {"Rita": Path("g.jsonl"), "rita": Path("r.jsonl")}, [Path("g.jsonl")]
    ) == [
        "r.jsonl: annotator 'rita' and 'Rita' of g.jsonl differ only in case: they are compared "
        "as two annotators"
    ]
    assert names_alike_notes({"alice": Path("a.jsonl"), "bob": Path("b.jsonl")}) == []
