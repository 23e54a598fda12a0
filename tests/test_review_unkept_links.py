"""A version's link to a span gold does not hold: the panel's view marks it, and taking the
version says the link was not kept (``review_unkept_links``). A trial settled c1 keeping
alice's releasee "95 prisoners of war", then took bob's releasees "95 prisoners", linked to his
own "95 prisoners": gold held the name unlinked and the message said only "took bob's
version"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.core.models import sha256_text
from annotator.core.review import ReviewSession
from annotator.core.review_links import gold_ids_of
from annotator.core.review_open import open_review
from annotator.core.review_unkept_links import links_not_in_gold
from annotator.core.review_views import Place
from tests.test_agreement_data import write_corpus, write_journal
from tests.test_review_session_data import latest

TEXT = "Kestria handed 95 prisoners of war to Norvania on Sunday; six wounded came later."
LONG, SHORT = "95 prisoners of war", "95 prisoners"


def at(
    words: str, label: str, span_id: str, value: Any = None, text: str = TEXT, last: bool = False
) -> dict[str, Any]:
    start = text.rindex(words) if last else text.index(words)
    return {
        "id": span_id,
        "start": start,
        "end": start + len(words),
        "label": label,
        "text": words,
        "value": value,
    }


def journal(name: str, releasee: dict[str, Any], text: str = TEXT, **extra: Any) -> dict[str, Any]:
    """``name`` marks both sides and ``releasee``, and gives one release whose releasees is
    ``releasee``'s words, linked to it (and ``extra``: more spans, items, links)."""
    release = {"released_by": "Kestria", "received_by": "Norvania", "releasees": [releasee["text"]]}
    return {
        "schema_version": 1,
        "doc_id": "d1",
        "doc_sha256": sha256_text(text),
        "annotator": name,
        "status": "done",
        "spans": [
            at("Kestria", "actor", "x1", text=text),
            at("Norvania", "actor", "x2", text=text),
            releasee,
            *extra.get("spans", []),
        ],
        "form": {"event_type": "exchange", "releases": [release, *extra.get("items", [])]},
        "links": {"releases[0].releasees": [releasee["id"]], **extra.get("links", {})},
    }


def open_case(
    tmp_path: Path, alice: dict[str, Any], bob: dict[str, Any], text: str = TEXT
) -> ReviewSession:
    corpus = write_corpus(tmp_path, {"d1": text})
    files = [
        write_journal(tmp_path / "alice.jsonl", alice),
        write_journal(tmp_path / "bob.jsonl", bob),
    ]
    return open_review(files, corpus, tmp_path / "gold.jsonl", "rita")


def go_to(session: ReviewSession, path: str) -> None:
    record = session.record
    assert record is not None
    wanted = next(c["id"] for c in record.conflicts if c.get("path") == path)
    while session.current is not None and session.current.conflict_id != wanted:
        session.take(0)  # the span conflicts before it: alice's version
        session.take_notices()


def test_bobs_link_to_a_span_left_out_is_marked_then_said_not_kept(tmp_path: Path) -> None:
    session = open_case(
        tmp_path,
        journal("alice", at(LONG, "releasee", "a1")),
        journal("bob", at(SHORT, "releasee", "b1")),
    )
    try:
        go_to(session, "releases[0].releasees")  # c1 settled with alice's "95 prisoners of war"
        view = session.view()
        assert view is not None
        start = TEXT.index(SHORT)
        bob = next(version for version in view.versions if version.annotators == ("bob",))
        assert bob.not_in_gold == {(start, start + len(SHORT), "releasee", None)}
        alice = next(version for version in view.versions if version.annotators == ("alice",))
        assert alice.not_in_gold == frozenset()  # her span is gold
        session.take(bob.index)
        said = session.take_notices()[0]
        assert said == (
            f"settled {view.place.conflict_id}: took bob's version; its link to “95 prisoners” "
            f"{start}–{start + len(SHORT)} not kept: that span is not in gold"
        )
    finally:
        assert session.close()
    line = latest(tmp_path / "gold.jsonl")["d1"]
    assert line["form"]["releases"][0]["releasees"] == [SHORT]
    assert "releases[0].releasees" not in line["links"]


def test_a_link_kept_is_said_as_made_not_as_lost(tmp_path: Path) -> None:
    session = open_case(
        tmp_path,
        journal("alice", at(LONG, "releasee", "a1")),
        journal("bob", at(SHORT, "releasee", "b1")),
    )
    try:
        go_to(session, "releases[0].releasees")
        view = session.view()
        assert view is not None
        alice = next(version for version in view.versions if version.annotators == ("alice",))
        session.take(alice.index)
        said = session.take_notices()[0]
        assert said == f"settled {view.place.conflict_id}: took alice's version; linked to s3"
    finally:
        assert session.close()
    line = latest(tmp_path / "gold.jsonl")["d1"]
    assert line["links"]["releases[0].releasees"] == ["s3"]


