"""A value typed or taken in review is linked to the gold span whose words it is as the search
reads both, when no span's are closer (``span_words.best_alike``, ``search_fold.fold``): a
trial's gold held actor span "Drava People’s Authority" (a curly ’); ``e`` with ``drava
people's authority`` typed on the keyboard settled ``= drava people's authority (typed)``
unlinked, and taking bob's version of those words (a straight ') linked nothing and said
nothing. Typed with ’ it was linked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.core.models import GoldRecord, Span, sha256_text
from annotator.core.review import ReviewSession
from annotator.core.review_open import open_review
from annotator.core.review_outcome import decision_outcome
from annotator.core.review_typed import settle_typed
from annotator.core.review_typed_links import typed_item_links
from annotator.core.review_typed_words import spans_matching
from annotator.core.scheme import load_default_scheme
from annotator.core.span_words import spans_alike
from annotator.core.value_links import GoldSpans, words_linked
from tests.test_agreement_data import scheme, write_corpus, write_journal
from tests.test_group_items_typed import RECORDS, merged
from tests.test_review_typed_words import scratch

DRAVA = "Drava People’s Authority"  # as the article writes it: a curly ’
TYPED = "Drava People's Authority"  # as a keyboard types it
TEXT = f"LISKOVO — The {DRAVA} handed 187 soldiers to the government of Ostreva on Saturday."
GOVERNMENT = "government of Ostreva"


def span(span_id: str, words: str, label: str, value: Any = None) -> dict[str, Any]:
    start = TEXT.index(words)
    return {
        "id": span_id,
        "start": start,
        "end": start + len(words),
        "label": label,
        "text": words,
        "value": value,
    }


SPANS = [
    span("s1", DRAVA, "actor"),
    span("s2", "187 soldiers", "releasee"),
    span("s3", GOVERNMENT, "actor"),
    span("s4", "Saturday", "date", "2023-11-11"),
]
PATH = "releases[0].released_by"


def journal(name: str, released_by: str) -> dict[str, Any]:
    """``name``'s record: every span marked, one release typed, nothing linked."""
    release = {
        "released_by": released_by,
        "received_by": GOVERNMENT,
        "count": None,
        "date": "2023-11-11",
        "releasees": ["187 soldiers"],
    }
    return {
        "schema_version": 1,
        "doc_id": "d1",
        "doc_sha256": sha256_text(TEXT),
        "annotator": name,
        "status": "done",
        "spans": SPANS,
        "form": {"event_type": "exchange", "releases": [release]},
        "links": {},
    }


def opened(tmp_path: Path, alice: str, bob: str) -> ReviewSession:
    corpus = write_corpus(tmp_path, {"d1": TEXT})
    journals = [
        write_journal(tmp_path / f"{name}.jsonl", journal(name, released_by))
        for name, released_by in (("alice", alice), ("bob", bob))
    ]
    session = open_review(journals, corpus, tmp_path / "gold.jsonl", "rev")
    record = session.records["d1"]
    found = next(c for c in record.conflicts if c.get("path") == PATH)
    session.go_to("d1", found["id"])
    return session


def drava_id(record: GoldRecord) -> str:
    return next(one.id for one in record.spans if one.text == DRAVA)


def test_typed_with_the_keyboards_apostrophe_is_linked(tmp_path: Path) -> None:
    session = opened(tmp_path, "the Authority", "Drava")
    try:
        cid = session.current.conflict_id if session.current else ""
        session.settle_typed("drava people's authority")
        gold = session.records["d1"]
        # Stored as the span's words, as "russia" typed is stored "Russia".
        assert gold.form["releases"][0]["released_by"] == DRAVA
        assert gold.links[PATH] == [drava_id(gold)]
        assert session.take_notices()[0] == (
            f"settled {cid}: releases #1 released_by = {DRAVA} (typed), linked to {drava_id(gold)}"
        )
    finally:
        assert session.close()


