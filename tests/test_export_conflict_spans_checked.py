"""An export reading the texts checks the spans a gold record's open conflicts hold, as
validate does (``validate_conflicts.conflict_problems``): one line naming the file, the line and
the conflict's span, exit 1, nothing written.

``export --with-text`` wrote a gold line whose conflict held a span not matching its text (the
trial's edit: start 12, text "WRONG") without a word, though validate refused that gold file, and
validate then refused the export too; a review takes such a span into gold.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from annotator.cli import main
from annotator.core.errors import AnnotatorError
from annotator.core.formats.export import export_records
from annotator.core.scheme import load_scheme
from tests.test_validate_conflicts import edited, merged


def wrong_text(conflicts: dict[str, Any]) -> None:
    conflicts["c1"]["versions"][0]["spans"][0].update(start=12, text="WRONG")


WRONG_TEXT = (
    "conflicts.c1.versions.0.spans.0.text: 'WRONG' does not match the text at 12..16: ' 146'"
)


def test_export_with_text_refuses_the_trials_conflict_span(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus, scheme, gold = merged(tmp_path)
    bad = edited(gold, wrong_text)
    out = tmp_path / "gwt.jsonl"
    export = ["export", str(bad), "--format", "jsonl", "--with-text", "--status", "all"]
    assert main([*export, "--corpus", str(corpus), "--scheme", str(scheme), "-o", str(out)]) == 1
    said = capsys.readouterr()
    assert (said.out, said.err) == ("", f"{bad}:1: {WRONG_TEXT}\n")
    assert not out.exists()
    # The gold file as merged goes out as before.
    assert main([*export[:1], str(gold), *export[2:], "--corpus", str(corpus), "-o", str(out)]) == 0


@pytest.mark.parametrize("fmt", ["conll", "prodigy", "hf"])
def test_every_export_reading_the_texts_refuses_it(tmp_path: Path, fmt: str) -> None:
    corpus, _scheme, gold = merged(tmp_path)
    bad = edited(gold, wrong_text)
    out = tmp_path / "out"
    with pytest.raises(AnnotatorError) as refused:
        export_records(bad, fmt, out, corpus=corpus, status="all")
    assert str(refused.value) == f"{bad}:1: {WRONG_TEXT}"
    assert not out.exists()


def test_each_problem_is_counted_and_the_first_named(tmp_path: Path) -> None:
    corpus, _scheme, gold = merged(tmp_path)

    def edit(conflicts: dict[str, Any]) -> None:
        conflicts["c2"]["versions"][1]["spans"][0].update(end=600)
        conflicts["c3"]["versions"][0]["links"]["releases[0].released_by"][0].update(start=1)

    bad = edited(gold, edit)
    with pytest.raises(AnnotatorError) as refused:
        export_records(
            bad, "jsonl", tmp_path / "o.jsonl", corpus=corpus, with_text=True, status="all"
        )
    assert str(refused.value).startswith(
        f"{bad}:1: conflicts.c2.versions.1.spans.0.end: 600 is past the end of the text ("
    )
    assert str(refused.value).endswith(" (and 1 more)")


def test_what_holds_the_spans_and_their_values_are_checked_too(tmp_path: Path) -> None:
    corpus, scheme, gold = merged(tmp_path)

    def edit(conflicts: dict[str, Any]) -> None:
        conflicts["c4"]["versions"][0]["links"]["releases[0].count"][0].update(value="twelve")

    bad = edited(gold, edit)
    out = tmp_path / "o.jsonl"
    with pytest.raises(AnnotatorError) as refused:
        export_records(
            bad,
            "jsonl",
            out,
            corpus=corpus,
            with_text=True,
            status="all",
            scheme=load_scheme(scheme),
        )
    assert str(refused.value) == (
        f"{bad}:1: conflicts.c4.versions.0.links.releases[0].count.0.value: expected an integer, "
        "got 'twelve' (label 'count')"
    )
    held = edited(gold, lambda conflicts: conflicts["c4"].update(versions="bob"))
    with pytest.raises(AnnotatorError) as refused:
        export_records(held, "conll", out, corpus=corpus, status="all")
    assert str(refused.value) == f"{held}:1: conflicts.c4.versions: expected a list of versions"


def test_a_record_of_another_text_is_said_by_its_hash_alone(tmp_path: Path) -> None:
    corpus, _scheme, gold = merged(tmp_path)
    corpus.write_text(corpus.read_text(encoding="utf-8").replace("Russia", "Prussia"))
    with pytest.raises(AnnotatorError) as refused:
        export_records(gold, "conll", tmp_path / "o.conll", corpus=corpus, status="all")
    said = str(refused.value)
    # Its conflicts' spans are of that other text: not each a problem of this one.
    assert said.startswith(f"{gold}:1: doc_sha256: does not match the text of 'd1' in the corpus")
    assert "(and" not in said
