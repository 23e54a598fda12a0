"""``annotator validate`` checks the spans a gold line's open conflicts hold as it checks the
line's own: a span version's spans and the spans a field version's values are linked to.

A trial's conflict span edited to start 5000 (end 30) with the text "WRONG" passed validate,
with the corpus and as an export with text: only the record's own spans were checked.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from annotator.cli import main
from annotator.core.corpus import open_corpus
from annotator.core.merge import merge_files
from annotator.core.scheme import load_scheme
from annotator.core.validate import validate_files
from tests.test_agreement_data import TEXT, record, span, write_corpus, write_journal, write_scheme

TWELVE = TEXT.index("12")


def merged(folder: Path) -> tuple[Path, Path, Path]:
    """(corpus, scheme, gold) of one document alice and bob gave a release of different
    counts, each linked to their count span: c1, c2 span conflicts (146 and 12, each marked
    by one), c3, c4 the release each gave, with the links of its fields."""
    russia = span("s1", 0, 6, "actor")
    links = {"releases[0].released_by": ["s1"], "releases[0].count": ["s2"]}
    alice = record(
        "alice",
        spans=[russia, span("s2", 13, 16, "count", 146)],
        form={"releases": [{"released_by": "Russia", "count": 146}]},
        links=links,
    )
    bob = record(
        "bob",
        spans=[russia, span("s2", TWELVE, TWELVE + 2, "count", 12)],
        form={"releases": [{"released_by": "Russia", "count": 12}]},
        links=links,
    )
    files = [write_journal(folder / "a.jsonl", alice), write_journal(folder / "b.jsonl", bob)]
    corpus = write_corpus(folder, {"d1": TEXT})
    scheme = write_scheme(folder)
    gold = folder / "gold.jsonl"
    merge_files(files, gold, load_scheme(scheme), "carol", corpus=open_corpus(corpus))
    return corpus, scheme, gold


def edited(gold: Path, edit: Any) -> Path:
    """``gold``'s line with ``edit`` applied to its conflicts (by id), as a new file."""
    data = orjson.loads(gold.read_bytes())
    edit({conflict["id"]: conflict for conflict in data["conflicts"]})
    out = gold.with_name("gold_bad.jsonl")
    out.write_bytes(orjson.dumps(data) + b"\n")
    return out


def problems(path: Path, scheme: Path, corpus: Path | None) -> list[str]:
    opened = open_corpus(corpus) if corpus is not None else None
    found = validate_files([path], opened, load_scheme(scheme))
    return [line.removeprefix(f"{path}:") for line in found]


def test_a_merged_gold_files_conflicts_are_valid(tmp_path: Path) -> None:
    corpus, scheme, gold = merged(tmp_path)
    conflicts = orjson.loads(gold.read_bytes())["conflicts"]
    assert [c["id"] for c in conflicts] == ["c1", "c2", "c3", "c4"]  # what the tests edit
    assert conflicts[0]["versions"][0]["spans"][0]["text"] == "146"
    assert conflicts[3]["versions"][0]["links"]["releases[0].count"][0]["text"] == "12"
    assert problems(gold, scheme, corpus) == []


def test_the_trials_start_after_its_end_is_said_on_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus, scheme, gold = merged(tmp_path)

    def edit(conflicts: dict[str, Any]) -> None:
        conflicts["c2"]["versions"][1]["spans"][0].update(start=5000, text="WRONG")

    bad = edited(gold, edit)
    code = main(["validate", str(bad), "--corpus", str(corpus), "--scheme", str(scheme)])
    said = capsys.readouterr()
    assert code == 1
    assert said.out.splitlines() == [
        f"{bad}:1: conflicts.c2.versions.1.spans.0.end: end {TWELVE + 2} must be greater than "
        "start 5000"
    ]


def test_each_span_a_conflict_holds_is_checked_against_the_text(tmp_path: Path) -> None:
    corpus, scheme, gold = merged(tmp_path)

    def edit(conflicts: dict[str, Any]) -> None:
        conflicts["c1"]["versions"][0]["spans"][0].update(text="WRONG")
        conflicts["c2"]["versions"][1]["spans"][0].update(end=600)
        conflicts["c3"]["versions"][0]["links"]["releases[0].released_by"][0].update(start=1)
        conflicts["c4"]["versions"][0]["links"]["releases[0].count"][0].update(value="twelve")

    bad = edited(gold, edit)
    expected = [
        "1: conflicts.c4.versions.0.links.releases[0].count.0.value: expected an integer, got "
        "'twelve' (label 'count')",
        "1: conflicts.c1.versions.0.spans.0.text: 'WRONG' does not match the text at 13..16: '146'",
        f"1: conflicts.c2.versions.1.spans.0.end: 600 is past the end of the text ({len(TEXT)})",
        "1: conflicts.c3.versions.0.links.releases[0].released_by.0.text: 'Russia' does not "
        "match the text at 1..6: 'ussia'",
    ]
    assert problems(bad, scheme, corpus) == expected
    # Without a corpus, what needs no text is said all the same.
    assert problems(bad, scheme, None) == expected[:1]