def test_a_version_of_the_keyboards_apostrophe_taken_is_linked(tmp_path: Path) -> None:
    session = opened(tmp_path, "the Authority", TYPED)
    try:
        view = session.view()
        assert view is not None
        bob = next(v.index for v in view.versions if "bob" in str(v))
        before = session.records["d1"]
        cid = session.current.conflict_id if session.current else ""
        session.take(bob)
        gold = session.records["d1"]
        s1 = drava_id(gold)
        assert gold.links[PATH] == [s1]
        # Stored as the span's words, as a version's value linked by its words is.
        assert gold.form["releases"][0]["released_by"] == DRAVA
        assert session.take_notices()[0] == f"settled {cid}: took bob's version; linked to {s1}"
        # Read back later (an undo of an earlier session's decision), it is bob's still.
        assert decision_outcome(before, gold, cid) == (
            f"releases #1 released_by = “{DRAVA}” (bob's value)"
        )
    finally:
        assert session.close()


def test_typed_as_a_versions_words_is_said_as_theirs(tmp_path: Path) -> None:
    # Typing bob's words makes the record taking bob's version makes: said as his value.
    session = opened(tmp_path, "the Authority", TYPED)
    try:
        session.settle_typed("drava people's authority")
        gold = session.records["d1"]
        assert gold.form["releases"][0]["released_by"] == DRAVA
        assert session.take_notices()[0] == (
            f"settled c1: releases #1 released_by = {DRAVA} (bob's value), linked to s1"
        )
    finally:
        assert session.close()


def test_merge_links_an_agreed_value_of_the_keyboards_apostrophe() -> None:
    """Merge's index of gold's words (``value_links``) reads them as the search does too, and
    stores the span's words; a list's item alike."""
    scheme = load_default_scheme()
    release = {"released_by": TYPED, "releasees": ["187 Soldiers"]}
    form = {"event_type": "exchange", "releases": [release]}
    linked_form, links = words_linked(GoldSpans(SPANS), form, {}, scheme)
    assert links == {"releases[0].released_by": ["s1"], "releases[0].releasees": ["s2"]}
    assert linked_form["releases"][0] == {"released_by": DRAVA, "releasees": ["187 soldiers"]}


def model(span_id: str, words: str) -> Span:
    return Span(id=span_id, start=0, end=len(words), label="actor", text=words)


def test_words_are_read_as_the_search_reads_them() -> None:
    drava = model("s1", DRAVA)
    for typed in (TYPED, "drava people‘s  authority", "DRAVA PEOPLE’S AUTHORITY"):
        assert spans_alike(typed, [drava]) == [drava]
    kessar = model("s2", "Józef Kessar–Strait")
    assert spans_alike("Jozef Kessar-Strait", [kessar]) == [kessar]
    assert spans_alike("Drava Peoples Authority", [drava]) == []
    assert spans_alike(f"{DRAVA} x", [drava]) == []


def test_a_spans_words_as_they_are_come_first() -> None:
    """The value's own words pick their span before those alike as the search reads them:
    "Russia" beside another span "RUSSIA" is still s1's; "russia", both's (none linked)."""
    scheme = load_default_scheme()
    leaf = next(field for field in scheme.fields if field.name == "releases").fields[0]

    record = GoldRecord.model_construct(spans=[model("s1", "Russia"), model("s2", "RUSSIA")])
    assert [one.id for one in spans_matching(record, leaf, "Russia")] == ["s1"]
    assert [one.id for one in spans_matching(record, leaf, "russia")] == ["s1", "s2"]


def test_an_item_typed_in_the_items_editor_is_linked(tmp_path: Path) -> None:
    """``e`` on a group's conflict: an item's field typed with the keyboard's apostrophe is
    linked as shown in the box, and saved as the span's words (tests/test_review_typed_words'
    case, gold given an actor span of a curly ’)."""
    group_scheme = scheme(tmp_path)
    made = merged(group_scheme, RECORDS)
    curly = Span(id="s9", start=0, end=len(DRAVA), label="actor", text=DRAVA)
    made = made.model_copy(update={"spans": [*made.spans, curly]})
    typed = scratch(group_scheme, released_by="drava people's authority")
    shown = typed_item_links(made, "c2", typed, group_scheme, RECORDS)
    assert shown == [{"released_by": ["s9"]}]
    settled = settle_typed(made, "c2", typed, group_scheme, RECORDS)
    assert settled.links["releases[0].released_by"] == ["s9"]
    assert settled.form["releases"][0]["released_by"] == DRAVA