def test_a_link_to_a_span_still_in_dispute_says_where_it_is_given(tmp_path: Path) -> None:
    session = open_case(
        tmp_path,
        journal("alice", at(LONG, "releasee", "a1")),
        journal("bob", at(SHORT, "releasee", "b1")),
    )
    try:
        record = session.record
        assert record is not None
        span_conflict = next(c["id"] for c in record.conflicts if c["kind"] == "span")
        names = next(c["id"] for c in record.conflicts if c.get("path") == "releases[0].releasees")
        session.current = Place("d1", names)  # c1, bob's "95 prisoners", is still open
        view = session.view()
        assert view is not None
        bob = next(version for version in view.versions if version.annotators == ("bob",))
        session.take(bob.index)
        said = session.take_notices()[0]
        start = TEXT.index(SHORT)
        assert said.endswith(
            f"its link to “95 prisoners” {start}–{start + len(SHORT)} not kept: that span is "
            f"not in gold (yet: {span_conflict} gives it)"
        )
    finally:
        assert session.close()


def test_a_value_its_words_link_elsewhere_names_that_span(tmp_path: Path) -> None:
    """bob's "95 prisoners" is left out, but gold holds those words elsewhere (both marked the
    second "95 prisoners"): the name is linked to it by its words, and said so."""
    text = "Kestria handed 95 prisoners of war to Norvania; of the 95 prisoners, six were ill."
    second = at(SHORT, "releasee", "o1", text=text, last=True)
    session = open_case(
        tmp_path,
        journal("alice", at(LONG, "releasee", "a1", text=text), text, spans=[second]),
        journal(
            "bob", at(SHORT, "releasee", "b1", text=text), text, spans=[{**second, "id": "b9"}]
        ),
        text,
    )
    try:
        go_to(session, "releases[0].releasees")
        view = session.view()
        assert view is not None
        bob = next(version for version in view.versions if version.annotators == ("bob",))
        session.take(bob.index)
        said = session.take_notices()[0]
        first = text.index(SHORT)
        gold_id = next(s.id for s in session.records["d1"].spans if s.start == second["start"])
        assert said.endswith(
            f"its link to “95 prisoners” {first}–{first + len(SHORT)} not kept: that span "
            f"is not in gold; releases #1 releasees linked to {gold_id} “95 prisoners” "
            f"{second['start']}–{second['end']}"
        )
    finally:
        assert session.close()
    line = latest(tmp_path / "gold.jsonl")["d1"]
    assert line["links"]["releases[0].releasees"] == [gold_id]


def test_an_item_whose_count_is_linked_to_a_span_left_out(tmp_path: Path) -> None:
    """alice's second release counts "six", which only she marked: with "six" rejected, her
    item is taken with its count 6 unlinked, and that is said."""
    six = at("six", "count", "a9", value=6)
    wounded = {"released_by": "Kestria", "received_by": "Norvania", "count": 6}
    session = open_case(
        tmp_path,
        journal(
            "alice",
            at(LONG, "releasee", "a1"),
            spans=[six],
            items=[wounded],
            links={"releases[1].count": ["a9"]},
        ),
        journal("bob", at(LONG, "releasee", "b1")),
    )
    try:
        record = session.record
        assert record is not None
        on_six = next(
            c["id"] for c in record.conflicts if c.get("region") == [six["start"], six["end"]]
        )
        item = next(c["id"] for c in record.conflicts if c.get("path") == "releases")
        session.current = Place("d1", on_six)
        session.reject_all()
        session.current = Place("d1", item)
        view = session.view()
        assert view is not None
        assert view.versions[0].not_in_gold == {(six["start"], six["end"], "count", 6)}
        session.take_notices()
        session.take(0)
        said = session.take_notices()[0]
        assert said == (
            f"settled {item}: releases: added the item alice gave (Kestria → Norvania, 6) to "
            f"gold; its link to “six” {six['start']}–{six['end']} not kept: that span is not "
            "in gold; linked: released_by s1, received_by s3"
        )
    finally:
        assert session.close()
    line = latest(tmp_path / "gold.jsonl")["d1"]
    assert line["form"]["releases"][1]["count"] == 6
    assert "releases[1].count" not in line["links"]


def test_a_link_is_said_not_kept_exactly_when_it_is_not_carried(tmp_path: Path) -> None:
    """The message's rule is the rule links are carried by (``review_links.linked_span``): a
    version's span whose value differs from gold's only once normalised (a blank value against
    none) is not carried, and was said kept."""
    alike = journal("alice", at(LONG, "releasee", "x3"))
    session = open_case(tmp_path, alike, {**alike, "annotator": "bob"})
    try:
        record = session.records["d1"]
        gold = next(span for span in record.spans if span.text == LONG)
        releases = next(one for one in session.scheme.fields if one.name == "releases")
        releasees = next(one for one in releases.fields if one.name == "releasees")
        same = gold.model_dump()
        blank = {**same, "value": " "}
        assert gold_ids_of(record, [same], releasees) == [gold.id]
        assert links_not_in_gold(record, {"releases[0].releasees": [same]}) == frozenset()
        assert gold_ids_of(record, [blank], releasees) == []
        assert links_not_in_gold(record, {"releases[0].releasees": [blank]}) == {
            (gold.start, gold.end, "releasee", " ")
        }
    finally:
        session.close()