def test_a_conflicts_span_of_no_label_of_the_scheme_is_told_with_the_lines_own(
    tmp_path: Path,
) -> None:
    corpus, scheme, gold = merged(tmp_path)

    def edit(conflicts: dict[str, Any]) -> None:
        conflicts["c1"]["versions"][0]["spans"][0].update(label="place")
        conflicts["c3"]["versions"][0]["links"]["releases[0].count"][0].update(label="place")

    assert problems(edited(gold, edit), scheme, corpus) == [
        f"1: conflicts.c1.versions.0.spans.0.label: unknown label 'place' (scheme {scheme}: "
        "actor, count, date, releasee); 2 span(s) on 1 line(s) have it; a label the scheme "
        "given does not have (changed since the record was made?); annotator review says it "
        "and merges the document anew with l, ctrl+r twice"
    ]


def test_what_holds_a_conflicts_spans_is_said_when_it_cannot_be_read(tmp_path: Path) -> None:
    corpus, scheme, gold = merged(tmp_path)

    def edit(conflicts: dict[str, Any]) -> None:
        conflicts["c1"]["versions"][0]["spans"][0]["id"] = "s9"
        conflicts["c2"]["versions"][1]["spans"] = {"start": 1}
        conflicts["c3"]["versions"][0]["links"]["releases[0].count"] = ["s2"]
        conflicts["c4"]["versions"] = "bob"

    assert problems(edited(gold, edit), scheme, corpus) == [
        "1: conflicts.c1.versions.0.spans.0.id: unknown field (a version's spans carry no id)",
        "1: conflicts.c2.versions.1.spans: expected a list of spans",
        "1: conflicts.c3.versions.0.links.releases[0].count.0: expected an object (a span)",
        "1: conflicts.c4.versions: expected a list of versions",
    ]


def test_a_span_missing_a_field_is_named_as_a_records_span_is(tmp_path: Path) -> None:
    corpus, scheme, gold = merged(tmp_path)

    def edit(conflicts: dict[str, Any]) -> None:
        del conflicts["c1"]["versions"][0]["spans"][0]["text"]
        conflicts["c2"]["versions"][1]["spans"][0]["start"] = -1

    assert problems(edited(gold, edit), scheme, corpus) == [
        "1: conflicts.c1.versions.0.spans.0.text: required field is missing",
        "1: conflicts.c2.versions.1.spans.0.start: Input should be greater than or equal to 0",
    ]


def test_an_older_texts_line_says_its_hash_not_each_conflict_span(tmp_path: Path) -> None:
    """A line of another text is one problem (doc_sha256) with the corpus: its spans, the
    record's or its conflicts', are of that text."""
    corpus, scheme, gold = merged(tmp_path)
    corpus.write_text(corpus.read_text(encoding="utf-8").replace("Russia", "Prussia"))

    def edit(conflicts: dict[str, Any]) -> None:
        conflicts["c1"]["versions"][0]["spans"][0].update(text="WRONG")

    (found,) = problems(edited(gold, edit), scheme, corpus)
    assert found.startswith("1: doc_sha256: does not match the text of 'd1' in the corpus")


def test_an_export_with_text_checks_its_conflicts_against_its_lines_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus, scheme, gold = merged(tmp_path)
    out = tmp_path / "gwt.jsonl"
    export = ["export", str(gold), "--format", "jsonl", "--with-text", "--status", "all"]
    assert main([*export, "--corpus", str(corpus), "--scheme", str(scheme), "-o", str(out)]) == 0
    capsys.readouterr()
    # The export refuses such a span (test_export_conflict_spans_checked): edited after it.
    line = orjson.loads(out.read_bytes())
    line["conflicts"][0]["versions"][0]["spans"][0].update(start=12, text="WRONG")
    out.write_bytes(orjson.dumps(line) + b"\n")
    said = (
        f"{out}:1: conflicts.c1.versions.0.spans.0.text: 'WRONG' does not match the text at "
        "12..16: ' 146'"
    )
    for corpus_given in ([], ["--corpus", str(corpus)]):
        assert main(["validate", str(out), "--scheme", str(scheme), *corpus_given]) == 1
        assert capsys.readouterr().out.splitlines() == [said]
