"""stats, compact, export, agree (and merge, diff) given a corpus or another tool's file for a
journal say what it looks like, as validate and rename do, in one line, exit 1. A trial's
``annotator stats c.jsonl`` said "c.jsonl:1: schema_version: required field is missing", and a
spaCy DocBin "invalid UTF-8 at byte 1 of the line". A journal whose later line is bad is still
said by that line, and export's incomplete last line says how to go on."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import orjson

from tests.conftest import make_record
from tests.test_agreement_data import run_cli as cli

TEXT = "Russia freed 12 soldiers to Norvania."
DOCBIN = Path(__file__).parent / "fixtures" / "spacy" / "ner_tweets.demo.spacy"


def commands(path: Path, other: Path, out: Path) -> dict[str, list[str | Path]]:
    return {
        "stats": ["stats", path],
        "compact": ["compact", path],
        "export": ["export", path, "--format", "jsonl", "-o", out / "x.jsonl"],
        "agree": ["agree", path, other],
    }


def one_line(args: list[str | Path]) -> str:
    result = cli(*args)
    assert result.returncode == 1, (args, result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    return lines[0]


def test_a_corpus_given_for_a_journal_is_said_a_corpus(
    write_jsonl: Callable[..., Path], tmp_path: Path
) -> None:
    corpus = write_jsonl("c.jsonl", *({"id": f"d{n}", "text": TEXT} for n in range(3)))
    other = write_jsonl("bob.jsonl", make_record(TEXT, doc_id="d0", annotator="bob"))
    before = corpus.read_bytes()
    for name, args in commands(corpus, other, tmp_path).items():
        assert one_line(args) == (
            f"{corpus}:1: this looks like a corpus file of documents (id, text), not a "
            f"journal; did you mean --corpus {corpus}?"
        ), name
    assert corpus.read_bytes() == before  # compact wrote nothing


def test_a_docbin_and_a_json_array_are_named_with_their_import(
    write_jsonl: Callable[..., Path], tmp_path: Path
) -> None:
    docbin = tmp_path / "tweets.spacy"
    shutil.copy(DOCBIN, docbin)
    tasks = tmp_path / "tasks.json"
    tasks.write_bytes(orjson.dumps([{"id": 1, "data": {"text": TEXT}, "annotations": []}]))
    other = write_jsonl("bob.jsonl", make_record(TEXT, doc_id="d0", annotator="bob"))
    for name, args in commands(docbin, other, tmp_path).items():
        said = one_line(args)
        assert said.startswith(f"{docbin}: ") and said.endswith(
            "annotator import --format spacy reads such files"
        ), (name, said)
    for name, args in commands(tasks, other, tmp_path).items():
        said = one_line(args)
        assert said.startswith(f"{tasks}:1: this looks like a JSON file"), (name, said)


def test_a_journal_s_later_bad_line_is_said_as_it_is(
    write_jsonl: Callable[..., Path], tmp_path: Path
) -> None:
    journal = tmp_path / "alice.jsonl"
    good = orjson.dumps(make_record(TEXT, doc_id="d0"))
    journal.write_bytes(good + b"\n" + orjson.dumps({"id": "d1", "text": TEXT}) + b"\n")
    said = one_line(["stats", journal])
    assert said.startswith(f"{journal}:2: ") and "looks like" not in said


def test_export_s_incomplete_last_line_says_compact_sets_it_aside(tmp_path: Path) -> None:
    journal = tmp_path / "alice.jsonl"
    good = orjson.dumps(make_record(TEXT, doc_id="d0"))
    journal.write_bytes(good + b"\n" + good[:40])
    said = one_line(["export", journal, "--format", "jsonl", "-o", tmp_path / "x.jsonl"])
    assert said.startswith(f"{journal}:2: ")
    assert said.endswith(
        f"(an incomplete last line: an interrupted write; `annotator compact {journal}` sets "
        "it aside)"
    )


def test_a_journal_whose_first_write_was_cut_is_a_journal(tmp_path: Path) -> None:
    """A record line cut short, even at its first byte, is no other tool's JSON: stats reads
    no record and says the incomplete line, compact sets it aside, as before."""
    for cut in (b"{", orjson.dumps(make_record(TEXT))[:30]):
        journal = tmp_path / "alice.jsonl"
        journal.write_bytes(cut)
        result = cli("stats", journal)
        assert result.returncode == 0, result.stderr
        assert "incomplete last line (an interrupted write) left out" in result.stderr
        assert "looks like" not in result.stderr
        compacted = cli("compact", journal)
        assert compacted.returncode == 0, compacted.stderr
        assert journal.read_bytes() == b"" and len(list(tmp_path.glob("alice.jsonl.torn-*"))) >= 1
        for aside in tmp_path.glob("alice.jsonl.torn-*"):
            aside.unlink()
