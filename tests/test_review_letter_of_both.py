"""``a`` / ``b`` on a version both annotators gave: a document two annotators finished under
``--min-agree 3`` has each of its spans in a conflict of one version, "alice, carol". A trial's
``b`` there said "carol gave nothing here: press a (or 1)", though carol gave that version."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from tests.test_agreement_data import SCHEME_TOML, TEXT, record, span, write_corpus, write_journal
from tests.test_review_session_data import fixed_now, latest

RUSSIA = span("s1", 0, 6, "actor")


@pytest.fixture
def session(tmp_path: Path) -> Iterator[ReviewSession]:
    scheme = tmp_path / "scheme.toml"
    scheme.write_text(SCHEME_TOML, encoding="utf-8")
    corpus = write_corpus(tmp_path, {"d1": TEXT, "d2": TEXT})
    # d2 by all three, agreed; d1 by alice and bob alone: its span is a conflict of one version.
    journals = [
        write_journal(
            tmp_path / f"{name}.jsonl", *(record(name, doc, spans=[RUSSIA]) for doc in docs)
        )
        for name, docs in (("alice", ("d1", "d2")), ("bob", ("d1", "d2")), ("carol", ("d2",)))
    ]
    opened = open_review(
        journals,
        corpus,
        tmp_path / "gold.jsonl",
        "rita",
        scheme_path=scheme,
        min_agree=3,
        now=fixed_now,
    )
    yield opened
    opened.close()


@pytest.mark.parametrize("letter", ["a", "b"])
def test_either_letter_takes_the_version_both_gave(session: ReviewSession, letter: str) -> None:
    view = session.view()
    assert view is not None and view.place.doc_id == "d1"
    assert [version.annotators for version in view.versions] == [("alice", "bob")]
    session.take_letter(letter)
    assert session.flush(10)
    line = latest(session.store.journal)["d1"]
    assert [(s["start"], s["end"], s["label"]) for s in line["spans"]] == [(0, 6, "actor")]
    assert [c for c in line["conflicts"] if c["kind"] == "span"] == []  # its form's stay open


def test_the_version_both_gave_bears_both_letters(session: ReviewSession) -> None:
    # The panel's badge and keys show the letter: "a" alone read as alice's, b as no key here.
    view = session.view()
    assert view is not None
    assert [(version.key, version.letter) for version in view.versions] == [("1", "a/b")]
