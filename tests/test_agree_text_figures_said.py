"""agree says why token kappa and character alpha are n/a (null in --json).

A trial's agree over documents nobody marked showed "n/a" for both, with no word: agreement by
chance is total when every token and character has one category in every record (design.md:
an undefined figure is null), and the note now says so.
"""

from __future__ import annotations

from pathlib import Path

import orjson

from annotator.core.agreement import agreement_of_files
from annotator.core.corpus import open_corpus
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

NO_SPAN = (
    "token kappa and character alpha: n/a: no compared document holds a span, so every token "
    "and character is O (outside any span): there is nothing for them to measure"
)


def _no_spans(tmp_path: Path) -> tuple[list[Path], Path]:
    journals = [
        write_journal(tmp_path / f"{name}.jsonl", record(name, "d1"), record(name, "d2"))
        for name in ("alice", "bob", "carol")
    ]
    folder = tmp_path / "docs"
    folder.mkdir()
    return journals, write_corpus(folder, {"d1": TEXT, "d2": TEXT})


def test_no_span_in_any_compared_document_is_said(tmp_path: Path) -> None:
    journals, corpus = _no_spans(tmp_path)
    report = agreement_of_files(journals, scheme(tmp_path), open_corpus(corpus))
    assert (report["spans"]["token_kappa"], report["spans"]["char_alpha"]) == (None, None)
    assert [note for note in report["notes"] if "kappa" in note] == [NO_SPAN]
    test_scheme = write_scheme(tmp_path)
    result = run_cli("agree", *journals, "--corpus", corpus, "--scheme", test_scheme, "--json")
    assert result.returncode == 0, result.stderr
    assert NO_SPAN in orjson.loads(result.stdout)["notes"]
    result = run_cli("agree", *journals, "--corpus", corpus, "--scheme", test_scheme)
    assert result.returncode == 0, result.stderr
    said = " ".join(result.stdout.split())  # the notes, wrapped to the width
    assert f"note: {NO_SPAN}" in said


def test_every_token_and_character_in_one_label_is_said(tmp_path: Path) -> None:
    whole = "Russia"
    records = {
        name: record(name, text=whole, spans=[span("s1", 0, 6, "actor", text=whole)])
        for name in ("alice", "bob")
    }
    journals = [write_journal(tmp_path / f"{name}.jsonl", line) for name, line in records.items()]
    corpus = open_corpus(write_corpus(tmp_path, {"d1": whole}))
    report = agreement_of_files(journals, scheme(tmp_path), corpus)
    assert (report["spans"]["token_kappa"], report["spans"]["char_alpha"]) == (None, None)
    assert [note for note in report["notes"] if "kappa" in note] == [
        "token kappa and character alpha: n/a: every token and character is labelled actor in "
        "every record: there is nothing for them to measure"
    ]


def test_kappa_alone_is_said_when_alpha_has_a_figure(tmp_path: Path) -> None:
    # Every token is in an actor span; the spaces between are outside any, so characters differ.
    text = "Russia Russia"
    spans = [span("s1", 0, 6, "actor", text=text), span("s2", 7, 13, "actor", text=text)]
    journals = [
        write_journal(tmp_path / f"{name}.jsonl", record(name, text=text, spans=spans))
        for name in ("alice", "bob")
    ]
    corpus = open_corpus(write_corpus(tmp_path, {"d1": text}))
    report = agreement_of_files(journals, scheme(tmp_path), corpus)
    assert report["spans"]["token_kappa"] is None
    assert report["spans"]["char_alpha"] == 1.0
    assert [note for note in report["notes"] if "kappa" in note or "alpha:" in note[:20]] == [
        "token kappa: n/a: every token is labelled actor in every record: there is nothing for "
        "it to measure"
    ]


def test_a_pair_whose_kappa_is_na_beside_a_mean_is_said(tmp_path: Path) -> None:
    russia = [span("s1", 0, 6, "actor")]
    alice = write_journal(
        tmp_path / "alice.jsonl", record("alice", "d1", spans=russia), record("alice", "d2")
    )
    bob = write_journal(tmp_path / "bob.jsonl", record("bob", "d2"))
    carol = write_journal(tmp_path / "carol.jsonl", record("carol", "d1", spans=russia))
    corpus = open_corpus(write_corpus(tmp_path, {"d1": TEXT, "d2": TEXT}))
    report = agreement_of_files([alice, bob, carol], scheme(tmp_path), corpus)
    assert report["spans"]["token_kappa"] == 1.0
    assert [note for note in report["notes"] if "kappa" in note] == [
        "token kappa of alice and bob: n/a: in the 1 document(s) they share, every token is O "
        "(outside any span) in both records: there is nothing for it to measure; the mean is "
        "over the other pairs"
    ]


def test_figures_with_spans_have_no_such_note(tmp_path: Path) -> None:
    russia = [span("s1", 0, 6, "actor")]
    journals = [
        write_journal(tmp_path / f"{name}.jsonl", record(name, spans=russia))
        for name in ("alice", "bob")
    ]
    corpus = open_corpus(write_corpus(tmp_path, {"d1": TEXT}))
    report = agreement_of_files(journals, scheme(tmp_path), corpus)
    assert report["spans"]["token_kappa"] == 1.0
    assert not [note for note in report["notes"] if "kappa" in note]
