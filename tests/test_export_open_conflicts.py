"""A gold record with open conflicts exported: every format that leaves the disputed spans out
says so per document (a summary past 5), and jsonl, which keeps them, says nothing."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from annotator.core.corpus import open_corpus
from annotator.core.formats import EXPORT_FORMATS
from annotator.core.formats.export import export_records
from annotator.core.formats.importing import import_documents
from annotator.core.merge import merge_files
from annotator.core.scheme import load_scheme
from tests.test_agreement_data import TEXT, record, span, write_corpus, write_journal, write_scheme
from tests.test_formats_support import need


def gold_with_conflicts(folder: Path, count: int) -> tuple[Path, Path]:
    """``count`` documents merged from alice and bob, who agree on "Ukraine" and give
    "Russia" (0–6) two labels: one open span conflict each."""
    folder.mkdir(parents=True, exist_ok=True)
    docs = [f"d{n:02d}" for n in range(1, count + 1)]
    agreed = span("s2", 31, 38, "actor")
    alice = [record("alice", d, spans=[span("s1", 0, 6, "actor"), agreed]) for d in docs]
    bob = [record("bob", d, spans=[span("s1", 0, 6, "releasee"), agreed]) for d in docs]
    files = [write_journal(folder / "a.jsonl", *alice), write_journal(folder / "b.jsonl", *bob)]
    corpus = write_corpus(folder, {d: TEXT for d in docs})
    gold = folder / "gold.jsonl"
    merge_files(files, gold, load_scheme(write_scheme(folder)), "carol", corpus=open_corpus(corpus))
    return corpus, gold


def exported(folder: Path, fmt: str, count: int, verbose: bool = False) -> tuple[list[str], Path]:
    if fmt == "spacy":
        need("spacy")
    corpus, gold = gold_with_conflicts(folder / "in", count)
    out = folder / ("out" if fmt in ("brat", "hf") else f"out.{fmt}")
    said: list[str] = []
    export_records(
        gold, fmt, out, corpus=corpus, status="all", on_warning=said.append, verbose=verbose
    )
    return said, out


LINE = "d01: 1 open conflict not written (span 0–6 'Russia'); settle it with annotator review"


@pytest.mark.parametrize("fmt", [fmt for fmt in EXPORT_FORMATS if fmt != "jsonl"])
def test_every_format_says_the_open_conflicts_it_does_not_write(tmp_path: Path, fmt: str) -> None:
    said, _out = exported(tmp_path, fmt, 1)
    assert LINE in said


def test_jsonl_writes_the_conflicts_so_says_nothing_of_them(tmp_path: Path) -> None:
    said, out = exported(tmp_path, "jsonl", 1)
    assert not any("open conflict" in line for line in said)
    (row,) = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert row["conflicts"][0]["region"] == [0, 6]


def test_what_is_said_is_what_is_missing(tmp_path: Path) -> None:
    said, out = exported(tmp_path, "doccano", 1)
    (row,) = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert row["label"] == [[31, 38, "actor"]]  # "Russia" is not labelled: the line says why
    assert LINE in said


def test_past_five_documents_one_summary_line_and_details_hold_each(tmp_path: Path) -> None:
    corpus, gold = gold_with_conflicts(tmp_path / "in", 7)
    said: list[str] = []
    result = export_records(
        gold, "conll", tmp_path / "o.conll", corpus=corpus, status="all", on_warning=said.append
    )
    # conll writes no form, so its field conflicts are not counted: the line says which.
    assert [line for line in said if "open" in line and "conflict" in line] == [
        "open span conflicts not written: 7 in 7 document(s) (first: d01); "
        "settle them with annotator review"
    ]
    mine = [line for line in result.details if "open conflict" in line]
    assert len(mine) == 7 and mine[0] == LINE


def test_a_format_writing_the_form_counts_every_open_conflict(tmp_path: Path) -> None:
    said, _out = exported(tmp_path, "brat", 7)
    assert [line for line in said if "open" in line and "conflict" in line] == [
        "open conflicts not written: 7 in 7 document(s) (first: d01); "
        "settle them with annotator review"
    ]


def test_verbose_says_each_document(tmp_path: Path) -> None:
    said, _out = exported(tmp_path, "prodigy", 7, verbose=True)
    assert len([line for line in said if "open conflict not written" in line]) == 7


def gold_with_a_field_conflict(folder: Path, spans: bool = True) -> tuple[Path, Path]:
    """d1: alice and bob agree on "Russia" (with ``spans``) and on number 7, not on code."""
    folder.mkdir()
    marked = [span("s1", 0, 6, "actor")] if spans else []
    alice = record("alice", "d1", spans=marked, form={"code": "1", "number": 7})
    bob = record("bob", "d1", spans=marked, form={"code": "2", "number": 7})
    files = [write_journal(folder / "a.jsonl", alice), write_journal(folder / "b.jsonl", bob)]
    corpus = write_corpus(folder, {"d1": TEXT})
    gold = folder / "gold.jsonl"
    merge_files(files, gold, load_scheme(write_scheme(folder)), "carol", corpus=open_corpus(corpus))
    return corpus, gold


def test_a_field_conflict_is_named_by_its_path(tmp_path: Path) -> None:
    # brat writes the form (in its first span's notes): the disputed answer is missing there.
    corpus, gold = gold_with_a_field_conflict(tmp_path / "in")
    said: list[str] = []
    export_records(
        gold, "brat", tmp_path / "o", corpus=corpus, status="all", on_warning=said.append
    )
    assert said[0] == (
        "d1: 1 open conflict not written (field code); settle it with annotator review"
    )
    assert "form number 7" in (tmp_path / "o" / "d1.ann").read_text(encoding="utf-8")


FORMLESS = [fmt for fmt in EXPORT_FORMATS if fmt not in ("jsonl", "brat")]


@pytest.mark.parametrize("fmt", FORMLESS)
def test_a_format_without_a_form_says_no_field_conflict(tmp_path: Path, fmt: str) -> None:
    # A trial's conll export said "2 open conflicts not written — field event_type, releases:
    # …" of answers conll never writes; the line on the form it cannot carry says it all.
    if fmt == "spacy":
        need("spacy")
    corpus, gold = gold_with_a_field_conflict(tmp_path / "in")
    out = tmp_path / ("o" if fmt == "hf" else f"o.{fmt}")
    said: list[str] = []
    export_records(gold, fmt, out, corpus=corpus, status="all", on_warning=said.append)
    assert not any("open conflict" in line for line in said), said
    assert any(line.startswith(f"d1: {fmt} cannot carry the form (1 field(s))") for line in said), (
        said
    )


def test_a_format_without_a_form_names_only_the_span_conflicts(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    alice = record("alice", "d1", spans=[span("s1", 0, 6, "actor")], form={"code": "1"})
    bob = record("bob", "d1", spans=[span("s1", 0, 6, "releasee")], form={"code": "2"})
    files = [write_journal(folder / "a.jsonl", alice), write_journal(folder / "b.jsonl", bob)]
    corpus = write_corpus(folder, {"d1": TEXT})
    gold = folder / "gold.jsonl"
    merge_files(files, gold, load_scheme(write_scheme(folder)), "carol", corpus=open_corpus(corpus))
    said: list[str] = []
    export_records(
        gold, "conll", tmp_path / "o.conll", corpus=corpus, status="all", on_warning=said.append
    )
    assert [line for line in said if "open conflict" in line] == [
        "d1: 1 open conflict not written (span 0–6 'Russia'); settle it with annotator review"
    ]
    # brat writes no form for a document without spans: there too, only the spans are said.
    said.clear()
    export_records(
        gold, "brat", tmp_path / "b", corpus=corpus, status="all", on_warning=said.append
    )
    assert [line for line in said if "open conflict" in line] == [
        "d1: 1 open conflict not written (span 0–6 'Russia'); settle it with annotator review"
    ]


CARRY_STATUS = ("jsonl", "prodigy", "brat")


@pytest.mark.parametrize("fmt", [fmt for fmt in EXPORT_FORMATS if fmt not in CARRY_STATUS])
def test_a_format_without_a_status_says_the_record_is_not_done(tmp_path: Path, fmt: str) -> None:
    # A trial's brat export and import made four unfinished gold documents done, unsaid.
    said, _out = exported(tmp_path, fmt, 1)
    assert any(
        line.startswith("d01: ")
        and "the status (not done: imported back, it would be done)" in line
        for line in said
    ), said


def test_brat_carries_the_status_back(tmp_path: Path) -> None:
    said, out = exported(tmp_path, "brat", 1)
    assert not any("the status" in line for line in said)
    assert 'status "in_progress"' in (out / "d01.ann").read_text(encoding="utf-8")
    import_documents(
        out, "brat", tmp_path / "back.jsonl", annotations=tmp_path / "r.jsonl", annotator="x"
    )
    (row,) = [orjson.loads(line) for line in (tmp_path / "r.jsonl").read_bytes().splitlines()]
    assert row["status"] == "in_progress"
