"""A value is matched to gold's spans in tiers (``span_words.best_alike``): its words as they
are (whitespace aside), else case aside, else as the search folds them (accents, quotes,
dashes), and only at the first tier any span matches. A trial's gold held releasees s2
"Józef Nowak" and s3 "Jozef Nowak" (two people): ``e`` with ``JÓZEF NOWAK`` matched both as
the search folds them and settled unlinked, where case aside it is s2's alone; and taking
alice's ``józef nowak, maël brossard`` linked only "Maël Brossard"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.core.models import GoldRecord, Span, sha256_text
from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from annotator.core.review_typed_words import spans_matching
from annotator.core.scheme import load_default_scheme
from annotator.core.span_words import best_alike
from tests.test_agreement_data import write_corpus, write_journal

TEXT = (
    "date 2024-03-19\nKestria freed Józef Nowak and Jozef Nowak, and also Théodore Maël Brossard"
    " and Maël Brossard, to Norvania.\n"
)
WORDS = [
    ("Kestria", "actor"),
    ("Józef Nowak", "releasee"),
    ("Jozef Nowak", "releasee"),
    ("Théodore Maël Brossard", "releasee"),
    ("Maël Brossard", "releasee"),
    ("Norvania", "actor"),
]
PATH = "releases[0].releasees"


def spans() -> list[dict[str, Any]]:
    out = []
    for number, (words, label) in enumerate(WORDS, start=1):
        start = TEXT.index(words) if words != "Maël Brossard" else TEXT.rindex(words)
        out.append(
            {"id": f"s{number}", "start": start, "end": start + len(words), "label": label}
            | {"text": words, "value": None}
        )
    return out


def journal(name: str, releasees: list[str]) -> dict[str, Any]:
    release = {"released_by": "Kestria", "received_by": "Norvania", "releasees": releasees}
    return {
        "schema_version": 1,
        "doc_id": "d1",
        "doc_sha256": sha256_text(TEXT),
        "annotator": name,
        "status": "done",
        "spans": spans(),
        "form": {"event_type": "unilateral_release", "releases": [release]},
        "links": {"releases[0].released_by": ["s1"], "releases[0].received_by": ["s6"]},
    }


def opened(tmp_path: Path) -> ReviewSession:
    corpus = write_corpus(tmp_path, {"d1": TEXT})
    given = {
        "alice": ["józef nowak", "maël brossard"],
        "bob": ["Jozef Nowak"],
        "carol": ["JÓZEF NOWAK"],
    }
    journals = [
        write_journal(tmp_path / f"{name}.jsonl", journal(name, releasees))
        for name, releasees in given.items()
    ]
    session = open_review(journals, corpus, tmp_path / "gold.jsonl", "rev")
    found = next(c for c in session.records["d1"].conflicts if c.get("path") == PATH)
    session.go_to("d1", found["id"])
    return session


def test_typed_in_capitals_is_the_span_of_its_case(tmp_path: Path) -> None:
    session = opened(tmp_path)
    try:
        session.settle_typed("JÓZEF NOWAK")
        gold = session.records["d1"]
        assert gold.form["releases"][0]["releasees"] == ["Józef Nowak"]
        assert gold.links[PATH] == ["s2"]
        # carol's "JÓZEF NOWAK" is stored so; bob's "Jozef Nowak" is s3's words, not given.
        assert session.take_notices()[0] == (
            "settled c1: releases #1 releasees = Józef Nowak (carol's value), linked to s2"
        )
    finally:
        assert session.close()


def test_a_version_taken_links_each_item_by_its_best_tier(tmp_path: Path) -> None:
    session = opened(tmp_path)
    try:
        view = session.view()
        assert view is not None
        alice = next(v.index for v in view.versions if v.annotators == ("alice",))
        session.take(alice)
        gold = session.records["d1"]
        assert gold.form["releases"][0]["releasees"] == ["Józef Nowak", "Maël Brossard"]
        assert gold.links[PATH] == ["s2", "s5"]
        assert session.take_notices()[0] == "settled c1: took alice's version; linked to s2 s5"
    finally:
        assert session.close()


def model(span_id: str, words: str) -> Span:
    return Span(id=span_id, start=0, end=len(words), label="releasee", text=words)


def test_the_first_tier_that_matches_decides() -> None:
    accented, plain = model("s2", "Józef Nowak"), model("s3", "Jozef Nowak")
    both = [accented, plain]
    text = lambda span: span.text  # noqa: E731
    assert best_alike("Jozef  Nowak", both, text) == [plain]  # as they are
    assert best_alike("JÓZEF NOWAK", both, text) == [accented]  # case aside
    assert best_alike("jozef nowak", both, text) == [plain]
    assert best_alike("józef nowak", both, text) == [accented]
    assert best_alike("JOZEF NOWÁK", both, text) == both  # only as folded: both, say so
    assert best_alike("Jozef Nowakowski", both, text) == []
    assert best_alike("", both, text) == []
    leaf = next(f for f in load_default_scheme().fields if f.name == "releases").fields
    releasees = next(f for f in leaf if f.name == "releasees")
    record = GoldRecord.model_construct(spans=both)
    assert [one.id for one in spans_matching(record, releasees, "JÓZEF NOWAK")] == ["s2"]
    assert [one.id for one in spans_matching(record, releasees, "jozef nowák")] == ["s2", "s3"]
