"""``annotate`` started from another folder: the journal of this corpus elsewhere is named.

A user trial: work done from /tmp/proj (journal /tmp/proj/annotations/alice.jsonl), then
``cd /tmp && annotator annotate /tmp/proj/sample_docs/`` showed ``done 0/14`` and nothing said
where the work was.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import orjson
import pytest

import annotator.commands as commands
from annotator.commands import annotate_cmd
from annotator.core.corpus import open_corpus
from annotator.core.journal_elsewhere import (
    JournalElsewhere,
    elsewhere_message,
    find_journal_elsewhere,
)
from tests.conftest import make_record


def _project(tmp_path: Path) -> Path:
    """/proj/docs with three articles; returns the corpus folder."""
    docs = tmp_path / "proj" / "docs"
    docs.mkdir(parents=True)
    for name in ("a", "b", "c"):
        (docs / f"{name}.txt").write_text(f"Article {name}.\n", encoding="utf-8")
    return docs


def _journal(path: Path, *records: dict[str, Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"".join(orjson.dumps(item) + b"\n" for item in records))
    return path


def test_own_journal_beside_the_corpus_folder_is_found(tmp_path: Path) -> None:
    docs = _project(tmp_path)
    other = _journal(
        tmp_path / "proj" / "annotations" / "alice.jsonl",
        make_record(doc_id="a"),
        make_record(doc_id="b"),
        make_record(doc_id="b", note="later"),  # one document, one record
        make_record(doc_id="not-here"),  # not of this corpus
    )
    wanted = tmp_path / "elsewhere" / "annotations" / "alice.jsonl"
    found = find_journal_elsewhere(docs, open_corpus(docs), "alice", wanted)
    assert found == JournalElsewhere(other, "alice", 2)
    assert found.out_dir == tmp_path / "proj"


def test_journal_inside_the_corpus_folder_is_found(tmp_path: Path) -> None:
    docs = _project(tmp_path)
    other = _journal(docs / "annotations" / "alice.jsonl", make_record(doc_id="c"))
    found = find_journal_elsewhere(
        docs, open_corpus(docs), "alice", tmp_path / "annotations" / "alice.jsonl"
    )
    assert found == JournalElsewhere(other, "alice", 1)
    assert found.out_dir == docs


def test_own_journal_wins_over_a_fuller_one_of_someone_else(tmp_path: Path) -> None:
    docs = _project(tmp_path)
    place = tmp_path / "proj" / "annotations"
    _journal(
        place / "bob.jsonl",
        *(make_record(doc_id=d, annotator="bob") for d in "abc"),
    )
    own = _journal(place / "alice.jsonl", make_record(doc_id="a"))
    found = find_journal_elsewhere(docs, open_corpus(docs), "alice", tmp_path / "x.jsonl")
    assert found == JournalElsewhere(own, "alice", 1, more=1)


def test_someone_elses_journal_when_there_is_no_own(tmp_path: Path) -> None:
    docs = _project(tmp_path)
    bob = _journal(
        tmp_path / "proj" / "annotations" / "bob.jsonl",
        make_record(doc_id="a", annotator="bob"),
    )
    found = find_journal_elsewhere(docs, open_corpus(docs), "alice", tmp_path / "x.jsonl")
    assert found == JournalElsewhere(bob, "bob", 1)
    message = elsewhere_message(found, Path("annotations/alice.jsonl"), str(docs), "alice")
    assert message == (
        f"no journal in ./annotations; {bob} (bob's, not alice's) has 1 record(s) of this "
        f"corpus: annotator annotate {docs} --annotator bob --out {tmp_path / 'proj'}"
    )


def test_nothing_said_when_the_journal_exists_or_none_is_elsewhere(tmp_path: Path) -> None:
    docs = _project(tmp_path)
    corpus = open_corpus(docs)
    wanted = _journal(tmp_path / "annotations" / "alice.jsonl")  # exists, empty
    _journal(tmp_path / "proj" / "annotations" / "alice.jsonl", make_record(doc_id="a"))
    assert find_journal_elsewhere(docs, corpus, "alice", wanted) is None
    # A journal elsewhere with no records of this corpus, a gold file, a damaged file.
    place = tmp_path / "proj" / "annotations"
    _journal(place / "alice.jsonl", make_record(doc_id="other"))
    gold = make_record(doc_id="a", annotator="gold", sources={"annotators": ["alice"]})
    _journal(place / "gold.jsonl", gold)
    (place / "bad.jsonl").write_bytes(b"not json\n")
    fresh = tmp_path / "new" / "annotations" / "alice.jsonl"
    assert find_journal_elsewhere(docs, corpus, "alice", fresh) is None


def test_the_journal_in_use_is_not_pointed_to_itself(tmp_path: Path) -> None:
    docs = _project(tmp_path)
    corpus = open_corpus(docs)
    _journal(
        tmp_path / "proj" / "annotations" / "bob.jsonl", make_record(doc_id="a", annotator="bob")
    )
    wanted = tmp_path / "proj" / "annotations" / "alice.jsonl"  # same folder as bob's
    assert find_journal_elsewhere(docs, corpus, "alice", wanted) is None


def test_a_jsonl_corpus_looks_beside_its_file(tmp_path: Path) -> None:
    corpus_file = tmp_path / "proj" / "corpus.jsonl"
    corpus_file.parent.mkdir()
    corpus_file.write_bytes(orjson.dumps({"id": "a", "text": "Article a.", "meta": {}}) + b"\n")
    other = _journal(tmp_path / "proj" / "annotations" / "alice.jsonl", make_record(doc_id="a"))
    found = find_journal_elsewhere(
        corpus_file, open_corpus(corpus_file), "alice", tmp_path / "w" / "alice.jsonl"
    )
    assert found == JournalElsewhere(other, "alice", 1)


def test_message_repeats_the_options_given() -> None:
    found = JournalElsewhere(Path("/tmp/proj/annotations/alice.jsonl"), "alice", 14)
    message = elsewhere_message(
        found,
        Path("/tmp/annotations/alice.jsonl"),
        "/tmp/proj/my docs/",
        "alice",
        annotator_given=True,
        scheme_arg="prisoner_exchange",
    )
    assert message == (
        "no journal in /tmp/annotations; /tmp/proj/annotations/alice.jsonl has 14 record(s) "
        "of this corpus: annotator annotate '/tmp/proj/my docs/' --annotator alice "
        "--scheme prisoner_exchange --out /tmp/proj"
    )


def test_annotate_says_it_first_and_leaves_no_empty_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The command as the trial ran it, the app replaced by a look at the session."""
    docs = _project(tmp_path)
    other = _journal(
        tmp_path / "proj" / "annotations" / "alice.jsonl",
        *(make_record(doc_id=d) for d in "abc"),
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    monkeypatch.setattr(annotate_cmd, "require_terminal", lambda command: None)
    seen: list[list[str]] = []

    def run_screen(closing: Any, run_app: Any) -> bool:
        # What the screen is told first; printed before it, it is not (the exit says it).
        seen.append(list(closing.session.messages))
        assert closing.messages == []
        return bool(closing.close())

    monkeypatch.setattr(commands, "run_screen", run_screen)
    args = argparse.Namespace(
        corpus=str(docs), annotator="alice", scheme=None, out=".", command="annotate"
    )
    assert annotate_cmd.run(args) == 0
    assert seen[0][0] == (
        f"no journal in ./annotations; {other} has 3 record(s) of this corpus: "
        f"annotator annotate {docs} --annotator alice --out {tmp_path / 'proj'}"
    )
    assert list(elsewhere.iterdir()) == []  # no annotations/ left behind


def test_journals_are_read_cheaply_and_others_only_to_their_first_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # It runs at every start that has saved nothing yet: no record is validated, and with
    # their own journal found, another is read up to its first record of the corpus (``more``).
    from annotator.core import journal_elsewhere
    from annotator.core.models import Record

    docs = _project(tmp_path)
    place = tmp_path / "proj" / "annotations"
    own = _journal(place / "alice.jsonl", make_record(doc_id="x"), make_record(doc_id="a"))
    bob = [make_record(doc_id=d, annotator="bob") for d in "abc" * 20]
    _journal(place / "bob.jsonl", *bob)
    _journal(place / "carol.jsonl", make_record(doc_id="x", annotator="carol"))

    def refused(*args: object, **kwargs: object) -> Record:
        raise AssertionError("a record validated")

    monkeypatch.setattr(Record, "model_validate", refused)
    parsed: list[bytes] = []
    loads = orjson.loads

    def counted(raw: bytes) -> Any:
        parsed.append(raw)
        return loads(raw)

    monkeypatch.setattr(journal_elsewhere.orjson, "loads", counted)
    found = find_journal_elsewhere(docs, open_corpus(docs), "alice", tmp_path / "x.jsonl")
    assert found == JournalElsewhere(own, "alice", 1, more=1)
    assert len(parsed) == 2 + 1 + 1  # alice's both, bob's first, carol's one
